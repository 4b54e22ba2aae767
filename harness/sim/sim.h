/* The simulated world: contexts, configuration, fakes, verdict. One world runs at a time. */
#ifndef NVTSIM_SIM_H
#define NVTSIM_SIM_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <sim_shim.h>

#include <linux/mutex.h>
#include <linux/net.h>
#include <linux/workqueue.h>

#include "choice.h"
#include "driver.h"
#include "fiber.h"
#include "target.h"

#define SIM_SUBMITTERS_MAX 4
#define SIM_REQS_MAX 16
#define SIM_REQ_BYTES_MAX SIM_DRV_REQ_BYTES_MAX
#define SIM_CTX_MAX (SIM_SUBMITTERS_MAX + 4)
#define SIM_NAME_BYTES 16
#define SIM_TAKEN_MAX 65536	/* steps whose chosen context is remembered */
#define SIM_CPUS_MAX 8
#define SIM_MSS_MAX 9000

enum sim_ctx_kind {
	SIM_CTX_SUBMITTER,
	SIM_CTX_KWORKER,
	SIM_CTX_NET_TX,
	SIM_CTX_NET_RX,
	SIM_CTX_TARGET,
	SIM_CTX_TICK,		/* free time (quota_steps 0): io_work's deadline passes */
};

/*
 * Free time (quota_steps 0): what io_work reads of jiffies. Its first read
 * in a run takes the deadline and arms the tick; the tick's one step, at
 * any time after, makes every later read in the run past that deadline.
 */
enum sim_clock_state {
	SIM_CLOCK_IDLE,		/* no deadline taken in this run (or no run) */
	SIM_CLOCK_ARMED,	/* deadline taken, not passed: the tick may run */
	SIM_CLOCK_EXPIRED,	/* the deadline has passed */
};

enum sim_rq_op {
	SIM_RQ_WRITE,
	SIM_RQ_READ,
	SIM_RQ_FLUSH,
};

enum sim_policy {
	SIM_POLICY_FAIR,	/* any enabled context may run next */
	SIM_POLICY_PRIO,	/* the kworker preempts tasks on its CPU whenever it can run */
};

struct sim_req_spec {
	char name[SIM_NAME_BYTES];
	uint8_t op;			/* enum sim_rq_op */
	uint32_t len_bytes;
	bool last;			/* bd->last */
	bool commit_after;		/* blk-mq calls ->commit_rqs after it */
	uint8_t submitter;
};

struct sim_sub_spec {
	char name[SIM_NAME_BYTES];
	int cpu;
};

struct sim_env {
	uint32_t sndbuf_bytes;		/* host socket send buffer */
	uint32_t mss_bytes;
	uint32_t maxh2cdata_bytes;	/* controller's MAXH2CDATA (ICResp) */
	uint32_t ioccsz;		/* I/O command capsule size, 16-byte units */
	uint32_t r2t_bytes;		/* most one R2T asks for; 0: all that remains */
	uint32_t c2h_bytes;		/* most one C2HData carries; 0: all */
	uint32_t rcvbuf_bytes;		/* controller receive window */
	uint32_t quota_steps;		/* scheduling steps in one jiffy */
	int io_cpu;
};

struct sim_config {
	int variant;			/* index into sim_variants, -1 unset */
	uint8_t policy;			/* enum sim_policy */
	struct sim_env env;
	unsigned nsubs;
	struct sim_sub_spec subs[SIM_SUBMITTERS_MAX];
	unsigned nreqs;
	struct sim_req_spec reqs[SIM_REQS_MAX];
	uint64_t steps_max;
};

enum sim_verdict_kind {
	SIM_V_RUNNING = 0,
	SIM_V_PASS,
	SIM_V_HANG,		/* a request never completes: a PDU left behind */
	SIM_V_STALL,		/* ... because its bytes sit corked by MSG_MORE */
	SIM_V_SAFETY,		/* a shim's safety check failed */
	SIM_V_PROTOCOL,		/* the controller saw a protocol violation */
	SIM_V_RECOVERY,		/* the host driver started error recovery */
	SIM_V_STEP_BOUND,	/* the run did not go idle within steps_max */
	SIM_V_SCHEDULE,		/* a scenario's schedule could not be followed */
	SIM_V_LIVELOCK,		/* a cycle, or a long forced run, with no progress */
	SIM_V_KINDS
};

