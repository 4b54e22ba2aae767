/* nvtsim explore and nvtsim replay. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cexample.h"
#include "cmd.h"
#include "explore.h"
#include "jobs.h"
#include "json.h"
#include "pdu.h"
#include "replay.h"
#include "report.h"
#include "scenario.h"
#include "trace.h"
#include "variant.h"

#define REPLAY_BYTES (SIM_EXPLORE_DEPTH_MAX * 4 + 4096)

/*
 * Small enough to search to the end on a fixed variant, big enough for every
 * race upstream recorded: a write that needs an R2T, and a write that is not
 * the last of its batch (then ->commit_rqs), from two tasks on the io_cpu.
 */
static const char default_config[] =
	"# nvtsim explore's built-in default\n"
	"env sndbuf_bytes=16384 mss_bytes=1460 maxh2cdata_bytes=8192 ioccsz=260 quota_steps=64\n"
	"submitter sub0 cpu=0\n"
	"submitter sub1 cpu=0\n"
	"request w1 write 8192 by=sub0\n"
	"request w2 write 2048 by=sub1 last=0 commit\n"
	"steps_max 1000\n";

static const char *const usage_explore =
	"usage: nvtsim explore [--sweep [SPEC]] [--variant V | --all-variants | --kernel PATH]\n"
	"                      [--jobs N] [--shard K/N --results FILE] [--strategy S]\n"
	"                      [--policy fair|prio] [--executions N] [--preemptions N]\n"
	"                      [--no-minimize] [--out DIR] [--require-complete]\n"
	"                      [--progress | --no-progress] [--show-sweep]\n"
	"       nvtsim explore CONFIG | --default  [--variant V | --all-variants\n"
	"                      [--jobs N] | --kernel PATH] [--strategy S] [--policy fair|prio]\n"
	"                      [--executions N] [--seed N] [--pct-depth D]\n"
	"                      [--preemptions N] [--steps-max N] [--check KIND]\n"
	"                      [--keep-going] [--no-minimize] [--no-state-cache]\n"
	"                      [--state-cache-gib N] [--out DIR]\n"
	"                      [--require-complete] [--progress | --no-progress]\n"
	"       (either: [--format text|json] [--junit FILE] [--sarif FILE])\n"
	"       nvtsim explore --show-default\n"
	"\n"
	"Without CONFIG (or with --sweep): sweeps every small configuration of a\n"
	"spec, smallest first: 1 to 3 requests of the kinds on the send path's\n"
	"boundaries, batch shapes, one or two submitters on the io_cpu or another\n"
	"CPU, sndbuf from Linux's minimum up, whole or split R2Ts, both policies.\n"
	"Each config is searched with --strategy (pb) within the spec's budget;\n"
	"failures are kept once per known bug (or new signature) and CPU shape,\n"
	"at the first config that shows it, minimised. --show-sweep prints the\n"
	"spec; SPEC (a file, or lines such as 'sndbuf 4608; policy fair') replaces\n"
	"the lines it names.\n"
	"\n"
	"With CONFIG (a scenario file; its schedule and expect lines are ignored)\n"
	"or --default (the built-in config --show-default prints): searches that\n"
	"one config's interleavings for one that leaves a request behind.\n"
	"\n"
	"  --jobs N         sweep: worker processes (default: every CPU); CONFIG\n"
	"                   --all-variants: variants at a time (default 1); the\n"
	"                   report is the same whatever N\n"
	"  --shard K/N      sweep: only the K-th of N shares of the configs x\n"
	"                   variants, written as JSON to --results FILE; nvtsim\n"
	"                   merge FILE... gives the unsharded run's report\n"
	"  --results FILE   sweep: also write every config's result as JSON\n"
	"  --strategy S     pb (default): bounds 0, 1, ... up to --preemptions (default\n"
	"                   1) on preemptions (a step that takes its CPU from a context\n"
	"                   that could go on) and, as many, on CPU switches (a step on\n"
	"                   another CPU while the last context could go on); dpor:\n"
	"                   depth-first with sleep sets and dynamic partial-order\n"
	"                   reduction; dfs: every interleaving;\n"
	"                   stateful: depth-first, pruning states seen before;\n"
	"                   random: seeded random walks; pct: PCT of depth --pct-depth (3)\n"
	"                   (random and pct: one config only)\n"
	"  --policy P       fair (default), or prio: the kworker preempts tasks on its\n"
	"                   CPU whenever it can run (finds livelocks; uses pb, not dpor);\n"
	"                   a sweep takes both unless this names one\n"
	"  --executions N   budget (default 1000000; a sweep's is per config, 15000)\n"
	"  --seed N         random and pct: executions use seeds N, N+1, ... (default 1)\n"
	"  --check KIND     only failures of this kind count: hang, stall, livelock,\n"
	"                   safety, protocol, error-recovery\n"
	"  --keep-going     count every failing execution instead of stopping at the\n"
	"                   first new one (one whose signature is on no known bug of\n"
	"                   the variant; known bugs never stop the search)\n"
	"  --no-state-cache dpor: no state cache (to compare; see README)\n"
	"  --state-cache-gib N  dpor: the most each search's state cache takes\n"
	"                   (default 2; growing to it needs half as much again for\n"
	"                   a moment); the default config needs 6 to be exhausted\n"
	"                   (README)\n"
	"  --no-minimize    report failures as found (default: fewest preemptions,\n"
	"                   then fewest CPU switches, then fewest steps)\n"
	"  --out DIR        where counterexample scenarios go (default nvtsim-cex)\n"
	"  --all-variants   one search (or sweep) per variant, and a table\n"
	"  --kernel PATH    search a kernel tree's own tcp.c instead of the model\n"
	"  --progress       a progress line on stderr (default when stderr is a terminal)\n"
	"  --require-complete  exit 3 unless the search was complete: run to the end of\n"
	"                   its tree or bound, within the budget, with no execution\n"
	"                   cut at steps_max (random and pct never are); a sweep: every\n"
	"                   config's\n"
	"%s"
	"                  (JUnit: a testcase per config x variant and policy;\n"
	"                  one that found a failure, or was incomplete or\n"
	"                  inconclusive where the exit code says so, fails)\n"
	"\n"
	"Each failure's signature is matched against the known-bugs list for the\n"
	"variant (as the fuzzer does). Each known bug seen and each new signature is\n"
	"reported once ('known:', 'NEW:'), with the execution that first showed it\n"
	"and a minimised counterexample in --out.\n"
	"\n"
	"exit 0: nothing found and no execution inconclusive (see 'search:' for how\n"
	"far it went); 1: found a failure, known or new; 2: usage or input error;\n"
	"3: nothing found and the search not complete, with --require-complete;\n"
	"4: nothing found, but some executions ran into steps_max (inconclusive).\n"
	"--all-variants: the first of 2, 1, 3, 4 that any search gave, else 0.\n"
	"--shard: 0 once its results are written, 2 on error (merge gives the verdict).\n";

static const char *const usage_replay =
	"usage: nvtsim replay STRING [--quiet] [--trace FILE\n"
	"                     [--trace-format text|json|chrome]] [--pcap FILE]\n"
	"                     [--format text|json] [--junit FILE] [--sarif FILE]\n"
	"\n"
	"Reruns the interleaving a replay string (from nvtsim explore) records,\n"
	"with its timeline and verdict. Exit 0 when the run follows the string to\n"
	"its end, 2 when the string is malformed or the run diverges. In JUnit\n"
	"and SARIF, a verdict other than pass is a failure.\n"
	"\n";

