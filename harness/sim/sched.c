/* Deterministic scheduler: contexts run one step at a time, chosen by the choice source. */
#include <stdarg.h>
#include <string.h>

#include <nvt_upstream.h>

#include "sim.h"
#include "statehash.h"
#include "trace.h"
#include "variant.h"

struct sim_world *sim_cur;

const char *const sim_op_names[SIM_OP_KINDS] = {
	[SIM_OP_START] = "start",
	[SIM_OP_SUBMIT] = "submit",
	[SIM_OP_MUTEX_TRYLOCK] = "mutex_trylock",
	[SIM_OP_MUTEX_LOCK] = "mutex_lock",
	[SIM_OP_MUTEX_UNLOCK] = "mutex_unlock",
	[SIM_OP_SPIN_LOCK] = "spin_lock",
	[SIM_OP_SPIN_UNLOCK] = "spin_unlock",
	[SIM_OP_LLIST_ADD] = "llist_add",
	[SIM_OP_LLIST_DEL_ALL] = "llist_del_all",
	[SIM_OP_LLIST_EMPTY] = "llist_empty",
	[SIM_OP_LIST_EMPTY] = "list_empty",
	[SIM_OP_LIST_ADD] = "list_add",
	[SIM_OP_LIST_DEL] = "list_del",
	[SIM_OP_LIST_FIRST] = "list_first_entry",
	[SIM_OP_READ_ONCE] = "READ_ONCE",
	[SIM_OP_WRITE_ONCE] = "WRITE_ONCE",
	[SIM_OP_TEST_BIT] = "test_bit",
	[SIM_OP_SET_BIT] = "set_bit",
	[SIM_OP_CLEAR_BIT] = "clear_bit",
	[SIM_OP_QUEUE_WORK] = "queue_work_on",
	[SIM_OP_WORK_WAIT] = "run_work",
	[SIM_OP_SENDMSG] = "sendmsg",
	[SIM_OP_LOCK_SOCK] = "lock_sock",
	[SIM_OP_RELEASE_SOCK] = "release_sock",
	[SIM_OP_SK_WRITEABLE] = "sk_stream_is_writeable",
	[SIM_OP_NET_XMIT] = "xmit",
	[SIM_OP_NET_RECV] = "deliver",
	[SIM_OP_TARGET_RUN] = "process",
	[SIM_OP_LOAD] = "load",
	[SIM_OP_STORE] = "store",
	[SIM_OP_CLOCK] = "jiffies",
	[SIM_OP_TICK] = "tick",
};

const char *const sim_verdict_names[SIM_V_KINDS] = {
	[SIM_V_RUNNING] = "running",
	[SIM_V_PASS] = "pass",
	[SIM_V_HANG] = "hang",
	[SIM_V_STALL] = "stall",
	[SIM_V_SAFETY] = "safety",
	[SIM_V_PROTOCOL] = "protocol",
	[SIM_V_RECOVERY] = "error-recovery",
	[SIM_V_STEP_BOUND] = "step-bound",
	[SIM_V_SCHEDULE] = "schedule",
	[SIM_V_LIVELOCK] = "livelock",
};

/* The site of the shim call under way (SIM_AT), for the next scheduling point. */
static struct {
	const char *file;
	int line;
	const void *frame;
} sim__site;

void sim_at(const char *file, int line, const void *frame)
{
	sim__site.file = file;
	sim__site.line = line;
	sim__site.frame = frame;
}

void sim_at_get(const char **file, int *line, const void **frame)
{
	*file = sim__site.file;
	*line = sim__site.line;
	*frame = sim__site.frame;
}

void sim_point(enum sim_op_kind kind, const void *obj, const char *obj_name,
	       const char *fn)
{
	sim_point2(kind, obj, NULL, obj_name, fn);
}

void sim_point_field(bool write, const void *addr, const char *field,
		     const char *fn)
{
	sim_point2(write ? SIM_OP_STORE : SIM_OP_LOAD, addr, NULL, field, fn);
}