extern const char *const sim_verdict_names[SIM_V_KINDS];

/* Where a stuck request's PDU sits (the checker's words, for machine-readable reports). */
enum sim_where {
	SIM_WHERE_NONE = 0,	/* no stuck request */
	SIM_WHERE_REQ_LIST,	/* queued on req_list */
	SIM_WHERE_SEND_LIST,	/* queued on send_list */
	SIM_WHERE_REQUEST,	/* half sent as queue->request */
	SIM_WHERE_SOCKET,	/* corked in the socket by MSG_MORE */
	SIM_WHERE_NOWHERE,	/* not queued anywhere */
	SIM_WHERE_UNSUBMITTED,	/* never submitted */
	SIM_WHERE_KINDS
};

extern const char *const sim_where_names[SIM_WHERE_KINDS];

struct sim_verdict {
	uint8_t kind;
	int req;			/* stuck request, or -1 */
	uint8_t pdu_type;		/* PDU left behind (SIM_PDU_*), or 0xff */
	uint8_t where;			/* enum sim_where */
	char line[512];			/* the verdict in one line */
	char detail[4096];		/* why: one fact a line */
};

#define SIM_LIVELOCK_MARKS 64
/*
 * No progress: this many whole io_work quotas (quota_steps each, at least
 * 64 steps) in a row in which only one context could run and nothing moved
 * is a livelock even where no state repeats exactly.
 */
#define SIM_NOPROGRESS_QUOTAS 4
/* Fair policy: work items in a row before a waiting task gets a turn. */
#define SIM_FAIR_KWORKER_RUNS 3

struct sim_ctx {
	struct sim_fiber fiber;
	char name[SIM_NAME_BYTES];
	uint8_t id;
	uint8_t kind;			/* enum sim_ctx_kind */
	int cpu;
	int sub;			/* submitter index */
	bool done;
	/* the operation announced at its last scheduling point */
	uint8_t op;
	const void *obj;
	const void *obj2;		/* a second object it writes, or NULL */
	const char *obj_name;
	const char *fn;
	const char *file;		/* where the driver called the shim (SIM_AT), or NULL */
	int line;
	const void *frame;		/* that function's frame, or NULL */
	const char *last_fn;		/* kernel function of the last step run */
	uint32_t steps;
	uint32_t clock_base;		/* kworker: the jiffy its work item started in, as steps */
};

struct sim_req_state {
	bool submitted;
	bool completed;
	uint16_t status;
	uint32_t completions;
};

struct sim_trace;

struct sim_world {
	struct sim_config cfg;

	/* scheduler */
	struct sim_fiber main_fiber;
	struct sim_ctx ctx[SIM_CTX_MAX];
	unsigned nctx;
	struct sim_ctx *cur;
	uint64_t steps;
	bool stopped;
	struct sim_choice *choice;
	struct sim_verdict verdict;
	uint8_t policy;			/* enum sim_policy */
	int last_ctx;			/* context of the last step, or -1 */
	int8_t cpu_last[SIM_CPUS_MAX];	/* per CPU, the context that last ran on it, or -1 */
	uint32_t preemptions;		/* see sim_step_cost() */
	uint32_t cpu_switches;		/* see sim_step_cost() */
	uint32_t kworker_streak;	/* work items the kworker started while others waited */
	uint8_t clock_state;		/* free time: enum sim_clock_state */
	uint8_t taken[SIM_TAKEN_MAX];	/* context chosen at each step */
	uint8_t taken_op[SIM_TAKEN_MAX];	/* the operation it did */
	const char *taken_fn[SIM_TAKEN_MAX];
	const char *taken_obj[SIM_TAKEN_MAX];
	const char *taken_file[SIM_TAKEN_MAX];	/* each step's driver source (ctx file), or NULL */
	uint32_t taken_line[SIM_TAKEN_MAX];

