/* --format json, --junit FILE, --sarif FILE: one document, a JUnit file, a SARIF log. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "json.h"
#include "pdu.h"
#include "report.h"
#include "trace.h"
#include "variant.h"

const char cli_report_usage[] =
	"  --format F      text (default), or json: one JSON document on stdout,\n"
	"                  nothing else (schema: docs/nvtsim-report.schema.json)\n"
	"  --junit FILE    a JUnit XML report: a testcase per scenario or config x\n"
	"                  variant, the verdict in its failure\n"
	"  --sarif FILE    a SARIF 2.1.0 log: each failure a result whose code flow\n"
	"                  is its steps in tcp.c, with line numbers (at most 1000:\n"
	"                  of a longer run, the last and each context's first)\n";

static const char *const sim__rq_ops[] = { "write", "read", "flush" };

int cli_report_opt(const char *cmd, int argc, char **argv, int *i,
		   struct cli_report_opts *o)
{
	const char *a = argv[*i];
	const char *v = *i + 1 < argc ? argv[*i + 1] : NULL;

	if (strcmp(a, "--format") && strcmp(a, "--junit") && strcmp(a, "--sarif"))
		return 0;
	if (!v || !*v) {
		fprintf(stderr, "nvtsim %s: %s needs %s\n", cmd, a,
			!strcmp(a, "--format") ? "text or json" : "a file name");
		return -1;
	}
	(*i)++;
	if (!strcmp(a, "--format")) {
		if (strcmp(v, "text") && strcmp(v, "json")) {
			fprintf(stderr, "nvtsim %s: --format '%s': text or json\n", cmd, v);
			return -1;
		}
		o->json = !strcmp(v, "json");
	} else if (!strcmp(a, "--junit")) {
		o->junit = v;
	} else {
		o->sarif = v;
	}
	return 1;
}

char *cli_report_fmt(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	s = malloc((size_t)n + 1);
	if (!s)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

int cli_report_open(const char *cmd, struct cli_report_opts *o)
{
	if (o->junit && !(o->junit_out = cli_outs_open(cmd, "--junit", o->junit)))
		return -1;
	if (o->sarif && !(o->sarif_out = cli_outs_open(cmd, "--sarif", o->sarif)))
		return -1;
	return 0;
}

void cli_report_init(struct cli_report *r, const char *command,
		     const char *mode, const struct cli_report_opts *o)
{
	memset(r, 0, sizeof(*r));
	r->command = command;
	r->mode = mode;
	r->o = *o;
	r->stdout_fd = -1;
}

void cli_report_begin(struct cli_report *r)
{
	if (!r->o.json || r->stdout_fd >= 0)
		return;
	fflush(stdout);
	r->stdout_fd = dup(1);
	if (r->stdout_fd >= 0)
		dup2(2, 1);
}

static void report_end(struct cli_report *r)
{
	if (r->stdout_fd < 0)
		return;
	fflush(stdout);
	dup2(r->stdout_fd, 1);
	close(r->stdout_fd);
	r->stdout_fd = -1;
}

/* ---- a worker's cases and failures, as text ---- */

static void case_free(struct cli_report_case *c);
static void fail_free(struct cli_report_fail *f);

static void put_member(FILE *f, const char *k, const char *v, bool comma)
{
	fprintf(f, "%s\"%s\":", comma ? "," : "", k);
	cli_report_json_str(f, v);
}

