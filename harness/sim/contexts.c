/* What each simulated context does, step by step. */
#include <string.h>

#include <linux/net.h>

#include "sim.h"
#include "trace.h"

static const char *const sim__op_str[] = { "WRITE", "READ", "FLUSH" };

/*
 * Each context's loop keeps only what is the same every time round (w, c,
 * the loop index) in its own frame, and does each round's work in a
 * function that is never inlined: a value one round computed (a byte
 * count, a return code) is then gone from the stack when the context
 * waits at its next point, instead of staying behind in a register that
 * the next call saves. The state hash reads the live stack (statehash.c),
 * so such a leftover made states that differ in nothing Linux can see look
 * different to dpor's cache and to the stateful search.
 */
#define SIM__ROUND __attribute__((noinline))

/*
 * Zeroes the stack just below the caller's frame, where the driver's
 * frames go next. A frame's slots that the driver has not written yet
 * (padding, a local set further on) otherwise hold what the harness's own
 * calls just before left there, and the state hash would read it. Called
 * right before each entry into the driver: ->queue_rq, ->commit_rqs, a
 * work function, ->sk_data_ready, ->sk_write_space.
 */
SIM__ROUND static void sim__clean_stack(void)
{
	uint64_t below[256];

	memset(below, 0, sizeof(below));
	__asm__ volatile("" : : "r"(below) : "memory");
}

SIM__ROUND static void sim__submit_one(struct sim_world *w, unsigned i)
{
	const struct sim_req_spec *spec = &w->cfg.reqs[i];
	struct sim_drv_queue_data bd = { .rq = w->host.rqs[i],
					 .last = spec->last };
	uint8_t ret;

	sim_point(SIM_OP_SUBMIT, w->host.hctx, spec->name,
		  "blk_mq_dispatch_rq_list");
	w->rs[i].submitted = true;
	sim_trace_ctx(w, "blk_mq_dispatch_rq_list",
		      "->queue_rq(%s: %s %u bytes, cid %u, last=%d)",
		      spec->name, sim__op_str[spec->op],
		      spec->len_bytes, i, spec->last);
	sim__clean_stack();
	ret = w->host.queue_rq(w->host.hctx,
			       (const struct blk_mq_queue_data *)&bd);
	if (ret != 0)
		sim_fail_safety("queue_rq(%s) returned %d", spec->name, ret);
	if (!spec->commit_after)
		return;
	/* blk-mq calls ->commit_rqs only where the driver has one */
	if (!w->host.commit_rqs)
		return;
	sim_point(SIM_OP_SUBMIT, w->host.hctx, "commit_rqs",
		  "blk_mq_dispatch_rq_list");
	sim_trace_ctx(w, "blk_mq_dispatch_rq_list", "->commit_rqs()");
	sim__clean_stack();
	w->host.commit_rqs(w->host.hctx);
}

static void sim__submitter(struct sim_world *w, struct sim_ctx *c)
{
	unsigned i;

	for (i = 0; i < w->cfg.nreqs; i++)
		if (w->cfg.reqs[i].submitter == c->sub)
			sim__submit_one(w, i);
}

/* process_one_work() up to the work function: the item popped from the pool. */
SIM__ROUND static struct work_struct *sim__kworker_start(struct sim_world *w,
							 struct sim_ctx *c)
{
	struct work_struct *work = sim_wq_pop(w);

	if (work->running_ctx >= 0)
		sim_fail_safety("%s started while it is still running",
				work->name);
	/*
	 * The clock counts from the start of the jiffy the work item
	 * starts in: what it reads (jiffies, and a deadline taken from
	 * it) is then the same whenever that was, and so is the state
	 * hash. Only a work item reads the clock.
	 */
	c->clock_base = c->steps - c->steps % (uint32_t)sim_steps_per_jiffy();
	/* set_work_pool_and_clear_pending(): a new queue_work_on() now succeeds */
	work->pending = false;
	work->running_ctx = c->id;
	work->runs++;
	sim_trace_ctx(w, "process_one_work", "%s starts (run %u)",
		      work->name, work->runs);
	return work;
}

/*
 * One work item, run to its end. The clock base is worked out in
 * sim__kworker_start: worked out here, it stayed in a register that the
 * work function's prologue saved, for the whole run.
 */
SIM__ROUND static void sim__kworker_run(struct sim_world *w, struct sim_ctx *c)
{
	struct work_struct *work = sim__kworker_start(w, c);

	sim__clean_stack();
	work->func(work);
	work->running_ctx = -1;
	/*
	 * Free time: the deadline was this run's. (A tick it had left to
	 * come reaches the same state whether it came or not: nothing reads
	 * the clock between here and the next run's first read.)
	 */
	w->clock_state = SIM_CLOCK_IDLE;
	sim_trace_ctx(w, "process_one_work", "%s returns", work->name);
}

static void sim__kworker(struct sim_world *w, struct sim_ctx *c)
{
	for (;;) {
		sim_point(SIM_OP_WORK_WAIT, &w->pool_head, "pool",
			  "worker_thread");
		sim__kworker_run(w, c);
	}
}