void sim_point2(enum sim_op_kind kind, const void *obj, const void *obj2,
		const char *obj_name, const char *fn)
{
	struct sim_world *w = sim_cur;
	const char *file = sim__site.file;
	const void *frame = sim__site.frame;
	struct sim_ctx *c;

	/* a site belongs to one point: never to a later one the harness makes */
	sim__site.file = NULL;
	sim__site.frame = NULL;
	if (!w || !w->cur)
		return;
	c = w->cur;
	c->file = file;
	c->line = file ? sim__site.line : 0;
	c->frame = frame;
	c->op = (uint8_t)kind;
	c->obj = obj;
	c->obj2 = obj2;
	c->obj_name = obj_name;
	c->fn = fn;
	sim_fiber_switch(&c->fiber, &w->main_fiber);
}

int sim_current_cpu(void)
{
	struct sim_world *w = sim_cur;

	return w && w->cur ? w->cur->cpu : 0;
}

int sim_current_ctx(void)
{
	struct sim_world *w = sim_cur;

	/* unit tests call shims outside any context: they act as context SIM_CTX_MAX */
	return w && w->cur ? w->cur->id : SIM_CTX_MAX;
}

/*
 * Free time (quota_steps 0). In Linux, io_work's loop test reads the
 * wall clock: it finds its deadline passed after any number of turns, as
 * soon as the kworker has been held up (preempted, interrupted, slow) for a
 * jiffy since the run began; until then it goes round again. So here the
 * kworker's read of jiffies is a step of its own on the clock, and the
 * deadline passing is the step of another context, tick, enabled from the
 * read that takes the deadline to the end of the run: the search tries it
 * before each later read. Reads return jiffies 0 until it has run, 2 after
 * (past deadline = 0 + msecs_to_jiffies(1)). No count of steps is read, so
 * a turn of io_work's loop that changes nothing else leaves the state as it
 * was. Other contexts read 0: none of them times anything.
 */
static uint64_t sim__free_clock(struct sim_world *w)
{
	if (!w->cur || w->cur->kind != SIM_CTX_KWORKER)
		return 0;
	sim_point(SIM_OP_CLOCK, &w->clock_state, "jiffies", "jiffies");
	if (w->clock_state == SIM_CLOCK_IDLE)
		w->clock_state = SIM_CLOCK_ARMED;
	return w->clock_state == SIM_CLOCK_EXPIRED ? 2 : 0;
}

uint64_t sim_clock_steps(void)
{
	struct sim_world *w = sim_cur;

	/*
	 * Each context's clock is its own steps: io_work's quota bounds how
	 * long one run loops on its CPU, and no other context's step shortens
	 * it. (A global clock would make every step a hidden dependency of
	 * io_work's loop test, which the reduction cannot see.)
	 */
	if (!w)
		return 0;
	if (!w->cfg.env.quota_steps)
		return sim__free_clock(w);
	return w->cur ? w->cur->steps - w->cur->clock_base : w->steps;
}

uint64_t sim_steps_per_jiffy(void)
{
	return sim_cur && sim_cur->cfg.env.quota_steps ?
		sim_cur->cfg.env.quota_steps : 1;
}

bool sim_upstream_has(int commit)
{
	return sim_cur && sim_variant_has(sim_cur->cfg.variant, commit);
}

bool sim_ctx_enabled(struct sim_world *w, const struct sim_ctx *c)
{
	const struct sock *sk = &w->sk;

	if (c->done)
		return false;
	switch (c->op) {
	case SIM_OP_MUTEX_LOCK:
		return ((const struct mutex *)c->obj)->owner == 0;
	case SIM_OP_SPIN_LOCK:
		return ((const spinlock_t *)c->obj)->owner == 0;
	case SIM_OP_LOCK_SOCK:
	case SIM_OP_SENDMSG:
		return sk->sim.owner == 0 || sk->sim.owner == c->id + 1;
	case SIM_OP_WORK_WAIT:
		return w->pool_head != NULL;
	case SIM_OP_NET_XMIT:
		/* the socket lock stands for softirq backlog processing */
		return sk->sim.owner == 0 && sim_sock_xmit_ready(sk) &&
			sim_target_window(w) > 0;
	case SIM_OP_NET_RECV:
		/* an ACK, or data up to the next ACK, while the socket is not owned */
		return sk->sim.owner == 0 &&
			(sim_sock_ack_next(sk) ||
			 (sim_target_tx_pending(&w->target) &&
			  sim_sock_rx_room(sk) > 0));
	case SIM_OP_TARGET_RUN:
		return !w->target.failed &&
			w->target.rx_len != w->target_idle_rx;
	case SIM_OP_TICK:
		return w->clock_state == SIM_CLOCK_ARMED;
	default:
		return true;
	}
}

