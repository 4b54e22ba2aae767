/* Between kernel/glue.c (the tcp.c translation unit) and kernel/tsan.c (its access hooks). */
#ifndef NVTSIM_KERNEL_GLUE_H
#define NVTSIM_KERNEL_GLUE_H

#include <linux/types.h>

struct mutex;

/*
 * A shared field whose plain loads and stores are scheduling points. With
 * a guard: every store happens under that mutex, so a load by the mutex's
 * holder cannot race with one and is not a point (as in the model, whose
 * try_send reads queue->request plainly under send_mutex).
 */
struct nvtsim_watch {
	const char *field;		/* "queue->request" */
	const void *addr;
	size_t size;
	const struct mutex *guard;	/* NULL: every access is a point */
};

#define NVTSIM_WATCH_MAX 8
extern struct nvtsim_watch nvtsim_watch[NVTSIM_WATCH_MAX];
extern unsigned nvtsim_watch_n;
/* set while the glue itself lays out or reads the driver: no scheduling points */
extern bool nvtsim_glue_busy;

struct nvtsim_access_counts {
	uint64_t accesses;		/* every instrumented access of tcp.c */
	uint64_t watched_loads;
	uint64_t watched_stores;
	uint64_t guarded_loads;		/* by the guard's holder: no point */
};
void nvtsim_access_counts_get(struct nvtsim_access_counts *c);
void nvtsim_access_counts_reset(void);

/* The .so's function containing pc ("nvme_tcp_try_send"), or "?". */
const char *nvtsim_symbolize(const void *pc);

#endif