/* The report (--format json, --junit, --sarif) of the search running now. */
struct explore_rep {
	struct cli_report *report;
	FILE *fails;			/* the case's "failures" members */
	char *buf;
	size_t len;
	unsigned n;
	char *first_replay, *first_cex;
};

struct explore_cli {
	const char *config;
	bool sweep;
	const char *sweep_spec;
	bool use_default;
	bool show_spec;
	const char *one_config_opt;
	unsigned jobs;
	unsigned shard_k, shard_n;
	const char *results;
	bool executions_set;
	bool preemptions_set;
	const char *variant;
	const char *out;
	bool all_variants;
	bool progress_set;
	bool show_default;
	bool require_complete;
	uint64_t steps_max;
	int policy;
	struct sim_explore_opts opts;
	struct cli_report_opts rep_opts;
	struct explore_rep *rep;	/* NULL: no report asked for */
};

static int strategy_of(const char *s)
{
	int i;

	for (i = 0; i < SIM_STRAT_KINDS; i++)
		if (!strcmp(s, sim_strategy_names[i]))
			return i;
	return -1;
}

static int parse_explore(int argc, char **argv, struct explore_cli *c)
{
	struct sim_explore_opts *o = &c->opts;
	uint64_t v;
	int i, k;

	memset(c, 0, sizeof(*c));
	sim_explore_opts_default(o);
	c->policy = -1;
	c->out = "nvtsim-cex";
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;

		k = cli_report_opt("explore", argc, argv, &i, &c->rep_opts);
		if (k < 0)
			return -1;
		if (k > 0)
			continue;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			printf(usage_explore, cli_report_usage);
			exit(0);
		} else if (!strcmp(a, "--show-default")) {
			c->show_default = true;
		} else if (!strcmp(a, "--default")) {
			c->use_default = true;
		} else if (!strcmp(a, "--sweep")) {
			c->sweep = true;
			if (next && next[0] != '-')
				c->sweep_spec = argv[++i];
		} else if (!strcmp(a, "--show-sweep")) {
			c->show_spec = true;
		} else if (!strcmp(a, "--jobs")) {
			if (cli_number("explore", a, next, 1, 256, &v))
				return -1;
			c->jobs = (unsigned)v;
			i++;
		} else if (!strcmp(a, "--shard") && next) {
			unsigned k, n;
			char tail;

			i++;
			if (sscanf(argv[i], "%u/%u%c", &k, &n, &tail) != 2 || !k ||
			    k > n || n > 1000000 || argv[i][0] < '0' || argv[i][0] > '9') {
				fprintf(stderr, "nvtsim explore: --shard '%s': K/N, with 1 <= K <= N <= 1000000\n",
					argv[i]);
				return -1;
			}
			c->shard_k = k;
			c->shard_n = n;
		} else if (!strcmp(a, "--results") && next) {
			c->results = argv[++i];
		} else if (!strcmp(a, "--variant") && next) {
			c->variant = argv[++i];
		} else if (!strcmp(a, "--all-variants")) {
			c->all_variants = true;
		} else if (!strcmp(a, "--strategy") && next) {
			k = strategy_of(argv[++i]);
			if (k < 0) {
				fprintf(stderr, "nvtsim explore: unknown strategy '%s' (dpor, dfs, pb, stateful, random, pct)\n",
					argv[i]);
				return -1;
			}
			o->strategy = (uint8_t)k;
		} else if (!strcmp(a, "--policy") && next) {
			i++;
			if (strcmp(argv[i], "fair") && strcmp(argv[i], "prio")) {
				fprintf(stderr, "nvtsim explore: --policy '%s': fair or prio\n", argv[i]);
				return -1;
			}
			c->policy = !strcmp(argv[i], "prio") ? SIM_POLICY_PRIO :
							       SIM_POLICY_FAIR;
		} else if (!strcmp(a, "--executions")) {
			if (cli_number("explore", a, next, 1, UINT64_MAX / 2, &o->executions_max))
				return -1;
			c->executions_set = true;
			i++;
		} else if (!strcmp(a, "--seed")) {
			c->one_config_opt = a;
			if (cli_number("explore", a, next, 0, UINT64_MAX / 2, &o->seed))
				return -1;
			i++;
		} else if (!strcmp(a, "--pct-depth")) {
			c->one_config_opt = a;
			if (cli_number("explore", a, next, 1, SIM_PCT_DEPTH_MAX, &v))
				return -1;
			o->pct_depth = (unsigned)v;
			i++;
		} else if (!strcmp(a, "--preemptions")) {
			if (cli_number("explore", a, next, 0, 64, &v))
				return -1;
			o->preemptions_max = (unsigned)v;
			c->preemptions_set = true;
			i++;
		} else if (!strcmp(a, "--steps-max")) {
			c->one_config_opt = a;
			if (cli_number("explore", a, next, 1, SIM_EXPLORE_DEPTH_MAX, &c->steps_max))
				return -1;
			i++;
		} else if (!strcmp(a, "--check") && next) {
			c->one_config_opt = a;
			i++;
			for (k = 1; k < SIM_V_KINDS; k++)
				if (!strcmp(argv[i], sim_verdict_names[k]))
					break;
			if (k == SIM_V_KINDS || k == SIM_V_PASS ||
			    k == SIM_V_SCHEDULE || k == SIM_V_STEP_BOUND) {
				fprintf(stderr, "nvtsim explore: --check '%s': hang, stall, livelock, safety, protocol or error-recovery\n",
					argv[i]);
				return -1;
			}
			o->only_kind = k;
		} else if (!strcmp(a, "--require-complete")) {
			c->require_complete = true;
		} else if (!strcmp(a, "--keep-going")) {
			c->one_config_opt = a;
			o->keep_going = true;
		} else if (!strcmp(a, "--no-minimize")) {
			o->minimize = false;
		} else if (!strcmp(a, "--no-state-cache")) {
			o->no_state_cache = true;
		} else if (!strcmp(a, "--state-cache-gib")) {
			if (cli_number("explore", a, next, 1, 1024, &v))
				return -1;
			o->state_cache_bytes = v << 30;
			i++;
		} else if (!strcmp(a, "--progress")) {
			o->progress = true;
			c->progress_set = true;
		} else if (!strcmp(a, "--no-progress")) {
			o->progress = false;
			c->progress_set = true;
		} else if (!strcmp(a, "--out") && next) {
			c->out = argv[++i];
		} else if (a[0] == '-') {
			fprintf(stderr, "nvtsim explore: unknown option '%s', or it needs a value (see nvtsim explore --help)\n",
				a);
			return -1;
		} else if (c->config) {
			fprintf(stderr, "nvtsim explore: one config at a time ('%s' and '%s')\n",
				c->config, a);
			return -1;
		} else {
			c->config = a;
		}
	}
	if (c->variant && c->all_variants) {
		fprintf(stderr, "nvtsim explore: --variant and --all-variants do not go together\n");
		return -1;
	}
	if (c->config && c->use_default) {
		fprintf(stderr, "nvtsim explore: CONFIG and --default do not go together\n");
		return -1;
	}
	if (c->sweep && (c->config || c->use_default)) {
		fprintf(stderr, "nvtsim explore: --sweep makes its own configs: no CONFIG or --default with it\n");
		return -1;
	}
	if (!c->config && !c->use_default && !c->show_default)
		c->sweep = true;	/* a bare explore sweeps */
	if (c->sweep && c->one_config_opt) {
		fprintf(stderr, "nvtsim explore: %s applies to one config (give CONFIG or --default); a sweep's come from its spec (--show-sweep)\n",
			c->one_config_opt);
		return -1;
	}
	if (!c->sweep && ((c->jobs && !c->all_variants) || c->shard_n || c->results ||
			  c->show_spec)) {
		fprintf(stderr, "nvtsim explore: %s applies to a sweep (no CONFIG, or --sweep)%s\n",
			c->jobs ? "--jobs" : c->shard_n ? "--shard" :
			c->results ? "--results" : "--show-sweep",
			c->jobs ? " or to one config's --all-variants (a single search runs on one core)" : "");
		return -1;
	}
	if (c->shard_n && cli_report_any(&c->rep_opts)) {
		fprintf(stderr, "nvtsim explore: --shard writes its share to --results; --format json, --junit and --sarif report a whole run\n");
		return -1;
	}
	if (cli_report_open("explore", &c->rep_opts))
		return -1;
	if (c->shard_n && !c->results) {
		fprintf(stderr, "nvtsim explore: --shard needs --results FILE (where its share goes, as JSON)\n");
		return -1;
	}
	if (!c->progress_set)
		o->progress = isatty(2);
	return 0;
}

