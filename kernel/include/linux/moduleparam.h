/* Stub: module parameters keep their defaults. */
#ifndef NVTSIM_K_MODULEPARAM_H
#define NVTSIM_K_MODULEPARAM_H

#define module_param(name, type, perm) \
	static __typeof__(name) *const __nvtsim_param_##name __used = &(name)
#define module_param_cb(name, ops, arg, perm) _Static_assert(1, #name)
#define MODULE_PARM_DESC(name, desc) _Static_assert(1, desc)

#endif