char *cli_report_take_text(struct cli_report *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	unsigned i, j;

	if (!f)
		return NULL;
	fputs("{\"cases\":[", f);
	for (i = 0; i < r->ncases; i++) {
		const struct cli_report_case *c = &r->cases[i];

		fputs(i ? ",{" : "{", f);
		put_member(f, "suite", c->suite, false);
		put_member(f, "name", c->name, true);
		put_member(f, "classname", c->classname, true);
		put_member(f, "message", c->message, true);
		put_member(f, "text", c->text, true);
		put_member(f, "kind", c->kind, true);
		put_member(f, "json", c->json, true);
		fprintf(f, ",\"ok\":%s,\"skipped\":%s,\"seconds\":%.3f}",
			c->ok ? "true" : "false", c->skipped ? "true" : "false",
			c->seconds);
	}
	fputs("],\"fails\":[", f);
	for (i = 0; i < r->nfails; i++) {
		const struct cli_report_fail *x = &r->fails[i];

		fputs(i ? ",{" : "{", f);
		put_member(f, "kind", x->kind, false);
		put_member(f, "message", x->message, true);
		put_member(f, "bug", x->bug, true);
		put_member(f, "replay", x->replay, true);
		put_member(f, "cex", x->cex, true);
		put_member(f, "where", x->where, true);
		fprintf(f, ",\"variant\":%d,\"steps\":[", x->variant);
		for (j = 0; j < x->nsteps; j++) {
			const struct cli_report_step *s = &x->steps[j];

			fputs(j ? ",[" : "[", f);
			cli_json_write_str(f, s->ctx);
			fprintf(f, ",%d,", s->cpu);
			cli_json_write_str(f, s->what);
			fputc(',', f);
			cli_json_write_str(f, s->fn);
			fputc(',', f);
			cli_json_write_str(f, s->file);
			fprintf(f, ",%u,%u]", s->line, s->times);
		}
		fputs("]}", f);
	}
	fputs("]}", f);
	if (fclose(f)) {
		free(buf);
		return NULL;
	}
	for (i = 0; i < r->ncases; i++)
		case_free(&r->cases[i]);
	for (i = 0; i < r->nfails; i++)
		fail_free(&r->fails[i]);
	r->ncases = 0;
	r->nfails = 0;
	return buf;
}

/* A copy of string member k (NULL for null or missing); false when out of memory. */
static bool get_str(const struct cli_json *o, const char *k, char **out)
{
	const struct cli_json *v = cli_json_get(o, k);

	*out = NULL;
	if (!v || v->type != CLI_JSON_STRING)
		return true;
	*out = strdup(v->string);
	return *out != NULL;
}

static void get_buf(const struct cli_json *a, unsigned i, char *buf, size_t len)
{
	buf[0] = 0;
	if (i < a->n && a->items[i].type == CLI_JSON_STRING)
		snprintf(buf, len, "%s", a->items[i].string);
}

static long get_num(const struct cli_json *a, unsigned i)
{
	if (i >= a->n || a->items[i].type != CLI_JSON_NUMBER)
		return 0;
	return (long)a->items[i].number;
}

int cli_report_put_text(struct cli_report *r, const char *text)
{
	struct cli_json *j = cli_json_parse(text, strlen(text), NULL, 0);
	const struct cli_json *cs = cli_json_get(j, "cases");
	const struct cli_json *fs = cli_json_get(j, "fails");
	unsigned i, k;
	int ret = -1;

	if (!cs || !fs || cs->type != CLI_JSON_ARRAY || fs->type != CLI_JSON_ARRAY)
		goto out;
	for (i = 0; i < cs->n; i++) {
		const struct cli_json *o = &cs->items[i];
		const struct cli_json *ok = cli_json_get(o, "ok");
		const struct cli_json *skip = cli_json_get(o, "skipped");
		const struct cli_json *sec = cli_json_get(o, "seconds");
		struct cli_report_case c = { 0 };
		bool good = true;

		/* every one read, so that whatever was taken is freed below */
		good = get_str(o, "suite", &c.suite) && good;
		good = get_str(o, "name", &c.name) && good;
		good = get_str(o, "classname", &c.classname) && good;
		good = get_str(o, "message", &c.message) && good;
		good = get_str(o, "text", &c.text) && good;
		good = get_str(o, "kind", &c.kind) && good;
		good = get_str(o, "json", &c.json) && good;

		c.ok = ok && ok->type == CLI_JSON_BOOL && ok->boolean;
		c.skipped = skip && skip->type == CLI_JSON_BOOL && skip->boolean;
		c.seconds = sec && sec->type == CLI_JSON_NUMBER ? sec->number : 0;
		if (!good || !c.suite || !c.name || !c.classname || !c.json) {
			case_free(&c);
			goto out;
		}
		if (cli_report_add_case(r, &c))
			goto out;
	}
	for (i = 0; i < fs->n; i++) {
		const struct cli_json *o = &fs->items[i];
		const struct cli_json *v = cli_json_get(o, "variant");
		const struct cli_json *st = cli_json_get(o, "steps");
		struct cli_report_fail x = { 0 };
		bool good = true;

		good = get_str(o, "kind", &x.kind) && good;
		good = get_str(o, "message", &x.message) && good;
		good = get_str(o, "bug", &x.bug) && good;
		good = get_str(o, "replay", &x.replay) && good;
		good = get_str(o, "cex", &x.cex) && good;
		good = get_str(o, "where", &x.where) && good;

		x.variant = v && v->type == CLI_JSON_NUMBER ? (int)v->number : -1;
		if (good && st && st->type == CLI_JSON_ARRAY)
			x.steps = calloc(st->n ? st->n : 1, sizeof(*x.steps));
		if (!good || !x.kind || !x.message || !x.where || !x.steps ||
		    !sim_variant_valid(x.variant)) {
			fail_free(&x);
			goto out;
		}
		for (k = 0; k < st->n; k++) {
			const struct cli_json *a = &st->items[k];
			struct cli_report_step *s = &x.steps[x.nsteps++];

			if (a->type != CLI_JSON_ARRAY || a->n != 7) {
				fail_free(&x);
				goto out;
			}
			get_buf(a, 0, s->ctx, sizeof(s->ctx));
			s->cpu = (int)get_num(a, 1);
			get_buf(a, 2, s->what, sizeof(s->what));
			get_buf(a, 3, s->fn, sizeof(s->fn));
			get_buf(a, 4, s->file, sizeof(s->file));
			s->line = (uint32_t)get_num(a, 5);
			s->times = (uint32_t)get_num(a, 6);
		}
		if (cli_report_add_fail(r, &x))
			goto out;
	}
	ret = 0;
out:
	cli_json_free(j);
	return ret;
}