static int load_config(const struct explore_cli *c, struct sim_scenario *sc)
{
	struct sim_config dflt;
	char err[512];
	int r;

	if (c->config)
		r = sim_scenario_load(c->config, sc, err, sizeof(err));
	else
		r = sim_scenario_parse("(built-in default)", default_config,
				       sizeof(default_config) - 1, sc, err,
				       sizeof(err));
	if (r) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	if (c->steps_max)
		sc->cfg.steps_max = c->steps_max;
	sim_config_default(&dflt);
	if (sc->cfg.steps_max > SIM_EXPLORE_DEPTH_MAX) {
		/* a file's own steps_max, not the default, is worth a word */
		if (sc->cfg.steps_max != dflt.steps_max)
			fprintf(stderr, "nvtsim explore: %s: steps_max %llu lowered to %d, the explorer's depth limit\n",
				sc->path, (unsigned long long)sc->cfg.steps_max,
				SIM_EXPLORE_DEPTH_MAX);
		sc->cfg.steps_max = SIM_EXPLORE_DEPTH_MAX;
	}
	if (c->policy >= 0)
		sc->cfg.policy = (uint8_t)c->policy;
	return 0;
}

static void describe_search(const struct sim_explore_result *r,
			    const struct sim_explore_opts *o, char *buf,
			    size_t len)
{
	bool sampled = o->strategy == SIM_STRAT_RANDOM ||
		o->strategy == SIM_STRAT_PCT;

	if (sampled)
		snprintf(buf, len, "sampled %llu executions (seeds %llu..%llu): never exhaustive",
			 (unsigned long long)r->executions,
			 (unsigned long long)o->seed,
			 (unsigned long long)(o->seed + r->executions - 1));
	else if (r->exhausted && r->inconclusive && r->bounded)
		snprintf(buf, len, "inconclusive at preemption bound %u: %llu executions ran into steps_max",
			 r->bound, (unsigned long long)r->inconclusive);
	else if (r->exhausted && r->inconclusive)
		snprintf(buf, len, "inconclusive: %llu executions ran into steps_max",
			 (unsigned long long)r->inconclusive);
	else if (r->bounded)
		snprintf(buf, len, "%s at preemption bound %u%s",
			 r->exhausted ? "complete" : "not complete", r->bound,
			 r->new_failures && !r->exhausted && !o->keep_going ?
				 " (stopped at the first new failure)" : "");
	else if (r->exhausted)
		snprintf(buf, len, "exhausted: every interleaving explored%s",
			 o->strategy == SIM_STRAT_DPOR ? " (up to reordering of independent steps)" :
			 o->strategy == SIM_STRAT_STATEFUL ? " (up to states seen before)" : "");
	else if (r->new_failures && !o->keep_going)
		snprintf(buf, len, "stopped at the first new failure: not exhausted");
	else
		snprintf(buf, len, "budget used up: not exhausted");
}

static int write_cex(const struct explore_cli *c, struct sim_world *w,
		     const struct sim_config *cfg,
		     const struct sim_explore_failure *f, const char *tag,
		     const char *how, const char *replay, char *path,
		     size_t pathlen)
{
	FILE *out;
	int r;

	if (mkdir(c->out, 0777) && errno != EEXIST) {
		fprintf(stderr, "nvtsim explore: cannot create %s: %s\n", c->out,
			strerror(errno));
		return -1;
	}
	snprintf(path, pathlen, "%s/%s-%s-%s%s.nvt", c->out,
		 sim_variants[cfg->variant].id, sim_verdict_names[f->verdict.kind],
		 tag, cfg->policy == SIM_POLICY_PRIO ? "-prio" : "");
	out = fopen(path, "w");
	if (!out) {
		fprintf(stderr, "nvtsim explore: cannot write %s: %s\n", path,
			strerror(errno));
		return -1;
	}
	r = sim_cex_write(out, w, cfg, f, how, replay);
	fclose(out);
	if (r)
		fprintf(stderr, "nvtsim explore: the counterexample did not replay; %s not written\n",
			path);
	return r;
}

static void report_oom(void)
{
	fprintf(stderr, "nvtsim explore: out of memory (the report misses a failure)\n");
}

/* One failure of the search running now: a "failures" member, a SARIF result. */
static void report_sig(const struct explore_cli *c, struct sim_world *w,
		       const struct sim_config *cfg,
		       const struct sim_explore_sig *rec, const char *replay,
		       const char *path)
{
	struct explore_rep *p = c->rep;
	struct cli_report_fail x = { 0 };
	char kflag[600] = "", *cmd = NULL;
	bool diverged;
	FILE *f = p->fails;

	if (sim_variants[cfg->variant].path)
		sim_variant_flag(cfg->variant, kflag, sizeof(kflag));
	if (replay)
		cmd = cli_report_fmt("nvtsim replay '%s'%s%s", replay,
				     kflag[0] ? " " : "", kflag);
	fputs(p->n++ ? "," : "", f);
	fputs("{\"kind\":", f);
	cli_json_write_str(f, sim_verdict_names[rec->fail.verdict.kind]);
	fputs(",\"bug\":", f);
	cli_report_json_str(f, rec->known ? rec->known->name : NULL);
	fputs(",\"signature\":", f);
	cli_json_write_str(f, rec->sig);
	fputs(",\"verdict\":", f);
	cli_report_json_verdict(f, cfg, &rec->fail.verdict);
	fputs(",\"replay\":", f);
	cli_report_json_str(f, replay);
	fputs(",\"replay_command\":", f);
	cli_report_json_str(f, cmd);
	fputs(",\"counterexample\":", f);
	cli_report_json_str(f, path[0] ? path : NULL);
	fprintf(f, ",\"count\":%llu,\"executions_to_first\":%llu,\"preemptions\":%u,"
		"\"cpu_switches\":%u,\"steps\":%u,\"minimized\":%s}",
		(unsigned long long)rec->count,
		(unsigned long long)rec->executions_to_first, rec->fail.preemptions,
		rec->fail.cpu_switches, rec->fail.nchoices,
		c->opts.minimize ? "true" : "false");
	if (!p->first_replay && replay)
		p->first_replay = strdup(replay);
	if (!p->first_cex && path[0])
		p->first_cex = strdup(path);
	/* the steps, from a replay of the failure */
	sim_replay_run(w, cfg, rec->fail.choices, rec->fail.nchoices, NULL, &diverged);
	x.kind = strdup(sim_verdict_names[rec->fail.verdict.kind]);
	x.message = strdup(rec->fail.verdict.line);
	x.bug = rec->known ? strdup(rec->known->name) : NULL;
	x.replay = cmd;
	x.cex = path[0] ? strdup(path) : NULL;
	x.where = strdup(c->config ? c->config : "(built-in default)");
	x.variant = cfg->variant;
	if (!x.kind || !x.message || (rec->known && !x.bug) || (path[0] && !x.cex) ||
	    !x.where || cli_report_steps(w, &x)) {
		free(x.kind);
		free(x.message);
		free(x.bug);
		free(x.replay);
		free(x.cex);
		free(x.where);
		free(x.steps);
		report_oom();
		return;
	}
	if (cli_report_add_fail(p->report, &x))
		report_oom();
}

