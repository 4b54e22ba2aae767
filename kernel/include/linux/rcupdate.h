/* Faithful for one thread: RCU readers see the last store. */
#ifndef NVTSIM_K_RCUPDATE_H
#define NVTSIM_K_RCUPDATE_H

#include <linux/compiler.h>
#include <linux/srcu.h>

#define rcu_read_lock() do { } while (0)
#define rcu_read_unlock() do { } while (0)
#define rcu_dereference(p) READ_ONCE(p)
#define rcu_dereference_protected(p, c) (p)
#define rcu_access_pointer(p) READ_ONCE(p)
#define rcu_assign_pointer(p, v) WRITE_ONCE((p), (v))
#define RCU_INIT_POINTER(p, v) ((p) = (v))
void synchronize_rcu(void);
void synchronize_srcu(struct srcu_struct *ssp);

#endif
