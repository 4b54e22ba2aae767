/*
 * Simulation point: harness/include's work_struct and queue_work_on
 * (shared with the world). The rest of the workqueue API (delayed work,
 * cancel, flush, alloc) serves controller set-up, reset and teardown:
 * declared here, generated stubs (a verdict if ever called).
 */
#ifndef NVTSIM_K_WORKQUEUE_H
#define NVTSIM_K_WORKQUEUE_H

#include_next <linux/workqueue.h>
#include <linux/timer.h>

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};

#define WQ_UNBOUND (1 << 1)
#define WQ_FREEZABLE (1 << 2)
#define WQ_MEM_RECLAIM (1 << 3)
#define WQ_HIGHPRI (1 << 4)
#define WQ_CPU_INTENSIVE (1 << 5)
#define WQ_SYSFS (1 << 6)
#define WQ_POWER_EFFICIENT (1 << 7)
#define WQ_PERCPU (1 << 8)
#define WORK_CPU_UNBOUND 64

#define INIT_DELAYED_WORK(dw, fn) INIT_WORK(&(dw)->work, (fn))
#define to_delayed_work(w) container_of((w), struct delayed_work, work)

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...);
void destroy_workqueue(struct workqueue_struct *wq);
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dw,
			unsigned long delay);
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dw,
		      unsigned long delay);
bool cancel_work_sync(struct work_struct *work);
bool cancel_work(struct work_struct *work);
bool cancel_delayed_work_sync(struct delayed_work *dw);
bool cancel_delayed_work(struct delayed_work *dw);
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dw);
void flush_workqueue(struct workqueue_struct *wq);
bool schedule_work(struct work_struct *work);
#define work_pending(w) ((w)->pending)
#define delayed_work_pending(dw) work_pending(&(dw)->work)

#endif
