/* Coroutines: x86-64 register switch in a few instructions; ucontext elsewhere. */
#define _GNU_SOURCE
#include "fiber.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SIM__ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SIM__ASAN 1
#endif

#ifdef SIM__ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

/*
 * A world that stops abandons its fibers mid-call; their stacks keep ASan's
 * redzone poison, which the next run on the same stack would trip over.
 */
static void sim__fiber_clean_stack(struct sim_fiber *f)
{
#ifdef SIM__ASAN
	ASAN_UNPOISON_MEMORY_REGION(f->stack_lo, f->stack_bytes);
#else
	(void)f;
#endif
}

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define SIM__VALGRIND 1
#endif
#endif

int sim_fiber_alloc(struct sim_fiber *f, size_t stack_bytes)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t bytes = (stack_bytes + page - 1) / page * page;
	void *map;

	memset(f, 0, sizeof(*f));
	map = mmap(NULL, bytes + page, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		return -1;
	/* a runaway model recursion faults here instead of corrupting a neighbour */
	mprotect(map, page, PROT_NONE);
	f->map = map;
	f->map_bytes = bytes + page;
	f->stack_lo = (char *)map + page;
	f->stack_bytes = bytes;
#ifdef SIM__VALGRIND
	f->valgrind_id = VALGRIND_STACK_REGISTER(f->stack_lo,
						 (char *)f->stack_lo + bytes);
#endif
	return 0;
}

void sim_fiber_free(struct sim_fiber *f)
{
	if (!f->map)
		return;
#ifdef SIM__VALGRIND
	VALGRIND_STACK_DEREGISTER(f->valgrind_id);
#endif
	munmap(f->map, f->map_bytes);
	f->map = NULL;
}

#if defined(__x86_64__)

/*
 * sim__switch(save, next): push the callee-saved registers, store rsp in
 * *save, load next as rsp, pop and return into whatever next was doing.
 * The SysV ABI lets everything else be clobbered across a call; we leave
 * mxcsr and the x87 control word alone because nothing here changes them.
 */
void sim__switch(void **save, void *next);
void sim__fiber_entry(void);
__asm__(
	".text\n"
	".globl sim__switch\n"
	".type sim__switch,@function\n"
	"sim__switch:\n"
	"	pushq %rbp\n"
	"	pushq %rbx\n"
	"	pushq %r12\n"
	"	pushq %r13\n"
	"	pushq %r14\n"
	"	pushq %r15\n"
	"	movq %rsp, (%rdi)\n"
	"	movq %rsi, %rsp\n"
	"	popq %r15\n"
	"	popq %r14\n"
	"	popq %r13\n"
	"	popq %r12\n"
	"	popq %rbx\n"
	"	popq %rbp\n"
	"	ret\n"
	".size sim__switch, .-sim__switch\n"
	/* first switch-in lands here with fn in r12 and arg in r13 */
	".globl sim__fiber_entry\n"
	".type sim__fiber_entry,@function\n"
	"sim__fiber_entry:\n"
	"	movq %r13, %rdi\n"
	"	callq *%r12\n"
	"	ud2\n"
	".size sim__fiber_entry, .-sim__fiber_entry\n"
	".section .note.GNU-stack,\"\",@progbits\n"
	".text\n");

void sim_fiber_prepare(struct sim_fiber *f, sim_fiber_fn fn, void *arg)
{
	uintptr_t top = ((uintptr_t)f->stack_lo + f->stack_bytes) & ~(uintptr_t)15;
	void **frame = (void **)(top - 72);

	sim__fiber_clean_stack(f);

	/* pop order: r15 r14 r13 r12 rbx rbp, then ret */
	frame[0] = NULL;
	frame[1] = NULL;
	frame[2] = arg;
	frame[3] = (void *)fn;
	frame[4] = NULL;
	frame[5] = NULL;
	frame[6] = (void *)sim__fiber_entry;
	f->sp = frame;
}

static inline void sim__fiber_jump(struct sim_fiber *from, struct sim_fiber *to)
{
	sim__switch(&from->sp, to->sp);
}

#else

void sim_fiber_prepare(struct sim_fiber *f, sim_fiber_fn fn, void *arg)
{
	sim__fiber_clean_stack(f);
	getcontext(&f->uc);
	f->uc.uc_stack.ss_sp = f->stack_lo;
	f->uc.uc_stack.ss_size = f->stack_bytes;
	f->uc.uc_link = NULL;
	makecontext(&f->uc, (void (*)(void))(void (*)(void *))fn, 1, arg);
}

static inline void sim__fiber_jump(struct sim_fiber *from, struct sim_fiber *to)
{
	swapcontext(&from->uc, &to->uc);
}

#endif

void sim_fiber_switch(struct sim_fiber *from, struct sim_fiber *to)
{
#ifdef SIM__ASAN
	__sanitizer_start_switch_fiber(&from->asan_fake_stack, to->stack_lo,
				       to->stack_bytes);
	sim__fiber_jump(from, to);
	__sanitizer_finish_switch_fiber(from->asan_fake_stack,
					&from->asan_from_lo,
					&from->asan_from_bytes);
#else
	sim__fiber_jump(from, to);
#endif
}

void sim_fiber_started(struct sim_fiber *self, struct sim_fiber *caller)
{
#ifdef SIM__ASAN
	const void *lo;
	size_t bytes;

	__sanitizer_finish_switch_fiber(NULL, &lo, &bytes);
	/* the thread's own stack has no bounds until ASan tells us them */
	if (!caller->stack_lo) {
		caller->stack_lo = (void *)lo;
		caller->stack_bytes = bytes;
	}
#else
	(void)self;
	(void)caller;
#endif
}
