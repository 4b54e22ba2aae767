/* Faithful: the POSIX types harness/include expects from libc, sized as the kernel's own (x86-64). */
#ifndef NVTSIM_K_SYS_TYPES_H
#define NVTSIM_K_SYS_TYPES_H

#include <stddef.h>

typedef long ssize_t;
typedef long off_t;
typedef long long loff_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned short umode_t;
typedef long time64_t;

#endif
