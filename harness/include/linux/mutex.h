/* Simulation point: struct mutex with owner checks; lock blocks, trylock never does. */
#ifndef NVTSIM_LINUX_MUTEX_H
#define NVTSIM_LINUX_MUTEX_H

#include <linux/compiler.h>
#include <linux/types.h>

struct mutex {
	int owner;		/* context id + 1; 0 when free */
	const char *name;
};

void sim_mutex_init(struct mutex *m, const char *name);
int sim_mutex_trylock(struct mutex *m, const char *fn);
void sim_mutex_lock(struct mutex *m, const char *fn);
void sim_mutex_unlock(struct mutex *m, const char *fn);

#define mutex_init(m) sim_mutex_init((m), #m)
#define mutex_trylock(m) (SIM_AT(), sim_mutex_trylock((m), __func__))
#define mutex_lock(m) (SIM_AT(), sim_mutex_lock((m), __func__))
#define mutex_unlock(m) (SIM_AT(), sim_mutex_unlock((m), __func__))

#endif
