/* Faithful: min/max helpers and the error-pointer-free bits the model uses. */
#ifndef NVTSIM_LINUX_KERNEL_H
#define NVTSIM_LINUX_KERNEL_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <string.h>

#define min(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define min_t(type, a, b) min((type)(a), (type)(b))

#define WARN_ON_ONCE(cond) \
	({ bool _c = !!(cond); if (_c) sim_fail_safety("WARN_ON_ONCE(%s) in %s", #cond, __func__); _c; })

#endif
