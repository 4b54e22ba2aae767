/* The explorer: reduction soundness against plain DFS, bug finding, minimisation, replay. */
#include "cexample.h"
#include "explore.h"
#include "replay.h"
#include "scenario.h"
#include "statehash.h"
#include "sim_test.h"
#include "trace.h"

static struct sim_explore_result res;

static void load(struct sim_fixture *f, const char *text, const char *variant)
{
	struct sim_scenario *sc = malloc(sizeof(*sc));
	char err[256];

	assert_non_null(sc);
	assert_int_equal(sim_scenario_parse("t", text, strlen(text), sc, err,
					    sizeof(err)), 0);
	f->cfg = sc->cfg;
	f->cfg.variant = sim_variant_find(variant);
	assert_int_equal(sim_config_check(&f->cfg, err, sizeof(err)), 0);
	free(sc);
}

static void explore(struct sim_fixture *f, uint8_t strategy, uint64_t budget,
		    bool keep_going)
{
	struct sim_explore_opts o;

	sim_explore_opts_default(&o);
	o.strategy = strategy;
	o.executions_max = budget;
	o.keep_going = keep_going;
	assert_int_equal(sim_explore(f->w, &f->cfg, &o, &res), 0);
}

/* With no known bugs to match: every failure is new and stops the search. */
static void explore_first(struct sim_fixture *f, uint8_t strategy,
			  uint64_t budget)
{
	struct sim_explore_opts o;

	sim_explore_opts_default(&o);
	o.strategy = strategy;
	o.executions_max = budget;
	o.nknown_bugs = 0;
	assert_int_equal(sim_explore(f->w, &f->cfg, &o, &res), 0);
}

static const char off_cpu[] =
	"env quota_steps=64\nsubmitter sub0 cpu=1\n"
	"request f1 flush last=0\nrequest f2 flush\nsteps_max 1000\n";
static const char spin[] =
	"env quota_steps=64\nrequest w1 write 8192\nsteps_max 4000\n";
static const char seed[] =
	"env quota_steps=1000\nrequest w1 write 8192\nsteps_max 4000\n";
/*
 * The same race with executions cut at 50 steps: each io_work pass that
 * spins against send_mutex races with the ACKs the network delivers, and
 * DPOR's depth-first order spends millions of executions in those spins
 * before it reorders the early steps the race needs.
 */
static const char seed_short[] =
	"env quota_steps=1\nrequest w1 write 8192\nsteps_max 50\n";

static void test_dpor_exhausts_with_far_fewer_executions_than_dfs(void **state)
{
	struct sim_fixture *f = *state;
	uint64_t dfs;

	load(f, off_cpu, "mainline");
	explore(f, SIM_STRAT_DFS, 1000000, true);
	assert_true(res.exhausted);
	assert_int_equal(res.failures, 0);
	dfs = res.executions;
	explore(f, SIM_STRAT_DPOR, 1000000, true);
	assert_true(res.exhausted);
	assert_int_equal(res.failures, 0);
	assert_true(res.executions * 10 <= dfs);
}

static void test_dpor_finds_what_dfs_finds(void **state)
{
	struct sim_fixture *f = *state;

	/* the seed race on db5ad6b7f8cd: both searches must find the hang */
	load(f, seed_short, "db5ad6b7f8cd");
	explore_first(f, SIM_STRAT_DPOR, 200000);
	assert_true(res.first.found);
	assert_int_equal(res.first.verdict.kind, SIM_V_HANG);
	explore(f, SIM_STRAT_PB, 200000, false);
	assert_true(res.first.found);
	assert_int_equal(res.first.verdict.kind, SIM_V_HANG);
	assert_int_equal(res.first.verdict.pdu_type, 0x06);
}

static void explore_dpor(struct sim_fixture *f, bool cache, uint64_t budget)
{
	struct sim_explore_opts o;

	sim_explore_opts_default(&o);
	o.strategy = SIM_STRAT_DPOR;
	o.executions_max = budget;
	o.keep_going = true;
	o.no_state_cache = !cache;
	o.minimize = false;
	assert_int_equal(sim_explore(f->w, &f->cfg, &o, &res), 0);
}

static const char two_small[] =
	"env quota_steps=64\nsubmitter sub0 cpu=0\nsubmitter sub1 cpu=0\n"
	"request a write 512 by=sub0\nrequest b write 512 by=sub1\nsteps_max 1000\n";
