/* What the kernel shims need from the simulator: scheduling points, the current context, failures. */
#ifndef NVTSIM_SIM_SHIM_H
#define NVTSIM_SIM_SHIM_H

#include <stdbool.h>
#include <stdint.h>

/* Every operation on shared state that a context can race on. */
enum sim_op_kind {
	SIM_OP_START = 0,	/* context has not run yet */
	SIM_OP_SUBMIT,		/* submitter: calls ->queue_rq or ->commit_rqs */
	SIM_OP_MUTEX_TRYLOCK,
	SIM_OP_MUTEX_LOCK,
	SIM_OP_MUTEX_UNLOCK,
	SIM_OP_SPIN_LOCK,
	SIM_OP_SPIN_UNLOCK,
	SIM_OP_LLIST_ADD,
	SIM_OP_LLIST_DEL_ALL,
	SIM_OP_LLIST_EMPTY,
	SIM_OP_LIST_EMPTY,
	SIM_OP_LIST_ADD,
	SIM_OP_LIST_DEL,
	SIM_OP_LIST_FIRST,
	SIM_OP_READ_ONCE,
	SIM_OP_WRITE_ONCE,
	SIM_OP_TEST_BIT,
	SIM_OP_SET_BIT,
	SIM_OP_CLEAR_BIT,
	SIM_OP_QUEUE_WORK,
	SIM_OP_WORK_WAIT,	/* kworker: waits for a queued work item */
	SIM_OP_SENDMSG,
	SIM_OP_LOCK_SOCK,
	SIM_OP_RELEASE_SOCK,
	SIM_OP_SK_WRITEABLE,
	SIM_OP_NET_XMIT,	/* net_tx: one segment host -> controller */
	SIM_OP_NET_RECV,	/* net_rx: one segment controller -> host */
	SIM_OP_TARGET_RUN,	/* ctrl: process what arrived */
	SIM_OP_LOAD,		/* a plain load of a watched shared field (kernel mode) */
	SIM_OP_STORE,		/* a plain store of a watched shared field (kernel mode) */
	SIM_OP_CLOCK,		/* free time: the kworker reads jiffies */
	SIM_OP_TICK,		/* free time: io_work's deadline passes */
	SIM_OP_KINDS
};

/* Names used in traces and in scenario schedules ("mutex_trylock"). */
extern const char *const sim_op_names[SIM_OP_KINDS];

/*
 * A scheduling point: the current context announces the operation it is
 * about to do on obj and lets the scheduler run anyone first. Outside a
 * running world (unit tests calling shims directly) it returns at once.
 */
void sim_point(enum sim_op_kind kind, const void *obj, const char *obj_name,
	       const char *fn);
/*
 * Where the driver calls a shim: the file and line of the call, and the
 * calling function's frame (its depth on the context's stack, for the
 * call nesting of a trace). The shim macros call SIM_AT() first; the next
 * scheduling point takes the site and clears it. A point the harness makes
 * on its own has no site.
 */
void sim_at(const char *file, int line, const void *frame);
#define SIM_AT() sim_at(__FILE__, __LINE__, __builtin_frame_address(0))
/* The site noted and not yet taken (file NULL: none), to put back with sim_at. */
void sim_at_get(const char **file, int *line, const void **frame);

/* The same, for an operation that also writes a second object (the entry a list op moves). */
void sim_point2(enum sim_op_kind kind, const void *obj, const void *obj2,
		const char *obj_name, const char *fn);

/*
 * A plain load or store of a shared field (queue->request) in a kernel
 * tree's tcp.c, seen through compiler instrumentation: a scheduling point
 * named by field ("queue->request"), on the field's address.
 */
void sim_point_field(bool write, const void *addr, const char *field,
		     const char *fn);

/* The CPU the running context is on (raw_smp_processor_id). */
int sim_current_cpu(void);

/* Id of the running context, or -1 outside a world. */
int sim_current_ctx(void);

/* Steps the running context has taken: the virtual clock behind jiffies. */
uint64_t sim_clock_steps(void);
/* Scheduling steps per jiffy (the io_work quota is one jiffy at HZ=1000). */
uint64_t sim_steps_per_jiffy(void);

/* A safety check failed: stop the world with this verdict line. */
void sim_fail_safety(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The model logged an error (dev_err): recorded, and a failure if it starts recovery. */
void sim_model_error(const char *fn, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sim_model_error_recovery(const char *fn);

/* Trace one executed operation; no formatting happens when tracing is off. */
bool sim_tracing(void);
void sim_trace_op(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Which upstream commits the running variant contains. */
bool sim_upstream_has(int commit);

#endif
