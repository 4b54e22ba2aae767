/* Coroutines for simulated contexts: one OS thread, explicit switches, no syscall per switch. */
#ifndef NVTSIM_FIBER_H
#define NVTSIM_FIBER_H

#include <stddef.h>

#if !defined(__x86_64__)
#include <ucontext.h>
#endif

struct sim_fiber {
#if defined(__x86_64__)
	void *sp;			/* saved stack pointer while switched out */
#else
	ucontext_t uc;			/* portable fallback: swapcontext costs a syscall */
#endif
	void *stack_lo;			/* usable stack, above the guard page */
	size_t stack_bytes;
	void *map;			/* whole mapping, guard page included */
	size_t map_bytes;
	void *asan_fake_stack;
	const void *asan_from_lo;	/* where ASan saw us come from */
	size_t asan_from_bytes;
	unsigned valgrind_id;
};

typedef void (*sim_fiber_fn)(void *arg);

/* Map a stack with a guard page below it. Returns 0, or -1 if mmap fails. */
int sim_fiber_alloc(struct sim_fiber *f, size_t stack_bytes);
void sim_fiber_free(struct sim_fiber *f);

/* Make f start fn(arg) at its next switch-in; fn must never return. */
void sim_fiber_prepare(struct sim_fiber *f, sim_fiber_fn fn, void *arg);

/* Save the running fiber into from and resume to. */
void sim_fiber_switch(struct sim_fiber *from, struct sim_fiber *to);

/* Call first thing in fn: completes the switch from caller that started it. */
void sim_fiber_started(struct sim_fiber *self, struct sim_fiber *caller);

#endif
