/* Stub: reader-writer semaphores (namespace list); control path only. */
#ifndef NVTSIM_K_RWSEM_H
#define NVTSIM_K_RWSEM_H

#include <linux/types.h>

struct rw_semaphore {
	long count;
	int owner;
};

void init_rwsem(struct rw_semaphore *sem);
void down_read(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);

#endif
