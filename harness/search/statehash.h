/* A hash of the whole simulated state, for stateful search and livelock cycles. */
#ifndef NVTSIM_STATEHASH_H
#define NVTSIM_STATEHASH_H

#include <stdbool.h>
#include <stdint.h>

#include "sim.h"

/*
 * Hashes the model's queue and requests, the socket's queued bytes, the
 * controller, the workqueue, and every context's pending operation and live
 * stack (its program point and locals). Counters that only count (io_work
 * runs, bytes ever sent, PDUs seen) are left out. with_time adds the clock
 * io_work reads (the kworker's own steps): without it, two states a jiffy
 * apart hash alike, which is what a cycle check wants and a pruning search
 * must not have.
 */
uint64_t sim_state_hash(const struct sim_world *w, bool with_time);

/*
 * The same, but each context by its program point (operation, object and
 * function) instead of its stack bytes. The livelock check uses this: a
 * -O0 frame keeps stale slots that differ from round to round, so stack
 * bytes would hide a cycle that is there.
 */
uint64_t sim_state_hash_points(const struct sim_world *w);

/* False where the live stack cannot be read (the ucontext fallback). */
bool sim_state_hash_exact(void);

#endif