static int report_start(struct explore_rep *p)
{
	p->n = 0;
	p->buf = NULL;
	p->len = 0;
	p->first_replay = NULL;
	p->first_cex = NULL;
	p->fails = open_memstream(&p->buf, &p->len);
	return p->fails ? 0 : -1;
}

static void describe_search(const struct sim_explore_result *r,
			    const struct sim_explore_opts *o, char *buf,
			    size_t len);

/* The search's result, with the failures report_sig() saw: a JSON result and a JUnit testcase. */
static void report_case(const struct explore_cli *c, const struct sim_scenario *sc,
			const struct sim_explore_result *r, int ret)
{
	struct explore_rep *p = c->rep;
	const struct sim_config *cfg = &sc->cfg;
	const struct sim_variant *v = &sim_variants[cfg->variant];
	struct cli_report_case k = { 0 };
	char search[160], *json = NULL;
	size_t len = 0;
	FILE *f;

	if (fclose(p->fails)) {
		p->buf = NULL;
	}
	p->fails = NULL;
	f = open_memstream(&json, &len);
	if (!f || !p->buf)
		goto oom;
	describe_search(r, &c->opts, search, sizeof(search));
	fputs("{\"name\":", f);
	cli_json_write_str(f, sc->path);
	fputs(",\"variant\":", f);
	cli_report_json_variant(f, cfg->variant);
	fputs(",\"config\":", f);
	cli_report_json_config(f, cfg);
	fprintf(f, ",\"ok\":%s,\"expected\":null,\"verdict\":", ret ? "false" : "true");
	if (r->first.found)
		cli_report_json_verdict(f, cfg, &r->first.verdict);
	else
		fputs("null", f);
	fputs(",\"replay\":", f);
	cli_report_json_str(f, p->first_replay);
	fputs(",\"replay_command\":", f);
	if (p->first_replay) {
		char kflag[600] = "", *cmd;

		if (v->path)
			sim_variant_flag(cfg->variant, kflag, sizeof(kflag));
		cmd = cli_report_fmt("nvtsim replay '%s'%s%s", p->first_replay,
				     kflag[0] ? " " : "", kflag);
		if (!cmd)
			goto oom;
		cli_json_write_str(f, cmd);
		free(cmd);
	} else {
		fputs("null", f);
	}
	fputs(",\"counterexample\":", f);
	cli_report_json_str(f, p->first_cex);
	fprintf(f, ",\"search\":{\"strategy\":\"%s\",\"policy\":\"%s\",\"budget\":%llu,"
		"\"preemptions_max\":%u,\"executions\":%llu,\"steps\":%llu,\"states\":%llu,"
		"\"pruned\":%llu,\"cycles\":%llu,\"resumed\":%llu,\"cache_full\":%s,"
		"\"inconclusive\":%llu,\"seconds\":%.3f,\"exhausted\":%s,"
		"\"complete\":%s,\"bounded\":%s,\"bound\":%u,\"minimize_executions\":%llu,"
		"\"exit_code\":%d,\"description\":",
		sim_strategy_names[c->opts.strategy],
		cfg->policy == SIM_POLICY_PRIO ? "prio" : "fair",
		(unsigned long long)c->opts.executions_max, c->opts.preemptions_max,
		(unsigned long long)r->executions, (unsigned long long)r->steps,
		(unsigned long long)r->states, (unsigned long long)r->pruned,
		(unsigned long long)r->cycles, (unsigned long long)r->resumed,
		r->cache_full ? "true" : "false",
		(unsigned long long)r->inconclusive, r->seconds,
		r->exhausted ? "true" : "false", r->complete ? "true" : "false",
		r->bounded ? "true" : "false", r->bound,
		(unsigned long long)r->minimize_executions, ret);
	cli_json_write_str(f, search);
	fprintf(f, "},\"failures\":[%s]}", p->buf);
	if (fclose(f)) {
		f = NULL;
		json = NULL;
		goto oom;
	}
	f = NULL;
	k.json = json;
	json = NULL;
	k.suite = strdup(sc->path);
	k.name = cli_report_fmt("%s (%s)%s", v->id, v->name,
				cfg->policy == SIM_POLICY_PRIO ? " policy prio" : "");
	k.classname = cli_report_fmt("nvtsim.explore.%s", v->id);
	k.ok = !ret;
	k.seconds = r->seconds;
	if (ret) {
		k.kind = strdup(ret == 1 ? sim_verdict_names[r->first.verdict.kind] :
				ret == 3 ? "incomplete" : "inconclusive");
		k.message = ret == 1 ? strdup(r->first.verdict.line) :
			cli_report_fmt("nothing found, but the search is %s: %s",
				       ret == 3 ? "not complete" : "inconclusive", search);
		k.text = ret == 1 ? cli_report_fmt("%s\n%s%s%s\n", r->first.verdict.line,
						   r->first.verdict.detail,
						   p->first_replay ? "replay: nvtsim replay " : "",
						   p->first_replay ? p->first_replay : "") :
			strdup(search);
	}
	if (cli_report_add_case(p->report, &k))
		report_oom();
	goto out;
oom:
	if (f)
		fclose(f);
	free(json);
	report_oom();
out:
	free(p->buf);
	free(p->first_replay);
	free(p->first_cex);
	p->buf = NULL;
	p->first_replay = NULL;
	p->first_cex = NULL;
}

/* Writes rec's counterexample; its path in path ("" if not written). */
static void sig_cex(const struct explore_cli *c, struct sim_world *w,
		    const struct sim_config *cfg, const struct sim_explore_sig *rec,
		    unsigned i, const char *how, char *replay, char *path,
		    size_t pathlen)
{
	char tag[48];

	if (rec->known)
		snprintf(tag, sizeof(tag), "%s", rec->known->name);
	else
		snprintf(tag, sizeof(tag), "new%u", i + 1);
	if (replay && sim_replay_encode(cfg, rec->fail.choices, rec->fail.nchoices,
					replay, REPLAY_BYTES) < 0)
		replay[0] = 0;
	if (write_cex(c, w, cfg, &rec->fail, tag, how,
		      replay && replay[0] ? replay : NULL, path, pathlen))
		path[0] = 0;
	if (c->rep)
		report_sig(c, w, cfg, rec, replay && replay[0] ? replay : NULL, path);
}

/*
 * Each known bug the search saw, then each new signature: when first seen,
 * how often, its signature, its (minimised) counterexample.
 */
