/*
 * nvtsim explore --sweep, and nvtsim merge: every small config of a spec,
 * each searched with a bounded strategy, on one variant or all, in forked
 * workers, or a deterministic share of it (--shard) written as JSON.
 *
 * Every task (one config on one variant) hands its result over as JSON text,
 * whether it ran here, in a worker, or in another machine's shard, so the
 * report is built from the same records whatever --jobs and --shard were.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cexample.h"
#include "cmd.h"
#include "explore.h"
#include "jobs.h"
#include "json.h"
#include "knownbugs.h"
#include "replay.h"
#include "report.h"
#include "sweep.h"
#include "variant.h"

#define SWEEP_REPLAY_BYTES (SIM_EXPLORE_DEPTH_MAX * 4 + 4096)
#define SWEEP_FORMAT "nvtsim-sweep-results"
#define SWEEP_FORMAT_VERSION 1
#define SWEEP_VARIANTS_MAX 16

struct sweep_found {
	char *bug;			/* a known bug's name, or NULL: new */
	char *sig;
	uint8_t kind;			/* enum sim_verdict_kind */
	char *line;
	char *replay;			/* as found, in its config */
	uint64_t executions_to_first;
	double seconds_to_first;
	uint64_t count;
	uint32_t preemptions, cpu_switches, steps;
};

struct sweep_task {
	bool have;
	uint64_t executions, steps, pruned, inconclusive;
	bool exhausted, complete, sigs_full;
	unsigned bound;
	double seconds;
	unsigned nfound;
	struct sweep_found *found;
};

/* One distinct failure of one variant: where the sweep first saw it. */
struct sweep_distinct {
	unsigned variant;		/* index into the run's variants */
	unsigned config;
	unsigned found;			/* index into that task's found */
	unsigned ncpus;			/* of its first config: 1 or 2 */
	int config_2cpus;		/* the first config on two CPUs that shows it, or -1 */
	unsigned nconfigs;		/* configs that show it */
	uint64_t sweep_executions;	/* executions of the sweep (in config order) before it */
	double sweep_seconds;
	/* after minimisation */
	char *replay;
	uint32_t preemptions, cpu_switches, steps;
	uint64_t minimize_executions;
	char path[512];
};

struct sweep {
	/* what to run */
	struct sim_sweep_space space;
	char spec_text[SIM_SWEEP_SPEC_BYTES];
	int variants[SWEEP_VARIANTS_MAX];
	unsigned nvariants;
	uint8_t strategy;
	bool minimize;
	bool progress;
	bool require_complete;
	unsigned jobs;
	unsigned shard_k, shard_n;	/* 1-based; 1/1 unsharded */
	const char *results;
	const char *out;
	const char *how;		/* the command, for counterexample files */
	/* what came back, by task = config * nvariants + variant */
	unsigned ntasks;
	unsigned *mine;			/* the tasks this run runs (its shard) */
	unsigned ntasks_mine;
	struct sweep_task *tasks;
	unsigned ndone;
	unsigned nfailing;
	struct timespec t0;
	double next_progress;
	bool tty;
	struct sweep_distinct *distinct;
	unsigned ndistinct;
	/* the world of the task running now */
	struct sim_world *w;
	struct cli_report *report;	/* NULL: none asked for */
};