static void case_free(struct cli_report_case *c)
{
	free(c->suite);
	free(c->name);
	free(c->classname);
	free(c->message);
	free(c->text);
	free(c->kind);
	free(c->json);
}

static void fail_free(struct cli_report_fail *f)
{
	free(f->kind);
	free(f->message);
	free(f->bug);
	free(f->replay);
	free(f->cex);
	free(f->where);
	free(f->steps);
}

int cli_report_add_case(struct cli_report *r, struct cli_report_case *c)
{
	/* an allocation that failed while c was made: a skipped case needs its message, a failed one kind, message and text */
	if (!c->suite || !c->name || !c->classname ||
	    (c->skipped && !c->message) ||
	    (!c->ok && !c->skipped && (!c->kind || !c->message || !c->text))) {
		case_free(c);
		return -1;
	}
	if (r->ncases == r->capcases) {
		unsigned cap = r->capcases ? r->capcases * 2 : 16;
		void *p = realloc(r->cases, cap * sizeof(*r->cases));

		if (!p) {
			case_free(c);
			return -1;
		}
		r->cases = p;
		r->capcases = cap;
	}
	r->cases[r->ncases++] = *c;
	return 0;
}

int cli_report_add_fail(struct cli_report *r, struct cli_report_fail *f)
{
	if (r->nfails == r->capfails) {
		unsigned cap = r->capfails ? r->capfails * 2 : 8;
		void *p = realloc(r->fails, cap * sizeof(*r->fails));

		if (!p) {
			fail_free(f);
			return -1;
		}
		r->fails = p;
		r->capfails = cap;
	}
	r->fails[r->nfails++] = *f;
	return 0;
}

void cli_report_free(struct cli_report *r)
{
	unsigned i;

	for (i = 0; i < r->ncases; i++)
		case_free(&r->cases[i]);
	for (i = 0; i < r->nfails; i++)
		fail_free(&r->fails[i]);
	report_end(r);
	free(r->cases);
	free(r->fails);
	free(r->extra);
	memset(r, 0, sizeof(*r));
	r->stdout_fd = -1;
}

