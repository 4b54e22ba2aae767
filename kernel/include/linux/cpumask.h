/* Faithful: the CPUs a world has (CONFIG_NR_CPUS ids, all online); the io_cpu choice itself is set up by kernel/glue.c. */
#ifndef NVTSIM_K_CPUMASK_H
#define NVTSIM_K_CPUMASK_H

#include <linux/kernel.h>
#include <linux/smp.h>

#define NR_CPUS CONFIG_NR_CPUS
#define nr_cpu_ids ((unsigned int)NR_CPUS)
struct cpumask {
	unsigned long bits[(NR_CPUS + 63) / 64];
};
extern const struct cpumask *const cpu_online_mask;
unsigned int num_online_cpus(void);
unsigned int cpumask_next_wrap();
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < (int)nr_cpu_ids; (cpu)++)
#define for_each_online_cpu(cpu) for_each_possible_cpu(cpu)

#endif
