/* Stub: completions (the TLS handshake wait); declared, generated stubs. */
#ifndef NVTSIM_K_COMPLETION_H
#define NVTSIM_K_COMPLETION_H

#include <linux/wait.h>

struct completion {
	unsigned int done;
	wait_queue_head_t wait;
};

void init_completion(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
long wait_for_completion_interruptible_timeout(struct completion *x,
					       unsigned long timeout);
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout);

#endif
