/* Faithful: harness/include's bio_vec and iov_iter (shared with the world), plus struct kvec. */
#ifndef NVTSIM_K_UIO_H
#define NVTSIM_K_UIO_H

#include_next <linux/uio.h>

struct kvec {
	void *iov_base;
	size_t iov_len;
};

#endif
