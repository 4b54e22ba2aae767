/* Stub: wait queues (controller state waits); control path only. */
#ifndef NVTSIM_K_WAIT_H
#define NVTSIM_K_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

void init_waitqueue_head(struct wait_queue_head *wq);
void wake_up_all(struct wait_queue_head *wq);

#endif