	/* livelock check: states seen with the kworker between two io_work runs */
	unsigned nmarks;
	uint64_t mark_hash[SIM_LIVELOCK_MARKS];
	uint64_t mark_step[SIM_LIVELOCK_MARKS];
	uint64_t choice_step;		/* last step at which another context could have run */
	uint64_t mark_pending;		/* last visit not hashed (no marks yet) */
	uint64_t runnable_step;		/* step of the last sim_runnable_ctxs() count */
	uint8_t runnable_n;
	/* no-progress check: see sim_progress_sig() */
	uint64_t progress_sig;
	uint64_t progress_step;		/* last step that moved something */

	/* host side: the driver under test, reached through driver.h */
	const struct sim_driver *drv;
	struct sim_drv_host host;
	struct sim_req_state rs[SIM_REQS_MAX];
	struct socket socket;
	struct proto_ops sock_ops;
	char last_model_error[320];

	/* the kworker's pool: queued work items, FIFO */
	struct work_struct *pool_head;
	struct work_struct *pool_tail;

	/* controller */
	uint32_t target_idle_rx;	/* rx bytes it could not use at its last run */

	struct sim_trace *trace;
	uint8_t wire[SIM_MSS_MAX];	/* one segment in flight */

	/* big buffers last: resetting a world never touches them wholesale */
	struct sock sk;
	struct sim_target target;
	uint8_t data[SIM_REQS_MAX][SIM_REQ_BYTES_MAX];
};

extern struct sim_world *sim_cur;

/* Context ids: submitters first, then these. */
static inline int sim_ctx_kworker(const struct sim_world *w)
{
	return (int)w->cfg.nsubs;
}

static inline int sim_ctx_net_tx(const struct sim_world *w)
{
	return (int)w->cfg.nsubs + 1;
}

static inline int sim_ctx_net_rx(const struct sim_world *w)
{
	return (int)w->cfg.nsubs + 2;
}

static inline int sim_ctx_target(const struct sim_world *w)
{
	return (int)w->cfg.nsubs + 3;
}

/* What the controller's receive window lets the network deliver now. */
static inline uint32_t sim_target_window(const struct sim_world *w)
{
	uint32_t room = sim_target_rx_room(&w->target);
	uint32_t win = w->cfg.env.rcvbuf_bytes > w->target.rx_len ?
		w->cfg.env.rcvbuf_bytes - w->target.rx_len : 0;

	return room < win ? room : win;
}

/* config.c */
void sim_config_default(struct sim_config *cfg);
/* Checks a config; on error writes one line to err and returns -1. */
int sim_config_check(const struct sim_config *cfg, char *err, size_t errlen);
/* "sub0", "kworker", ...: the context id for a name, or -1. */
int sim_config_ctx_id(const struct sim_config *cfg, const char *name);
/* A fixed context's name, tick's too (a config may run in free time later). */
bool sim_config_reserved(const char *name);
/* Contexts a world of cfg has: submitters, the four fixed ones, tick in free time. */
unsigned sim_config_nctx(const struct sim_config *cfg);
const char *sim_config_ctx_name(const struct sim_config *cfg, int id,
				char *buf, size_t buflen);

/* world.c */
struct sim_world *sim_world_new(void);
void sim_world_free(struct sim_world *w);
/* Lays the world out from cfg (already checked) and starts every context. */
void sim_world_reset(struct sim_world *w, const struct sim_config *cfg,
		     struct sim_choice *choice, struct sim_trace *trace);

/* sched.c */
bool sim_ctx_enabled(struct sim_world *w, const struct sim_ctx *c);
unsigned sim_enabled_ctxs(struct sim_world *w, uint8_t *ids);
/* Runs context id for one step, then the livelock check (every policy). */
void sim_step(struct sim_world *w, int id);
/*
 * Progress: bytes sendmsg took, bytes on the wire either way, bytes the host
 * read, PDUs the controller parsed or sent, completions, submissions. The
 * sum of those monotonic counters: it changes exactly when one of them moves.
 */