static const char one_4k[] =
	"env quota_steps=64\nrequest a write 4096\nsteps_max 1000\n";

static void test_dpor_state_cache_exhausts_what_dpor_alone_cannot(void **state)
{
	struct sim_fixture *f = *state;

	/* two 512-byte writes on 122e5b9f3d37: the direct-send race is there */
	load(f, two_small, "122e5b9f3d37");
	explore_dpor(f, false, 40000);
	assert_false(res.exhausted);
	assert_int_equal(res.executions, 40000);
	explore_dpor(f, true, 40000);
	assert_true(res.exhausted);
	assert_true(res.executions < 40000);
	assert_true(res.states > 0);
	assert_true(res.first.found);
	assert_int_equal(res.first.verdict.kind, SIM_V_HANG);
	assert_true(res.known_failures > 0);
	assert_int_equal(res.new_failures, 0);
	assert_int_equal(res.inconclusive, 0);
}

static void test_dpor_state_cache_prunes_and_agrees_when_clean(void **state)
{
	struct sim_fixture *f = *state;
	uint64_t alone;

	load(f, one_4k, "mainline");
	explore_dpor(f, false, 1000000);
	assert_true(res.exhausted);
	assert_int_equal(res.failures, 0);
	alone = res.executions;
	explore_dpor(f, true, 1000000);
	assert_true(res.exhausted);
	assert_int_equal(res.failures, 0);
	assert_true(res.pruned > 0);
	/*
	 * 136 executions alone, 111 with the cache when this was written
	 * (2064 and 173 before the socket's parts had footprints of their
	 * own): the state cache's gain is where dpor alone does not finish
	 * (the test above).
	 */
	assert_true(res.executions < alone);
}

/*
 * dpor's cache key has no depth: a state whose search steps_max cut may
 * prune only a path with as few steps left. Here a state is first reached
 * late, its search cut, then reached early, with the steps to the hang
 * below it left; without the cut noted, the cache pruned it and the hang
 * went unfound (plain dpor finds it, as does the cache with the note).
 */
static const char two_small_cut[] =
	"env quota_steps=4\nsubmitter sub0 cpu=0\nsubmitter sub1 cpu=0\n"
	"request a write 512 by=sub0\nrequest b write 512 by=sub1\nsteps_max 40\n";

static void test_dpor_state_cache_searches_again_below_a_cut(void **state)
{
	struct sim_fixture *f = *state;

	load(f, two_small_cut, "db5ad6b7f8cd");
	explore_dpor(f, false, 100000);
	assert_true(res.exhausted);
	assert_true(res.first.found);
	assert_int_equal(res.first.verdict.kind, SIM_V_HANG);
	explore_dpor(f, true, 100000);
	assert_true(res.exhausted);
	assert_true(res.inconclusive > 0);
	assert_false(res.complete);
	assert_true(res.pruned > 0);
	assert_true(res.first.found);
	assert_int_equal(res.first.verdict.kind, SIM_V_HANG);
}

/*
 * A state cache that fills keeps what it has and adds nothing: the search
 * goes on, sound, pruning less, and the result says so. Two 512-byte
 * writes in free time reach 589,379 states (release build); a table of
 * 2^16 entries fills at three quarters of that.
 */
static const char two_small_free[] =
	"env quota_steps=0\nsubmitter sub0 cpu=0\nsubmitter sub1 cpu=0\n"
	"request a write 512 by=sub0\nrequest b write 512 by=sub1\nsteps_max 1000\n";

static void test_dpor_says_when_its_state_cache_filled(void **state)
{
	struct sim_fixture *f = *state;
	struct sim_explore_opts o;

	load(f, two_small_free, "mainline");
	sim_explore_opts_default(&o);
	o.strategy = SIM_STRAT_DPOR;
	o.executions_max = 80000;
	o.keep_going = true;
	o.minimize = false;
	o.state_cache_bytes = 1;	/* the least: the table it starts with */
	assert_int_equal(sim_explore(f->w, &f->cfg, &o, &res), 0);
	assert_true(res.cache_full);
	assert_true(res.states >= 65536 / 4 * 3 - 1);
	assert_true(res.states < 65536);
	o.state_cache_bytes = 0;	/* the default, 2 GiB */
	o.executions_max = 20000;
	assert_int_equal(sim_explore(f->w, &f->cfg, &o, &res), 0);
	assert_false(res.cache_full);
}

