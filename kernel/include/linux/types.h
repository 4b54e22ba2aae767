/* Faithful: harness/include's kernel integer types plus the rest of <linux/types.h>. */
#ifndef NVTSIM_K_TYPES_H
#define NVTSIM_K_TYPES_H

#include_next <linux/types.h>
#include <linux/stddef.h>

typedef int8_t s8;
typedef int16_t s16;
typedef int64_t s64;
typedef int8_t __s8;
typedef int16_t __s16;
typedef int32_t __s32;
typedef int64_t __s64;
typedef uint16_t __be16;
typedef uint32_t __be32;
typedef uint64_t __be64;
typedef uint16_t __sum16;
typedef uint32_t __wsum;
typedef u64 sector_t;
typedef u64 blkcnt_t;
typedef u64 phys_addr_t;
typedef u64 dma_addr_t;
typedef u32 fmode_t;
typedef unsigned int __poll_t;
typedef unsigned long uintptr_t_k;
typedef u64 ktime_t;
typedef unsigned short sa_family_t;
typedef unsigned int blk_opf_t;
typedef unsigned int blk_mode_t;
typedef u16 blk_short_t;
typedef u32 dev_t;

typedef struct { int counter; } atomic_t;
typedef struct { s64 counter; } atomic64_t;
typedef atomic64_t atomic_long_t;
typedef struct { atomic_t refs; } refcount_t;

struct rcu_head {
	struct rcu_head *next;
	void (*func)(struct rcu_head *head);
};
#define callback_head rcu_head

struct hlist_node {
	struct hlist_node *next, **pprev;
};
struct hlist_head {
	struct hlist_node *first;
};

#define DECLARE_BITMAP(name, bits) \
	unsigned long name[((bits) + 63) / 64]

#endif