static double sweep_now(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
		(double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* ---- one task: text in, text out ---- */

struct sweep_buf {
	char *s;
	size_t len;
	FILE *f;
};

static int sweep_buf_open(struct sweep_buf *b)
{
	b->s = NULL;
	b->len = 0;
	b->f = open_memstream(&b->s, &b->len);
	return b->f ? 0 : -1;
}

static char *sweep_buf_close(struct sweep_buf *b)
{
	if (fclose(b->f)) {
		free(b->s);
		return NULL;
	}
	return b->s;
}

/* One task's record: the same text from a worker, a shard file or the results file. */
static void sweep_write_record(FILE *f, const struct sweep *s, unsigned i,
			       const struct sweep_task *t)
{
	char label[160];
	unsigned k;

	fprintf(f, "{\"task\":%u,\"variant\":", i);
	cli_json_write_str(f, sim_variants[s->variants[i % s->nvariants]].id);
	fprintf(f, ",\"config\":%u,\"label\":", i / s->nvariants);
	sim_sweep_label(&s->space, i / s->nvariants, label, sizeof(label));
	cli_json_write_str(f, label);
	fprintf(f, ",\"executions\":%llu,\"steps\":%llu,\"pruned\":%llu,\"inconclusive\":%llu,"
		"\"exhausted\":%s,\"complete\":%s,\"bound\":%u,\"sigs_full\":%s,\"seconds\":%.3f,\"failures\":[",
		(unsigned long long)t->executions, (unsigned long long)t->steps,
		(unsigned long long)t->pruned, (unsigned long long)t->inconclusive,
		t->exhausted ? "true" : "false", t->complete ? "true" : "false",
		t->bound, t->sigs_full ? "true" : "false", t->seconds);
	for (k = 0; k < t->nfound; k++) {
		const struct sweep_found *x = &t->found[k];

		fprintf(f, "%s{\"bug\":", k ? "," : "");
		if (x->bug)
			cli_json_write_str(f, x->bug);
		else
			fputs("null", f);
		fputs(",\"signature\":", f);
		cli_json_write_str(f, x->sig);
		fputs(",\"kind\":", f);
		cli_json_write_str(f, sim_verdict_names[x->kind]);
		fputs(",\"verdict\":", f);
		cli_json_write_str(f, x->line);
		fprintf(f, ",\"executions_to_first\":%llu,\"seconds_to_first\":%.3f,\"count\":%llu,"
			"\"preemptions\":%u,\"cpu_switches\":%u,\"steps\":%u,\"replay\":",
			(unsigned long long)x->executions_to_first,
			x->seconds_to_first, (unsigned long long)x->count,
			x->preemptions, x->cpu_switches, x->steps);
		if (x->replay)
			cli_json_write_str(f, x->replay);
		else
			fputs("null", f);
		fputc('}', f);
	}
	fputs("]}", f);
}

/*
 * A fresh world for each task: a state hash reads the contexts' stacks,
 * dead slots included, so a world that ran other searches before would
 * prune differently, and a task's result would depend on which worker ran
 * it after which tasks.
 */
static bool sweep_world(struct sweep *s)
{
	sim_world_free(s->w);
	s->w = sim_world_new();
	return s->w != NULL;
}

static void sweep_task_free(struct sweep_task *t);

/* The explorer's result as a task record (strings copied). */
static int sweep_task_from(struct sweep_task *t, const struct sim_config *cfg,
			   const struct sim_explore_result *r)
{
	char *replay = malloc(SWEEP_REPLAY_BYTES);
	unsigned i;

	memset(t, 0, sizeof(*t));
	t->found = calloc(r->nsigs ? r->nsigs : 1, sizeof(*t->found));
	if (!t->found || !replay) {
		free(replay);
		return -1;
	}
	t->have = true;
	t->executions = r->executions;
	t->steps = r->steps;
	t->pruned = r->pruned;
	t->inconclusive = r->inconclusive;
	t->exhausted = r->exhausted;
	t->complete = r->complete;
	t->sigs_full = r->sigs_full;
	t->bound = r->bound;
	t->seconds = r->seconds;
	for (i = 0; i < r->nsigs; i++) {
		const struct sim_explore_sig *g = &r->sigs[i];
		struct sweep_found *f = &t->found[t->nfound++];

		f->bug = g->known ? strdup(g->known->name) : NULL;
		f->sig = strdup(g->sig);
		f->line = strdup(g->fail.verdict.line);
		f->kind = g->fail.verdict.kind;
		f->replay = sim_replay_encode(cfg, g->fail.choices, g->fail.nchoices,
					      replay, SWEEP_REPLAY_BYTES) >= 0 ?
			strdup(replay) : NULL;
		f->executions_to_first = g->executions_to_first;
		f->seconds_to_first = g->seconds_to_first;
		f->count = g->count;
		f->preemptions = g->fail.preemptions;
		f->cpu_switches = g->fail.cpu_switches;
		f->steps = g->fail.nchoices;
		if ((g->known && !f->bug) || !f->sig || !f->line || !f->replay) {
			free(replay);
			return -1;
		}
	}
	free(replay);
	return 0;
}

/*
 * Config c of the space on variant index v, as searched: dpor runs in free
 * time, as explore CONFIG --strategy dpor does (dpor_free_time there).
 */
static void sweep_config(const struct sweep *s, unsigned c, unsigned v,
			 struct sim_config *cfg)
{
	sim_sweep_config(&s->space, c, s->variants[v], cfg);
	if (s->strategy == SIM_STRAT_DPOR && cfg->policy == SIM_POLICY_FAIR &&
	    cfg->nsubs < SIM_SUBMITTERS_MAX)
		cfg->env.quota_steps = 0;
}

static char *sweep_run_task(unsigned t, void *arg)
{
	struct sweep *s = arg;
	struct sim_explore_result *r = malloc(sizeof(*r));
	struct sim_explore_opts o;
	struct sim_config cfg;
	struct sweep_task task;
	struct sweep_buf b;

	memset(&task, 0, sizeof(task));
	if (!r || !sweep_world(s)) {
		free(r);
		return NULL;
	}
	sweep_config(s, t / s->nvariants, t % s->nvariants, &cfg);
	sim_explore_opts_default(&o);
	o.strategy = s->strategy;
	o.executions_max = s->space.spec.executions_max;
	o.preemptions_max = s->space.spec.preemptions_max;
	o.keep_going = true;	/* every distinct failure of the config */
	o.minimize = false;	/* only each failure's first config is minimised */
	if (cfg.policy == SIM_POLICY_PRIO) {
		/* priorities decide who may run, which DPOR does not model */
		if (o.strategy == SIM_STRAT_DPOR)
			o.strategy = SIM_STRAT_PB;
		/* strict priority is a subset of fair's schedules: only its livelocks are news */
		o.only_kind = SIM_V_LIVELOCK;
	}
	if (sim_explore(s->w, &cfg, &o, r) || sweep_task_from(&task, &cfg, r) ||
	    sweep_buf_open(&b)) {
		free(r);
		sweep_task_free(&task);
		return NULL;
	}
	sweep_write_record(b.f, s, t, &task);
	sweep_task_free(&task);
	free(r);
	return sweep_buf_close(&b);
}

/* ---- reading a task back ---- */

static uint64_t jnum(const struct cli_json *o, const char *k, bool *ok)
{
	const struct cli_json *v = cli_json_get(o, k);

	if (!v || v->type != CLI_JSON_NUMBER || !v->is_uint) {
		*ok = false;
		return 0;
	}
	return v->uint;
}

static double jdouble(const struct cli_json *o, const char *k, bool *ok)
{
	const struct cli_json *v = cli_json_get(o, k);

	if (!v || v->type != CLI_JSON_NUMBER) {
		*ok = false;
		return 0;
	}
	return v->number;
}

static bool jbool(const struct cli_json *o, const char *k, bool *ok)
{
	const struct cli_json *v = cli_json_get(o, k);

	if (!v || v->type != CLI_JSON_BOOL) {
		*ok = false;
		return false;
	}
	return v->boolean;
}

/* A copy of a string member; NULL for null (or when missing: *ok false). */
static char *jstr(const struct cli_json *o, const char *k, bool nullable, bool *ok)
{
	const struct cli_json *v = cli_json_get(o, k);
	char *c;

	if (v && v->type == CLI_JSON_NULL && nullable)
		return NULL;
	if (!v || v->type != CLI_JSON_STRING) {
		*ok = false;
		return NULL;
	}
	c = strdup(v->string);
	if (!c)
		*ok = false;
	return c;
}

static void sweep_task_free(struct sweep_task *t)
{
	unsigned i;

	for (i = 0; i < t->nfound; i++) {
		free(t->found[i].bug);
		free(t->found[i].sig);
		free(t->found[i].line);
		free(t->found[i].replay);
	}
	free(t->found);
	memset(t, 0, sizeof(*t));
}

static int verdict_kind(const char *name)
{
	int k;

	for (k = 0; k < SIM_V_KINDS; k++)
		if (!strcmp(name, sim_verdict_names[k]))
			return k;
	return -1;
}

/* Fills task *t from its JSON object; the task number in *num. false on a bad record. */
static bool sweep_task_read(const struct sweep *s, const struct cli_json *o,
			    unsigned *num, struct sweep_task *t)
{
	const struct cli_json *fl = cli_json_get(o, "failures");
	bool ok = true;
	uint64_t n = jnum(o, "task", &ok);
	char *variant = jstr(o, "variant", false, &ok);
	unsigned i;

	memset(t, 0, sizeof(*t));
	if (!ok || n >= s->ntasks || !variant ||
	    strcmp(variant, sim_variants[s->variants[n % s->nvariants]].id) ||
	    jnum(o, "config", &ok) != n / s->nvariants) {
		free(variant);
		return false;
	}
	free(variant);
	*num = (unsigned)n;
	t->executions = jnum(o, "executions", &ok);
	t->steps = jnum(o, "steps", &ok);
	t->pruned = jnum(o, "pruned", &ok);
	t->inconclusive = jnum(o, "inconclusive", &ok);
	t->exhausted = jbool(o, "exhausted", &ok);
	t->complete = jbool(o, "complete", &ok);
	t->sigs_full = jbool(o, "sigs_full", &ok);
	t->bound = (unsigned)jnum(o, "bound", &ok);
	t->seconds = jdouble(o, "seconds", &ok);
	if (!ok || !fl || fl->type != CLI_JSON_ARRAY)
		return false;
	t->found = calloc(fl->n ? fl->n : 1, sizeof(*t->found));
	if (!t->found)
		return false;
	for (i = 0; i < fl->n; i++) {
		const struct cli_json *e = &fl->items[i];
		struct sweep_found *f = &t->found[t->nfound++];
		char *kind = jstr(e, "kind", false, &ok);
		int k = kind ? verdict_kind(kind) : -1;

		free(kind);
		f->bug = jstr(e, "bug", true, &ok);
		f->sig = jstr(e, "signature", false, &ok);
		f->line = jstr(e, "verdict", false, &ok);
		f->replay = jstr(e, "replay", true, &ok);
		f->executions_to_first = jnum(e, "executions_to_first", &ok);
		f->seconds_to_first = jdouble(e, "seconds_to_first", &ok);
		f->count = jnum(e, "count", &ok);
		f->preemptions = (uint32_t)jnum(e, "preemptions", &ok);
		f->cpu_switches = (uint32_t)jnum(e, "cpu_switches", &ok);
		f->steps = (uint32_t)jnum(e, "steps", &ok);
		if (!ok || k < 0 ||
		    (f->bug && !sim_known_bug_named(f->bug)))
			return false;
		f->kind = (uint8_t)k;
	}
	t->have = true;
	return true;
}

static void sweep_progress(struct sweep *s, bool last)
{
	double t, eta;

	if (!s->progress)
		return;
	t = sweep_now(&s->t0);
	if (!last && t < s->next_progress)
		return;
	s->next_progress = t + (s->tty ? 0.5 : 10.0);
	eta = s->ndone ? t / s->ndone * (s->ntasks_mine - s->ndone) : 0;
	fprintf(stderr, "%ssweep: %u/%u configs, %u with failures, %.0f s, ETA %.0f s%s",
		s->tty ? "\r" : "", s->ndone, s->ntasks_mine, s->nfailing, t, eta,
		s->tty ? (last ? "\n" : "   ") : "\n");
}

static void sweep_task_done(unsigned t, char *text, void *arg)
{
	struct sweep *s = arg;
	struct cli_json *j;
	char err[160];
	unsigned num;

	j = cli_json_parse(text, strlen(text), err, sizeof(err));
	if (!j || !sweep_task_read(s, j, &num, &s->tasks[t]) || num != t) {
		/* our own text: a failure here is a bug, said once and counted */
		fprintf(stderr, "nvtsim explore: task %u came back unreadable (%s)\n", t,
			j ? "bad record" : err);
		sweep_task_free(&s->tasks[t]);
	}
	cli_json_free(j);
	s->ndone++;
	s->nfailing += s->tasks[t].nfound > 0;
	sweep_progress(s, false);
}

/* ---- the results document ---- */

static void sweep_write_header(FILE *f, const struct sweep *s)
{
	unsigned i;

	fprintf(f, "{\"format\":\"%s\",\"version\":%d,\"nvtsim\":", SWEEP_FORMAT,
		SWEEP_FORMAT_VERSION);
	cli_json_write_str(f, NVTSIM_VERSION);
	fputs(",\"spec\":", f);
	cli_json_write_str(f, s->spec_text);
	fprintf(f, ",\"strategy\":\"%s\",\"variants\":[", sim_strategy_names[s->strategy]);
	for (i = 0; i < s->nvariants; i++) {
		if (i)
			fputc(',', f);
		cli_json_write_str(f, sim_variants[s->variants[i]].id);
	}
	fprintf(f, "],\"configs\":%u,\"tasks\":%u,\"shard\":[%u,%u],\"results\":[\n",
		s->space.npoints, s->ntasks, s->shard_k, s->shard_n);
}

/* Writes this run's task results to path, atomically: all of it or nothing. */
static int sweep_write_results(const struct sweep *s, const char *path,
			       const char *cmd)
{
	char tmp[4200];
	unsigned i, n = 0;
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.tmp.%ld", path, (long)getpid());
	f = fopen(tmp, "w");
	if (!f) {
		fprintf(stderr, "nvtsim %s: cannot write %s: %s\n", cmd, path,
			strerror(errno));
		return -1;
	}
	sweep_write_header(f, s);
	for (i = 0; i < s->ntasks; i++) {
		const struct sweep_task *t = &s->tasks[i];

		if (!t->have)
			continue;
		fputs(n++ ? ",\n" : "", f);
		sweep_write_record(f, s, i, t);
	}
	fputs("\n]}\n", f);
	if (ferror(f) | fclose(f) || rename(tmp, path)) {
		fprintf(stderr, "nvtsim %s: cannot write %s: %s\n", cmd, path,
			strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* ---- distinct failures, and their smallest counterexamples ---- */

static bool same_failure(const struct sweep_found *a, const struct sweep_found *b)
{
	if ((a->bug == NULL) != (b->bug == NULL))
		return false;
	return a->bug ? !strcmp(a->bug, b->bug) : !strcmp(a->sig, b->sig);
}

/*
 * Per variant, each known bug (or new signature) once, at the first config
 * that shows it: the smallest, since configs go smallest first. The first
 * config on two CPUs that shows it is kept too: a race across CPUs is the
 * form real machines hit.
 */
static int sweep_distinct(struct sweep *s)
{
	unsigned v, c, k, d;
	size_t total = 1;

	for (k = 0; k < s->ntasks; k++)
		total += s->tasks[k].nfound;
	s->distinct = calloc(total, sizeof(*s->distinct));
	if (!s->distinct)
		return -1;
	for (v = 0; v < s->nvariants; v++) {
		uint64_t execs = 0;
		double secs = 0;
		unsigned first = s->ndistinct;

		for (c = 0; c < s->space.npoints; c++) {
			const struct sweep_task *t = &s->tasks[c * s->nvariants + v];
			unsigned ncpus = sim_sweep_ncpus(&s->space, c);

			for (k = 0; k < t->nfound; k++) {
				const struct sweep_found *f = &t->found[k];

				for (d = first; d < s->ndistinct; d++) {
					struct sweep_distinct *x = &s->distinct[d];
					const struct sweep_found *g =
						&s->tasks[x->config * s->nvariants + v].found[x->found];

					if (same_failure(f, g))
						break;
				}
				if (d < s->ndistinct) {
					s->distinct[d].nconfigs++;
					if (ncpus > 1 && s->distinct[d].config_2cpus < 0)
						s->distinct[d].config_2cpus = (int)c;
					continue;
				}
				s->distinct[d] = (struct sweep_distinct){
					.variant = v, .config = c, .found = k,
					.ncpus = ncpus, .nconfigs = 1,
					.config_2cpus = ncpus > 1 ? (int)c : -1,
					.sweep_executions = execs + f->executions_to_first,
					.sweep_seconds = secs + f->seconds_to_first,
					.preemptions = f->preemptions,
					.cpu_switches = f->cpu_switches,
					.steps = f->steps,
				};
				s->ndistinct++;
			}
			execs += t->executions;
			secs += t->seconds;
		}
	}
	return 0;
}

static const struct sweep_found *distinct_found(const struct sweep *s,
						const struct sweep_distinct *x)
{
	return &s->tasks[x->config * s->nvariants + x->variant].found[x->found];
}

/* Minimises distinct failure d in its config; its replay string (and figures) as JSON. */
static char *sweep_run_minimize(unsigned d, void *arg)
{
	struct sweep *s = arg;
	const struct sweep_found *f = distinct_found(s, &s->distinct[d]);
	struct sim_explore_sig *rec = calloc(1, sizeof(*rec));
	struct sim_explore_opts o;
	struct sim_config cfg;
	char err[320], *replay = malloc(SWEEP_REPLAY_BYTES), *text = NULL;
	size_t n = 0;
	uint64_t execs = 0;
	struct sweep_buf b;

	if (!rec || !replay || !sweep_world(s) || !f->replay)
		goto out;
	if (sim_replay_decode(f->replay, strlen(f->replay), &cfg, rec->fail.choices,
			      SIM_EXPLORE_DEPTH_MAX, &n, err, sizeof(err)))
		goto out;
	rec->known = f->bug ? sim_known_bug_named(f->bug) : NULL;
	snprintf(rec->sig, sizeof(rec->sig), "%s", f->sig);
	rec->fail.found = true;
	rec->fail.nchoices = (uint32_t)n;
	rec->fail.preemptions = f->preemptions;
	rec->fail.cpu_switches = f->cpu_switches;
	sim_explore_opts_default(&o);
	if (sim_explore_minimize(s->w, &cfg, &o, rec, &execs) ||
	    sim_replay_encode(&cfg, rec->fail.choices, rec->fail.nchoices, replay,
			      SWEEP_REPLAY_BYTES) < 0 || sweep_buf_open(&b))
		goto out;
	fprintf(b.f, "{\"replay\":");
	cli_json_write_str(b.f, replay);
	fprintf(b.f, ",\"preemptions\":%u,\"cpu_switches\":%u,\"steps\":%u,\"executions\":%llu}",
		rec->fail.preemptions, rec->fail.cpu_switches, rec->fail.nchoices,
		(unsigned long long)execs);
	text = sweep_buf_close(&b);
out:
	free(rec);
	free(replay);
	/* nothing to shrink (or it did not replay): the failure stays as found */
	return text ? text : strdup("{}");
}

static void sweep_minimize_done(unsigned d, char *text, void *arg)
{
	struct sweep *s = arg;
	struct sweep_distinct *x = &s->distinct[d];
	struct cli_json *j = cli_json_parse(text, strlen(text), NULL, 0);
	bool ok = true;
	char *replay = j ? jstr(j, "replay", false, &ok) : NULL;
	uint32_t p = (uint32_t)jnum(j, "preemptions", &ok);
	uint32_t c = (uint32_t)jnum(j, "cpu_switches", &ok);
	uint32_t st = (uint32_t)jnum(j, "steps", &ok);
	uint64_t e = jnum(j, "executions", &ok);

	if (ok && replay) {
		free(x->replay);
		x->replay = replay;
		x->preemptions = p;
		x->cpu_switches = c;
		x->steps = st;
		x->minimize_executions = e;
	} else {
		free(replay);
	}
	cli_json_free(j);
}

/* Distinct failure x, just replayed in s->w, as a SARIF failure with its steps. */
static int sweep_report_fail(struct sweep *s, const struct sweep_distinct *x,
			     const struct sim_config *cfg, const char *replay)
{
	const struct sweep_found *f = distinct_found(s, x);
	struct cli_report_fail r = { 0 };
	char label[160], kflag[600] = "";

	if (sim_variants[cfg->variant].path)
		sim_variant_flag(cfg->variant, kflag, sizeof(kflag));
	sim_sweep_label(&s->space, x->config, label, sizeof(label));
	r.kind = strdup(sim_verdict_names[f->kind]);
	r.message = strdup(s->w->verdict.line);
	r.bug = f->bug ? strdup(f->bug) : NULL;
	r.replay = cli_report_fmt("nvtsim replay '%s'%s%s", replay, kflag[0] ? " " : "",
				  kflag);
	r.cex = x->path[0] ? strdup(x->path) : NULL;
	r.where = cli_report_fmt("sweep config #%u: %s", x->config + 1, label);
	r.variant = cfg->variant;
	if (!r.kind || !r.message || (f->bug && !r.bug) || !r.replay ||
	    (x->path[0] && !r.cex) || !r.where || cli_report_steps(s->w, &r)) {
		free(r.kind);
		free(r.message);
		free(r.bug);
		free(r.replay);
		free(r.cex);
		free(r.where);
		free(r.steps);
		return -1;
	}
	return cli_report_add_fail(s->report, &r);
}

/* Writes distinct failure x's counterexample scenario into s->out. */
static void sweep_cex(struct sweep *s, struct sweep_distinct *x)
{
	const struct sweep_found *f = distinct_found(s, x);
	const char *replay = x->replay ? x->replay : f->replay;
	struct sim_explore_failure *fail = calloc(1, sizeof(*fail));
	struct sim_config cfg;
	char err[320], how[256], label[160];
	size_t n = 0;
	bool diverged;
	FILE *out;

	x->path[0] = 0;
	if (!fail || !replay || !sweep_world(s) ||
	    sim_replay_decode(replay, strlen(replay), &cfg, fail->choices,
			      SIM_EXPLORE_DEPTH_MAX, &n, err, sizeof(err)))
		goto out;
	sim_replay_run(s->w, &cfg, fail->choices, (uint32_t)n, NULL, &diverged);
	if (diverged)
		goto out;
	fail->found = true;
	fail->verdict = s->w->verdict;
	fail->nchoices = (uint32_t)n;
	fail->preemptions = x->preemptions;
	fail->cpu_switches = x->cpu_switches;
	if (mkdir(s->out, 0777) && errno != EEXIST) {
		fprintf(stderr, "nvtsim explore: cannot create %s: %s\n", s->out,
			strerror(errno));
		goto out;
	}
	snprintf(x->path, sizeof(x->path), "%s/%s-%s-%s%s.nvt", s->out,
		 sim_variants[cfg.variant].id, sim_verdict_names[f->kind],
		 f->bug ? f->bug : "new", cfg.policy == SIM_POLICY_PRIO ? "-prio" : "");
	if (!f->bug) {	/* new signatures: one file each */
		size_t len = strlen(x->path) - 4;

		snprintf(x->path + len, sizeof(x->path) - len, "%u.nvt",
			 (unsigned)(x - s->distinct) + 1);
	}
	sim_sweep_label(&s->space, x->config, label, sizeof(label));
	snprintf(how, sizeof(how), "nvtsim explore --sweep (config #%u: %s)",
		 x->config + 1, label);
	out = fopen(x->path, "w");
	if (!out) {
		fprintf(stderr, "nvtsim explore: cannot write %s: %s\n", x->path,
			strerror(errno));
		x->path[0] = 0;
		goto out;
	}
	if (sim_cex_write(out, s->w, &cfg, fail, how, replay) | fclose(out)) {
		unlink(x->path);
		x->path[0] = 0;
	}
	if (s->report && sweep_report_fail(s, x, &cfg, replay))
		fprintf(stderr, "nvtsim explore: out of memory (the report misses a failure)\n");
out:
	free(fail);
}

struct sweep_counts {
	unsigned clean, failing, partial, inconclusive;
	uint64_t executions, minimize_executions;
	double seconds;
};

static void sweep_count(const struct sweep *s, unsigned v, struct sweep_counts *n)
{
	unsigned c, d;

	memset(n, 0, sizeof(*n));
	for (c = 0; c < s->space.npoints; c++) {
		const struct sweep_task *t = &s->tasks[c * s->nvariants + v];

		n->executions += t->executions;
		n->seconds += t->seconds;
		if (t->nfound)
			n->failing++;
		else if (t->inconclusive)
			n->inconclusive++;
		else if (!t->complete)
			n->partial++;
		else
			n->clean++;
	}
	for (d = 0; d < s->ndistinct; d++)
		if (s->distinct[d].variant == v)
			n->minimize_executions += s->distinct[d].minimize_executions;
}

static void sweep_print_variant(struct sweep *s, unsigned v)
{
	const struct sim_variant *var = &sim_variants[s->variants[v]];
	struct sweep_counts n;
	char label[160], kflag[600] = "";
	unsigned d, nd = 0;

	if (var->path)
		sim_variant_flag(s->variants[v], kflag, sizeof(kflag));
	sweep_count(s, v, &n);
	printf("\n%s (%s, %s):\n", var->id, var->name, var->release);
	for (d = 0; d < s->ndistinct; d++) {
		const struct sweep_distinct *x = &s->distinct[d];
		const struct sweep_found *f;

		if (x->variant != v)
			continue;
		f = distinct_found(s, x);
		nd++;
		sim_sweep_label(&s->space, x->config, label, sizeof(label));
		if (f->bug)
			printf("  known:     %s\n", f->bug);
		else
			printf("  NEW:       %s\n", f->line);
		printf("    first:   config #%u: %s; %u config%s show it\n", x->config + 1,
		       label, x->nconfigs, x->nconfigs == 1 ? "" : "s");
		if (x->config_2cpus >= 0 && x->ncpus == 1) {
			sim_sweep_label(&s->space, (unsigned)x->config_2cpus, label,
					sizeof(label));
			printf("    2 CPUs:  config #%d: %s\n", x->config_2cpus + 1, label);
		}
		printf("    after:   %llu executions of the sweep in config order, %.2f s of search\n",
		       (unsigned long long)x->sweep_executions, x->sweep_seconds);
		if (!f->bug)
			printf("    signature: %s\n", f->sig);
		else
			printf("    verdict: %s\n", f->line);
		printf("    %s %u preemption%s, %u CPU switch%s, %u steps\n",
		       x->replay ? "minimized:" : "as found: ", x->preemptions,
		       x->preemptions == 1 ? "" : "s", x->cpu_switches,
		       x->cpu_switches == 1 ? "" : "es", x->steps);
		if (x->replay || f->replay)
			printf("    replay:  nvtsim replay '%s'%s%s\n",
			       x->replay ? x->replay : f->replay, kflag[0] ? " " : "", kflag);
		if (x->path[0])
			printf("    scenario: %s\n", x->path);
	}
	if (!nd)
		printf("  found:     nothing\n");
	printf("  searched:  %u configs: %u complete and clean, %u with failures, %u not complete (budget), %u inconclusive (steps_max)\n",
	       s->space.npoints, n.clean, n.failing, n.partial, n.inconclusive);
	printf("  executions: %llu, %.2f s (minimizing: %llu executions)\n",
	       (unsigned long long)n.executions, n.seconds,
	       (unsigned long long)n.minimize_executions);
}

/* The distinct failures of variant v, as "name#config" cells. */
static void sweep_failure_cell(const struct sweep *s, unsigned v, char *buf,
			       size_t len)
{
	size_t u = 0;
	unsigned d;
	int k;

	buf[0] = 0;
	for (d = 0; d < s->ndistinct && u < len; d++) {
		const struct sweep_distinct *x = &s->distinct[d];
		const struct sweep_found *f;

		if (x->variant != v)
			continue;
		f = distinct_found(s, x);
		k = snprintf(buf + u, len - u, "%s%s#%u", u ? " " : "",
			     f->bug ? f->bug : "NEW", x->config + 1);
		if (k > 0 && x->config_2cpus >= 0 && x->ncpus == 1 &&
		    u + (size_t)k < len)
			k += snprintf(buf + u + (size_t)k, len - u - (size_t)k,
				      ",2cpu#%d", x->config_2cpus + 1);
		if (k > 0)
			u += (size_t)k;
	}
	if (!u)
		snprintf(buf, len, "-");
}

static void sweep_print(struct sweep *s)
{
	char cell[1024];
	unsigned v, n;
	struct sweep_counts c;

	printf("nvtsim explore --sweep: %u configs x %u variant%s, smallest first; %s up to %u preemption%s, %llu executions each\n",
	       s->space.npoints, s->nvariants, s->nvariants == 1 ? "" : "s",
	       sim_strategy_names[s->strategy], s->space.spec.preemptions_max,
	       s->space.spec.preemptions_max == 1 ? "" : "s",
	       (unsigned long long)s->space.spec.executions_max);
	printf("base: one submitter on the io_cpu (0), bd->last set, sndbuf %u, R2Ts ask for %s, %s policy; mss 1460, MAXH2CDATA 8192, ioccsz 260\n",
	       s->space.spec.sndbuf_bytes[0],
	       s->space.spec.r2t_bytes[0] ? "at most that" : "all that remains",
	       s->space.spec.policy[0] == SIM_POLICY_PRIO ? "prio" : "fair");
	for (n = 1; n <= SIM_SWEEP_REQS_MAX; n++) {
		unsigned k = 0, i;

		for (i = 0; i < s->space.npoints; i++)
			k += s->space.points[i].nreqs == n;
		if (s->space.spec.tier[n].on)
			printf("tier %u: %u configs of %u request%s, at most %u deviation%s from the base\n",
			       n, k, n, n == 1 ? "" : "s",
			       s->space.spec.tier[n].deviations_max,
			       s->space.spec.tier[n].deviations_max == 1 ? "" : "s");
	}
	if (s->nvariants > 1) {
		printf("\n%-13s %7s %6s %8s %8s %6s %11s %9s  %s\n", "variant", "configs",
		       "clean", "failing", "partial", "incon", "executions", "time",
		       "failures (first config #)");
		for (v = 0; v < s->nvariants; v++) {
			sweep_count(s, v, &c);
			sweep_failure_cell(s, v, cell, sizeof(cell));
			printf("%-13s %7u %6u %8u %8u %6u %11llu %8.1fs  %s\n",
			       sim_variants[s->variants[v]].id, s->space.npoints,
			       c.clean, c.failing, c.partial, c.inconclusive,
			       (unsigned long long)c.executions, c.seconds, cell);
		}
	}
	for (v = 0; v < s->nvariants; v++)
		sweep_print_variant(s, v);
}

/* The exit code: 1 if anything failed, else 3 (--require-complete) or 4, else 0. */
static int sweep_exit(const struct sweep *s)
{
	bool partial = false, inconclusive = false;
	unsigned t;

	if (s->ndistinct)
		return 1;
	for (t = 0; t < s->ntasks; t++) {
		partial |= !s->tasks[t].complete;
		inconclusive |= s->tasks[t].inconclusive > 0;
	}
	if (s->require_complete && partial)
		return 3;
	return inconclusive ? 4 : 0;
}

/* Task t's exit code, as one search's (see sweep_exit). */
static int sweep_task_exit(const struct sweep *s, const struct sweep_task *t)
{
	if (t->nfound)
		return 1;
	if (s->require_complete && !t->complete)
		return 3;
	return t->inconclusive ? 4 : 0;
}

/* The distinct failure first seen at task (config c, variant v)'s found[k], or NULL. */
static const struct sweep_distinct *sweep_distinct_at(const struct sweep *s,
						      unsigned c, unsigned v,
						      unsigned k)
{
	unsigned d;

	for (d = 0; d < s->ndistinct; d++)
		if (s->distinct[d].config == c && s->distinct[d].variant == v &&
		    s->distinct[d].found == k)
			return &s->distinct[d];
	return NULL;
}

static void sweep_report_found(FILE *f, const struct sweep *s,
			       const struct sweep_found *x,
			       const struct sweep_distinct *d, const char *kflag)
{
	const char *replay = d && d->replay ? d->replay : x->replay;
	char *cmd;

	fputs("{\"kind\":", f);
	cli_json_write_str(f, sim_verdict_names[x->kind]);
	fputs(",\"bug\":", f);
	cli_report_json_str(f, x->bug);
	fputs(",\"signature\":", f);
	cli_json_write_str(f, x->sig);
	fputs(",\"verdict\":{\"kind\":", f);
	cli_json_write_str(f, sim_verdict_names[x->kind]);
	fputs(",\"line\":", f);
	cli_json_write_str(f, x->line);
	fputs("},\"replay\":", f);
	cli_report_json_str(f, replay);
	fputs(",\"replay_command\":", f);
	cmd = replay ? cli_report_fmt("nvtsim replay '%s'%s%s", replay,
				      kflag[0] ? " " : "", kflag) : NULL;
	cli_report_json_str(f, cmd);
	free(cmd);
	fputs(",\"counterexample\":", f);
	cli_report_json_str(f, d && d->path[0] ? d->path : NULL);
	fprintf(f, ",\"count\":%llu,\"executions_to_first\":%llu,\"preemptions\":%u,"
		"\"cpu_switches\":%u,\"steps\":%u,\"minimized\":%s}",
		(unsigned long long)x->count,
		(unsigned long long)x->executions_to_first,
		d && d->replay ? d->preemptions : x->preemptions,
		d && d->replay ? d->cpu_switches : x->cpu_switches,
		d && d->replay ? d->steps : x->steps, d && d->replay ? "true" : "false");
}

/* Task (config c, variant v) as a case: a JSON result and a JUnit testcase. */
static int sweep_report_case(struct sweep *s, unsigned c, unsigned v)
{
	const struct sweep_task *t = &s->tasks[c * s->nvariants + v];
	const struct sim_variant *var = &sim_variants[s->variants[v]];
	struct cli_report_case k = { 0 };
	struct sim_config cfg;
	char label[160], kflag[600] = "", *json = NULL;
	const struct sweep_distinct *first = NULL;
	int ret = sweep_task_exit(s, t);
	size_t len = 0;
	unsigned i;
	FILE *f = open_memstream(&json, &len);

	if (!f)
		return -1;
	if (var->path)
		sim_variant_flag(s->variants[v], kflag, sizeof(kflag));
	sweep_config(s, c, v, &cfg);
	sim_sweep_label(&s->space, c, label, sizeof(label));
	fprintf(f, "{\"name\":");
	k.name = cli_report_fmt("config #%u: %s", c + 1, label);
	cli_report_json_str(f, k.name);
	fputs(",\"variant\":", f);
	cli_report_json_variant(f, s->variants[v]);
	fputs(",\"config\":", f);
	cli_report_json_config(f, &cfg);
	fprintf(f, ",\"ok\":%s,\"expected\":null,\"verdict\":", ret ? "false" : "true");
	if (t->nfound) {
		fputs("{\"kind\":", f);
		cli_json_write_str(f, sim_verdict_names[t->found[0].kind]);
		fputs(",\"line\":", f);
		cli_json_write_str(f, t->found[0].line);
		fputs("}", f);
	} else {
		fputs("null", f);
	}
	fputs(",\"replay\":", f);
	cli_report_json_str(f, t->nfound ? t->found[0].replay : NULL);
	fputs(",\"replay_command\":null,\"counterexample\":", f);
	for (i = 0; i < t->nfound && !first; i++) {
		first = sweep_distinct_at(s, c, v, i);
		if (first && !first->path[0])
			first = NULL;
	}
	cli_report_json_str(f, first ? first->path : NULL);
	fprintf(f, ",\"search\":{\"strategy\":\"%s\",\"policy\":\"%s\",\"budget\":%llu,"
		"\"preemptions_max\":%u,\"executions\":%llu,\"steps\":%llu,\"pruned\":%llu,"
		"\"inconclusive\":%llu,\"seconds\":%.3f,\"exhausted\":%s,\"complete\":%s,"
		"\"bound\":%u,\"exit_code\":%d,\"description\":\"%s\"},\"failures\":[",
		sim_strategy_names[cfg.policy == SIM_POLICY_PRIO &&
				   s->strategy == SIM_STRAT_DPOR ? SIM_STRAT_PB : s->strategy],
		cfg.policy == SIM_POLICY_PRIO ? "prio" : "fair",
		(unsigned long long)s->space.spec.executions_max,
		s->space.spec.preemptions_max, (unsigned long long)t->executions,
		(unsigned long long)t->steps, (unsigned long long)t->pruned,
		(unsigned long long)t->inconclusive, t->seconds,
		t->exhausted ? "true" : "false", t->complete ? "true" : "false",
		t->bound, ret,
		t->inconclusive ? "inconclusive" : t->complete ? "complete" : "not complete");
	for (i = 0; i < t->nfound; i++) {
		fputs(i ? "," : "", f);
		sweep_report_found(f, s, &t->found[i], sweep_distinct_at(s, c, v, i), kflag);
	}
	fputs("]}", f);
	if (fclose(f)) {
		free(k.name);
		return -1;
	}
	k.json = json;
	k.suite = strdup("nvtsim explore --sweep");
	k.classname = cli_report_fmt("nvtsim.explore.sweep.%s", var->id);
	k.name = k.name ? cli_report_fmt("%s on %s", k.name, var->id) : NULL;
	k.ok = !ret;
	k.seconds = t->seconds;
	if (ret) {
		k.kind = strdup(ret == 1 ? sim_verdict_names[t->found[0].kind] :
				ret == 3 ? "incomplete" : "inconclusive");
		k.message = ret == 1 ? strdup(t->found[0].line) :
			cli_report_fmt("nothing found, but the search is %s",
				       ret == 3 ? "not complete" : "inconclusive");
		k.text = ret == 1 && t->found[0].replay ?
			cli_report_fmt("%s\nreplay: nvtsim replay '%s'%s%s\n",
				       t->found[0].line, t->found[0].replay,
				       kflag[0] ? " " : "", kflag) :
			strdup(k.message ? k.message : "");
	}
	return cli_report_add_case(s->report, &k);
}

/* The sweep's cases (config order, then variant), and its summary per variant. */
static int sweep_report(struct sweep *s)
{
	char *buf = NULL, label[160];
	size_t len = 0;
	FILE *f;
	unsigned c, v, d;
	struct sweep_counts n;

	for (c = 0; c < s->space.npoints; c++)
		for (v = 0; v < s->nvariants; v++)
			if (sweep_report_case(s, c, v))
				return -1;
	f = open_memstream(&buf, &len);
	if (!f)
		return -1;
	fputs(",\"sweep\":{\"spec\":", f);
	cli_json_write_str(f, s->spec_text);
	fprintf(f, ",\"strategy\":\"%s\",\"configs\":%u,\"variants\":[",
		sim_strategy_names[s->strategy], s->space.npoints);
	for (v = 0; v < s->nvariants; v++) {
		bool any = false;

		sweep_count(s, v, &n);
		fprintf(f, "%s{\"id\":", v ? "," : "");
		cli_json_write_str(f, sim_variants[s->variants[v]].id);
		fprintf(f, ",\"configs\":%u,\"clean\":%u,\"failing\":%u,\"partial\":%u,"
			"\"inconclusive\":%u,\"executions\":%llu,\"seconds\":%.3f,\"failures\":[",
			s->space.npoints, n.clean, n.failing, n.partial, n.inconclusive,
			(unsigned long long)n.executions, n.seconds);
		for (d = 0; d < s->ndistinct; d++) {
			const struct sweep_distinct *x = &s->distinct[d];
			const struct sweep_found *g;

			if (x->variant != v)
				continue;
			g = distinct_found(s, x);
			sim_sweep_label(&s->space, x->config, label, sizeof(label));
			fputs(any ? ",{\"bug\":" : "{\"bug\":", f);
			any = true;
			cli_report_json_str(f, g->bug);
			fputs(",\"kind\":", f);
			cli_json_write_str(f, sim_verdict_names[g->kind]);
			fputs(",\"verdict\":", f);
			cli_json_write_str(f, g->line);
			fprintf(f, ",\"config\":%u,\"label\":", x->config + 1);
			cli_json_write_str(f, label);
			fprintf(f, ",\"configs_showing\":%u,\"replay\":", x->nconfigs);
			cli_report_json_str(f, x->replay ? x->replay : g->replay);
			fputs(",\"counterexample\":", f);
			cli_report_json_str(f, x->path[0] ? x->path : NULL);
			fputc('}', f);
		}
		fputs("]}", f);
	}
	fputs("]}", f);
	if (fclose(f)) {
		free(buf);
		return -1;
	}
	free(s->report->extra);
	s->report->extra = buf;
	return 0;
}

/* Everything after the tasks: failures, their counterexamples, the report, the exit code. */
static int sweep_finish(struct sweep *s)
{
	unsigned *ds, d;
	int ret;

	if (!sweep_world(s) || sweep_distinct(s)) {
		fprintf(stderr, "nvtsim explore: out of memory\n");
		return 2;
	}
	if (s->minimize && s->ndistinct) {
		ds = malloc(s->ndistinct * sizeof(*ds));
		if (!ds) {
			fprintf(stderr, "nvtsim explore: out of memory\n");
			return 2;
		}
		for (d = 0; d < s->ndistinct; d++)
			ds[d] = d;
		ret = cli_jobs_run(ds, s->ndistinct, s->jobs, sweep_run_minimize,
				   sweep_minimize_done, s);
		free(ds);
		if (ret)
			return 2;
	}
	for (d = 0; d < s->ndistinct; d++)
		sweep_cex(s, &s->distinct[d]);
	sweep_print(s);
	ret = sweep_exit(s);
	if (s->report && sweep_report(s))
		return (fprintf(stderr, "nvtsim explore: out of memory\n"), 2);
	return ret;
}

static void sweep_free(struct sweep *s)
{
	unsigned i;

	for (i = 0; s->tasks && i < s->ntasks; i++)
		sweep_task_free(&s->tasks[i]);
	for (i = 0; i < s->ndistinct; i++)
		free(s->distinct[i].replay);
	free(s->distinct);
	free(s->tasks);
	free(s->mine);
	sim_sweep_space_free(&s->space);
	sim_world_free(s->w);
}

/* Reads a spec: a file if one is there, else the text itself ("sndbuf 4608; policy fair"). */
static int sweep_spec(const char *cmd, const char *arg, struct sim_sweep_spec *spec)
{
	char err[512], *text = NULL;
	const char *where = "--sweep";
	struct stat st;
	int r;

	if (arg && !stat(arg, &st) && S_ISREG(st.st_mode)) {
		FILE *f = fopen(arg, "r");
		size_t n;

		if (!f || st.st_size > 65536) {
			fprintf(stderr, "%s: %s\n", arg, f ? "larger than 64 KiB: not a sweep spec" :
				strerror(errno));
			if (f)
				fclose(f);
			return -1;
		}
		text = calloc(1, (size_t)st.st_size + 1);
		n = text ? fread(text, 1, (size_t)st.st_size, f) : 0;
		fclose(f);
		if (!text || n != (size_t)st.st_size || memchr(text, 0, n)) {
			fprintf(stderr, "%s: cannot read it as text\n", arg);
			free(text);
			return -1;
		}
		where = arg;
	} else if (arg && !strpbrk(arg, " =;\n")) {
		fprintf(stderr, "nvtsim %s: --sweep '%s': no such file (a spec is a file, or lines like 'sndbuf 4608; policy fair')\n",
			cmd, arg);
		return -1;
	}
	r = sim_sweep_spec_parse(where, text ? text : arg, spec, err, sizeof(err));
	free(text);
	if (r)
		fprintf(stderr, "%s\n", err);
	return r;
}

static int sweep_init(struct sweep *s, const struct sim_sweep_spec *spec)
{
	unsigned c, v;
	char err[512];
	struct sim_config cfg;

	if (sim_sweep_space_init(&s->space, spec))
		return -1;
	sim_sweep_spec_write(spec, s->spec_text, sizeof(s->spec_text));
	for (c = 0; c < s->space.npoints; c++)
		for (v = 0; v < s->nvariants; v++) {
			sim_sweep_config(&s->space, c, s->variants[v], &cfg);
			if (sim_config_check(&cfg, err, sizeof(err))) {
				fprintf(stderr, "nvtsim explore: sweep config #%u: %s\n",
					c + 1, err);
				return -2;
			}
		}
	s->ntasks = s->space.npoints * s->nvariants;
	s->tasks = calloc(s->ntasks ? s->ntasks : 1, sizeof(*s->tasks));
	s->mine = calloc(s->ntasks ? s->ntasks : 1, sizeof(*s->mine));
	if (!s->tasks || !s->mine)
		return -1;
	return 0;
}

int cli_sweep(const struct cli_sweep_opts *o)
{
	struct sweep *s = calloc(1, sizeof(*s));
	struct cli_report rep;
	struct sim_sweep_spec spec;
	unsigned t, v;
	int ret;

	if (!s) {
		fprintf(stderr, "nvtsim explore: out of memory\n");
		return 2;
	}
	if (sweep_spec("explore", o->spec, &spec)) {
		free(s);
		return 2;
	}
	if (o->policy >= 0) {
		spec.npolicy = 1;
		spec.policy[0] = (uint8_t)o->policy;
	}
	if (o->executions_max)
		spec.executions_max = o->executions_max;
	if (o->preemptions_max >= 0)
		spec.preemptions_max = (unsigned)o->preemptions_max;
	if (o->show_spec) {
		char text[SIM_SWEEP_SPEC_BYTES];

		sim_sweep_spec_write(&spec, text, sizeof(text));
		fputs(text, stdout);
		free(s);
		return 0;
	}
	for (v = 0; v < o->nvariants && v < SWEEP_VARIANTS_MAX; v++)
		s->variants[s->nvariants++] = o->variants[v];
	s->strategy = o->strategy;
	s->minimize = o->minimize;
	s->progress = o->progress;
	s->require_complete = o->require_complete;
	s->jobs = o->jobs ? o->jobs : cli_jobs_cpus();
	s->shard_k = o->shard_n ? o->shard_k : 1;
	s->shard_n = o->shard_n ? o->shard_n : 1;
	s->results = o->results;
	s->out = o->out;
	s->tty = isatty(2);
	cli_report_init(&rep, "explore", "sweep", &o->rep);
	if (cli_report_any(&o->rep)) {
		s->report = &rep;
		cli_report_begin(&rep);
	}
	clock_gettime(CLOCK_MONOTONIC, &s->t0);
	ret = sweep_init(s, &spec);
	if (ret) {
		if (ret == -1)
			fprintf(stderr, "nvtsim explore: out of memory\n");
		cli_report_free(&rep);
		sweep_free(s);
		free(s);
		return 2;
	}
	for (t = 0; t < s->ntasks; t++)
		if (t % s->shard_n == s->shard_k - 1)
			s->mine[s->ntasks_mine++] = t;
	ret = cli_jobs_run(s->mine, s->ntasks_mine, s->jobs, sweep_run_task,
			   sweep_task_done, s) ? 2 : 0;
	sweep_progress(s, true);
	for (t = 0; !ret && t < s->ntasks_mine; t++)
		if (!s->tasks[s->mine[t]].have)
			ret = 2;	/* said when it came back */
	if (!ret && s->results && sweep_write_results(s, s->results, "explore"))
		ret = 2;
	if (!ret && s->shard_n > 1)
		printf("shard %u/%u: %u of %u tasks (configs x variants), results in %s\n",
		       s->shard_k, s->shard_n, s->ntasks_mine, s->ntasks, s->results);
	else if (!ret)
		ret = sweep_finish(s);
	if (s->report && ret != 2)
		ret = cli_report_finish(s->report, ret);
	cli_report_free(&rep);
	sweep_free(s);
	free(s);
	return ret;
}

/* ---- nvtsim merge ---- */

static const char *const usage_merge =
	"usage: nvtsim merge FILE... [--out DIR] [--jobs N] [--no-minimize]\n"
	"                    [--results FILE] [--kernel PATH]\n"
	"\n"
	"Combines the results files of nvtsim explore --shard K/N runs (each\n"
	"shard's, or any split of them) into the report and exit code one\n"
	"unsharded run gives: failures minimised and written to --out\n"
	"(default nvtsim-cex) as counterexample scenarios. Every shard 1..N of\n"
	"one sweep must be there, once. --results writes the combined results.\n"
	"Shards of a --kernel sweep need the same --kernel PATH here.\n"
	"\n"
	"exit: as nvtsim explore's (0 nothing found, 1 found a failure, 3 or 4\n"
	"not complete, 2 bad input: a missing, repeated or foreign shard).\n";

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t cap = 0, n = 0, k;

	if (!f)
		return NULL;
	for (;;) {
		if (n + 65536 + 1 > cap) {
			char *nb = realloc(buf, cap = (n + 65536 + 1) * 2);

			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		k = fread(buf + n, 1, 65536, f);
		n += k;
		if (k < 65536)
			break;
	}
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	buf[n] = 0;
	return buf;
}

/* Takes one shard file into s (set up from the first); -1 after a one-line error. */
static int merge_take(struct sweep *s, const char *path, const struct cli_json *doc,
		      bool first, bool *seen_shard)
{
	const struct cli_json *fmt = cli_json_get(doc, "format");
	const struct cli_json *spec = cli_json_get(doc, "spec");
	const struct cli_json *vars = cli_json_get(doc, "variants");
	const struct cli_json *strat = cli_json_get(doc, "strategy");
	const struct cli_json *shard = cli_json_get(doc, "shard");
	const struct cli_json *res = cli_json_get(doc, "results");
	bool ok = true;
	uint64_t ver = jnum(doc, "version", &ok), k, n;
	unsigned i;

	if (!fmt || fmt->type != CLI_JSON_STRING || strcmp(fmt->string, SWEEP_FORMAT) ||
	    !ok || ver != SWEEP_FORMAT_VERSION) {
		fprintf(stderr, "%s: not an nvtsim sweep results file (version %d)\n", path,
			SWEEP_FORMAT_VERSION);
		return -1;
	}
	if (!spec || spec->type != CLI_JSON_STRING || !vars ||
	    vars->type != CLI_JSON_ARRAY || !vars->n || vars->n > SWEEP_VARIANTS_MAX ||
	    !strat || strat->type != CLI_JSON_STRING || !shard ||
	    shard->type != CLI_JSON_ARRAY || shard->n != 2 ||
	    !shard->items[0].is_uint || !shard->items[1].is_uint || !res ||
	    res->type != CLI_JSON_ARRAY) {
		fprintf(stderr, "%s: a results file without its spec, variants, strategy, shard or results\n",
			path);
		return -1;
	}
	k = shard->items[0].uint;
	n = shard->items[1].uint;
	if (first) {
		struct sim_sweep_spec sp;
		char err[512];
		int st = -1;

		for (i = 0; i < SIM_STRAT_KINDS; i++)
			if (!strcmp(strat->string, sim_strategy_names[i]))
				st = (int)i;
		if (st < 0 || !n || n > 1000000) {
			fprintf(stderr, "%s: strategy '%s' or shard count %llu unknown here\n",
				path, strat->string, (unsigned long long)n);
			return -1;
		}
		s->strategy = (uint8_t)st;
		s->shard_n = (unsigned)n;
		if (sim_sweep_spec_parse(path, spec->string, &sp, err, sizeof(err))) {
			fprintf(stderr, "%s (its spec)\n", err);
			return -1;
		}
		for (i = 0; i < vars->n; i++) {
			int v = vars->items[i].type == CLI_JSON_STRING ?
				sim_variant_find(vars->items[i].string) : -1;

			if (v < 0) {
				fprintf(stderr, "%s: variant '%s' is not one of this nvtsim's (a --kernel sweep needs the same --kernel PATH)\n",
					path, vars->items[i].type == CLI_JSON_STRING ?
					vars->items[i].string : "?");
				return -1;
			}
			s->variants[s->nvariants++] = v;
		}
		if (sweep_init(s, &sp)) {
			fprintf(stderr, "%s: out of memory, or a spec this nvtsim cannot run\n", path);
			return -1;
		}
		if (strcmp(s->spec_text, spec->string)) {
			fprintf(stderr, "%s: its spec reads back differently here (another nvtsim version?)\n",
				path);
			return -1;
		}
	} else {
		bool same = n == s->shard_n && !strcmp(spec->string, s->spec_text) &&
			!strcmp(strat->string, sim_strategy_names[s->strategy]) &&
			vars->n == s->nvariants;

		for (i = 0; same && i < vars->n; i++)
			same = vars->items[i].type == CLI_JSON_STRING &&
				!strcmp(vars->items[i].string, sim_variants[s->variants[i]].id);
		if (!same) {
			fprintf(stderr, "%s: a shard of another sweep (spec, strategy, variants or shard count differ from the first file's)\n",
				path);
			return -1;
		}
	}
	if (!k || k > n || seen_shard[k - 1]) {
		fprintf(stderr, "%s: shard %llu/%llu %s\n", path, (unsigned long long)k,
			(unsigned long long)n, k && k <= n ? "given twice" : "out of range");
		return -1;
	}
	seen_shard[k - 1] = true;
	for (i = 0; i < res->n; i++) {
		struct sweep_task t;
		unsigned num;

		if (!sweep_task_read(s, &res->items[i], &num, &t)) {
			sweep_task_free(&t);
			fprintf(stderr, "%s: result %u is malformed\n", path, i + 1);
			return -1;
		}
		if (num % n != k - 1 || s->tasks[num].have) {
			sweep_task_free(&t);
			fprintf(stderr, "%s: task %u is not shard %llu/%llu's, or given twice\n",
				path, num, (unsigned long long)k, (unsigned long long)n);
			return -1;
		}
		s->tasks[num] = t;
	}
	return 0;
}

int cmd_merge(int argc, char **argv)
{
	struct sweep *s = calloc(1, sizeof(*s));
	bool *seen = NULL;
	const char *results = NULL;
	unsigned nfiles = 0, t;
	uint64_t v;
	int i, ret = 2;

	if (!s) {
		fprintf(stderr, "nvtsim merge: out of memory\n");
		return 2;
	}
	s->out = "nvtsim-cex";
	s->minimize = true;
	s->jobs = cli_jobs_cpus();
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage_merge, stdout);
			free(s);
			return 0;
		} else if (!strcmp(a, "--out") && next) {
			s->out = argv[++i];
		} else if (!strcmp(a, "--results") && next) {
			results = argv[++i];
		} else if (!strcmp(a, "--no-minimize")) {
			s->minimize = false;
		} else if (!strcmp(a, "--jobs")) {
			if (cli_number("merge", a, next, 1, 256, &v))
				goto out;
			s->jobs = (unsigned)v;
			i++;
		} else if (a[0] == '-') {
			fprintf(stderr, "nvtsim merge: unknown option '%s', or it needs a value (see nvtsim merge --help)\n", a);
			goto out;
		} else {
			nfiles++;
		}
	}
	if (!nfiles) {
		fprintf(stderr, "nvtsim merge: which results files? (see nvtsim merge --help)\n");
		goto out;
	}
	if (cli_out_dir_check("merge", "--out", s->out))
		goto out;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		struct cli_json *doc;
		char err[160], *text;

		if (!strcmp(a, "--out") || !strcmp(a, "--results") || !strcmp(a, "--jobs")) {
			i++;
			continue;
		}
		if (a[0] == '-')
			continue;
		text = slurp(a);
		if (!text) {
			fprintf(stderr, "nvtsim merge: cannot read %s: %s\n", a, strerror(errno));
			goto out;
		}
		doc = cli_json_parse(text, strlen(text), err, sizeof(err));
		free(text);
		if (!doc) {
			fprintf(stderr, "%s: %s\n", a, err);
			goto out;
		}
		if (!seen && (!s->shard_n || !s->tasks)) {
			const struct cli_json *sh = cli_json_get(doc, "shard");
			uint64_t n = sh && sh->type == CLI_JSON_ARRAY && sh->n == 2 &&
				sh->items[1].is_uint ? sh->items[1].uint : 0;

			seen = calloc(n && n <= 1000000 ? n : 1, sizeof(*seen));
			if (!seen) {
				cli_json_free(doc);
				goto out;
			}
			if (merge_take(s, a, doc, true, seen)) {
				cli_json_free(doc);
				goto out;
			}
		} else if (merge_take(s, a, doc, false, seen)) {
			cli_json_free(doc);
			goto out;
		}
		cli_json_free(doc);
	}
	for (t = 0; t < s->shard_n; t++)
		if (!seen[t]) {
			fprintf(stderr, "nvtsim merge: shard %u/%u is missing\n", t + 1, s->shard_n);
			goto out;
		}
	for (t = 0; t < s->ntasks; t++)
		if (!s->tasks[t].have) {
			fprintf(stderr, "nvtsim merge: task %u is in no file (a shard cut short?)\n", t);
			goto out;
		}
	s->shard_k = 1;
	s->shard_n = 1;
	if (results && sweep_write_results(s, results, "merge"))
		goto out;
	ret = sweep_finish(s);
out:
	free(seen);
	sweep_free(s);
	free(s);
	return ret;
}