int cli_report_steps(const struct sim_world *w, struct cli_report_fail *f)
{
	uint64_t n = w->steps < SIM_TAKEN_MAX ? w->steps : SIM_TAKEN_MAX, s;
	struct cli_report_step *out = calloc(n ? n : 1, sizeof(*out));
	unsigned k = 0;

	if (!out)
		return -1;
	for (s = 0; s < n; s++) {
		const struct sim_ctx *c = &w->ctx[w->taken[s]];
		struct cli_report_step st = { .cpu = sim_ctx_sched_cpu(c),
					      .line = w->taken_line[s], .times = 1 };

		if (w->taken_file[s])
			snprintf(st.file, sizeof(st.file), "%s", w->taken_file[s]);
		snprintf(st.ctx, sizeof(st.ctx), "%s", c->name);
		snprintf(st.fn, sizeof(st.fn), "%s", w->taken_fn[s] ? w->taken_fn[s] : "?");
		if (w->taken_obj[s])
			snprintf(st.what, sizeof(st.what), "%s(%s)",
				 sim_op_names[w->taken_op[s]],
				 sim_short_name(w->taken_obj[s]));
		else
			snprintf(st.what, sizeof(st.what), "%s",
				 sim_op_names[w->taken_op[s]]);
		if (k && !strcmp(out[k - 1].ctx, st.ctx) &&
		    !strcmp(out[k - 1].fn, st.fn) && !strcmp(out[k - 1].what, st.what) &&
		    !strcmp(out[k - 1].file, st.file) && out[k - 1].line == st.line) {
			out[k - 1].times++;
			continue;
		}
		out[k++] = st;
	}
	free(f->steps);
	f->steps = out;
	f->nsteps = k;
	return 0;
}

/* ---- JSON pieces ---- */

void cli_report_json_str(FILE *f, const char *s)
{
	if (s)
		cli_json_write_str(f, s);
	else
		fputs("null", f);
}

void cli_report_json_variant(FILE *f, int variant)
{
	const struct sim_variant *v = &sim_variants[variant];

	fputs("{\"id\":", f);
	cli_json_write_str(f, v->id);
	fputs(",\"name\":", f);
	cli_json_write_str(f, v->name);
	fputs(",\"release\":", f);
	cli_report_json_str(f, v->release);
	fputs(",\"summary\":", f);
	cli_report_json_str(f, v->summary);
	fputs(",\"kernel\":", f);
	if (v->path) {
		fputs("{\"path\":", f);
		cli_json_write_str(f, v->path);
		fputs(",\"tcp_sha256\":", f);
		cli_report_json_str(f, v->tcp_sha);
		fputs(",\"checked\":", f);
		cli_report_json_str(f, v->checked);
		fputc('}', f);
	} else {
		fputs("null", f);
	}
	fputc('}', f);
}

void cli_report_json_config(FILE *f, const struct sim_config *cfg)
{
	const struct sim_env *e = &cfg->env;
	unsigned i;

	fprintf(f, "{\"policy\":\"%s\",\"steps_max\":%llu,\"env\":{\"sndbuf_bytes\":%u,"
		"\"mss_bytes\":%u,\"maxh2cdata_bytes\":%u,\"ioccsz\":%u,\"r2t_bytes\":%u,"
		"\"c2h_bytes\":%u,\"rcvbuf_bytes\":%u,\"quota_steps\":%u,\"io_cpu\":%d},"
		"\"submitters\":[",
		cfg->policy == SIM_POLICY_PRIO ? "prio" : "fair",
		(unsigned long long)cfg->steps_max, e->sndbuf_bytes, e->mss_bytes,
		e->maxh2cdata_bytes, e->ioccsz, e->r2t_bytes, e->c2h_bytes,
		e->rcvbuf_bytes, e->quota_steps, e->io_cpu);
	for (i = 0; i < cfg->nsubs; i++) {
		fprintf(f, "%s{\"name\":", i ? "," : "");
		cli_json_write_str(f, cfg->subs[i].name);
		fprintf(f, ",\"cpu\":%d}", cfg->subs[i].cpu);
	}
	fputs("],\"requests\":[", f);
	for (i = 0; i < cfg->nreqs; i++) {
		const struct sim_req_spec *q = &cfg->reqs[i];

		fprintf(f, "%s{\"name\":", i ? "," : "");
		cli_json_write_str(f, q->name);
		fprintf(f, ",\"op\":\"%s\",\"bytes\":%u,\"by\":", sim__rq_ops[q->op],
			q->len_bytes);
		cli_json_write_str(f, cfg->subs[q->submitter].name);
		fprintf(f, ",\"last\":%s,\"commit\":%s}", q->last ? "true" : "false",
			q->commit_after ? "true" : "false");
	}
	fputs("]}", f);
}