static void print_sigs(const struct explore_cli *c, struct sim_world *w,
		       const struct sim_config *cfg,
		       const struct sim_explore_result *r, const char *how)
{
	char *replay = malloc(REPLAY_BYTES), path[512], kflag[600] = "";
	unsigned i, pass;

	if (sim_variants[cfg->variant].path)
		sim_variant_flag(cfg->variant, kflag, sizeof(kflag));
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < r->nsigs; i++) {
			const struct sim_explore_sig *rec = &r->sigs[i];
			const struct sim_explore_failure *f = &rec->fail;

			/* known bugs first, then new signatures */
			if ((rec->known != NULL) != (pass == 0))
				continue;
			if (rec->known)
				printf("known:       %s after %llu executions (%llu failed so): %s\n",
				       rec->known->name,
				       (unsigned long long)rec->executions_to_first,
				       (unsigned long long)rec->count, rec->known->what);
			else
				printf("NEW:         after %llu executions (%llu failed so): %s\n",
				       (unsigned long long)rec->executions_to_first,
				       (unsigned long long)rec->count, f->verdict.line);
			printf("  signature: %s\n", rec->sig);
			printf("  %s %u preemption%s, %u CPU switch%s, %u steps\n",
			       r->minimized ? "minimized:" : "as found: ",
			       f->preemptions, f->preemptions == 1 ? "" : "s",
			       f->cpu_switches, f->cpu_switches == 1 ? "" : "es",
			       f->nchoices);
			sig_cex(c, w, cfg, rec, i, how, replay, path, sizeof(path));
			if (replay && replay[0])
				printf("  replay:    nvtsim replay '%s'%s%s\n", replay,
				       kflag[0] ? " " : "", kflag);
			if (path[0])
				printf("  scenario:  %s  (nvtsim run %s%s%s)\n", path, path,
				       kflag[0] ? " " : "", kflag);
		}
	}
	if (!r->new_failures)
		printf("new:         none: every failure matched a known bug of %s\n",
		       sim_variants[cfg->variant].id);
	if (r->sigs_full)
		printf("             (more than %d distinct failures: the rest only counted)\n",
		       SIM_EXPLORE_SIGS_MAX);
	if (r->minimized)
		printf("minimizing:  %llu executions\n",
		       (unsigned long long)r->minimize_executions);
	free(replay);
}

/* The exit code of one search: see usage_explore. */
static int explore_exit(const struct explore_cli *c,
			const struct sim_explore_result *r)
{
	if (r->first.found)
		return 1;
	if (c->require_complete && !r->complete)
		return 3;
	return r->inconclusive ? 4 : 0;
}

/* Of two exit codes, the one that says more: 2, 1, 3, 4, then 0. */
static int exit_worst(int a, int b)
{
	static const int rank[] = { 0, 3, 4, 2, 1 };

	return rank[a] >= rank[b] ? a : b;
}

/*
 * dpor runs in free time (quota_steps 0, see sim__free_clock): io_work's
 * deadline may pass at any turn of its loop, as in Linux, and a turn that
 * changes nothing comes back to a state on the path, which the search
 * prunes. Counted in steps, each turn was a new state, and the search did
 * not end where io_work spins against a taken send_mutex. Free time takes
 * a context of its own: a config with four submitters keeps its quota.
 * Returns the quota cfg had.
 */
static uint32_t dpor_free_time(const struct explore_cli *c,
			       struct sim_config *cfg)
{
	uint32_t was = cfg->env.quota_steps;

	if (c->opts.strategy == SIM_STRAT_DPOR &&
	    cfg->nsubs < SIM_SUBMITTERS_MAX)
		cfg->env.quota_steps = 0;
	return was;
}

static int explore_one(const struct explore_cli *c, struct sim_scenario *sc,
		       struct sim_world *w, bool quiet,
		       struct sim_explore_result *r)
{
	const struct sim_config *cfg = &sc->cfg;
	const struct sim_variant *v = &sim_variants[cfg->variant];
	char err[512], search[160], how[96], bound[40];
	uint32_t quota = dpor_free_time(c, &sc->cfg);

	if (sim_config_check(cfg, err, sizeof(err))) {
		fprintf(stderr, "%s: %s\n", sc->path, err);
		return 2;
	}
	if (sim_explore(w, cfg, &c->opts, r)) {
		fprintf(stderr, "nvtsim explore: out of memory\n");
		return 2;
	}
	if (quiet)
		return explore_exit(c, r);
	describe_search(r, &c->opts, search, sizeof(search));
	bound[0] = 0;
	if (c->opts.strategy == SIM_STRAT_PB)
		snprintf(bound, sizeof(bound), " up to %u preemption%s",
			 c->opts.preemptions_max,
			 c->opts.preemptions_max == 1 ? "" : "s");
	printf("nvtsim explore: %s on %s (%s, %s)\n", sc->path, v->id, v->name,
	       v->release);
	printf("strategy %s%s, policy %s, budget %llu executions\n",
	       sim_strategy_names[c->opts.strategy], bound,
	       cfg->policy == SIM_POLICY_PRIO ? "prio" : "fair",
	       (unsigned long long)c->opts.executions_max);
	if (!cfg->env.quota_steps)
		printf("free time: io_work's deadline may pass at any turn of its loop%s\n",
		       quota ? " (dpor: the config's quota_steps is set aside)" : "");
	putchar('\n');
	printf("executions:  %llu\n", (unsigned long long)r->executions);
	printf("steps:       %llu\n", (unsigned long long)r->steps);
	if (c->opts.strategy == SIM_STRAT_STATEFUL || r->states)
		printf("states:      %llu distinct\n", (unsigned long long)r->states);
	printf("pruned:      %llu executions cut short (sleep set or state seen)\n",
	       (unsigned long long)r->pruned);
	if (c->opts.strategy == SIM_STRAT_DPOR && (r->cycles || r->resumed))
		printf("             of them %llu at a state already on their path (a cycle);\n"
		       "             %llu states searched again for what an earlier search's sleep set left out\n",
		       (unsigned long long)r->cycles, (unsigned long long)r->resumed);
	if (r->cache_full)
		printf("             the state cache filled (--state-cache-gib %u): states past it\n"
		       "             were not kept, so it pruned less from there on\n",
		       (unsigned)((c->opts.state_cache_bytes ? c->opts.state_cache_bytes :
				   SIM_EXPLORE_STATE_CACHE_BYTES_DEFAULT) >> 30));
	printf("time:        %.2f s\n", r->seconds);
	printf("search:      %s\n", search);
	if (r->inconclusive)
		printf("inconclusive: %llu executions ran into steps_max (%llu) with no livelock shown\n"
		       "             (progress too recent, or another context could run): raise --steps-max\n",
		       (unsigned long long)r->inconclusive,
		       (unsigned long long)cfg->steps_max);
	if (!r->first.found) {
		printf("found:       nothing\n");
		return explore_exit(c, r);
	}
	printf("found:       %s\n", r->first.verdict.line);
	fputs(r->first.verdict.detail, stdout);
	printf("             after %llu executions, %.2f s\n",
	       (unsigned long long)r->executions_to_first, r->seconds_to_first);
	if (c->opts.keep_going) {
		unsigned k;

		printf("failures:    %llu executions failed:", (unsigned long long)r->failures);
		for (k = 0; k < SIM_V_KINDS; k++)
			if (r->by_kind[k].count)
				printf(" %s %llu (first @%llu)", sim_verdict_names[k],
				       (unsigned long long)r->by_kind[k].count,
				       (unsigned long long)r->by_kind[k].executions_to_first);
		printf("\n");
	}
	snprintf(how, sizeof(how), "nvtsim explore --strategy %s%s",
		 sim_strategy_names[c->opts.strategy],
		 cfg->policy == SIM_POLICY_PRIO ? " --policy prio" : "");
	print_sigs(c, w, cfg, r, how);
	return 1;
}

