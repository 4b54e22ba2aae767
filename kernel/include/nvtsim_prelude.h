/*
 * Faithful: what Kbuild force-includes (kconfig.h, compiler_types.h), for a
 * kernel tree's drivers/nvme/host/tcp.c built in userspace against nvtsim's
 * shims. LINUX_VERSION_CODE comes from the tree's Makefile (-D by kbuild.sh).
 */
#ifndef NVTSIM_PRELUDE_H
#define NVTSIM_PRELUDE_H

#define __KERNEL__ 1
#define KBUILD_MODNAME "nvme_tcp"
#define KBUILD_BASENAME "tcp"

/* include/generated/uapi/linux/version.h; LINUX_VERSION_CODE is -D from the tree's Makefile */
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))

/* include/linux/kconfig.h */
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x) ___is_defined(x)
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)
#define __or(x, y) ___or(x, y)
#define ___or(x, y) ____or(__ARG_PLACEHOLDER_##x, y)
#define ____or(arg1_or_junk, y) __take_second_arg(arg1_or_junk 1, y)
#define IS_BUILTIN(option) __is_defined(option)
#define IS_MODULE(option) __is_defined(option##_MODULE)
#define IS_REACHABLE(option) __or(IS_BUILTIN(option), \
				  (IS_MODULE(option) && __is_defined(MODULE)))
#define IS_ENABLED(option) __or(IS_BUILTIN(option), IS_MODULE(option))

/*
 * The configuration: a 64-bit x86 SMP kernel with NVMe over TCP and
 * nothing optional around it. Left undefined (off): NVME_MULTIPATH,
 * NVME_AUTH, BLK_DEV_ZONED, NVME_HWMON, FAULT_INJECTION(_DEBUG_FS),
 * NVME_TCP_TLS, BLK_DEV_INTEGRITY, DEBUG_LOCK_ALLOC, DEBUG_FS,
 * NET_RX_BUSY_POLL, NVME_VERBOSE_ERRORS, ARCH_NO_SG_CHAIN, LOCKDEP.
 */
#define CONFIG_64BIT 1
#define CONFIG_X86_64 1
#define CONFIG_SMP 1
#define CONFIG_NR_CPUS 64
#define CONFIG_HZ 1000
#define CONFIG_BLOCK 1
#define CONFIG_NET 1
#define CONFIG_INET 1
#define CONFIG_NVME_CORE 1
#define CONFIG_NVME_FABRICS 1
#define CONFIG_NVME_TCP 1
#define CONFIG_BASE_SMALL 0

/* include/linux/compiler_types.h and compiler_attributes.h */
#define __user
#define __kernel
#define __iomem
#define __rcu
#define __percpu
#define __force
#define __bitwise
#define __must_check __attribute__((__warn_unused_result__))
#define __always_inline inline __attribute__((__always_inline__))
#define noinline __attribute__((__noinline__))
#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __maybe_unused __attribute__((__unused__))
#define __always_unused __attribute__((__unused__))
#define __used __attribute__((__used__))
#define __cold __attribute__((__cold__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __init
#define __exit
#define __initdata
#define __read_mostly
#define __ro_after_init
#define __counted_by(m)
#define __nonstring
#define __randomize_layout
#define __no_randomize_layout
#define __noreturn __attribute__((__noreturn__))
#define __weak __attribute__((__weak__))
#define __pure __attribute__((__pure__))
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __cond_lock(x, c) (c)
#define __section(s) __attribute__((__section__(s)))
#define fallthrough __attribute__((__fallthrough__))
#define notrace
#define __visible
#define __malloc __attribute__((__malloc__))
#define __alloc_size(...)
#define __realloc_size(...)
#define __assume_aligned(...)
#define __designated_init
#define __latent_entropy
#define __nocfi
#define __no_sanitize_address
#define __no_kcsan
#define __same_type(a, b) __builtin_types_compatible_p(__typeof__(a), __typeof__(b))
#define __compiletime_error(msg)
#define __diag_push()
#define __diag_pop()
#define __diag_ignore_all(opt, why)
#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#endif