uint64_t sim_progress_sig(const struct sim_world *w);
/*
 * At steps_max: if the run stopped making progress (SIM_NOPROGRESS_QUOTAS
 * quotas with nothing moved and no other context able to run), stops the
 * world with a livelock verdict and returns true; else false, and the caller
 * gives its step-bound (inconclusive) verdict.
 */
bool sim_stop_no_progress(struct sim_world *w);
/*
 * At a yield point: the kworker between two work items, where
 * worker_thread() calls cond_resched(). Switching away is no preemption.
 */
static inline bool sim_ctx_yields(const struct sim_ctx *c)
{
	return c->kind == SIM_CTX_KWORKER && c->op == SIM_OP_WORK_WAIT;
}

/*
 * The CPU a context's steps take, for preemption counting: submitters run
 * on their configured CPU; the kworker, net_tx and net_rx (the network
 * softirq, steered to io_cpu) and ctrl (seen only through the network) on
 * io_cpu: see sched.c.
 */
int sim_ctx_sched_cpu(const struct sim_ctx *c);
/* What running a context next costs, as flags: */
#define SIM_COST_PREEMPT 1u	/* it takes its CPU from a context that could go on */
#define SIM_COST_CPU_SWITCH 2u	/* it runs elsewhere while the last context could go on */
/*
 * "Could go on": enabled, allowed by the policy, not at a yield point. A
 * preemption is counted against the context that last ran on the same CPU;
 * a CPU switch against the context that ran last, when id is on another CPU
 * (or on none). The scheduler counts with it and the preemption-bounded
 * search bounds with it: preemptions by its bound, CPU switches by a second
 * one (see the README's explorer section).
 */
unsigned sim_step_cost(struct sim_world *w, int id);
/* Enabled, and allowed to run by the world's policy. */
unsigned sim_runnable_ctxs(struct sim_world *w, uint8_t *ids);
/* Runs with the choice source until idle, stopped or steps_max; then checks. */
void sim_run(struct sim_world *w);
/* Marks the world stopped with a verdict; back to the scheduler if inside a context. */
void sim_stop(struct sim_world *w, enum sim_verdict_kind kind, const char *fmt,
	      ...) __attribute__((format(printf, 3, 4)));
/* The idle-world checks, once nothing can run. */
void sim_check_idle(struct sim_world *w);

/* contexts.c: the bodies of the simulated contexts */
void sim_ctx_body(void *arg);

/* blk.c */
void sim_blk_reset(struct sim_world *w);
/* The driver's view of where its requests sit (driver.h), now. */
void sim_drv_view(const struct sim_world *w, struct sim_drv_view *v);
/* The send_mutex holder's context id + 1, or 0. */
int sim_send_mutex_owner(const struct sim_world *w);

/* socket.c */
void sim_sock_reset(struct sock *sk, uint32_t sndbuf_bytes, uint32_t mss_bytes);
uint32_t sim_sock_xmit_ready(const struct sock *sk);
/* One segment onto the wire; its ACK follows c2h_pos bytes of the controller's stream. */
uint32_t sim_sock_xmit(struct sock *sk, uint8_t *buf, uint32_t max_bytes,
		       uint64_t c2h_pos);
/* Controller -> host bytes delivered to the socket so far. */
uint64_t sim_sock_c2h_delivered(const struct sock *sk);
/* The next thing the controller -> host direction delivers is an ACK. */
bool sim_sock_ack_next(const struct sock *sk);
/* Data bytes the network may deliver before the next ACK must come. */
uint32_t sim_sock_c2h_before_ack(const struct sock *sk);
/* Takes the oldest ACK: frees its bytes, pushes pending frames; returns the bytes. */
uint32_t sim_sock_ack(struct sock *sk);
uint32_t sim_sock_unacked(const struct sock *sk);
uint32_t sim_sock_corked(const struct sock *sk);
uint32_t sim_sock_rx_room(const struct sock *sk);
void sim_sock_deliver(struct sock *sk, const uint8_t *buf, uint32_t len);
uint32_t sim_sock_rx_pending(const struct sock *sk);

/* workqueue.c */
void sim_wq_reset(struct sim_world *w);
struct work_struct *sim_wq_pop(struct sim_world *w);

#endif