/*
 * Free time (quota_steps 0): io_work's deadline passes when the tick runs,
 * not after a count of steps, so a turn of its loop that finds send_mutex
 * taken and changes nothing comes back to the state it started from, and
 * dpor prunes there (sim__cycle_prune). With the cycle searched again
 * instead, the spin ran into steps_max and the search was inconclusive.
 */
static const char one_4k_free[] =
	"env quota_steps=0\nrequest a write 4096\nrequest b write 512\nsteps_max 1000\n";

static void test_free_time_dpor_prunes_io_work_spin_cycles(void **state)
{
	struct sim_fixture *f = *state;

	load(f, one_4k_free, "mainline");
	assert_int_equal(f->cfg.env.quota_steps, 0);
	explore_dpor(f, true, 200000);
	assert_true(res.exhausted);
	assert_true(res.complete);
	assert_int_equal(res.inconclusive, 0);
	assert_true(res.cycles > 0);
	assert_false(res.first.found);
	/* and it finds what it found with a quota: the direct-send race */
	load(f, two_small_free, "122e5b9f3d37");
	explore_dpor(f, true, 200000);
	assert_true(res.exhausted);
	assert_true(res.first.found);
	assert_int_equal(res.first.verdict.kind, SIM_V_HANG);
	assert_int_equal(res.nsigs, 1);
	assert_non_null(res.sigs[0].known);
	assert_string_equal(res.sigs[0].known->name, "direct-send-race");
}

/*
 * The end states a search reaches: the world at the end of each execution
 * that ran to its end, as sim_state_hash() and the verdict. A stateful
 * search, which uses no footprints, reaches every one; dpor must reach the
 * same, or a footprint called two steps independent that are not.
 */
#define ENDS_MAX 4096

struct ends {
	uint64_t h[ENDS_MAX];
	unsigned n;
};