/* "-" or "@N": the execution that first showed a kind of failure. */
static const char *kind_cell(const struct sim_explore_result *r, int kind,
			     char *buf, size_t len)
{
	if (!r->by_kind[kind].executions_to_first)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "@%llu",
			 (unsigned long long)r->by_kind[kind].executions_to_first);
	return buf;
}

static const char *other_cell(const struct sim_explore_result *a,
			      const struct sim_explore_result *b, char *buf,
			      size_t len)
{
	static const int kinds[] = { SIM_V_SAFETY, SIM_V_PROTOCOL, SIM_V_RECOVERY };
	size_t used = 0;
	unsigned i;

	buf[0] = 0;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (a->by_kind[kinds[i]].executions_to_first ||
		    b->by_kind[kinds[i]].executions_to_first)
			used += (size_t)snprintf(buf + used, len - used, "%s%s",
						 used ? "," : "",
						 sim_verdict_names[kinds[i]]);
	if (!used)
		snprintf(buf, len, "-");
	return buf;
}

static const char *search_cell(const struct sim_explore_result *r,
			       const struct sim_explore_opts *o, char *buf,
			       size_t len)
{
	if (o->strategy == SIM_STRAT_RANDOM || o->strategy == SIM_STRAT_PCT)
		snprintf(buf, len, "sampled");
	else if (r->exhausted && r->inconclusive)
		snprintf(buf, len, "inconclusive");
	else if (r->bounded)
		snprintf(buf, len, "%s<=%u", r->exhausted ? "complete" : "partial",
			 r->bound);
	else
		snprintf(buf, len, "%s", r->exhausted ? "exhausted" : "budget");
	return buf;
}

/* One search; writes a minimised counterexample for every kind it found. */
static int table_search_one(struct explore_cli *c, struct sim_scenario *sc,
			    struct sim_world *w, struct sim_explore_result *r,
			    char *cex, size_t cexlen)
{
	char how[96], path[512], *replay;
	size_t used = 0;
	unsigned k;
	int ret;

	cex[0] = 0;
	if (c->rep && report_start(c->rep))
		return 2;
	ret = explore_one(c, sc, w, true, r);
	replay = ret == 1 ? malloc(REPLAY_BYTES) : NULL;
	if (!replay) {
		if (c->rep && ret != 2)
			report_case(c, sc, r, ret);
		else if (c->rep)
			fclose(c->rep->fails), free(c->rep->buf);
		return ret;
	}
	snprintf(how, sizeof(how), "nvtsim explore --all-variants%s",
		 sc->cfg.policy == SIM_POLICY_PRIO ? " (policy prio)" : "");
	for (k = 0; k < r->nsigs; k++) {
		sig_cex(c, w, &sc->cfg, &r->sigs[k], k, how, replay, path,
			sizeof(path));
		if (!path[0])
			continue;
		used += (size_t)snprintf(cex + used, cexlen - used, "%s%s",
					 used ? " " : "", path);
		if (used >= cexlen)
			break;
	}
	free(replay);
	if (c->rep)
		report_case(c, sc, r, ret);
	return ret;
}

/* table_search_one, and the config's own time back for the next search. */
static int table_search(struct explore_cli *c, struct sim_scenario *sc,
			struct sim_world *w, struct sim_explore_result *r,
			char *cex, size_t cexlen)
{
	uint32_t quota = sc->cfg.env.quota_steps;
	int ret = table_search_one(c, sc, w, r, cex, cexlen);

	sc->cfg.env.quota_steps = quota;
	return ret;
}

/* The known bugs two searches saw, each once, "-" if none. */
static const char *known_cell(const struct sim_explore_result *a,
			      const struct sim_explore_result *b, char *buf,
			      size_t len)
{
	const struct sim_explore_result *rs[2] = { a, b };
	size_t used = 0;
	unsigned i, j, k;

	buf[0] = 0;
	for (i = 0; i < 2; i++)
		for (j = 0; j < rs[i]->nsigs; j++) {
			const struct sim_known_bug *kb = rs[i]->sigs[j].known;

			for (k = 0; kb && i && k < a->nsigs; k++)
				if (a->sigs[k].known == kb)
					kb = NULL;
			if (!kb || used >= len)
				continue;
			used += (size_t)snprintf(buf + used, len - used, "%s%s",
						 used ? "," : "", kb->name);
		}
	if (!used)
		snprintf(buf, len, "-");
	return buf;
}

/* New signatures two searches saw. */
static unsigned new_count(const struct sim_explore_result *r)
{
	unsigned i, n = 0;

	for (i = 0; i < r->nsigs; i++)
		n += !r->sigs[i].known;
	return n;
}

static int table_world(struct sim_world **w)
{
	sim_world_free(*w);
	*w = sim_world_new();
	if (!*w)
		fprintf(stderr, "nvtsim explore: out of memory\n");
	return *w ? 0 : -1;
}

struct table {
	struct explore_cli *c;
	struct sim_scenario *sc;
	char **rows;			/* by variant, "EXIT ROW" */
	unsigned next;			/* the next row to print */
	int ret;
	struct cli_report *report;	/* NULL: none asked for */
};

/*
 * One variant's row: a fair search and a strict-priority one, each in a
 * fresh world (state hashes read the contexts' stacks, dead slots included,
 * so a world that ran another search would prune differently than
 * nvtsim explore --variant V does). Returns "EXIT ROW" as malloc'd text.
 */
static char *table_row(unsigned i, void *arg)
{
	struct table *t = arg;
	struct explore_cli *c = t->c;
	struct sim_scenario *sc = t->sc;
	struct sim_world *w = NULL;
	struct sim_explore_result *fair = malloc(sizeof(*fair));
	struct sim_explore_result *prio = malloc(sizeof(*prio));
	struct sim_explore_opts base = c->opts;
	char h[24], st[24], ll[24], other[64], s1[24], s2[24], known[160];
	char cex1[512], cex2[512], *row = NULL, *rtext = NULL;
	int r1 = 2, r2 = 2;
	size_t rowlen = 1536;
	struct cli_report rep;
	struct explore_rep erep = { .report = &rep };

	cli_report_init(&rep, "explore", "all-variants", &c->rep_opts);
	c->rep = cli_report_any(&c->rep_opts) ? &erep : NULL;
	if (!fair || !prio || table_world(&w))
		goto out;
	sc->cfg.variant = (int)i;
	c->opts = base;
	c->opts.keep_going = true;
	sc->cfg.policy = SIM_POLICY_FAIR;
	r1 = table_search(c, sc, w, fair, cex1, sizeof(cex1));
	if (r1 == 2 || table_world(&w))
		goto out;
	c->opts = base;
	c->opts.keep_going = true;
	c->opts.only_kind = SIM_V_LIVELOCK;
	if (c->opts.strategy == SIM_STRAT_DPOR)
		c->opts.strategy = SIM_STRAT_PB;
	sc->cfg.policy = SIM_POLICY_PRIO;
	r2 = table_search(c, sc, w, prio, cex2, sizeof(cex2));
	if (r2 == 2)
		goto out;
	/* the report's cases and failures ride behind the row, after a \x1e */
	if (c->rep) {
		rtext = cli_report_take_text(&rep);
		if (!rtext)
			goto out;
		rowlen += strlen(rtext) + 1;
	}
	row = malloc(rowlen);
	if (row && snprintf(row, rowlen, "%d %-13s %-17s %-8s %-8s %-9s %-10s %-3u %-12s %-12s %6.2fs %6u  %-20s %s%s%s\n",
		     exit_worst(r1, r2), sim_variants[i].id, sim_variants[i].name,
		     kind_cell(fair, SIM_V_HANG, h, sizeof(h)),
		     kind_cell(fair, SIM_V_STALL, st, sizeof(st)),
		     kind_cell(prio, SIM_V_LIVELOCK, ll, sizeof(ll)),
		     other_cell(fair, prio, other, sizeof(other)),
		     new_count(fair) + new_count(prio),
		     search_cell(fair, &base, s1, sizeof(s1)),
		     search_cell(prio, &c->opts, s2, sizeof(s2)),
		     fair->seconds + prio->seconds,
		     fair->first.found ? fair->first.nchoices :
					 prio->first.found ? prio->first.nchoices : 0,
		     known_cell(fair, prio, known, sizeof(known)),
		     cex1, cex1[0] && cex2[0] ? " " : "", cex2) < 0) {
		free(row);
		row = NULL;
	}
	if (row && rtext) {
		strcat(row, "\x1e");
		strcat(row, rtext);
	}
out:
	free(rtext);
	cli_report_free(&rep);
	c->rep = NULL;
	if (!row && (r1 == 2 || r2 == 2))
		row = strdup("2");
	c->opts = base;
	sim_world_free(w);
	free(fair);
	free(prio);
	return row;
}