unsigned sim_enabled_ctxs(struct sim_world *w, uint8_t *ids)
{
	unsigned i, n = 0;

	for (i = 0; i < w->nctx; i++)
		if (sim_ctx_enabled(w, &w->ctx[i]))
			ids[n++] = (uint8_t)i;
	return n;
}

/* Under strict priority, a submitter on the kworker's CPU waits while the kworker can run. */
static bool sim__policy_allows(struct sim_world *w, const struct sim_ctx *c)
{
	const struct sim_ctx *k;

	if (w->policy != SIM_POLICY_PRIO || c->kind != SIM_CTX_SUBMITTER ||
	    c->cpu != w->cfg.env.io_cpu)
		return true;
	k = &w->ctx[sim_ctx_kworker(w)];
	return !sim_ctx_enabled(w, k);
}

int sim_ctx_sched_cpu(const struct sim_ctx *c)
{
	/*
	 * A submitter is a task on its CPU; io_work is queued with
	 * queue_work_on(queue->io_cpu), so the kworker that runs it is bound
	 * to io_cpu. net_rx (tcp_v4_rcv, data_ready) and net_tx (the wire and
	 * the ACK processing that fires write_space) are the network softirq:
	 * it runs on the CPU the flow is steered to, and Receive Flow Steering
	 * steers a flow to the CPU where its consumer last read it, here
	 * io_work on io_cpu. A softirq that interrupts a task which could go
	 * on takes that task's CPU like a preemption does (and a preemption
	 * it is counted as), but it leaves other CPUs alone. ctrl is the
	 * controller, another machine, which the host sees only through the
	 * network: its steps are counted as the network's, on io_cpu. (Left
	 * on no CPU, its steps between any two host steps multiplied the
	 * search; the cost is that reaching some states may take one
	 * preemption more.)
	 */
	switch (c->kind) {
	case SIM_CTX_SUBMITTER:
	case SIM_CTX_KWORKER:
	case SIM_CTX_NET_TX:
	case SIM_CTX_NET_RX:
	case SIM_CTX_TARGET:
		return c->cpu;
	case SIM_CTX_TICK:
		/* time passing: on no CPU, and never a preemption or a switch */
		break;
	}
	return -1;
}

/* Enabled, allowed by the policy, and not at a yield point. */
static bool sim__could_go_on(struct sim_world *w, const struct sim_ctx *p)
{
	return !sim_ctx_yields(p) && sim_ctx_enabled(w, p) &&
		sim__policy_allows(w, p);
}

unsigned sim_step_cost(struct sim_world *w, int id)
{
	int cpu = sim_ctx_sched_cpu(&w->ctx[id]), prev;
	unsigned cost = 0;

	if (w->ctx[id].kind == SIM_CTX_TICK)
		return 0;
	/*
	 * The context that last ran on this CPU, not the one that last ran
	 * anywhere: else one step of another CPU between two of this one's
	 * would make any switch here free.
	 */
	prev = cpu >= 0 ? w->cpu_last[cpu] : -1;
	if (prev >= 0 && prev != id && sim__could_go_on(w, &w->ctx[prev]))
		cost |= SIM_COST_PREEMPT;
	/*
	 * Contexts on two CPUs run at the same time, so where their steps
	 * interleave costs no preemption. It is still a choice, and left
	 * free it multiplies even bound 0 past any budget (README): a second
	 * bound counts it.
	 */
	prev = w->last_ctx;
	if (prev >= 0 && prev != id &&
	    (cpu < 0 || cpu != sim_ctx_sched_cpu(&w->ctx[prev])) &&
	    sim__could_go_on(w, &w->ctx[prev]))
		cost |= SIM_COST_CPU_SWITCH;
	return cost;
}