/* The detail's lines as an array of strings, their indent dropped. */
static void json_lines(FILE *f, const char *text)
{
	const char *p = text, *nl;
	bool first = true;

	fputc('[', f);
	while (p && *p) {
		char line[1024];
		size_t n;

		nl = strchr(p, '\n');
		n = nl ? (size_t)(nl - p) : strlen(p);
		while (n && (*p == ' ' || *p == '\t')) {
			p++;
			n--;
		}
		if (n >= sizeof(line))
			n = sizeof(line) - 1;
		memcpy(line, p, n);
		line[n] = 0;
		if (n) {
			fputs(first ? "" : ",", f);
			cli_json_write_str(f, line);
			first = false;
		}
		p = nl ? nl + 1 : NULL;
	}
	fputc(']', f);
}

void cli_report_json_verdict(FILE *f, const struct sim_config *cfg,
			     const struct sim_verdict *v)
{
	fputs("{\"kind\":", f);
	cli_json_write_str(f, sim_verdict_names[v->kind]);
	fputs(",\"line\":", f);
	cli_json_write_str(f, v->line);
	fputs(",\"request\":", f);
	if (v->req >= 0 && (unsigned)v->req < cfg->nreqs) {
		const struct sim_req_spec *q = &cfg->reqs[v->req];

		fprintf(f, "{\"cid\":%d,\"name\":", v->req);
		cli_json_write_str(f, q->name);
		fprintf(f, ",\"op\":\"%s\",\"bytes\":%u}", sim__rq_ops[q->op],
			q->len_bytes);
	} else {
		fputs("null", f);
	}
	fputs(",\"pdu\":", f);
	cli_report_json_str(f, v->pdu_type != 0xff && v->req >= 0 ?
			    sim_pdu_type_name(v->pdu_type) : NULL);
	fputs(",\"where\":", f);
	cli_report_json_str(f, v->where && v->where < SIM_WHERE_KINDS ?
			    sim_where_names[v->where] : NULL);
	fputs(",\"why\":", f);
	json_lines(f, v->detail);
	fputc('}', f);
}

/* ---- JUnit ---- */

static void xml_text(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '&')
			fputs("&amp;", f);
		else if (c == '<')
			fputs("&lt;", f);
		else if (c == '>')
			fputs("&gt;", f);
		else if (c == '"')
			fputs("&quot;", f);
		else if (c < 0x20 && c != '\n' && c != '\t')
			fputc('?', f);	/* not allowed in XML 1.0 */
		else
			fputc(c, f);
	}
}

static unsigned junit_skipped(const struct cli_report *r, unsigned a, unsigned b)
{
	unsigned i, n = 0;

	for (i = a; i < b; i++)
		n += r->cases[i].skipped;
	return n;
}

static void junit_counts(const struct cli_report *r, unsigned a, unsigned b,
			 unsigned *fails, double *secs)
{
	unsigned i;

	*fails = 0;
	*secs = 0;
	for (i = a; i < b; i++) {
		*fails += !r->cases[i].ok && !r->cases[i].skipped;
		*secs += r->cases[i].seconds;
	}
}

static void junit_write(FILE *f, const struct cli_report *r)
{
	unsigned a, b, i, fails;
	double secs;

	junit_counts(r, 0, r->ncases, &fails, &secs);
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	fprintf(f, "<testsuites name=\"nvtsim %s\" tests=\"%u\" failures=\"%u\" errors=\"0\" skipped=\"%u\" time=\"%.3f\">\n",
		r->command, r->ncases, fails, junit_skipped(r, 0, r->ncases), secs);
	/* a suite per run of cases with the same suite name */
	for (a = 0; a < r->ncases; a = b) {
		for (b = a + 1; b < r->ncases &&
		     !strcmp(r->cases[b].suite, r->cases[a].suite); b++)
			;
		junit_counts(r, a, b, &fails, &secs);
		fputs("  <testsuite name=\"", f);
		xml_text(f, r->cases[a].suite);
		fprintf(f, "\" tests=\"%u\" failures=\"%u\" errors=\"0\" skipped=\"%u\" time=\"%.3f\">\n",
			b - a, fails, junit_skipped(r, a, b), secs);
		for (i = a; i < b; i++) {
			const struct cli_report_case *c = &r->cases[i];

			fputs("    <testcase name=\"", f);
			xml_text(f, c->name);
			fputs("\" classname=\"", f);
			xml_text(f, c->classname);
			fprintf(f, "\" time=\"%.3f\"", c->seconds);
			if (c->ok) {
				fputs("/>\n", f);
				continue;
			}
			if (c->skipped) {
				fputs(">\n      <skipped message=\"", f);
				xml_text(f, c->message);
				fputs("\"/>\n    </testcase>\n", f);
				continue;
			}
			fputs(">\n      <failure message=\"", f);
			xml_text(f, c->message);
			fputs("\" type=\"", f);
			xml_text(f, c->kind);
			fputs("\">", f);
			xml_text(f, c->text);
			fputs("</failure>\n    </testcase>\n", f);
		}
		fputs("  </testsuite>\n", f);
	}
	fputs("</testsuites>\n", f);
}