SIM__ROUND static void sim__net_xmit(struct sim_world *w)
{
	struct sock *sk = &w->sk;
	uint32_t n;

	/* the controller acks on receipt: after all it had queued by now */
	n = sim_sock_xmit(sk, w->wire, sim_target_window(w),
			  sim_sock_c2h_delivered(sk) +
			  sim_target_tx_pending(&w->target));
	sim_target_rx(&w->target, w->wire, n);
	sim_trace_ctx(w, "tcp_write_xmit",
		      "%u bytes host -> controller  [queued %u, corked %u, unacked %u]",
		      n, sk->sim.sq_len, sim_sock_corked(sk),
		      sim_sock_unacked(sk));
	sim_trace_wire(w, SIM_WIRE_H2C, w->wire, n);
}

static void sim__net_tx(struct sim_world *w)
{
	for (;;) {
		sim_point(SIM_OP_NET_XMIT, &w->sk, "sk", "tcp_write_xmit");
		sim__net_xmit(w);
	}
}

/* tcp_ack, then tcp_data_snd_check: push pending frames, then tcp_check_space. */
static void sim__net_ack(struct sim_world *w)
{
	struct sock *sk = &w->sk;
	uint32_t corked = sim_sock_corked(sk);
	uint32_t n = sim_sock_ack(sk);

	sim_trace_ctx(w, "tcp_ack", "ACK of %u bytes  [queued %u, unacked %u]%s",
		      n, sk->sim.sq_len, sim_sock_unacked(sk),
		      corked ? ": tcp_push_pending_frames pushes the corked tail" : "");
	if (w->socket.flags & (1UL << SOCK_NOSPACE)) {
		sk->sim.write_space_calls++;
		sim_trace_ctx(w, "tcp_check_space",
			      "SOCK_NOSPACE set: ->sk_write_space()");
		sim__clean_stack();
		sk->sk_write_space(sk);
	}
}

/*
 * The controller -> host direction, in wire order: its data segments and
 * the ACKs of what the host sent. An ACK comes before any byte the
 * controller queued after the segment it acknowledges.
 */
SIM__ROUND static void sim__net_recv(struct sim_world *w)
{
	struct sock *sk = &w->sk;
	uint32_t n = w->cfg.env.mss_bytes;

	if (sim_sock_ack_next(sk)) {
		sim__net_ack(w);
		return;
	}
	if (n > sim_target_tx_pending(&w->target))
		n = sim_target_tx_pending(&w->target);
	if (n > sim_sock_rx_room(sk))
		n = sim_sock_rx_room(sk);
	if (n > sim_sock_c2h_before_ack(sk))
		n = sim_sock_c2h_before_ack(sk);
	sim_target_tx_take(&w->target, w->wire, n);
	sim_sock_deliver(sk, w->wire, n);
	sk->sim.data_ready_calls++;
	sim_trace_ctx(w, "tcp_v4_rcv",
		      "%u bytes controller -> host: ->sk_data_ready()", n);
	sim_trace_wire(w, SIM_WIRE_C2H, w->wire, n);
	sim__clean_stack();
	sk->sk_data_ready(sk);
}

static void sim__net_rx(struct sim_world *w)
{
	for (;;) {
		sim_point(SIM_OP_NET_RECV, &w->target, "ctrl", "tcp_v4_rcv");
		sim__net_recv(w);
	}
}

SIM__ROUND static void sim__target_run(struct sim_world *w)
{
	sim_target_process(&w->target);
	w->target_idle_rx = w->target.rx_len;
	if (w->target.failed) {
		w->verdict.pdu_type = w->target.failed_type;
		sim_stop(w, SIM_V_PROTOCOL,
			 "PROTOCOL: the controller rejected the host's stream: %s",
			 w->target.error);
	}
}

static void sim__target(struct sim_world *w)
{
	for (;;) {
		sim_point(SIM_OP_TARGET_RUN, &w->target, "ctrl",
			  "nvmet_tcp_io_work");
		sim__target_run(w);
	}
}

/* Free time: io_work's deadline passes (see sim__free_clock in sched.c). */
static void sim__tick(struct sim_world *w)
{
	for (;;) {
		sim_point(SIM_OP_TICK, &w->clock_state, "jiffies",
			  "tick_do_update_jiffies64");
		w->clock_state = SIM_CLOCK_EXPIRED;
		sim_trace_ctx(w, "tick_do_update_jiffies64",
			      "a jiffy and more since io_work took its deadline: its loop test finds it passed");
	}
}

void sim_ctx_body(void *arg)
{
	struct sim_ctx *c = arg;
	struct sim_world *w = sim_cur;

	sim_fiber_started(&c->fiber, &w->main_fiber);
	switch (c->kind) {
	case SIM_CTX_SUBMITTER:
		sim__submitter(w, c);
		break;
	case SIM_CTX_KWORKER:
		sim__kworker(w, c);
		break;
	case SIM_CTX_NET_TX:
		sim__net_tx(w);
		break;
	case SIM_CTX_NET_RX:
		sim__net_rx(w);
		break;
	case SIM_CTX_TARGET:
		sim__target(w);
		break;
	case SIM_CTX_TICK:
		sim__tick(w);
		break;
	}
	c->done = true;
	sim_trace_ctx(w, "", "done");
	for (;;)
		sim_fiber_switch(&c->fiber, &w->main_fiber);
}
