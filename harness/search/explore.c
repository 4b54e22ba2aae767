/*
 * The explorer. Depth-first strategies rerun the world from scratch for
 * every execution: a stack of nodes records, per step, which contexts could
 * run, which were tried, and (for the reduction) what each one's next step
 * touches. Random and PCT strategies draw each execution from a seed.
 *
 * DPOR is Flanagan and Godefroid's (POPL 2005) with sleep sets: a step that
 * races with the next step of another context, and does not happen before
 * it, gets a backtrack point, so orders that differ only in independent
 * steps run once.
 */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "explore.h"
#include "statehash.h"
#include "trace.h"

const char *const sim_strategy_names[SIM_STRAT_KINDS] = {
	[SIM_STRAT_DPOR] = "dpor",
	[SIM_STRAT_DFS] = "dfs",
	[SIM_STRAT_PB] = "pb",
	[SIM_STRAT_STATEFUL] = "stateful",
	[SIM_STRAT_RANDOM] = "random",
	[SIM_STRAT_PCT] = "pct",
};

#define SIM__NO_BOUND 0xffffu
#define SIM__VISITED_BITS 24		/* the most a visited table grows to */
#define SIM__VISITED_BITS_MIN 16	/* where it starts */

/*
 * A subtree's summary, for dpor's state cache: per context, a bit per
 * footprint (interned, sim__fp_id) of every next step the race analysis
 * looked at in the subtree.
 */
#define SIM__FP_IDS 64

/* Objects the steps' footprints name, for the chains of steps on each. */
#define SIM__OBJS 64

struct sim__sum {
	uint64_t b[SIM_CTX_MAX];
};

/* A state dpor has seen: its summary once its subtree is done. */
struct sim__centry {
	uint64_t key;			/* 0: a free slot */
	uint64_t dep;			/* 0, or the state whose search completes this one's */
	uint32_t sum;			/* index into sums, when complete */
	uint8_t sleep;			/* the sleep set its subtree was searched with */
	bool complete;
	uint16_t cut;			/* 0, or 1 + the depth steps_max cut it at */
};

struct sim__node {
	uint8_t enabled;		/* runnable here (bit per context) */
	uint8_t backtrack;		/* to be tried here */
	uint8_t done;			/* tried here */
	uint8_t sleep;			/* need not be tried here */
	uint8_t skip;			/* dpor's cache: not to be tried first here (run before) */
	uint8_t chosen;			/* context of the step taken here */
	uint8_t costly;			/* choosing it here is a preemption (sim_step_cost) */
	uint8_t xcostly;		/* choosing it here is a CPU switch */
	uint16_t preempt;		/* preemptions before this state */
	uint16_t switches;		/* CPU switches before this state */
	bool prev_yields;		/* the last step's context sits at a yield point */
	struct sim_fp fp[SIM_CTX_MAX];	/* every context's next step, here */
	uint32_t vc[SIM_CTX_MAX];	/* vector clock of the step taken here */
	int32_t link[SIM_FP_OBJS];	/* per object of that step, the last step before on it */
	uint64_t key;			/* dpor's state cache: this state's key */
	struct sim__sum sum;		/* dpor's state cache: what its subtree holds */
	bool cut;			/* dpor's state cache: steps_max cut its subtree */
	bool nodep;			/* ... or pruned at a cycle whose start was searched before */
	uint16_t low;			/* the shallowest node on the path its subtree pruned at */
};

/* No node: a subtree that pruned at no state on the path. */
#define SIM__NO_LOW 0xffffu

struct sim__explorer {
	struct sim_world *w;
	const struct sim_config *cfg;
	const struct sim_explore_opts *o;
	struct sim_explore_result *r;
	struct sim__node *nodes;
	unsigned ndepth;		/* valid nodes after the last execution */
	unsigned prefix;		/* nodes whose decision the next execution replays */
	unsigned depth_max;
	unsigned bound;			/* preemption bound, or SIM__NO_BOUND */
	unsigned switch_bound;		/* CPU-switch bound, with bound */
	bool dpor;
	bool sleep_sets;
	bool stateful;
	/* dpor's state cache (sim__cache_*) */
	bool cache;			/* on: prune states whose subtree is done */
	bool cache_off;			/* a footprint or table overflowed: no more */
	struct sim_fp fpid[SIM__FP_IDS];	/* interned footprints */
	unsigned nfpid;
	struct sim__sum leaf;		/* what the last execution's cut-off leaf holds */
	bool leaf_cut;			/* and whether steps_max cut it */
	bool leaf_nodep;		/* and whether it is a cycle to a state searched before */
	uint16_t leaf_low;		/* and the node on the path it is the state of, if any */
	struct sim__centry *ctab;
	unsigned ctab_bits;
	unsigned ctab_bits_max;		/* the most it grows to: opts' state_cache_bytes */
	uint64_t ctab_n;
	struct sim__sum *sums;		/* distinct summaries */
	uint32_t nsums, sums_cap;
	uint32_t *sumtab;		/* open addressing over sums: index + 1 */
	unsigned sumtab_bits;
	int last_step[SIM_CTX_MAX];	/* per context, its last step's depth */
	/* per object, the last step on it: the chains sim__walk_next walks */
	const void *objs[SIM__OBJS];
	int32_t obj_last[SIM__OBJS];
	unsigned nobjs;
	bool chains_off;		/* this execution has too many objects: scan */
	uint64_t *visited;
	unsigned visited_bits;		/* the table has 1 << visited_bits slots */
	uint64_t visited_n;
	bool visited_full;
	/* minimisation: only failures of this known bug or signature count */
	const struct sim_explore_sig *want;
	struct sim_explore_failure *best;
	uint64_t budget;
	struct timespec t0;
	double next_progress;
	bool tty;
};

