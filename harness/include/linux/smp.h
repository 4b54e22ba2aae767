/* Faithful: the CPU of the running context (contexts never migrate). */
#ifndef NVTSIM_LINUX_SMP_H
#define NVTSIM_LINUX_SMP_H

#include <sim_shim.h>

#define raw_smp_processor_id() sim_current_cpu()
#define smp_processor_id() sim_current_cpu()

#endif