static void note_end(const struct sim_world *w, void *arg)
{
	struct ends *e = arg;
	uint64_t h = sim_state_hash(w, false) * 31 + w->verdict.kind;
	unsigned i;

	for (i = 0; i < e->n; i++)
		if (e->h[i] == h)
			return;
	assert_true(e->n < ENDS_MAX);
	e->h[e->n++] = h;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void ends_of(struct sim_fixture *f, uint8_t strategy, struct ends *e)
{
	struct sim_explore_opts o;

	sim_explore_opts_default(&o);
	o.strategy = strategy;
	o.executions_max = 10000000;
	o.keep_going = true;
	o.minimize = false;
	o.on_end = note_end;
	o.on_end_arg = e;
	e->n = 0;
	assert_int_equal(sim_explore(f->w, &f->cfg, &o, &res), 0);
	assert_true(res.exhausted);
	assert_int_equal(res.inconclusive, 0);
	qsort(e->h, e->n, sizeof(e->h[0]), cmp_u64);
}

/*
 * The socket's and the controller's parts are objects of their own in the
 * footprints (footprint.c): an ACK and the controller's processing, data
 * delivered and a send, a segment sent and sk_stream_is_writeable are
 * independent. Each config here has those steps meet: a batch whose
 * command is corked behind MSG_MORE, a write and a read whose R2T and
 * data cross on a small sndbuf, and nvtsim's write_space hang on mainline
 * (a send out of sndbuf with a PDU half sent, then an ACK's write_space
 * while queue_rq holds send_mutex).
 */
static const struct {
	const char *cfg;
	const char *variant;
} ends_cases[] = {
	{ "env quota_steps=0\nrequest a write 512 last=0\nrequest b write 512 commit\nsteps_max 1000\n", "db5ad6b7f8cd" },
	{ "env quota_steps=0\nrequest a write 512 last=0\nrequest b write 512 commit\nsteps_max 1000\n", "mainline" },
	{ "env quota_steps=0 sndbuf_bytes=4608\nrequest a write 4096 last=0\nrequest b read 4096\nsteps_max 1000\n", "mainline" },
	{ "env quota_steps=0 sndbuf_bytes=8192 mss_bytes=4096\nrequest w1 write 4096 last=0\nrequest w2 write 4096\nsteps_max 1000\n", "mainline" },
};

static void test_dpor_reaches_every_end_state_a_stateful_search_reaches(void **state)
{
	struct sim_fixture *f = *state;
	static struct ends full, reduced;
	bool hang = false;
	unsigned i;

	for (i = 0; i < sizeof(ends_cases) / sizeof(ends_cases[0]); i++) {
		load(f, ends_cases[i].cfg, ends_cases[i].variant);
		ends_of(f, SIM_STRAT_STATEFUL, &full);
		hang |= res.by_kind[SIM_V_HANG].count > 0;
		ends_of(f, SIM_STRAT_DPOR, &reduced);
		assert_true(full.n > 0);
		assert_int_equal(reduced.n, full.n);
		assert_memory_equal(reduced.h, full.h,
				    full.n * sizeof(full.h[0]));
	}
	/* and among them, end states that are hangs */
	assert_true(hang);
}

static void test_pb_and_pct_find_seed_race_fast_and_minimal(void **state)
{
	struct sim_fixture *f = *state;

	load(f, seed, "db5ad6b7f8cd");
	explore_first(f, SIM_STRAT_PCT, 100000);
	assert_true(res.first.found);
	/* PCT depth 3 from seed 1: deterministic, so pinned */
	assert_true(res.executions_to_first < 100);
	explore(f, SIM_STRAT_PB, 100000, false);
	assert_true(res.first.found);
	/* 2212 since ACKs are steps of their own (175 before) */
	assert_true(res.executions_to_first < 5000);
	assert_true(res.minimized);
	assert_int_equal(res.first.preemptions, 1);
	assert_true(res.first.nchoices <= 50);
}

static void test_fixed_variant_is_clean_at_bound_one(void **state)
{
	struct sim_fixture *f = *state;

	load(f, seed, "5c11f7d9f843");
	explore(f, SIM_STRAT_PB, 1000000, false);
	/* 5c11f7d9f843 still has the race a0fdd1418007 fixed */
	assert_true(res.first.found);
	load(f, seed, "a0fdd1418007");
	explore(f, SIM_STRAT_PB, 1000000, false);
	assert_false(res.first.found);
	assert_true(res.bounded);
	assert_int_equal(res.bound, 1);
	assert_true(res.exhausted);
}

static void test_replay_of_a_failure_reproduces_it_byte_for_byte(void **state)
{
	struct sim_fixture *f = *state;
	char *a = NULL, *b = NULL, *enc = malloc(65536);
	size_t la, lb, n;
	struct sim_config back;
	uint8_t *ch = malloc(SIM_TAKEN_MAX);
	struct sim_trace t = { 0 };
	bool diverged;
	char err[256];
	FILE *m;

	assert_non_null(enc);
	assert_non_null(ch);
	load(f, seed, "db5ad6b7f8cd");
	explore(f, SIM_STRAT_PB, 100000, false);
	assert_true(sim_replay_encode(&f->cfg, res.first.choices,
				      res.first.nchoices, enc, 65536) > 0);
	assert_int_equal(sim_replay_decode(enc, strlen(enc), &back, ch,
					   SIM_TAKEN_MAX, &n, err, sizeof(err)), 0);
	assert_int_equal(n, res.first.nchoices);
	m = open_memstream(&a, &la);
	t.out = m;
	sim_replay_run(f->w, &back, ch, (uint32_t)n, &t, &diverged);
	fclose(m);
	assert_false(diverged);
	assert_int_equal(f->w->verdict.kind, SIM_V_HANG);
	assert_string_equal(f->w->verdict.line, res.first.verdict.line);
	m = open_memstream(&b, &lb);
	t.out = m;
	sim_replay_run(f->w, &back, ch, (uint32_t)n, &t, &diverged);
	fclose(m);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	free(a);
	free(b);
	free(enc);
	free(ch);
}

/*
 * res.first written as a scenario holds each of has[] (NULL-ended), parses
 * back and, run by its schedule, hangs again (f's world then holds the run).
 */
static void cex_replays_hang(struct sim_fixture *f, const char *const *has)
{
	struct sim_scenario *sc = malloc(sizeof(*sc));
	char *text = NULL, err[256];
	size_t len;
	FILE *m;

	assert_non_null(sc);
	assert_true(res.first.found);
	m = open_memstream(&text, &len);
	assert_int_equal(sim_cex_write(m, f->w, &f->cfg, &res.first, "test", NULL), 0);
	fclose(m);
	for (; *has; has++)
		if (!strstr(text, *has))
			fail_msg("no \"%s\" in:\n%s", *has, text);
	if (sim_scenario_parse("cex", text, len, sc, err, sizeof(err)))
		fail_msg("%s", err);
	assert_true(sc->has_schedule);
	f->cfg = sc->cfg;
	sim_fixture_reset(f);
	sim_run_schedule(f->w, sc->steps, sc->nsteps);
	assert_int_equal(f->w->verdict.kind, SIM_V_HANG);
	free(text);
	free(sc);
}

static void test_counterexample_scenario_replays_its_verdict(void **state)
{
	static const char *const has[] = {
		"expect 5c11f7d9f843 hang H2CData w1", NULL
	};
	struct sim_fixture *f = *state;

	load(f, seed, "5c11f7d9f843");
	explore(f, SIM_STRAT_PB, 100000, false);
	cex_replays_hang(f, has);
	assert_int_equal(f->w->verdict.req, 0);
}

/*
 * In free time too, where its schedule names the kworker's reads of
 * jiffies and the tick (a random walk's failure has them; dpor's first,
 * minimised, did not).
 */
static void test_free_time_counterexample_scenario_replays(void **state)
{
	static const char *const has[] = {
		"quota_steps=0", "kworker through jiffies(jiffies)",
		"tick through tick(jiffies)", NULL
	};
	struct sim_fixture *f = *state;

	load(f, two_small_free, "122e5b9f3d37");
	explore(f, SIM_STRAT_RANDOM, 100000, false);
	cex_replays_hang(f, has);
}

static void test_prio_policy_finds_the_io_work_priority_inversion(void **state)
{
	struct sim_fixture *f = *state;

	load(f, spin, "a0fdd1418007");
	f->cfg.policy = SIM_POLICY_PRIO;
	explore_first(f, SIM_STRAT_PB, 100000);
	assert_true(res.first.found);
	assert_int_equal(res.first.verdict.kind, SIM_V_LIVELOCK);
	assert_non_null(strstr(res.first.verdict.detail, "mutex_trylock"));
	assert_non_null(strstr(res.first.verdict.detail, "send_mutex:   held by sub0"));
	load(f, spin, "70f437fb4395");
	f->cfg.policy = SIM_POLICY_PRIO;
	explore(f, SIM_STRAT_PB, 1000000, false);
	assert_false(res.first.found);
	assert_true(res.exhausted);
}

static void test_sampling_is_reproducible_from_its_seed(void **state)
{
	struct sim_fixture *f = *state;
	uint64_t first, steps;

	load(f, seed, "5c11f7d9f843");
	explore(f, SIM_STRAT_PCT, 5000, false);
	assert_true(res.first.found);
	first = res.executions_to_first;
	steps = res.steps;
	explore(f, SIM_STRAT_PCT, 5000, false);
	assert_int_equal(res.executions_to_first, first);
	assert_int_equal(res.steps, steps);
}

static void test_stateful_prunes_states_seen_before(void **state)
{
	struct sim_fixture *f = *state;

	load(f, off_cpu, "mainline");
	explore(f, SIM_STRAT_STATEFUL, 1000000, true);
	assert_true(res.exhausted);
	assert_true(res.states > 0);
	assert_true(res.pruned > 0);
	assert_int_equal(res.failures, 0);
}

static const char two_cpus[] =
	"env sndbuf_bytes=4608\nsubmitter sub0 cpu=0\nsubmitter sub1 cpu=1\n"
	"request w1 write 8192 by=sub0\nrequest w2 write 8192 by=sub1\n"
	"steps_max 4000\n";

#define ANYWHERE "subs=* kworker=* net_tx=* net_rx=* ctrl=*"

static void explore_with(struct sim_fixture *f, uint8_t strategy,
			 uint64_t budget, const struct sim_known_bug *list,
			 unsigned n)
{
	struct sim_explore_opts o;

	sim_explore_opts_default(&o);
	o.strategy = strategy;
	o.executions_max = budget;
	/* minimising on two CPUs takes long: only the seed race is minimised */
	o.minimize = strategy != SIM_STRAT_RANDOM;
	if (list) {
		o.known_bugs = list;
		o.nknown_bugs = n;
	}
	assert_int_equal(sim_explore(f->w, &f->cfg, &o, &res), 0);
}

static void test_a_known_bug_is_named_and_the_search_goes_on(void **state)
{
	struct sim_fixture *f = *state;

	/* the seed race on db5ad6b7f8cd is direct-send-race on the list */
	load(f, seed, "db5ad6b7f8cd");
	explore_with(f, SIM_STRAT_PB, 100000, NULL, 0);
	assert_true(res.first.found);
	assert_int_equal(res.nsigs, 1);
	assert_non_null(res.sigs[0].known);
	assert_string_equal(res.sigs[0].known->name, "direct-send-race");
	assert_int_equal(strncmp(res.sigs[0].sig, "hang H2CData ", 13), 0);
	assert_int_equal(res.new_failures, 0);
	assert_int_equal(res.known_failures, res.failures);
	assert_true(res.sigs[0].count == res.failures);
	/* a known bug does not stop the search: bound 1 ran to its end */
	assert_true(res.exhausted);
	assert_int_equal(res.bound, 1);
	assert_true(res.failures > 1);
	assert_true(res.minimized);
	assert_int_equal(res.sigs[0].fail.preemptions, 1);
}

static void test_a_bug_off_the_list_is_new(void **state)
{
	struct sim_fixture *f = *state;
	struct sim_known_bug list[16];
	unsigned i, n = 0;

	/* the list without direct-send-race: the same failure is new */
	for (i = 0; i < sim_nknown_bugs; i++)
		if (strcmp(sim_known_bugs[i].name, "direct-send-race"))
			list[n++] = sim_known_bugs[i];
	assert_int_equal(n + 1, sim_nknown_bugs);
	load(f, seed, "db5ad6b7f8cd");
	explore_with(f, SIM_STRAT_PB, 100000, list, n);
	assert_true(res.first.found);
	assert_int_equal(res.nsigs, 1);
	assert_null(res.sigs[0].known);
	assert_int_equal(res.new_failures, 1);
	/* stopped at the first new failure */
	assert_false(res.exhausted);
	assert_int_equal(res.executions_to_first, res.sigs[0].executions_to_first);
	assert_string_equal(res.first.verdict.line, res.sigs[0].fail.verdict.line);
}

static void test_a_new_bug_of_a_known_kind_is_still_found(void **state)
{
	struct sim_fixture *f = *state;
	/* only CapsuleCmd hangs are on this list: an H2CData hang is new */
	const struct sim_known_bug list[] = { {
		.name = "capsule-hang", .first = "122e5b9f3d37",
		.fixed = "5c11f7d9f843", .what = "test",
		.sigs = (const char *const[]){ "hang CapsuleCmd " ANYWHERE, NULL },
	} };
	unsigned i, known = 0, fresh = 0;

	load(f, two_cpus, "122e5b9f3d37");
	explore_with(f, SIM_STRAT_RANDOM, 100000, list, 1);
	assert_true(res.first.found);
	assert_int_equal(res.new_failures, 1);
	assert_true(res.known_failures > 0);
	for (i = 0; i < res.nsigs; i++) {
		if (res.sigs[i].known) {
			known++;
			assert_ptr_equal(res.sigs[i].known, &list[0]);
			/* seen before the new one, and the search went on */
			assert_true(res.sigs[i].executions_to_first <
				    res.executions_to_first);
		} else {
			fresh++;
			assert_int_equal(strncmp(res.sigs[i].sig, "hang H2CData ", 13), 0);
		}
	}
	assert_int_equal(known, 1);
	assert_int_equal(fresh, 1);
	assert_int_equal(res.first.verdict.kind, SIM_V_HANG);
	assert_int_equal(res.first.verdict.pdu_type, 0x06);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_dpor_exhausts_with_far_fewer_executions_than_dfs, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_dpor_finds_what_dfs_finds, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_dpor_state_cache_exhausts_what_dpor_alone_cannot, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_dpor_state_cache_prunes_and_agrees_when_clean, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_dpor_state_cache_searches_again_below_a_cut, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_dpor_reaches_every_end_state_a_stateful_search_reaches, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_dpor_says_when_its_state_cache_filled, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_pb_and_pct_find_seed_race_fast_and_minimal, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_fixed_variant_is_clean_at_bound_one, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_replay_of_a_failure_reproduces_it_byte_for_byte, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_counterexample_scenario_replays_its_verdict, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_prio_policy_finds_the_io_work_priority_inversion, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_sampling_is_reproducible_from_its_seed, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_stateful_prunes_states_seen_before, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_known_bug_is_named_and_the_search_goes_on, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_bug_off_the_list_is_new, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_free_time_dpor_prunes_io_work_spin_cycles, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_free_time_counterexample_scenario_replays, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_new_bug_of_a_known_kind_is_still_found, sim_fixture_setup, sim_fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
