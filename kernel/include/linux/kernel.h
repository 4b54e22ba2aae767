/*
 * Faithful: the helpers of <linux/kernel.h>, <linux/minmax.h> and
 * <linux/printk.h>. Simulation point: pr_err / pr_warn become model errors
 * and WARN_ON a safety verdict, as harness/include's versions do.
 */
#ifndef NVTSIM_K_KERNEL_H
#define NVTSIM_K_KERNEL_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/bits.h>
#include <string.h>
#include <stdarg.h>

#define min(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define min3(a, b, c) min(min(a, b), c)
#define min_t(type, a, b) min((type)(a), (type)(b))
#define max_t(type, a, b) max((type)(a), (type)(b))
#define clamp(v, lo, hi) min(max(v, lo), hi)
#define clamp_t(type, v, lo, hi) min_t(type, max_t(type, v, lo), hi)
#define clamp_val(v, lo, hi) clamp_t(__typeof__(v), v, lo, hi)
#define umin(a, b) min((unsigned long)(a), (unsigned long)(b))
#define swap(a, b) do { __typeof__(a) _t = (a); (a) = (b); (b) = _t; } while (0)

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]) + __must_be_array(a))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define round_up(x, y) ((((x) - 1) | ((__typeof__(x))((y) - 1))) + 1)
#define round_down(x, y) ((x) & ~((__typeof__(x))((y) - 1)))
#define ALIGN(x, a) (((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define PTR_ALIGN(p, a) ((__typeof__(p))ALIGN((unsigned long)(p), (a)))
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define U8_MAX ((u8)~0U)
#define U16_MAX ((u16)~0U)
#define U32_MAX ((u32)~0U)
#define U64_MAX ((u64)~0ULL)
#define INT_MAX ((int)(~0U >> 1))
#define UINT_MAX (~0U)
#define LONG_MAX ((long)(~0UL >> 1))
#define ULONG_MAX (~0UL)
#define SZ_4K 0x1000
#define SZ_8K 0x2000
#define SZ_64K 0x10000
#define SZ_1M 0x100000

#define might_sleep() do { } while (0)
#define cond_resched() do { } while (0)
#define cpu_relax() do { } while (0)
#define lockdep_assert_held(l) do { (void)(l); } while (0)
#define THIS_MODULE ((struct module *)0)

/* A kernel WARN is a bug the simulation found: a safety verdict. */
#define WARN_ON(cond) \
	({ bool _c = !!(cond); if (unlikely(_c)) sim_fail_safety("WARN_ON(%s) in %s", #cond, __func__); _c; })
#define WARN_ON_ONCE(cond) WARN_ON(cond)
#define WARN(cond, ...) \
	({ bool _c = !!(cond); if (unlikely(_c)) sim_fail_safety("WARN(%s) in %s", #cond, __func__); _c; })
#define WARN_ONCE(cond, ...) WARN(cond, __VA_ARGS__)
#define BUG() sim_fail_safety("BUG() in %s", __func__)
#define BUG_ON(cond) do { if (unlikely(cond)) sim_fail_safety("BUG_ON(%s) in %s", #cond, __func__); } while (0)

/* Formats are checked, nothing is printed: informational kernel messages. */
static inline __printf(1, 2) int nvtsim_no_printk(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define KERN_ERR ""
#define KERN_WARNING ""
#define KERN_INFO ""
#define KERN_DEBUG ""
#define KERN_NOTICE ""
#define printk(fmt, ...) nvtsim_no_printk(fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...) sim_model_error(__func__, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) sim_model_error(__func__, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_ratelimited pr_err
#define pr_warn_ratelimited pr_warn
#define pr_warn_once pr_warn
#define pr_info(fmt, ...) nvtsim_no_printk(pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) nvtsim_no_printk(pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) nvtsim_no_printk(pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once pr_info

int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);

#endif
