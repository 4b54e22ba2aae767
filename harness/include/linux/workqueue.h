/* Simulation point: work items with Linux's pending / non-reentrant semantics. */
#ifndef NVTSIM_LINUX_WORKQUEUE_H
#define NVTSIM_LINUX_WORKQUEUE_H

#include <linux/compiler.h>
#include <linux/types.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	work_func_t func;
	bool pending;		/* WORK_STRUCT_PENDING */
	int running_ctx;	/* kworker executing it, or -1 */
	int queued_cpu;		/* pool it waits in while pending */
	struct work_struct *sim_next;	/* in that pool's FIFO */
	const char *name;
	unsigned int runs;
};

struct workqueue_struct {
	const char *name;
};

void sim_init_work(struct work_struct *w, work_func_t fn, const char *name);
bool sim_queue_work_on(int cpu, struct workqueue_struct *wq,
		       struct work_struct *w, const char *fn);

#define INIT_WORK(w, fn) sim_init_work((w), (fn), #w)
#define queue_work_on(cpu, wq, w) (SIM_AT(), sim_queue_work_on((cpu), (wq), (w), __func__))

#endif
