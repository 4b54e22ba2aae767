/*
 * Simulation point: harness/include's spinlock_t and rwlock_t (shared with
 * the world); the rwlock and irqsave forms only guard against teardown,
 * which is not simulated (stubs).
 */
#ifndef NVTSIM_K_SPINLOCK_H
#define NVTSIM_K_SPINLOCK_H

#include_next <linux/spinlock.h>

#define DEFINE_SPINLOCK(l) spinlock_t l = { .owner = 0, .name = #l }
#define spin_lock_irqsave(l, f) do { SIM_AT(); (f) = 0; sim_spin_lock((l), __func__); } while (0)
#define spin_unlock_irqrestore(l, f) do { SIM_AT(); (void)(f); sim_spin_unlock((l), __func__); } while (0)
#define spin_lock_irq(l) (SIM_AT(), sim_spin_lock((l), __func__))
#define spin_unlock_irq(l) (SIM_AT(), sim_spin_unlock((l), __func__))
#define rwlock_init(l) ((void)(l))
#define write_lock_bh(l) ((void)(l))
#define write_unlock_bh(l) ((void)(l))
#define read_lock(l) ((void)(l))
#define read_unlock(l) ((void)(l))

#endif