/* ---- SARIF ---- */

static const char *const rule_text[SIM_V_KINDS] = {
	[SIM_V_RUNNING] = "The run did not finish",
	[SIM_V_PASS] = "The run passed where a failure was expected",
	[SIM_V_HANG] = "A request never completes: a PDU is left behind and no context will send it",
	[SIM_V_STALL] = "A request never completes: its bytes sit corked by MSG_MORE and nothing will push them",
	[SIM_V_SAFETY] = "A safety check failed (a lock, list or work item used wrongly)",
	[SIM_V_PROTOCOL] = "The controller saw an NVMe/TCP protocol violation",
	[SIM_V_RECOVERY] = "The host driver started error recovery",
	[SIM_V_STEP_BOUND] = "The run did not go idle within steps_max",
	[SIM_V_SCHEDULE] = "A scenario's schedule could not be followed",
	[SIM_V_LIVELOCK] = "A livelock: a cycle, or a long forced run, with no progress",
};

static int rule_index(const char *kind)
{
	int k;

	for (k = 0; k < SIM_V_KINDS; k++)
		if (!strcmp(kind, sim_verdict_names[k]))
			return k;
	return 0;
}

/* A kernel tree's file is under KERNEL, nvtsim's own under SRCROOT. */
static bool kernel_file(const char *file)
{
	return !strncmp(file, "drivers/", 8) || !strncmp(file, "include/", 8);
}

static void sarif_physical(FILE *f, const char *file, uint32_t line)
{
	fputs("\"physicalLocation\":{\"artifactLocation\":{\"uri\":", f);
	cli_json_write_str(f, file);
	fprintf(f, ",\"uriBaseId\":\"%s\"},\"region\":{\"startLine\":%u}}",
		kernel_file(file) ? "KERNEL" : "SRCROOT", line ? line : 1);
}

/* The step a person should look at first: the last one in a tcp.c. */
static const struct cli_report_step *sarif_primary(const struct cli_report_fail *x)
{
	const struct cli_report_step *any = NULL;
	unsigned i;

	for (i = x->nsteps; i-- > 0;) {
		const struct cli_report_step *s = &x->steps[i];
		size_t n;

		if (!s->file[0] || !s->line)
			continue;
		n = strlen(s->file);
		if (n >= 5 && !strcmp(s->file + n - 5, "tcp.c"))
			return s;
		if (!any)
			any = s;
	}
	return any;
}

/*
 * GitHub code scanning refuses a result with more than 10,000 thread flow
 * locations and shows the first 1,000 ("SARIF support for code scanning"),
 * and a step-bound or livelock run has 20,000 steps: the code flow keeps
 * the last steps, where the run went wrong, and each context's first,
 * where it started, 1,000 in all.
 */
#define SARIF_FLOW_STEPS 1000u

struct sarif_flow {
	unsigned first[SIM_CTX_MAX];	/* each context's first step */
	unsigned nfirst;
	unsigned tail;			/* steps from here on are all shown */
	unsigned shown;
};

static void sarif_flow_pick(const struct cli_report_fail *x, struct sarif_flow *fl)
{
	unsigned i, j, before = 0;

	fl->nfirst = 0;
	for (i = 0; i < x->nsteps && fl->nfirst < SIM_CTX_MAX; i++) {
		for (j = 0; j < fl->nfirst; j++)
			if (!strcmp(x->steps[fl->first[j]].ctx, x->steps[i].ctx))
				break;
		if (j == fl->nfirst)
			fl->first[fl->nfirst++] = i;
	}
	fl->tail = x->nsteps > SARIF_FLOW_STEPS ? x->nsteps - SARIF_FLOW_STEPS : 0;
	for (;;) {
		before = 0;
		for (j = 0; j < fl->nfirst; j++)
			before += fl->first[j] < fl->tail;
		if (before + x->nsteps - fl->tail <= SARIF_FLOW_STEPS)
			break;
		fl->tail++;
	}
	fl->shown = before + x->nsteps - fl->tail;
}