/* Prints the rows that are in, in variant order. */
static void table_row_done(unsigned i, char *text, void *arg)
{
	struct table *t = arg;

	t->rows[i] = strdup(text);
	while (t->next < sim_nvariants && t->rows[t->next]) {
		char *row = t->rows[t->next], *sp = strchr(row, ' ');
		char *rtext = strchr(row, '\x1e');

		t->ret = exit_worst(t->ret, atoi(row));
		if (rtext)
			*rtext++ = 0;
		/* a row of "2" is a search that failed, and said so: no report */
		if (t->report && strcmp(row, "2") &&
		    (!rtext || cli_report_put_text(t->report, rtext))) {
			fprintf(stderr, "nvtsim explore: %s's report came back unreadable\n",
				sim_variants[t->next].id);
			t->ret = 2;
		}
		if (sp)
			fputs(sp + 1, stdout);
		fflush(stdout);
		t->next++;
	}
}

static int explore_table(struct explore_cli *c, struct sim_scenario *sc,
			 struct cli_report *report)
{
	struct sim_explore_opts base = c->opts;
	struct table t = { c, sc, calloc(sim_nvariants, sizeof(char *)), 0, 0,
			   report };
	unsigned tasks[64], i, n = 0;
	char err[512];

	if (!t.rows) {
		fprintf(stderr, "nvtsim explore: out of memory\n");
		return 2;
	}
	for (i = 0; i < sim_nvariants && n < 64; i++) {
		sc->cfg.variant = (int)i;
		if (sim_config_check(&sc->cfg, err, sizeof(err))) {
			fprintf(stderr, "%s: %s\n", sc->path, err);
			free(t.rows);
			return 2;
		}
		tasks[n++] = i;
	}
	printf("nvtsim explore --all-variants: %s\n", sc->path);
	printf("fair policy: %s; prio policy (livelock): pb; up to %u preemption%s; budget %llu executions each\n",
	       sim_strategy_names[base.strategy], base.preemptions_max,
	       base.preemptions_max == 1 ? "" : "s",
	       (unsigned long long)base.executions_max);
	printf("a cell is '-' (not seen) or @N (first seen in execution N); new: failures\n"
	       "of signatures on no known bug of the variant; known: the known bugs seen\n\n");
	printf("%-13s %-17s %-8s %-8s %-9s %-10s %-3s %-12s %-12s %7s %6s  %-20s %s\n",
	       "variant", "name", "hang", "stall", "livelock", "other", "new",
	       "fair search", "prio search", "time", "steps", "known",
	       "counterexample");
	fflush(stdout);
	/* one process per variant's row; their progress lines would interleave */
	if (c->jobs > 1)
		c->opts.progress = false;
	if (cli_jobs_run(tasks, n, c->jobs ? c->jobs : 1, table_row,
			 table_row_done, &t))
		t.ret = 2;
	c->opts = base;
	for (i = 0; i < sim_nvariants; i++)
		free(t.rows[i]);
	free(t.rows);
	return t.ret;
}

static int explore_sweep(const struct explore_cli *c)
{
	struct cli_sweep_opts o = {
		.spec = c->sweep_spec,
		.strategy = c->opts.strategy,
		.policy = c->policy,
		.executions_max = c->executions_set ? c->opts.executions_max : 0,
		.preemptions_max = c->preemptions_set ? (int)c->opts.preemptions_max : -1,
		.minimize = c->opts.minimize,
		.progress = c->opts.progress,
		.require_complete = c->require_complete,
		.show_spec = c->show_spec,
		.jobs = c->jobs,
		.shard_k = c->shard_k,
		.shard_n = c->shard_n,
		.results = c->results,
		.out = c->out,
		.rep = c->rep_opts,
	};
	int variants[64];
	unsigned i, n = 0;
	int pick = cli_variant_pick("explore", c->variant, c->all_variants);

	if (pick == -2)
		return 2;
	if (c->opts.strategy == SIM_STRAT_RANDOM || c->opts.strategy == SIM_STRAT_PCT) {
		fprintf(stderr, "nvtsim explore: a sweep searches each config with pb, dpor, dfs or stateful, not %s\n",
			sim_strategy_names[c->opts.strategy]);
		return 2;
	}
	if (c->all_variants)
		for (i = 0; i < sim_nvariants && n < 64; i++)
			variants[n++] = (int)i;
	else
		variants[n++] = pick >= 0 ? pick : sim_variant_find("mainline");
	o.variants = variants;
	o.nvariants = n;
	return cli_sweep(&o);
}

int cmd_explore(int argc, char **argv)
{
	struct explore_cli c;
	struct sim_scenario *sc;
	struct sim_world *w;
	struct sim_explore_result *r;
	struct cli_report rep, *report = NULL;
	struct explore_rep erep = { .report = &rep };
	int ret, pick;

	if (parse_explore(argc, argv, &c))
		return 2;
	if (c.show_default) {
		fputs(default_config, stdout);
		return 0;
	}
	/* before the search, not after it: a found counterexample has to go somewhere */
	if (!c.show_spec && cli_out_dir_check("explore", "--out", c.out))
		return 2;
	if (c.sweep)
		return explore_sweep(&c);
	cli_report_init(&rep, "explore", c.all_variants ? "all-variants" : "config",
			&c.rep_opts);
	if (cli_report_any(&c.rep_opts)) {
		report = &rep;
		cli_report_begin(report);
	}
	sc = malloc(sizeof(*sc));
	r = malloc(sizeof(*r));
	w = sim_world_new();
	if (!sc || !r || !w) {
		fprintf(stderr, "nvtsim explore: out of memory\n");
		free(sc);
		free(r);
		sim_world_free(w);
		return 2;
	}
	ret = load_config(&c, sc);
	pick = ret ? -1 : cli_variant_pick("explore", c.variant, c.all_variants);
	if (pick == -2) {
		ret = -1;
	} else if (pick >= 0) {
		sc->cfg.variant = pick;
	} else if (!ret && sc->cfg.variant < 0) {
		sc->cfg.variant = sim_variant_find("mainline");
	}
	if (ret)
		ret = 2;
	else if (c.all_variants)
		ret = explore_table(&c, sc, report);
	else if (sc->cfg.policy == SIM_POLICY_PRIO &&
		 c.opts.strategy == SIM_STRAT_DPOR)
		ret = (fprintf(stderr, "nvtsim explore: --policy prio needs --strategy pb, dfs, stateful, random or pct (priorities decide who may run, which the reduction does not model)\n"), 2);
	else if (report && report_start(&erep))
		ret = (fprintf(stderr, "nvtsim explore: out of memory\n"), 2);
	else {
		c.rep = report ? &erep : NULL;
		ret = explore_one(&c, sc, w, false, r);
		if (c.rep && ret != 2)
			report_case(&c, sc, r, ret);
		else if (c.rep)
			fclose(erep.fails), free(erep.buf);
		c.rep = NULL;
	}
	if (report && ret != 2)
		ret = cli_report_finish(report, ret);
	if (report)
		cli_report_free(report);
	sim_world_free(w);
	free(sc);
	free(r);
	return ret;
}

