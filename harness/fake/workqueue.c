/*
 * Work items as Linux runs them: queue_work_on() is a no-op while the item
 * is pending; the worker clears pending before calling the function, so a
 * running item can be queued again and then runs again after it returns;
 * an item never runs twice at once (a queue while it runs goes to the pool
 * of the worker running it, as find_worker_executing_work() arranges).
 */
#include <linux/workqueue.h>

#include "sim.h"
#include "trace.h"

void sim_init_work(struct work_struct *w, work_func_t fn, const char *name)
{
	w->func = fn;
	w->pending = false;
	w->running_ctx = -1;
	w->queued_cpu = -1;
	w->sim_next = NULL;
	w->name = sim_short_name(name);
	w->runs = 0;
}

void sim_wq_reset(struct sim_world *w)
{
	w->pool_head = NULL;
	w->pool_tail = NULL;
}

static void sim__pool_push(struct sim_world *w, struct work_struct *work)
{
	work->sim_next = NULL;
	if (w->pool_tail)
		w->pool_tail->sim_next = work;
	else
		w->pool_head = work;
	w->pool_tail = work;
}

struct work_struct *sim_wq_pop(struct sim_world *w)
{
	struct work_struct *work = w->pool_head;

	if (work) {
		w->pool_head = work->sim_next;
		if (!w->pool_head)
			w->pool_tail = NULL;
		work->sim_next = NULL;
	}
	return work;
}

bool sim_queue_work_on(int cpu, struct workqueue_struct *wq,
		       struct work_struct *work, const char *fn)
{
	struct sim_world *w = sim_cur;
	bool queued;

	(void)wq;
	sim_point(SIM_OP_QUEUE_WORK, work, work->name, fn);
	queued = !work->pending;
	if (queued) {
		work->pending = true;
		work->queued_cpu = cpu;
		if (w && cpu != w->cfg.env.io_cpu && work->running_ctx < 0)
			sim_fail_safety("queue_work_on(cpu %d): only io_cpu %d has a kworker here",
					cpu, w->cfg.env.io_cpu);
		if (w)
			sim__pool_push(w, work);
	}
	if (sim_tracing())
		sim_trace_op("queue_work_on(%d, %s) = %d%s", cpu, work->name,
			     queued,
			     queued ? (work->running_ctx >= 0 ?
				       " (running: will run again)" : "") :
				      " (already pending)");
	return queued;
}