static bool sarif_flow_shows(const struct sarif_flow *fl, unsigned i)
{
	unsigned j;

	if (i >= fl->tail)
		return true;
	for (j = 0; j < fl->nfirst; j++)
		if (fl->first[j] == i)
			return true;
	return false;
}

static void sarif_result(FILE *f, const struct cli_report_fail *x)
{
	const struct cli_report_step *p = sarif_primary(x);
	struct sarif_flow fl;
	char text[1024], flow[160] = "", *msg;
	unsigned i, n = 0;

	sarif_flow_pick(x, &fl);
	if (fl.shown < x->nsteps)
		snprintf(flow, sizeof(flow),
			 "the last %u of %u steps and each context's first (%u left out)",
			 x->nsteps - fl.tail, x->nsteps, x->nsteps - fl.shown);
	fprintf(f, "{\"ruleId\":\"%s\",\"ruleIndex\":%d,\"level\":\"error\",\"message\":{\"text\":",
		x->kind, rule_index(x->kind));
	msg = cli_report_fmt("%s%s%s (%s on %s)%s%s%s%s", x->bug ? x->bug : "",
			     x->bug ? ": " : "", x->message, x->where,
			     sim_variants[x->variant].id, flow[0] ? "; code flow: " : "", flow,
			     x->replay ? "; " : "", x->replay ? x->replay : "");
	cli_json_write_str(f, msg ? msg : x->message);
	free(msg);
	fputs("},\"locations\":[", f);
	if (p) {
		fputs("{", f);
		sarif_physical(f, p->file, p->line);
		fputs(",\"logicalLocations\":[{\"name\":", f);
		cli_json_write_str(f, p->fn);
		fputs(",\"kind\":\"function\"}]}", f);
	}
	fputs("],\"partialFingerprints\":{\"nvtsimFailure/v1\":", f);
	snprintf(text, sizeof(text), "%s:%s:%s", sim_variants[x->variant].id,
		 x->bug ? x->bug : x->kind, x->where);
	cli_json_write_str(f, text);
	fputs("},\"codeFlows\":[{\"message\":{\"text\":", f);
	if (flow[0])
		snprintf(text, sizeof(text), "%s, in the order they ran", flow);
	else
		snprintf(text, sizeof(text), "%u steps, every context's, in the order they ran",
			 x->nsteps);
	cli_json_write_str(f, text);
	fputs("},\"threadFlows\":[{\"locations\":[", f);
	for (i = 0; i < x->nsteps; i++) {
		const struct cli_report_step *s = &x->steps[i];
		char cpu[24] = "";

		if (!sarif_flow_shows(&fl, i))
			continue;
		if (s->cpu >= 0)
			snprintf(cpu, sizeof(cpu), " on CPU %d", s->cpu);
		snprintf(text, sizeof(text), "%s%s: %s in %s%s", s->ctx, cpu,
			 s->what, s->fn, s->times > 1 ? " (repeated)" : "");
		/* the step's own number: a gap is where steps were left out */
		fprintf(f, "%s{\"executionOrder\":%u,\"location\":{", n++ ? "," : "", i + 1);
		if (s->file[0]) {
			sarif_physical(f, s->file, s->line);
			fputc(',', f);
		}
		fputs("\"message\":{\"text\":", f);
		cli_json_write_str(f, text);
		fputs("},\"logicalLocations\":[{\"name\":", f);
		cli_json_write_str(f, s->fn);
		fputs(",\"kind\":\"function\"}]}", f);
		if (s->times > 1)
			fprintf(f, ",\"properties\":{\"steps\":%u}", s->times);
		fputc('}', f);
	}
	fputs("]}]}],\"properties\":{\"variant\":", f);
	cli_json_write_str(f, sim_variants[x->variant].id);
	fputs(",\"replay\":", f);
	cli_report_json_str(f, x->replay);
	fputs(",\"counterexample\":", f);
	cli_report_json_str(f, x->cex);
	fprintf(f, ",\"codeFlowSteps\":%u,\"codeFlowStepsLeftOut\":%u}}", x->nsteps,
		x->nsteps - fl.shown);
}