unsigned sim_runnable_ctxs(struct sim_world *w, uint8_t *ids)
{
	unsigned i, n = 0, k = (unsigned)sim_ctx_kworker(w);

	for (i = 0; i < w->nctx; i++)
		if (sim_ctx_enabled(w, &w->ctx[i]) &&
		    sim__policy_allows(w, &w->ctx[i]))
			ids[n++] = (uint8_t)i;
	/*
	 * Fair policy: a kworker that keeps requeueing io_work yields at
	 * cond_resched() between runs; after a few runs in a row, whoever else
	 * is waiting runs first, as CFS would see to. (Strict priority is
	 * --policy prio's business.)
	 */
	if (w->policy == SIM_POLICY_FAIR && n > 1 &&
	    w->kworker_streak >= SIM_FAIR_KWORKER_RUNS &&
	    sim_ctx_yields(&w->ctx[k])) {
		for (i = 0; i < n && ids[i] != k; i++)
			;
		if (i < n) {
			memmove(ids + i, ids + i + 1, n - i - 1);
			n--;
		}
	}
	/* the world changes only by steps: sim_step reuses this count */
	w->runnable_step = w->steps;
	w->runnable_n = (uint8_t)n;
	return n;
}

/* The operations one round of a livelock cycle does, each once, in order. */
static void sim__describe_cycle(struct sim_world *w, uint64_t from)
{
	struct sim_verdict *v = &w->verdict;
	const char *seen_fn[16];
	uint8_t seen_op[16], seen_ctx[16];
	unsigned nseen = 0, i;
	uint64_t s;
	size_t used;
	int owner;

	for (s = from; s < w->steps && s < SIM_TAKEN_MAX && nseen < 16; s++) {
		for (i = 0; i < nseen; i++)
			if (seen_ctx[i] == w->taken[s] && seen_op[i] == w->taken_op[s] &&
			    seen_fn[i] == w->taken_fn[s])
				break;
		if (i < nseen)
			continue;
		seen_ctx[nseen] = w->taken[s];
		seen_op[nseen] = w->taken_op[s];
		seen_fn[nseen++] = w->taken_fn[s];
	}
	used = strlen(v->detail);
	used += (size_t)snprintf(v->detail + used, sizeof(v->detail) - used,
				 "  the cycle does, over and over:\n");
	for (i = 0; i < nseen && used < sizeof(v->detail); i++)
		used += (size_t)snprintf(v->detail + used, sizeof(v->detail) - used,
					 "    %-8s %-30s %s\n", w->ctx[seen_ctx[i]].name,
					 seen_fn[i] ? seen_fn[i] : "",
					 sim_op_names[seen_op[i]]);
	for (i = 0; i < w->cfg.nsubs && used < sizeof(v->detail); i++) {
		const struct sim_ctx *sub = &w->ctx[i];

		if (sub->done)
			continue;
		used += (size_t)snprintf(v->detail + used, sizeof(v->detail) - used,
					 "  %-8s waits at %s(%s) in %s%s\n", sub->name,
					 sim_op_names[sub->op],
					 sim_short_name(sub->obj_name), sub->fn,
					 sub->cpu == w->cfg.env.io_cpu ?
					 ": on the kworker's CPU, it never gets to run" : "");
	}
	owner = sim_send_mutex_owner(w);
	if (owner && used < sizeof(v->detail))
		snprintf(v->detail + used, sizeof(v->detail) - used,
			 "  send_mutex:   held by %s\n", w->ctx[owner - 1].name);
}

/* Requests not completed yet (submitted or not). */
static unsigned sim__outstanding(const struct sim_world *w)
{
	unsigned i, n = 0;

	for (i = 0; i < w->cfg.nreqs; i++)
		n += !w->rs[i].completed;
	return n;
}

uint64_t sim_progress_sig(const struct sim_world *w)
{
	const struct sim_sock *k = &w->sk.sim;
	uint64_t sig;
	unsigned i;

	sig = k->sq_stream_off + k->sq_len;	/* taken by sendmsg */
	sig += k->sq_stream_off;		/* on the wire, host to controller */
	sig += k->rq_stream_off + k->rq_len;	/* on the wire, controller to host */
	sig += k->rq_stream_off;		/* read by the host */
	sig += w->target.pdus_rcvd + w->target.pdus_sent;
	for (i = 0; i < w->cfg.nreqs; i++)
		sig += w->rs[i].completions + w->rs[i].submitted;
	return sig;
}

/*
 * A livelock is a loop the world cannot leave: no other context could have
 * run anywhere in it (choice_step), so no scheduler, fair or not, gets it
 * out. A loop in which the choice source merely kept passing over a context
 * that could run is starvation by the choice source, not a livelock.
 */
