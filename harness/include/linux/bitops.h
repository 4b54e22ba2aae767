/* Simulation point: atomic bit operations on shared flag words. */
#ifndef NVTSIM_LINUX_BITOPS_H
#define NVTSIM_LINUX_BITOPS_H

#include <linux/compiler.h>
#include <linux/types.h>

bool sim_test_bit(int nr, const unsigned long *addr, const char *name,
		  const char *fn);
void sim_set_bit(int nr, unsigned long *addr, const char *name, const char *fn);
void sim_clear_bit(int nr, unsigned long *addr, const char *name,
		   const char *fn);

#define test_bit(nr, addr) (SIM_AT(), sim_test_bit((nr), (addr), #addr, __func__))
#define set_bit(nr, addr) (SIM_AT(), sim_set_bit((nr), (addr), #addr, __func__))
#define clear_bit(nr, addr) (SIM_AT(), sim_clear_bit((nr), (addr), #addr, __func__))

#endif