/* The replayed run as a case (and a failure with its steps unless it passed). */
static int report_replay(struct cli_report *rep, const char *s,
			 const struct sim_config *cfg, const struct sim_world *w,
			 bool diverged)
{
	const struct sim_variant *v = &sim_variants[cfg->variant];
	bool ok = w->verdict.kind == SIM_V_PASS && !diverged;
	struct cli_report_case k = { 0 };
	struct cli_report_fail x = { 0 };
	char kflag[600] = "", *cmd, *json = NULL;
	size_t len = 0;
	FILE *f;

	if (v->path)
		sim_variant_flag(cfg->variant, kflag, sizeof(kflag));
	cmd = cli_report_fmt("nvtsim replay '%s'%s%s", s, kflag[0] ? " " : "", kflag);
	f = cmd ? open_memstream(&json, &len) : NULL;
	if (!f) {
		free(cmd);
		return -1;
	}
	fputs("{\"name\":\"replay\",\"variant\":", f);
	cli_report_json_variant(f, cfg->variant);
	fputs(",\"config\":", f);
	cli_report_json_config(f, cfg);
	fprintf(f, ",\"ok\":%s,\"expected\":null,\"verdict\":", ok ? "true" : "false");
	cli_report_json_verdict(f, cfg, &w->verdict);
	fprintf(f, ",\"diverged\":%s,\"replay\":", diverged ? "true" : "false");
	cli_json_write_str(f, s);
	fputs(",\"replay_command\":", f);
	cli_json_write_str(f, cmd);
	fputs(",\"counterexample\":null,\"search\":null,\"failures\":[]}", f);
	if (fclose(f)) {
		free(cmd);
		return -1;
	}
	k.json = json;
	k.suite = strdup("nvtsim replay");
	k.name = cli_report_fmt("%s (%s)", v->id, v->name);
	k.classname = cli_report_fmt("nvtsim.replay.%s", v->id);
	k.ok = ok;
	if (!ok) {
		k.kind = strdup(diverged ? "diverged" : sim_verdict_names[w->verdict.kind]);
		k.message = strdup(diverged ? "the run left the recorded interleaving" :
				   w->verdict.line);
		k.text = cli_report_fmt("%s\n%sreplay: %s\n", w->verdict.line,
					w->verdict.detail, cmd);
	}
	if (cli_report_add_case(rep, &k)) {
		free(cmd);
		return -1;
	}
	if (w->verdict.kind == SIM_V_PASS) {
		free(cmd);
		return 0;
	}
	x.kind = strdup(sim_verdict_names[w->verdict.kind]);
	x.message = strdup(w->verdict.line);
	x.replay = cmd;
	x.where = strdup("nvtsim replay");
	x.variant = cfg->variant;
	if (!x.kind || !x.message || !x.where || cli_report_steps(w, &x)) {
		free(x.kind);
		free(x.message);
		free(x.replay);
		free(x.where);
		free(x.steps);
		return -1;
	}
	return cli_report_add_fail(rep, &x);
}

int cmd_replay(int argc, char **argv)
{
	struct sim_config *cfg;
	struct sim_world *w;
	uint8_t *choices;
	size_t n = 0;
	bool quiet = false, diverged;
	struct sim_trace trace = { .out = stdout };
	struct cli_trace topt = { 0 };
	struct cli_report_opts ropt = { 0 };
	struct cli_report rep;
	const char *s = NULL;
	char err[512];
	int i, ret;

	for (i = 1; i < argc; i++) {
		int t = cli_trace_opt("replay", argc, argv, &i, &topt);

		if (t == 0)
			t = cli_report_opt("replay", argc, argv, &i, &ropt);
		if (t < 0)
			return 2;
		if (t > 0)
			continue;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(usage_replay, stdout);
			fputs(cli_trace_usage, stdout);
			fputs(cli_report_usage, stdout);
			return 0;
		} else if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
			quiet = true;
		} else if (s) {
			fprintf(stderr, "nvtsim replay: one replay string at a time\n");
			return 2;
		} else {
			s = argv[i];
		}
	}
	if (!s) {
		fprintf(stderr, "nvtsim replay: which replay string? (see nvtsim replay --help)\n");
		return 2;
	}
	if (cli_report_open("replay", &ropt))
		return 2;
	if (ropt.json)
		quiet = true;	/* stdout holds the JSON document alone */
	cli_report_init(&rep, "replay", "replay", &ropt);
	cfg = malloc(sizeof(*cfg));
	choices = malloc(SIM_TAKEN_MAX);
	w = sim_world_new();
	if (!cfg || !choices || !w) {
		fprintf(stderr, "nvtsim replay: out of memory\n");
		ret = 2;
		goto out;
	}
	if (sim_replay_decode(s, strlen(s), cfg, choices, SIM_TAKEN_MAX, &n, err,
			      sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		ret = 2;
		goto out;
	}
	if (!quiet) {
		printf("nvtsim replay on %s (%s)\n\n",
		       sim_variants[cfg->variant].id, sim_variants[cfg->variant].name);
		sim_trace_header(stdout);
	}
	if (quiet)
		trace.out = NULL;
	if (cli_trace_open("replay", &topt, &trace)) {
		ret = 2;
		goto out;
	}
	sim_replay_run(w, cfg, choices, (uint32_t)n,
		       trace.out || trace.file || trace.pcap_out ? &trace : NULL,
		       &diverged);
	sim_trace_finish(w);
	w->trace = NULL;
	cli_trace_close(&trace);
	if (!ropt.json) {
		printf("%s%s\n", quiet ? "" : "\n", w->verdict.line);
		fputs(w->verdict.detail, stdout);
	}
	if (diverged) {
		fprintf(stderr, "nvtsim replay: the run left the recorded interleaving after %llu of %zu steps (a string from another nvtsim version?)\n",
			(unsigned long long)w->steps, n);
		ret = 2;
	} else {
		ret = 0;
	}
	if (cli_report_any(&ropt) && report_replay(&rep, s, cfg, w, diverged))
		ret = (fprintf(stderr, "nvtsim replay: out of memory\n"), 2);
	else	/* the reports, and --trace and --pcap: all put in place, or none */
		ret = cli_report_finish(&rep, ret);
out:
	cli_report_free(&rep);
	sim_world_free(w);
	free(cfg);
	free(choices);
	return ret;
}