static void sim__livelock_stop(struct sim_world *w, uint64_t from,
			       bool exact)
{
	unsigned long long every = (unsigned long long)(w->steps - from);
	unsigned long long a = (unsigned long long)from;
	unsigned long long b = (unsigned long long)w->steps;

	if (!sim__outstanding(w))
		sim_stop(w, SIM_V_LIVELOCK,
			 "LIVELOCK: every request has completed, but the world never goes idle: %s (steps %llu to %llu), and nothing else could run",
			 exact ? "it comes back to the same state" :
			 "nothing moves", a, b);
	else if (exact && w->policy == SIM_POLICY_PRIO)
		sim_stop(w, SIM_V_LIVELOCK,
			 "LIVELOCK: under strict kworker priority the world comes back to the same state every %llu steps (steps %llu to %llu) and no request makes progress",
			 every, a, b);
	else if (exact)
		sim_stop(w, SIM_V_LIVELOCK,
			 "LIVELOCK: the world comes back to the same state every %llu steps (steps %llu to %llu), no request makes progress, and no other context could run",
			 every, a, b);
	else
		sim_stop(w, SIM_V_LIVELOCK,
			 "LIVELOCK: no progress for %llu steps (steps %llu to %llu): no byte, PDU, completion or submission moved, no other context could run, and %u request%s still outstanding",
			 every, a, b, sim__outstanding(w),
			 sim__outstanding(w) == 1 ? " is" : "s are");
	w->verdict.req = -1;
	sim__describe_cycle(w, from);
}

static void sim__livelock_check(struct sim_world *w, const struct sim_ctx *c)
{
	uint64_t h;
	unsigned i;

	/*
	 * Between two io_work runs no jiffies-based local is live, so a state
	 * that comes back here (time and counters aside) is a loop that will
	 * go round for ever.
	 */
	if (c->kind != SIM_CTX_KWORKER || c->op != SIM_OP_WORK_WAIT)
		return;
	/*
	 * A choice since the last mark breaks every cycle through the marks
	 * so far. Under the fair policy, hashing only from the second
	 * choice-free visit on delays a detection by one round and spares
	 * fair runs, full of choices, a hash at every io_work run. (Under
	 * prio every visit is hashed, as before fair runs were checked.)
	 */
	if (w->policy == SIM_POLICY_FAIR && w->nmarks &&
	    w->choice_step >= w->mark_step[(w->nmarks - 1) % SIM_LIVELOCK_MARKS]) {
		w->nmarks = 0;
		w->mark_pending = w->steps;
		return;
	}
	if (w->policy == SIM_POLICY_FAIR && !w->nmarks &&
	    w->choice_step >= w->mark_pending) {
		w->mark_pending = w->steps;
		return;
	}
	h = sim_state_hash_points(w);
	for (i = 0; i < w->nmarks && i < SIM_LIVELOCK_MARKS; i++) {
		if (w->mark_hash[i] != h || w->choice_step >= w->mark_step[i])
			continue;
		sim__livelock_stop(w, w->mark_step[i], true);
		return;
	}
	i = w->nmarks++ % SIM_LIVELOCK_MARKS;
	w->mark_hash[i] = h;
	w->mark_step[i] = w->steps;
}

bool sim_stop_no_progress(struct sim_world *w)
{
	uint64_t quota = w->cfg.env.quota_steps ? w->cfg.env.quota_steps : 1;
	uint64_t window = SIM_NOPROGRESS_QUOTAS * (quota < 64 ? 64 : quota);
	uint64_t from = w->progress_step > w->choice_step ?
		w->progress_step : w->choice_step + 1;

	if (w->stopped || w->steps < from || w->steps - from < window)
		return false;
	sim__livelock_stop(w, from, false);
	return true;
}

