/* Faithful for cooperative contexts: atomics are plain (a context switch happens only at a scheduling point). */
#ifndef NVTSIM_K_ATOMIC_H
#define NVTSIM_K_ATOMIC_H

#include <linux/types.h>

#define atomic_read(v) READ_ONCE((v)->counter)
#define atomic_set(v, i) WRITE_ONCE((v)->counter, (i))
#define atomic_inc(v) ((void)((v)->counter++))
#define atomic_dec(v) ((void)((v)->counter--))
#define atomic_inc_return(v) (++(v)->counter)
#define atomic_dec_return(v) (--(v)->counter)
#define atomic_dec_and_test(v) (--(v)->counter == 0)
#define atomic_xchg(v, n) ({ __typeof__((v)->counter) _o = (v)->counter; (v)->counter = (n); _o; })
#define atomic_cmpxchg(v, o, n) ({ __typeof__((v)->counter) _o = (v)->counter; if (_o == (o)) (v)->counter = (n); _o; })

#endif