/* A file URI for a directory: file:///abs/path/ (percent-encoding what a URI may not hold). */
static void file_uri(FILE *f, const char *dir)
{
	char cwd[4096], path[8192];
	const char *p;

	if (dir[0] != '/' && getcwd(cwd, sizeof(cwd)))
		snprintf(path, sizeof(path), "%s/%s", cwd, dir);
	else
		snprintf(path, sizeof(path), "%s", dir);
	fputs("\"file://", f);
	for (p = path; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("/-._~", c))
			fputc(c, f);
		else
			fprintf(f, "%%%02X", c);
	}
	fputs(p > path && p[-1] == '/' ? "\"" : "/\"", f);
}

static void sarif_write(FILE *f, const struct cli_report *r)
{
	int k = sim_variant_kernel();
	unsigned i;

	fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
	      "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"nvtsim\",\"version\":", f);
	cli_json_write_str(f, NVTSIM_VERSION);
	fputs(",\"rules\":[", f);
	for (i = 0; i < SIM_V_KINDS; i++) {
		fprintf(f, "%s{\"id\":\"%s\",\"shortDescription\":{\"text\":", i ? "," : "",
			sim_verdict_names[i]);
		cli_json_write_str(f, rule_text[i]);
		fputs("}}", f);
	}
	fputs("]}},\"originalUriBaseIds\":{\"SRCROOT\":{\"description\":{\"text\":\"the nvtsim source tree (model/tcp.c)\"}}", f);
	if (k >= 0) {
		const char *path = sim_variants[k].path;
		size_t n = strlen(path);
		bool tarball = n > 4 && (strstr(path, ".tar") || !strcmp(path + n - 4, ".tgz"));

		fputs(",\"KERNEL\":{", f);
		if (!tarball) {
			fputs("\"uri\":", f);
			file_uri(f, path);
			fputc(',', f);
		}
		fputs("\"description\":{\"text\":", f);
		cli_json_write_str(f, sim_variants[k].id);
		fputs("}}", f);
	}
	fputs("},\"results\":[", f);
	for (i = 0; i < r->nfails; i++) {
		fputs(i ? ",\n" : "\n", f);
		sarif_result(f, &r->fails[i]);
	}
	fputs("]}]}\n", f);
}

/* ---- the JSON document ---- */

static void json_write(FILE *f, const struct cli_report *r, int exit_code)
{
	int k = sim_variant_kernel();
	unsigned i;

	fprintf(f, "{\"format\":\"%s\",\"format_version\":%d,\"version\":",
		CLI_REPORT_FORMAT, CLI_REPORT_FORMAT_VERSION);
	cli_json_write_str(f, NVTSIM_VERSION);
	fprintf(f, ",\"command\":\"%s\",\"mode\":\"%s\",\"kernel\":", r->command, r->mode);
	if (k >= 0)
		cli_report_json_variant(f, k);
	else
		fputs("null", f);
	fprintf(f, ",\"exit_code\":%d", exit_code);
	if (r->extra)
		fputs(r->extra, f);
	fputs(",\"results\":[", f);
	for (i = 0; i < r->ncases; i++) {
		fputs(i ? ",\n" : "\n", f);
		fputs(r->cases[i].json ? r->cases[i].json : "{}", f);
	}
	fputs("\n]}\n", f);
}

int cli_report_finish(struct cli_report *r, int exit_code)
{
	report_end(r);
	if (r->o.junit_out)
		junit_write(r->o.junit_out, r);
	if (r->o.sarif_out)
		sarif_write(r->o.sarif_out, r);
	r->o.junit_out = NULL;
	r->o.sarif_out = NULL;
	if (cli_outs_commit())
		return 2;
	if (r->o.json) {
		json_write(stdout, r, exit_code);
		if (fflush(stdout) || ferror(stdout)) {
			fprintf(stderr, "nvtsim %s: cannot write the JSON document to stdout\n",
				r->command);
			return 2;
		}
	}
	return exit_code;
}
