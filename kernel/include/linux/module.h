/*
 * Stub: a module's metadata; module_init / module_exit keep a reference
 * to their function (as the kernel's aliases do) and are never called.
 */
#ifndef NVTSIM_K_MODULE_H
#define NVTSIM_K_MODULE_H

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/moduleparam.h>
/* what the kernel's <linux/module.h> brings in on the way */
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/llist.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/rwsem.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/xarray.h>
#include <linux/sched/mm.h>

struct module;

#define MODULE_LICENSE(s) _Static_assert(1, s)
#define MODULE_AUTHOR(s) _Static_assert(1, s)
#define MODULE_DESCRIPTION(s) _Static_assert(1, s)
#define MODULE_ALIAS(s) _Static_assert(1, s)
#define MODULE_VERSION(s) _Static_assert(1, s)
#define MODULE_IMPORT_NS(ns) _Static_assert(1, "")
#define module_init(fn) \
	static int (*const __nvtsim_initcall)(void) __used = (fn)
#define module_exit(fn) \
	static void (*const __nvtsim_exitcall)(void) __used = (fn)
bool try_module_get(struct module *m);
void module_put(struct module *m);

#endif
