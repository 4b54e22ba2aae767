/*
 * Faithful over a static arena: kmalloc() and friends allocate from the
 * driver's arena (kernel/glue.c), reset with the world, so that no
 * address depends on the C library's heap; kfree() frees nothing.
 */
#ifndef NVTSIM_K_SLAB_H
#define NVTSIM_K_SLAB_H

#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>

void *nvtsim_arena_alloc(size_t size, gfp_t flags);

static inline void *kmalloc(size_t size, gfp_t flags)
{
	return nvtsim_arena_alloc(size, flags);
}

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return nvtsim_arena_alloc(size, flags | __GFP_ZERO);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return nvtsim_arena_alloc(n * size, flags | __GFP_ZERO);
}

static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	return nvtsim_arena_alloc(n * size, flags);
}

static inline void kfree(const void *p)
{
}

/*
 * The typed allocators of 7.0+ (kzalloc_obj(*p), kzalloc_objs(*p, n)):
 * a pointer to VAR_OR_TYPE's type, GFP_KERNEL unless a gfp is given.
 */
#define nvtsim_gfp_or_default_(dummy, gfp, ...) gfp
#define nvtsim_gfp_or_default(...) nvtsim_gfp_or_default_(0, ##__VA_ARGS__, GFP_KERNEL)
#define kmalloc_obj(VAR_OR_TYPE, ...) \
	((typeof(VAR_OR_TYPE) *)kmalloc(sizeof(typeof(VAR_OR_TYPE)), nvtsim_gfp_or_default(__VA_ARGS__)))
#define kzalloc_obj(VAR_OR_TYPE, ...) \
	((typeof(VAR_OR_TYPE) *)kzalloc(sizeof(typeof(VAR_OR_TYPE)), nvtsim_gfp_or_default(__VA_ARGS__)))
#define kmalloc_objs(VAR_OR_TYPE, COUNT, ...) \
	((typeof(VAR_OR_TYPE) *)kmalloc_array((COUNT), sizeof(typeof(VAR_OR_TYPE)), nvtsim_gfp_or_default(__VA_ARGS__)))
#define kzalloc_objs(VAR_OR_TYPE, COUNT, ...) \
	((typeof(VAR_OR_TYPE) *)kcalloc((COUNT), sizeof(typeof(VAR_OR_TYPE)), nvtsim_gfp_or_default(__VA_ARGS__)))

#define kvfree kfree
#define kfree_sensitive kfree
#define kzalloc_node(size, flags, node) kzalloc(size, flags)
#define kmalloc_node(size, flags, node) kmalloc(size, flags)

#endif
