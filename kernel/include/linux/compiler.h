/*
 * Faithful: compiler helpers. Unlike harness/include's model version,
 * READ_ONCE / WRITE_ONCE are the kernel's plain volatile accesses: a
 * kernel tree's accesses become interleaving points only through the
 * -fsanitize=thread hooks in kernel/tsan.c, on the watched fields alone.
 */
#ifndef NVTSIM_K_COMPILER_H
#define NVTSIM_K_COMPILER_H

#include <stddef.h>
#include <sim_shim.h>

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define barrier() __asm__ __volatile__("" : : : "memory")
#define smp_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_wmb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_mb__before_atomic() smp_mb()
#define smp_mb__after_atomic() smp_mb()
#define smp_store_release(p, v) WRITE_ONCE(*(p), (v))
#define smp_load_acquire(p) READ_ONCE(*(p))

#define container_of(ptr, type, member) \
	((type *)(void *)((char *)(ptr) - offsetof(type, member)))
#define container_of_const(ptr, type, member) container_of(ptr, type, member)

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)
#define data_race(expr) (expr)

#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int : (-!!(e)); })))
#define __must_be_array(a) BUILD_BUG_ON_ZERO(__same_type((a), &(a)[0]))
#define static_assert(expr, ...) _Static_assert(expr, #expr)
#define __is_constexpr(x) __builtin_constant_p(x)
#define unreachable() __builtin_unreachable()

#endif
