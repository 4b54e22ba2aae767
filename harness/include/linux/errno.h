/* Faithful: the kernel's errno values are the system's (glibc includes this header too). */
#ifndef NVTSIM_LINUX_ERRNO_H
#define NVTSIM_LINUX_ERRNO_H

#include_next <linux/errno.h>

#endif
