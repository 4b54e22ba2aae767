/* Kernel-source mode: a kernel tree's own tcp.c as the driver under test. */
#ifndef NVTSIM_KDRIVER_H
#define NVTSIM_KDRIVER_H

/*
 * PATH is a kernel tree or a linux-source tarball. Builds its tcp.c (or
 * takes the build from the cache), loads it and registers it as the kernel
 * variant: returns its index, or -1 after one line on stderr.
 */
int sim_kernel_load(const char *path);

#endif
