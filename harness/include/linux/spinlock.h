/* Simulation point: spinlock_t as a blocking lock (contexts here never spin). */
#ifndef NVTSIM_LINUX_SPINLOCK_H
#define NVTSIM_LINUX_SPINLOCK_H

#include <linux/compiler.h>
#include <linux/types.h>

typedef struct {
	int owner;		/* context id + 1; 0 when free */
	const char *name;
} spinlock_t;

typedef struct {
	int unused;
} rwlock_t;

void sim_spin_lock_init(spinlock_t *l, const char *name);
void sim_spin_lock(spinlock_t *l, const char *fn);
void sim_spin_unlock(spinlock_t *l, const char *fn);

#define spin_lock_init(l) sim_spin_lock_init((l), #l)
#define spin_lock(l) (SIM_AT(), sim_spin_lock((l), __func__))
#define spin_unlock(l) (SIM_AT(), sim_spin_unlock((l), __func__))
#define spin_lock_bh(l) (SIM_AT(), sim_spin_lock((l), __func__))
#define spin_unlock_bh(l) (SIM_AT(), sim_spin_unlock((l), __func__))

/* Stub: sk_callback_lock only guards against teardown, which is not simulated. */
#define read_lock_bh(l) ((void)(l))
#define read_unlock_bh(l) ((void)(l))

#endif