void sim_step(struct sim_world *w, int id)
{
	struct sim_ctx *c = &w->ctx[id];
	uint8_t ids[SIM_CTX_MAX];
	uint64_t sig;
	unsigned cost;

	/*
	 * The tick is time passing, not a context that could run instead:
	 * it gets no loop out of a livelock, and does not count as a choice.
	 */
	if ((w->runnable_step == w->steps ? w->runnable_n :
	     sim_runnable_ctxs(w, ids)) >
	    1u + (w->clock_state == SIM_CLOCK_ARMED && !w->cfg.env.quota_steps))
		w->choice_step = w->steps;

	cost = sim_step_cost(w, id);
	if (cost & SIM_COST_PREEMPT)
		w->preemptions++;
	if (cost & SIM_COST_CPU_SWITCH)
		w->cpu_switches++;
	if (sim_ctx_sched_cpu(c) >= 0)
		w->cpu_last[sim_ctx_sched_cpu(c)] = (int8_t)id;
	/*
	 * The tick costs nothing and runs on no CPU (above); nor is it the
	 * context that ran last, or one that breaks the kworker's streak.
	 */
	if (c->kind != SIM_CTX_TICK) {
		w->last_ctx = id;
		if (c->kind != SIM_CTX_KWORKER)
			w->kworker_streak = 0;
		else if (c->op == SIM_OP_WORK_WAIT)
			w->kworker_streak++;
	}
	if (w->steps < SIM_TAKEN_MAX) {
		w->taken[w->steps] = (uint8_t)id;
		w->taken_op[w->steps] = c->op;
		w->taken_fn[w->steps] = c->fn;
		w->taken_obj[w->steps] = c->obj_name;
		w->taken_file[w->steps] = c->file;
		w->taken_line[w->steps] = c->file && c->line > 0 ? (uint32_t)c->line : 0;
	}
	w->steps++;
	c->steps++;
	c->last_fn = c->fn;
	if (w->trace)
		sim_trace_step(w, c);
	w->cur = c;
	sim_fiber_switch(&w->main_fiber, &c->fiber);
	w->cur = NULL;
	sig = sim_progress_sig(w);
	if (sig != w->progress_sig) {
		w->progress_sig = sig;
		w->progress_step = w->steps;
	}
	if (!w->stopped)
		sim__livelock_check(w, c);
}

void sim_run(struct sim_world *w)
{
	uint8_t ids[SIM_CTX_MAX];
	unsigned n;

	while (!w->stopped) {
		n = sim_runnable_ctxs(w, ids);
		if (!n) {
			sim_check_idle(w);
			return;
		}
		if (w->steps >= w->cfg.steps_max) {
			if (sim_stop_no_progress(w))
				return;
			sim_stop(w, SIM_V_STEP_BOUND,
				 "STEP BOUND: still running after %llu steps (raise --steps-max, or look for a livelock)",
				 (unsigned long long)w->steps);
			return;
		}
		sim_step(w, ids[sim_choice_pick(w->choice, ids, n, w->steps)]);
	}
}

void sim_stop(struct sim_world *w, enum sim_verdict_kind kind, const char *fmt,
	      ...)
{
	va_list ap;

	if (!w->stopped) {
		w->verdict.kind = (uint8_t)kind;
		va_start(ap, fmt);
		vsnprintf(w->verdict.line, sizeof(w->verdict.line), fmt, ap);
		va_end(ap);
		w->stopped = true;
	}
	if (w->cur) {
		/* a stopped world never resumes its contexts */
		struct sim_ctx *c = w->cur;

		sim_fiber_switch(&c->fiber, &w->main_fiber);
		__builtin_unreachable();
	}
}

void sim_fail_safety(const char *fmt, ...)
{
	struct sim_world *w = sim_cur;
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!w) {
		fprintf(stderr, "nvtsim: safety check outside a world: %s\n", msg);
		return;
	}
	sim_trace_op("SAFETY: %s", msg);
	if (w->cur)
		snprintf(w->verdict.detail, sizeof(w->verdict.detail),
			 "context %s was in %s\n", w->cur->name,
			 w->cur->fn ? w->cur->fn : "?");
	sim_stop(w, SIM_V_SAFETY, "SAFETY: %s", msg);
}

void sim_model_error(const char *fn, const char *fmt, ...)
{
	struct sim_world *w = sim_cur;
	char msg[256];
	size_t n;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	n = strlen(msg);
	if (n && msg[n - 1] == '\n')
		msg[n - 1] = 0;
	if (!w)
		return;
	if (w->trace)
		sim_trace_ctx(w, fn, "dev_err: %s", msg);
	/* keep the first message: later ones are usually its consequences */
	if (!w->last_model_error[0])
		snprintf(w->last_model_error, sizeof(w->last_model_error),
			 "%s: %s", fn, msg);
}

void sim_model_error_recovery(const char *fn)
{
	struct sim_world *w = sim_cur;

	if (!w)
		return;
	sim_stop(w, SIM_V_RECOVERY,
		 "ERROR RECOVERY: the host started error recovery in %s (%s)",
		 fn, w->last_model_error[0] ? w->last_model_error : "no dev_err");
}