static double sim__seconds(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
		(double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

void sim_explore_opts_default(struct sim_explore_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->strategy = SIM_STRAT_PB;
	o->executions_max = 1000000;
	o->seed = 1;
	o->pct_depth = 3;
	o->preemptions_max = 1;
	o->minimize = true;
	o->minimize_executions_max = 200000;
	o->only_kind = -1;
	o->known_bugs = sim_known_bugs;
	o->nknown_bugs = sim_nknown_bugs;
}

static inline unsigned sim__lowest(uint8_t mask)
{
	return (unsigned)__builtin_ctz(mask);
}

/* ---- stateful search: a set of state hashes ---- */

/*
 * The table starts small and doubles at three quarters full, up to
 * SIM__VISITED_BITS: a sweep runs thousands of small searches, and zeroing
 * (or, under ASan, poisoning) a table sized for the biggest one each time
 * cost more than the searches. Growth changes no answer: it is a set.
 */
static int sim__visited_alloc(struct sim__explorer *x)
{
	free(x->visited);
	x->visited_bits = SIM__VISITED_BITS_MIN;
	x->visited = calloc(1u << x->visited_bits, sizeof(uint64_t));
	x->visited_n = 0;
	x->visited_full = false;
	return x->visited ? 0 : -1;
}

static void sim__visited_put(uint64_t *t, uint64_t mask, uint64_t h)
{
	uint64_t i;

	for (i = h & mask; t[i]; i = (i + 1) & mask)
		;
	t[i] = h;
}

/*
 * calloc for the tables of states, which grow to gigabytes and are probed
 * at random: one probe is one miss, and with 4 KiB pages most misses miss
 * the TLB too. Asking for huge pages (where the kernel has them and the
 * table is large enough to fill one) more than halves what a probe costs
 * there. Only a hint: the table is the same, and a kernel without them
 * ignores it.
 */
static void *sim__table_calloc(size_t n, size_t size)
{
	void *p = calloc(n, size);
#ifdef MADV_HUGEPAGE
	long pg = sysconf(_SC_PAGESIZE);

	if (p && pg > 0 && n * size >= (size_t)4 << 20) {
		uintptr_t a = ((uintptr_t)p + (uintptr_t)pg - 1) & ~((uintptr_t)pg - 1);
		uintptr_t e = ((uintptr_t)p + n * size) & ~((uintptr_t)pg - 1);

		if (e > a)
			(void)madvise((void *)a, e - a, MADV_HUGEPAGE);
	}
#endif
	return p;
}

/* Doubles the table; false when it may not (or cannot) grow. */
static bool sim__visited_grow(struct sim__explorer *x)
{
	uint64_t old_mask = (1ull << x->visited_bits) - 1, i;
	uint64_t *t;

	if (x->visited_bits >= SIM__VISITED_BITS)
		return false;
	t = sim__table_calloc(1ull << (x->visited_bits + 1), sizeof(uint64_t));
	if (!t)
		return false;
	for (i = 0; i <= old_mask; i++)
		if (x->visited[i])
			sim__visited_put(t, (old_mask << 1) | 1, x->visited[i]);
	free(x->visited);
	x->visited = t;
	x->visited_bits++;
	return true;
}

static bool sim__visit(struct sim__explorer *x, uint64_t h)
{
	uint64_t mask = (1ull << x->visited_bits) - 1, i;

	if (!h)
		h = 1;
	if (x->visited_full)
		return true;
	for (i = h & mask;; i = (i + 1) & mask) {
		if (x->visited[i] == h)
			return false;
		if (!x->visited[i])
			break;
	}
	x->visited[i] = h;
	x->visited_n++;
	/* past three quarters full: grow, or stop remembering rather than slow down */
	if (x->visited_n > mask / 4 * 3 && !sim__visited_grow(x))
		x->visited_full = true;
	return true;
}

static bool sim__seen(const struct sim__explorer *x, uint64_t h)
{
	uint64_t mask = (1ull << x->visited_bits) - 1, i;

	if (!h)
		h = 1;
	for (i = h & mask; x->visited[i]; i = (i + 1) & mask)
		if (x->visited[i] == h)
			return true;
	return false;
}

static uint64_t sim__mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	h ^= h >> 31;
	return h * 0xbf58476d1ce4e5b9ull;
}

/*
 * Under a preemption bound, a state seen before with no more preemptions
 * and CPU switches spent has had everything below it searched with at least
 * the bounds left now: prune. The state is sim_state_hash() plus what decides
 * the cost and the choices of the next steps (the last context, each CPU's,
 * the kworker's streak); the key adds what was spent.
 */
/* The kworker's streak as far as it decides who may run (sim_runnable_ctxs). */
static uint64_t sim__streak(const struct sim_world *w)
{
	return w->kworker_streak < SIM_FAIR_KWORKER_RUNS ?
		w->kworker_streak : SIM_FAIR_KWORKER_RUNS;
}

/* sim_state_hash() with the clock, and the kworker's streak: the unbounded searches' key */
static uint64_t sim__state_key(const struct sim_world *w)
{
	return sim__mix(sim_state_hash(w, true), sim__streak(w));
}

/* sim_state_hash() with the clock, and what the scheduler's next choices depend on */
static uint64_t sim__sched_state_hash(const struct sim_world *w)
{
	uint64_t h = sim_state_hash(w, true);
	unsigned i;

	for (i = 0; i < SIM_CPUS_MAX; i++)
		h = sim__mix(h, (uint64_t)(uint8_t)w->cpu_last[i]);
	h = sim__mix(h, (uint64_t)(w->last_ctx + 1));
	return sim__mix(h, sim__streak(w));
}

static bool sim__visit_bounded(struct sim__explorer *x)
{
	const struct sim_world *w = x->w;
	uint64_t h = sim__sched_state_hash(w);
	unsigned i, j;

	for (i = 0; i <= w->preemptions; i++)
		for (j = 0; j <= w->cpu_switches; j++)
			if ((i < w->preemptions || j < w->cpu_switches) &&
			    sim__seen(x, sim__mix(sim__mix(h, i), j)))
				return false;
	return sim__visit(x, sim__mix(sim__mix(h, w->preemptions),
				      w->cpu_switches));
}

/* ---- the reduction ---- */

/* The tick's bit, in free time: time passing, never a choice of who runs. */
static uint8_t sim__tick_mask(const struct sim_world *w)
{
	return w->cfg.env.quota_steps ? 0 : (uint8_t)(1u << (w->nctx - 1));
}

/* Sleep set of the state after node d's step: what stays independent of it. */
static uint8_t sim__child_sleep(const struct sim__explorer *x, unsigned d)
{
	const struct sim__node *nd = &x->nodes[d];
	uint8_t from = (nd->sleep | nd->done) & (uint8_t)~(1u << nd->chosen);
	uint8_t sleep = 0;
	unsigned q;

	for (q = 0; q < x->w->nctx; q++)
		if ((from >> q & 1) &&
		    !sim_fp_dependent(&nd->fp[q], &nd->fp[nd->chosen]))
			sleep |= (uint8_t)(1u << q);
	return sleep;
}

/*
 * Only a step on one of the same objects can be dependent
 * (sim_fp_dependent), so the race analysis and the vector clocks walk,
 * newest first, the steps on fp's objects: each step links to the last
 * step before it on each of its objects.
 */
static int32_t *sim__obj_last(struct sim__explorer *x, const void *o)
{
	unsigned i;

	for (i = 0; i < x->nobjs; i++)
		if (x->objs[i] == o)
			return &x->obj_last[i];
	if (x->nobjs == SIM__OBJS) {
		x->chains_off = true;
		return NULL;
	}
	x->objs[x->nobjs] = o;
	x->obj_last[x->nobjs] = -1;
	return &x->obj_last[x->nobjs++];
}

/* Node d's step joins its objects' chains. */
static void sim__chain(struct sim__explorer *x, unsigned d)
{
	struct sim__node *nd = &x->nodes[d];
	const struct sim_fp *fp = &nd->fp[nd->chosen];
	unsigned k;

	for (k = 0; k < SIM_FP_OBJS && !x->chains_off; k++) {
		int32_t *last;

		nd->link[k] = -1;
		if (!fp->obj[k])
			continue;
		last = sim__obj_last(x, fp->obj[k]);
		if (!last)
			return;
		nd->link[k] = *last;
		*last = (int32_t)d;
	}
}

/* A walk over fp's objects' chains, newest step first. */
struct sim__walk {
	const struct sim_fp *fp;
	unsigned n;			/* fp's objects */
	int32_t at[SIM_FP_OBJS];	/* per object, the next step on its chain, or -1 */
};

/* Where a walk over fp's objects' chains starts: the last step on each. */
static void sim__walk_start(struct sim__explorer *x, const struct sim_fp *fp,
			    unsigned d, struct sim__walk *walk)
{
	unsigned o;

	walk->fp = fp;
	for (o = 0; o < SIM_FP_OBJS && fp->obj[o]; o++) {
		const int32_t *last = sim__obj_last(x, fp->obj[o]);

		walk->at[o] = x->chains_off ? (int32_t)d - 1 : last ? *last : -1;
	}
	walk->n = o;
	if (x->chains_off && walk->n) {
		/* a plain scan back: one cursor does */
		walk->n = 1;
		walk->at[0] = (int32_t)d - 1;
	}
}

/* The next step of the walk, newest first; -1 at the end. */
static inline int32_t sim__walk_next(const struct sim__explorer *x,
				     struct sim__walk *walk)
{
	const struct sim__node *ni;
	const struct sim_fp *fi;
	int32_t i = -1;
	unsigned o, m;

	for (o = 0; o < walk->n; o++)
		if (walk->at[o] > i)
			i = walk->at[o];
	if (i < 0)
		return -1;
	if (x->chains_off) {
		walk->at[0] = i - 1;
		return i;
	}
	ni = &x->nodes[i];
	fi = &ni->fp[ni->chosen];
	for (o = 0; o < walk->n; o++) {
		if (walk->at[o] != i)
			continue;
		/* step i is on this object's chain: follow its link for it */
		for (m = 0; m < SIM_FP_OBJS && fi->obj[m] != walk->fp->obj[o]; m++)
			;
		walk->at[o] = m < SIM_FP_OBJS ? ni->link[m] : -1;
	}
	return i;
}

/* Vector clock of the step taken at node d. */
static void sim__clock(struct sim__explorer *x, unsigned d)
{
	struct sim__node *nd = &x->nodes[d];
	const struct sim_fp *fp = &nd->fp[nd->chosen];
	unsigned c = nd->chosen, k, nctx = x->w->nctx;
	struct sim__walk walk;
	int32_t i;

	memset(nd->vc, 0, sizeof(nd->vc));
	if (x->last_step[c] >= 0)
		memcpy(nd->vc, x->nodes[x->last_step[c]].vc, sizeof(nd->vc));
	sim__walk_start(x, fp, d, &walk);
	while ((i = sim__walk_next(x, &walk)) >= 0) {
		const struct sim__node *ni = &x->nodes[i];

		if (!sim_fp_dependent(&ni->fp[ni->chosen], fp))
			continue;
		for (k = 0; k < nctx; k++)
			if (ni->vc[k] > nd->vc[k])
				nd->vc[k] = ni->vc[k];
	}
	nd->vc[c] = d + 1;
}

/*
 * A backtrack point for a step of context q with footprint fp that comes
 * after node d: at the last step before it that it races with, one that is
 * dependent and not already ordered before q's last step. With all, at
 * every such step: for a step further on, which steps are ordered before
 * it is not known here (see sim__cache_prune).
 */
static void sim__race(struct sim__explorer *x, unsigned d, unsigned q,
		      const struct sim_fp *fp, bool all)
{
	const uint32_t *qvc = x->last_step[q] >= 0 ?
		x->nodes[x->last_step[q]].vc : NULL;
	struct sim__walk walk;
	int32_t i;

	sim__walk_start(x, fp, d, &walk);
	while ((i = sim__walk_next(x, &walk)) >= 0) {
		struct sim__node *ni = &x->nodes[i];
		unsigned ci = ni->chosen;

		if (ci == q || !sim_fp_dependent(&ni->fp[ci], fp))
			continue;
		/* already ordered before q's next step: not a race */
		if (qvc && qvc[ci] >= (uint32_t)i + 1)
			continue;
		if (ni->enabled >> q & 1) {
			ni->backtrack |= (uint8_t)(1u << q);
		} else if (sim__tick_mask(x->w) >> q & 1) {
			/*
			 * The tick is enabled only by the kworker's read of
			 * the clock that takes the deadline, which is this
			 * step: it happens before the tick, and so does every
			 * step before it on the clock. Nothing to reverse.
			 */
			break;
		} else {
			ni->backtrack |= ni->enabled;
		}
		if (!all)
			break;
	}
}

/* Backtrack points for every context's next step at node d. */
static void sim__races(struct sim__explorer *x, unsigned d)
{
	const struct sim__node *nd = &x->nodes[d];
	unsigned q;

	for (q = 0; q < x->w->nctx; q++)
		if (!x->w->ctx[q].done && nd->fp[q].obj[0])
			sim__race(x, d, q, &nd->fp[q], false);
}

/* ---- dpor's state cache ---- */

/*
 * DPOR alone runs every Mazurkiewicz trace once, and most of the default
 * config's are the network's: each way the controller's processing and the
 * ACKs fall between the host's segments is a trace of its own, and most of
 * them reach the same states. The cache prunes a state whose subtree was
 * searched to the end before, the way stateful DPOR does (Yang, Chen,
 * Gopalakrishnan and Kirby, "Efficient Stateful Dynamic Partial Order
 * Reduction", SPIN 2008), which is what makes the pruning sound:
 *  - the race analysis still has to see the steps below the pruned state,
 *    since they may race with steps of the new path to it. Each searched
 *    state keeps a summary: every (context, footprint) the analysis looked
 *    at below it. At a pruned state each of those counts as a step of that
 *    context yet to come, and every step of the path it is dependent with,
 *    and not already ordered before that context (by its vector clock now),
 *    gets a backtrack point. The step itself, when it came, would have had
 *    one at the last of those not ordered before it by then, which is one of
 *    them: the steps between may order some before it, and which is not
 *    known here. So this over-approximates the analysis the subtree would
 *    have done, which costs executions, never a trace. Races between two
 *    steps below the state are the same whatever the path (each ordering
 *    between them lies below it), and were handled when it was searched.
 *  - a state searched with sleep set Z' has had every trace searched that
 *    does not begin with a step in Z'; a path that comes back with sleep
 *    set Z prunes only if Z' is within Z, else it searches again.
 *  - the key is the whole state with the clock (sim_state_hash(w, true)),
 *    plus what the scheduler's next choices depend on: the kworker's
 *    streak (sim__cache_key). Not the depth: what lies below a state does
 *    not depend on how many steps it took to get there, unless steps_max
 *    cut the search below it. An entry notes that (cut): the depth its
 *    search was cut at, where a path at that depth or deeper, with no more
 *    steps left, may prune, and a path with more steps left searches
 *    again: the search the entry notes had as many steps left or more. A
 *    path deeper than an uncut search of the same state prunes too: that
 *    search ran every execution below the state to its end, which the
 *    deeper path's step bound would only have cut short.
 *    (With the depth in the key, a single 8 KiB write took 2,444,836
 *    states to exhaust; without it, 367,365.)
 * A state seen before and not complete is searched again, never pruned:
 * it is on the current path (a cycle, which only steps_max or a livelock
 * check ends), or its sleep set left it nothing to try. The livelock
 * checks look back along an execution; as for pb's pruning, the cache is
 * on only under the fair policy (dpor is not used under prio). A
 * footprint past SIM__FP_IDS or a full table turns the cache off from
 * there on: the search goes on, unpruned, as sound as before.
 */
static int sim__fp_id(struct sim__explorer *x, const struct sim_fp *fp)
{
	unsigned i;

	for (i = 0; i < x->nfpid; i++)
		if (sim_fp_equal(&x->fpid[i], fp))
			return (int)i;
	if (x->nfpid == SIM__FP_IDS)
		return -1;
	x->fpid[x->nfpid] = *fp;
	return (int)x->nfpid++;
}

/* The summary of node d itself: every context's next step here. */
static void sim__own_sum(struct sim__explorer *x, unsigned d,
			 struct sim__sum *sum)
{
	const struct sim__node *nd = &x->nodes[d];
	unsigned q;
	int id;

	memset(sum, 0, sizeof(*sum));
	for (q = 0; q < x->w->nctx; q++) {
		if (x->w->ctx[q].done || !nd->fp[q].obj[0])
			continue;
		id = sim__fp_id(x, &nd->fp[q]);
		if (id < 0) {
			x->cache_off = true;
			return;
		}
		sum->b[q] |= 1ull << id;
	}
}

static void sim__sum_or(struct sim__sum *a, const struct sim__sum *b)
{
	unsigned q;

	for (q = 0; q < SIM_CTX_MAX; q++)
		a->b[q] |= b->b[q];
}

static uint64_t sim__sum_hash(const struct sim__sum *sum)
{
	uint64_t h = 0;
	unsigned q;

	for (q = 0; q < SIM_CTX_MAX; q++)
		h = sim__mix(h, sum->b[q]);
	return h;
}

/* The index of sum in the table of distinct summaries; -1 if out of memory. */
static int64_t sim__sum_intern(struct sim__explorer *x, const struct sim__sum *sum)
{
	uint64_t mask, i;
	uint32_t k;

	if (!x->sumtab || x->nsums + 1 > (1u << x->sumtab_bits) / 4 * 3) {
		unsigned bits = x->sumtab ? x->sumtab_bits + 1 : 10;
		uint32_t *t = calloc(1u << bits, sizeof(*t));

		if (!t || bits > 24) {
			free(t);
			return -1;
		}
		mask = (1u << bits) - 1;
		for (k = 0; k < x->nsums; k++) {
			for (i = sim__sum_hash(&x->sums[k]) & mask; t[i];
			     i = (i + 1) & mask)
				;
			t[i] = k + 1;
		}
		free(x->sumtab);
		x->sumtab = t;
		x->sumtab_bits = bits;
	}
	mask = (1u << x->sumtab_bits) - 1;
	for (i = sim__sum_hash(sum) & mask; x->sumtab[i]; i = (i + 1) & mask)
		if (!memcmp(&x->sums[x->sumtab[i] - 1], sum, sizeof(*sum)))
			return x->sumtab[i] - 1;
	if (x->nsums == x->sums_cap) {
		uint32_t cap = x->sums_cap ? x->sums_cap * 2 : 256;
		struct sim__sum *n = realloc(x->sums, cap * sizeof(*n));

		if (!n)
			return -1;
		x->sums = n;
		x->sums_cap = cap;
	}
	x->sums[x->nsums] = *sum;
	x->sumtab[i] = ++x->nsums;
	return x->nsums - 1;
}

/* The entry for key, or where it goes; NULL when the table is full. */
static struct sim__centry *sim__cache_slot(struct sim__explorer *x,
					   uint64_t key)
{
	uint64_t mask, i;

	if (x->ctab_n + 1 > (1ull << x->ctab_bits) / 4 * 3) {
		unsigned bits = x->ctab_bits + 1;
		struct sim__centry *t;

		if (bits > x->ctab_bits_max ||
		    !(t = sim__table_calloc(1ull << bits, sizeof(*t)))) {
			/* full: finds what is there, adds nothing; the report says so */
			x->r->cache_full = true;
			goto find;
		}
		mask = (1ull << bits) - 1;
		for (i = 0; i < 1ull << x->ctab_bits; i++) {
			uint64_t j;

			if (!x->ctab[i].key)
				continue;
			for (j = x->ctab[i].key & mask; t[j].key; j = (j + 1) & mask)
				;
			t[j] = x->ctab[i];
		}
		free(x->ctab);
		x->ctab = t;
		x->ctab_bits = bits;
	}
find:
	mask = (1ull << x->ctab_bits) - 1;
	for (i = key & mask; x->ctab[i].key; i = (i + 1) & mask)
		if (x->ctab[i].key == key)
			return &x->ctab[i];
	return x->ctab_n + 1 > (1ull << x->ctab_bits) / 4 * 3 ? NULL : &x->ctab[i];
}

/*
 * The largest table of entries that fits in bytes (at least the one it
 * starts with). Growing to it takes half as much again for a moment: the
 * table before is copied over.
 */
static unsigned sim__cache_bits_max(uint64_t bytes)
{
	unsigned bits = SIM__VISITED_BITS_MIN;

	if (!bytes)
		bytes = SIM_EXPLORE_STATE_CACHE_BYTES_DEFAULT;
	while (bits < 40 && (sizeof(struct sim__centry) << (bits + 1)) <= bytes)
		bits++;
	return bits;
}

static int sim__cache_alloc(struct sim__explorer *x)
{
	x->ctab_bits_max = sim__cache_bits_max(x->o->state_cache_bytes);
	x->ctab_bits = SIM__VISITED_BITS_MIN;
	x->ctab = calloc(1u << x->ctab_bits, sizeof(*x->ctab));
	return x->ctab ? 0 : -1;
}

static void sim__cache_free(struct sim__explorer *x)
{
	free(x->ctab);
	free(x->sums);
	free(x->sumtab);
	x->ctab = NULL;
	x->sums = NULL;
	x->sumtab = NULL;
	x->cache = false;
}

/*
 * The state with the clock, and the kworker's streak, which decides under
 * the fair policy whether it may run next (sim_runnable_ctxs). Not the
 * last context or each CPU's: they decide only what a step costs, and dpor
 * has no bound. Not the depth: see the state cache's comment above.
 */
static uint64_t sim__cache_key(const struct sim__explorer *x)
{
	uint64_t h = sim__state_key(x->w);

	return h ? h : 1;
}

/* The entry for key, if there is one (never grows the table). */
static const struct sim__centry *sim__cache_find(const struct sim__explorer *x,
						 uint64_t key)
{
	uint64_t mask = (1ull << x->ctab_bits) - 1, i;

	for (i = key & mask; x->ctab[i].key; i = (i + 1) & mask)
		if (x->ctab[i].key == key)
			return &x->ctab[i];
	return NULL;
}

/*
 * Whether e's search covers node d's with sleep set sleep: complete, with
 * no more in its sleep set, cut (if at all) no deeper than d may prune at,
 * and every state its completeness depends on (dep, see sim__cycle_prune)
 * complete too, uncut. sum is then what lies below: e's summary and those
 * of its deps.
 */
static bool sim__cache_covers(const struct sim__explorer *x,
			      const struct sim__centry *e, unsigned d,
			      uint8_t sleep, struct sim__sum *sum)
{
	unsigned hops;

	if (!e->complete || (e->sleep & (uint8_t)~sleep) || d + 1 < e->cut)
		return false;
	*sum = x->sums[e->sum];
	for (hops = 0; e->dep; hops++) {
		e = hops < 8 ? sim__cache_find(x, e->dep) : NULL;
		if (!e || !e->complete || e->cut)
			return false;
		sim__sum_or(sum, &x->sums[e->sum]);
	}
	return true;
}

/* The races of the steps a summary holds, as if they came after node d. */
static void sim__races_below(struct sim__explorer *x, unsigned d,
			     const struct sim__sum *sum)
{
	unsigned q;

	for (q = 0; q < x->w->nctx; q++) {
		uint64_t b = sum->b[q];

		if (x->w->ctx[q].done)
			continue;
		while (b) {
			unsigned id = (unsigned)__builtin_ctzll(b);

			b &= b - 1;
			sim__race(x, d, q, &x->fpid[id], true);
		}
	}
}

/*
 * Node d's state is on the path already, at node a: the steps between went
 * round a cycle, as io_work's loop does in free time when a turn finds the
 * mutex taken and changes nothing. Everything that follows d follows a too,
 * and a's search is under way, so d prunes (if a's sleep set is within
 * d's, as for a complete entry). What the cut could lose is a step of
 * another context taken inside the cycle, where the race analysis of the
 * steps past d would have put it: every node of the cycle instead tries
 * every context (the cycle proviso of partial-order reduction: no context
 * is put off round a cycle for ever). The states of the cycle's nodes are
 * complete only once a's is: their entries name it (dep), and nothing
 * prunes at them before (sim__cache_covers); or never, if a's entry was
 * complete already (leaf_nodep).
 *
 * A cycle in which no other context could run anywhere (the tick aside)
 * is a livelock, not a cycle the scheduler can leave: it is searched on,
 * for the livelock checks to report.
 */
static bool sim__cycle_prune(struct sim__explorer *x, unsigned d,
			     bool searched_before)
{
	const struct sim__node *nd = &x->nodes[d];
	uint8_t tick = sim__tick_mask(x->w);
	bool choice = false;
	unsigned a, i;

	for (a = d; a-- > 0 && x->nodes[a].key != nd->key;)
		;
	if (a >= d)
		return false;	/* not on the path: searched again */
	for (i = a; i < d && !choice; i++) {
		uint8_t en = x->nodes[i].enabled & (uint8_t)~tick;

		choice = (en & (en - 1)) != 0;
	}
	if (!choice || (x->nodes[a].sleep & (uint8_t)~nd->sleep))
		return false;
	for (i = a; i < d; i++)
		x->nodes[i].backtrack |= x->nodes[i].enabled;
	x->leaf = x->nodes[a].sum;
	x->leaf_cut = x->nodes[a].cut;
	x->leaf_low = (uint16_t)a;
	/*
	 * a's entry says complete already: from an earlier search of the
	 * same state, not the one under way (which is why d did not prune
	 * at it). A dep on it would be taken as done before a's search is:
	 * the cycle's states are then never noted complete.
	 */
	x->leaf_nodep = searched_before;
	x->r->cycles++;
	return true;
}

/*
 * Node d, fresh, with its sleep set, footprints and enabled set laid out:
 * true if its state's subtree was searched before (the races with it are
 * then added, and the leaf's summary is its); else it is noted as seen.
 */
static bool sim__cache_prune(struct sim__explorer *x, unsigned d)
{
	struct sim__node *nd = &x->nodes[d];
	struct sim__centry *e;
	struct sim__sum sum;

	memset(&nd->sum, 0, sizeof(nd->sum));
	if (x->cache_off)
		return false;
	sim__own_sum(x, d, &nd->sum);
	if (x->cache_off)
		return false;	/* a footprint too many: unpruned from here on */
	nd->key = sim__cache_key(x);
	e = sim__cache_slot(x, nd->key);
	if (!e)
		return false;
	if (!e->key) {
		e->key = nd->key;
		e->complete = false;
		x->ctab_n++;
		return false;
	}
	if (!sim__cache_covers(x, e, d, nd->sleep, &sum)) {
		if (sim__cycle_prune(x, d, e->complete))
			return true;
		if (!sim__cache_covers(x, e, d, 0xff, &sum))
			return false;	/* searched again, all of it */
		/*
		 * Searched before with sleep set Z' not within this one's, Z:
		 * every trace from here that starts with a context outside Z'
		 * has run. What is left is what starts with one in Z' and not
		 * in Z (Godefroid's revisit of a state with sleep sets): only
		 * those are tried first here (skip keeps the others out), and
		 * with sleep set Z and Z' in common, not Z, since the traces
		 * below the first step that the earlier search put to sleep
		 * there were put to sleep for Z', not for Z. The two searches
		 * together then cover that sleep set. For the race analysis the
		 * earlier search's steps count as pruned here.
		 */
		sim__races_below(x, d, &sum);
		sim__sum_or(&nd->sum, &sum);
		nd->cut = e->cut > 0;
		nd->skip = nd->enabled & (uint8_t)~e->sleep;
		nd->sleep &= e->sleep;
		x->r->resumed++;
		return false;
	}
	sim__races_below(x, d, &sum);
	x->leaf = sum;
	x->leaf_cut = e->cut > 0;
	x->leaf_low = SIM__NO_LOW;
	x->leaf_nodep = false;
	return true;
}

/* The execution ended at depth n: its nodes' summaries take in what lies below. */
static void sim__cache_sum_up(struct sim__explorer *x, unsigned n)
{
	struct sim__sum acc = x->leaf;
	bool cut = x->leaf_cut;
	unsigned low = x->leaf_low;
	bool nodep = x->leaf_nodep;
	unsigned d;

	for (d = n; d-- > 0;) {
		struct sim__node *nd = &x->nodes[d];
		struct sim__sum was = nd->sum;
		bool was_cut = nd->cut;
		uint16_t was_low = nd->low;
		bool was_nodep = nd->nodep;

		sim__sum_or(&nd->sum, &acc);
		nd->cut = nd->cut || cut;
		/* a node at or above the cycle's start holds the whole cycle */
		if (low < d && low < nd->low)
			nd->low = (uint16_t)low;
		if (low < d && nodep)
			nd->nodep = true;
		if (d < x->prefix && was_cut == nd->cut && was_low == nd->low &&
		    was_nodep == nd->nodep &&
		    !memcmp(&was, &nd->sum, sizeof(was)))
			break;	/* and so is everything above it */
		acc = nd->sum;
		cut = nd->cut;
		low = nd->low;
		nodep = nd->nodep && nd->low < d;
	}
}

/* Node d's subtree is searched to its end: its state's entry says so. */
static void sim__cache_complete(struct sim__explorer *x, unsigned d)
{
	const struct sim__node *nd = &x->nodes[d];
	struct sim__centry *e;
	struct sim__sum sum = nd->sum;
	uint16_t cut = nd->cut ? (uint16_t)(d + 1) : 0;
	uint64_t dep = nd->low < d ? x->nodes[nd->low].key : 0;
	int64_t k;

	if (x->cache_off || (dep && nd->nodep))
		return;
	e = sim__cache_slot(x, nd->key);
	if (!e || !e->key)
		return;	/* never noted: the table was full */
	if (e->complete && dep && e->dep && dep != e->dep) {
		/* each waits on a state of its own: the one before stands */
	} else if (!e->complete || (!(nd->sleep & (uint8_t)~e->sleep) &&
				    cut <= e->cut)) {
		/* this search covers all the one before did */
		e->sleep = nd->sleep;
		e->cut = cut;
		e->dep = dep;
	}
	/*
	 * Else the search before covers this one, or each covers what the
	 * other may not: the one before stands. (Together they do not cover
	 * the sleep sets' intersection: below its first step each search put
	 * to sleep what its own sleep set allowed. A revisit that is to add
	 * to a search does so by sim__cache_prune's rule.)
	 */
	if (e->complete)
		sim__sum_or(&sum, &x->sums[e->sum]);
	k = sim__sum_intern(x, &sum);
	if (k < 0) {
		x->cache_off = true;
		return;
	}
	e->sum = (uint32_t)k;
	e->complete = true;
}

/*
 * Contexts node d may choose under the bounds: the scheduler's own rule
 * (sim_step_cost, recorded in costly and xcostly) decides what a choice costs.
 */
static uint8_t sim__bounded(const struct sim__explorer *x, unsigned d,
			    uint8_t cand)
{
	const struct sim__node *nd = &x->nodes[d];

	if (x->bound == SIM__NO_BOUND)
		return cand;
	if (nd->preempt + 1u > x->bound)
		cand &= (uint8_t)~nd->costly;
	if (nd->switches + 1u > x->switch_bound)
		cand &= (uint8_t)~nd->xcostly;
	return cand;
}

/* The lowest of cand that costs nothing, else the lowest. */
static unsigned sim__lowest_free(const struct sim__node *nd, uint8_t cand)
{
	uint8_t free = cand & (uint8_t)~(nd->costly | nd->xcostly);

	return sim__lowest(free ? free : cand);
}

/*
 * Go on with the context that ran last when it may (fewer preemptions
 * first), unless it sits at a yield point: then let the others go first.
 */
static unsigned sim__prefer(const struct sim__explorer *x, unsigned d,
			    uint8_t cand)
{
	const struct sim__node *nd = &x->nodes[d];
	unsigned prev;

	if (!d)
		return sim__lowest(cand);
	prev = x->nodes[d - 1].chosen;
	if (nd->prev_yields && (cand & (uint8_t)~(1u << prev)))
		return sim__lowest_free(nd, cand & (uint8_t)~(1u << prev));
	if (cand >> prev & 1)
		return prev;
	return sim__lowest_free(nd, cand);
}

/* ---- one execution ---- */

static void sim__step(struct sim__explorer *x, unsigned d)
{
	struct sim__node *nd = &x->nodes[d];

	/*
	 * A replayed step below the last decision is the step it was last
	 * time, after the same steps: its clock is the one it has.
	 */
	if (x->dpor && d + 1 >= x->prefix)
		sim__clock(x, d);
	if (x->dpor)
		sim__chain(x, d);
	x->last_step[nd->chosen] = (int)d;
	sim_step(x->w, nd->chosen);
}

/* Lays out node d at the current state; false if the execution ends here. */
static bool sim__new_node(struct sim__explorer *x, unsigned d)
{
	struct sim_world *w = x->w;
	struct sim__node *nd = &x->nodes[d];
	uint8_t ids[SIM_CTX_MAX], cand;
	unsigned i, n;

	n = sim_runnable_ctxs(w, ids);
	if (!n) {
		sim_check_idle(w);
		return false;
	}
	if (d >= x->depth_max || w->steps >= x->cfg->steps_max) {
		/* what lies below is cut off here, whichever verdict */
		x->leaf_cut = true;
		if (sim_stop_no_progress(w))
			return false;
		sim_stop(w, SIM_V_STEP_BOUND,
			 "STEP BOUND: still running after %llu steps (raise steps_max, or look for a livelock)",
			 (unsigned long long)w->steps);
		return false;
	}
	if (x->stateful && (x->bound == SIM__NO_BOUND ?
			    !sim__visit(x, sim__state_key(w)) :
			    !sim__visit_bounded(x))) {
		x->r->pruned++;
		return false;
	}
	nd->enabled = 0;
	nd->costly = 0;
	nd->xcostly = 0;
	for (i = 0; i < n; i++) {
		unsigned cost = sim_step_cost(w, ids[i]);

		nd->enabled |= (uint8_t)(1u << ids[i]);
		if (cost & SIM_COST_PREEMPT)
			nd->costly |= (uint8_t)(1u << ids[i]);
		if (cost & SIM_COST_CPU_SWITCH)
			nd->xcostly |= (uint8_t)(1u << ids[i]);
	}
	for (i = 0; i < w->nctx; i++)
		sim_footprint(w, &w->ctx[i], &nd->fp[i]);
	nd->done = 0;
	nd->backtrack = 0;
	nd->preempt = (uint16_t)w->preemptions;
	nd->switches = (uint16_t)w->cpu_switches;
	nd->prev_yields = w->last_ctx >= 0 &&
		sim_ctx_yields(&w->ctx[w->last_ctx]);
	nd->cut = false;
	nd->low = SIM__NO_LOW;
	nd->nodep = false;
	nd->skip = 0;
	nd->sleep = x->sleep_sets && d ? sim__child_sleep(x, d - 1) : 0;
	if (x->cache && sim__cache_prune(x, d)) {
		/* searched before, from another path: its races are added */
		x->r->pruned++;
		return false;
	}
	if (x->dpor)
		sim__races(x, d);
	cand = sim__bounded(x, d, nd->enabled & (uint8_t)~(nd->sleep | nd->skip));
	if (!cand) {
		/* everything left here was explored from a sibling */
		x->r->pruned++;
		if (x->cache) {
			x->leaf = nd->sum;
			x->leaf_cut = nd->cut;	/* a revisit's search before */
		}
		return false;
	}
	nd->chosen = (uint8_t)sim__prefer(x, d, cand);
	nd->done = (uint8_t)(1u << nd->chosen);
	nd->backtrack |= x->dpor ? nd->done : nd->enabled;
	return true;
}

static void sim__execute(struct sim__explorer *x)
{
	struct sim_world *w = x->w;
	unsigned d;

	sim_world_reset(w, x->cfg, NULL, NULL);
	for (d = 0; d < SIM_CTX_MAX; d++)
		x->last_step[d] = -1;
	x->nobjs = 0;
	x->chains_off = false;
	memset(&x->leaf, 0, sizeof(x->leaf));
	x->leaf_cut = false;
	x->leaf_low = SIM__NO_LOW;
	x->leaf_nodep = false;
	for (d = 0; !w->stopped; d++) {
		if (d >= x->prefix && !sim__new_node(x, d))
			break;
		sim__step(x, d);
	}
	x->ndepth = d;
	if (x->cache)
		sim__cache_sum_up(x, d);
	if (x->o->on_end && !x->want && w->stopped &&
	    w->verdict.kind != SIM_V_STEP_BOUND &&
	    w->verdict.kind != SIM_V_LIVELOCK)
		x->o->on_end(w, x->o->on_end_arg);
}

/* The next decision to try, deepest first; false when the tree is done. */
static bool sim__backtrack(struct sim__explorer *x)
{
	unsigned d;

	for (d = x->ndepth; d-- > 0;) {
		struct sim__node *nd = &x->nodes[d];
		uint8_t cand = nd->backtrack & (uint8_t)~nd->done &
			(uint8_t)~(nd->sleep | nd->skip);

		cand = sim__bounded(x, d, cand);
		if (!cand) {
			if (x->cache)
				sim__cache_complete(x, d);
			continue;
		}
		nd->chosen = (uint8_t)sim__prefer(x, d, cand);
		nd->done |= (uint8_t)(1u << nd->chosen);
		x->prefix = d + 1;
		return true;
	}
	return false;
}

/* ---- results ---- */

static bool sim__is_failure(const struct sim_verdict *v)
{
	return v->kind != SIM_V_PASS && v->kind != SIM_V_RUNNING;
}

/* The known bug the stopped world's failure shows, or NULL; its signature in sig. */
static const struct sim_known_bug *sim__classify(const struct sim__explorer *x,
						char *sig)
{
	const struct sim_world *w = x->w;

	sim_signature(w, sig, SIM_SIG_BYTES);
	return sim_known_bug_find_in(x->o->known_bugs, x->o->nknown_bugs,
				     x->cfg->variant, sig, w->verdict.line);
}

/* Whether the stopped world's failure is rec's known bug, or rec's new signature. */
static bool sim__same_failure(const struct sim__explorer *x,
			      const struct sim_explore_sig *rec)
{
	char sig[SIM_SIG_BYTES];
	const struct sim_known_bug *known;

	if (!sim__is_failure(&x->w->verdict) ||
	    x->w->verdict.kind == SIM_V_STEP_BOUND)
		return false;
	known = sim__classify(x, sig);
	return rec->known ? known == rec->known :
		!known && !strcmp(sig, rec->sig);
}

static void sim__capture(const struct sim_world *w, struct sim_explore_failure *f)
{
	uint64_t n = w->steps < SIM_EXPLORE_DEPTH_MAX ? w->steps :
		SIM_EXPLORE_DEPTH_MAX;

	f->found = true;
	f->verdict = w->verdict;
	memcpy(f->choices, w->taken, n);
	f->nchoices = (uint32_t)n;
	f->preemptions = w->preemptions;
	f->cpu_switches = w->cpu_switches;
}

static void sim__progress(struct sim__explorer *x, bool last)
{
	struct sim_explore_result *r = x->r;
	uint64_t states;
	char st[32];
	double t;

	if (!x->o->progress)
		return;
	t = sim__seconds(&x->t0);
	if (!last && t < x->next_progress)
		return;
	x->next_progress = t + (x->tty ? 0.5 : 10.0);
	states = last ? x->r->states : x->cache ? x->ctab_n :
		x->stateful ? x->visited_n : 0;
	if (states)
		snprintf(st, sizeof(st), ", %llu states",
			 (unsigned long long)states);
	else
		st[0] = 0;
	fprintf(stderr, "%s%s: %llu executions, %llu steps%s, %llu failures, %.1f s%s",
		x->tty ? "\r" : "", sim_strategy_names[x->o->strategy],
		(unsigned long long)r->executions, (unsigned long long)r->steps,
		st, (unsigned long long)r->failures, t,
		x->tty ? (last ? "\n" : "   ") : "\n");
}

static bool sim__counts(const struct sim__explorer *x,
			const struct sim_verdict *v)
{
	if (!sim__is_failure(v))
		return false;
	return x->o->only_kind < 0 || v->kind == x->o->only_kind;
}

/* Files the failure in w under its known bug or its signature; true if known. */
static bool sim__record(struct sim__explorer *x)
{
	struct sim_explore_result *r = x->r;
	struct sim_explore_sig *rec = NULL;
	const struct sim_known_bug *known;
	char sig[SIM_SIG_BYTES];
	unsigned i;

	known = sim__classify(x, sig);
	if (known)
		r->known_failures++;
	else
		r->new_failures++;
	for (i = 0; i < r->nsigs && !rec; i++)
		if (known ? r->sigs[i].known == known :
		    !r->sigs[i].known && !strcmp(r->sigs[i].sig, sig))
			rec = &r->sigs[i];
	if (!rec && r->nsigs == SIM_EXPLORE_SIGS_MAX) {
		r->sigs_full = true;
		return known != NULL;
	}
	if (!rec) {
		rec = &r->sigs[r->nsigs++];
		rec->known = known;
		snprintf(rec->sig, sizeof(rec->sig), "%s", sig);
		rec->executions_to_first = r->executions;
		rec->seconds_to_first = sim__seconds(&x->t0);
		sim__capture(x->w, &rec->fail);
	}
	rec->count++;
	return known != NULL;
}

/* Books an execution; true when the search should stop. */
static bool sim__account(struct sim__explorer *x)
{
	struct sim_world *w = x->w;
	struct sim_explore_result *r = x->r;
	struct sim_explore_kind *k;

	r->executions++;
	r->steps += w->steps;
	if ((r->executions & 1023) == 0)
		sim__progress(x, false);
	if (x->want) {
		if (sim__same_failure(x, x->want) &&
		    (!x->best->found || w->preemptions < x->best->preemptions ||
		     (w->preemptions == x->best->preemptions &&
		      (w->cpu_switches < x->best->cpu_switches ||
		       (w->cpu_switches == x->best->cpu_switches &&
			w->steps < x->best->nchoices)))))
			sim__capture(w, x->best);
		return r->executions >= x->budget;
	}
	/* running out of steps proves nothing: a fair scheduler would go on */
	if (w->verdict.kind == SIM_V_STEP_BOUND) {
		r->inconclusive++;
		return r->executions >= x->budget;
	}
	if (sim__is_failure(&w->verdict)) {
		k = &r->by_kind[w->verdict.kind];
		k->count++;
		if (!k->executions_to_first) {
			k->executions_to_first = r->executions;
			k->seconds_to_first = sim__seconds(&x->t0);
			sim__capture(w, &k->fail);
		}
	}
	if (sim__counts(x, &w->verdict)) {
		r->failures++;
		if (!sim__record(x) && !x->o->keep_going)
			return true;
	}
	return r->executions >= x->budget;
}

/* Depth-first over the tree; true if it ran to the end. */
static bool sim__dfs(struct sim__explorer *x)
{
	x->prefix = 0;
	x->ndepth = 0;
	for (;;) {
		sim__execute(x);
		if (sim__account(x))
			return !sim__backtrack(x);
		if (!sim__backtrack(x))
			return true;
	}
}

static void sim__sample(struct sim__explorer *x)
{
	struct sim_world *w = x->w;
	struct sim_choice ch;
	uint64_t k, horizon = 0;

	for (k = 0;; k++) {
		if (x->o->strategy == SIM_STRAT_PCT)
			sim_choice_pct(&ch, x->o->seed + k, x->o->pct_depth,
				       horizon ? horizon : 200);
		else
			sim_choice_prng(&ch, x->o->seed + k);
		sim_world_reset(w, x->cfg, &ch, NULL);
		sim_run(w);
		if (!horizon)
			horizon = w->steps;
		if (sim__account(x))
			return;
	}
}

static int sim__init(struct sim__explorer *x, struct sim_world *w,
		     const struct sim_config *cfg,
		     const struct sim_explore_opts *o, struct sim_explore_result *r)
{
	memset(x, 0, sizeof(*x));
	x->w = w;
	x->cfg = cfg;
	x->o = o;
	x->r = r;
	x->bound = SIM__NO_BOUND;
	x->budget = o->executions_max;
	x->depth_max = SIM_EXPLORE_DEPTH_MAX;
	x->tty = isatty(2);
	clock_gettime(CLOCK_MONOTONIC, &x->t0);
	x->nodes = calloc(SIM_EXPLORE_DEPTH_MAX, sizeof(*x->nodes));
	return x->nodes ? 0 : -1;
}

/* Fewest preemptions, then CPU switches, then steps, for rec's failures. */
static uint64_t sim__minimize(struct sim__explorer *x,
			      struct sim_explore_sig *rec)
{
	struct sim_explore_result *scratch = malloc(sizeof(*scratch));
	struct sim_explore_failure *f = &rec->fail;
	struct sim__explorer m = *x;
	unsigned k, orig = f->preemptions > f->cpu_switches ? f->preemptions :
		f->cpu_switches;
	uint64_t n;

	if (!scratch)
		return 0;
	memset(scratch, 0, sizeof(*scratch));
	m.r = scratch;
	m.want = rec;
	m.best = f;
	m.dpor = false;
	m.sleep_sets = false;
	m.stateful = false;
	m.cache = false;
	m.budget = x->o->minimize_executions_max;
	/* the first bound that shows the failure is the fewest preemptions */
	for (k = 0; k <= orig; k++) {
		m.bound = k;
		m.switch_bound = k;
		sim__dfs(&m);
		if ((f->preemptions <= k && f->cpu_switches <= k) ||
		    scratch->executions >= m.budget)
			break;
	}
	n = scratch->executions;
	free(scratch);
	return n;
}

/* r->first: the first new failure, else the first known one. */
static void sim__pick_first(struct sim_explore_result *r)
{
	const struct sim_explore_sig *pick = NULL;
	unsigned i;

	for (i = 0; i < r->nsigs && !pick; i++)
		if (!r->sigs[i].known)
			pick = &r->sigs[i];
	if (!pick && r->nsigs)
		pick = &r->sigs[0];
	if (!pick)
		return;
	r->first = pick->fail;
	r->executions_to_first = pick->executions_to_first;
	r->seconds_to_first = pick->seconds_to_first;
}

static void sim__minimize_all(struct sim__explorer *x)
{
	struct sim_explore_result *r = x->r;
	unsigned i;

	for (i = 0; i < r->nsigs; i++)
		r->minimize_executions += sim__minimize(x, &r->sigs[i]);
	r->minimized = r->nsigs > 0;
}

int sim_explore(struct sim_world *w, const struct sim_config *cfg,
		const struct sim_explore_opts *o, struct sim_explore_result *r)
{
	struct sim__explorer x;
	unsigned k;

	memset(r, 0, sizeof(*r));
	if (sim__init(&x, w, cfg, o, r))
		return -1;
	switch (o->strategy) {
	case SIM_STRAT_DPOR:
		x.dpor = true;
		x.sleep_sets = true;
		/* the livelock checks look back along the execution: see sim__cache_prune */
		x.cache = cfg->policy == SIM_POLICY_FAIR && !o->no_state_cache;
		if (x.cache && sim__cache_alloc(&x)) {
			free(x.nodes);
			return -1;
		}
		r->exhausted = sim__dfs(&x);
		r->states = x.ctab_n;
		sim__cache_free(&x);
		break;
	case SIM_STRAT_DFS:
		r->exhausted = sim__dfs(&x);
		break;
	case SIM_STRAT_STATEFUL:
		x.stateful = true;
		if (sim__visited_alloc(&x)) {
			free(x.nodes);
			return -1;
		}
		r->exhausted = sim__dfs(&x) && !x.visited_full;
		r->states = x.visited_n;
		free(x.visited);
		break;
	case SIM_STRAT_PB:
		/*
		 * Contexts on other CPUs interleave at no cost, which without
		 * pruning multiplies even bound 0 past any budget: prune states
		 * seen before (sim__visit_bounded). Not under prio, where the
		 * livelock check looks back along the execution, so what lies
		 * below a state depends on how it was reached.
		 */
		x.stateful = cfg->policy == SIM_POLICY_FAIR;
		r->bounded = true;
		for (k = 0; k <= o->preemptions_max; k++) {
			x.bound = k;
			x.switch_bound = k;
			r->bound = k;
			if (x.stateful && sim__visited_alloc(&x)) {
				free(x.nodes);
				return -1;
			}
			r->exhausted = sim__dfs(&x) && !x.visited_full;
			r->states = x.visited_n;
			if ((r->new_failures && !o->keep_going) ||
			    r->executions >= x.budget)
				break;
		}
		free(x.visited);
		break;
	case SIM_STRAT_RANDOM:
	case SIM_STRAT_PCT:
		sim__sample(&x);
		break;
	}
	/* a run cut at steps_max says nothing about what lies past it */
	r->complete = r->exhausted && !r->inconclusive;
	r->seconds = sim__seconds(&x.t0);
	sim__progress(&x, true);
	if (o->minimize)
		sim__minimize_all(&x);
	sim__pick_first(r);
	free(x.nodes);
	return 0;
}

void sim_replay_run(struct sim_world *w, const struct sim_config *cfg,
		    const uint8_t *choices, uint32_t n, struct sim_trace *trace,
		    bool *diverged)
{
	struct sim_choice ch;

	sim_choice_tape(&ch, choices, n);
	sim_world_reset(w, cfg, &ch, trace);
	sim_run(w);
	*diverged = ch.diverged || ch.pos != n;
}

int sim_explore_minimize(struct sim_world *w, const struct sim_config *cfg,
			 const struct sim_explore_opts *o,
			 struct sim_explore_sig *rec, uint64_t *executions)
{
	struct sim_explore_result *r = malloc(sizeof(*r));
	struct sim__explorer x;

	if (!r)
		return -1;
	memset(r, 0, sizeof(*r));
	if (sim__init(&x, w, cfg, o, r)) {
		free(r);
		return -1;
	}
	*executions = sim__minimize(&x, rec);
	free(x.nodes);
	free(r);
	return 0;
}
