/* The sweep's space: spec parsing, enumeration smallest first, configs and labels. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explore.h"
#include "sweep.h"

/*
 * The built-in space. Tier 1 takes every request kind that sits on a
 * boundary of the send path: a PDU inside one MSS, the largest in-capsule
 * write (4096 of ioccsz 260), a write that needs an R2T (= MAXH2CDATA), one
 * past MAXH2CDATA, a read. Each list's first value is the base.
 */
const char sim_sweep_default_spec[] =
	"tier 1 kinds=w512,w4096,w8192,w16384,r4096 deviations=2\n"
	"tier 2 kinds=w4096,w8192,r4096 deviations=1\n"
	"tier 3 kinds=w4096,w8192 deviations=0\n"
	"batch last,more,commit\n"
	"cpus 0,1,0+0,0+1\n"
	"sndbuf 16384,4608,8192,65536\n"
	"r2t 0,4096\n"
	"policy fair,prio\n"
	"budget 15000\n"
	"preemptions 1\n"
	"quota_steps 64\n"
	"steps_per_request 1000\n";

static const char *const sim__batch_names[] = { "last", "more", "commit" };

/* ---- parsing ---- */

struct sim__parse {
	const char *where;
	unsigned line;
	char *err;
	size_t errlen;
};

static int sim__fail(const struct sim__parse *p, const char *what,
		     const char *tok)
{
	snprintf(p->err, p->errlen, "%s:%u: %s '%s'", p->where, p->line, what,
		 tok);
	return -1;
}

/* A byte count: digits, optionally k (1024). */
static int sim__bytes(const char *s, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end == 'k' || *end == 'K') {
		v *= 1024;
		end++;
	}
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

/* Splits a comma list in place; returns how many values, -1 if too many or empty. */
static int sim__split(char *s, char **vals)
{
	int n = 0;
	char *tok, *save = NULL;

	for (tok = strtok_r(s, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (n == SIM_SWEEP_VALUES_MAX)
			return -1;
		vals[n++] = tok;
	}
	return n ? n : -1;
}

static int sim__kind(const char *s, struct sim_sweep_kind *k)
{
	uint64_t b;

	if ((s[0] != 'w' && s[0] != 'r') ||
	    sim__bytes(s + 1, SIM_REQ_BYTES_MAX, &b) || !b)
		return -1;
	k->op = s[0] == 'w' ? SIM_RQ_WRITE : SIM_RQ_READ;
	k->bytes = (uint32_t)b;
	return 0;
}

static int sim__cpus(const char *s, struct sim_sweep_cpus *c)
{
	if (s[0] < '0' || s[0] >= '0' + SIM_CPUS_MAX)
		return -1;
	c->nsubs = 1;
	c->cpu[0] = (int8_t)(s[0] - '0');
	c->cpu[1] = -1;
	if (!s[1])
		return 0;
	if (s[1] != '+' || s[2] < '0' || s[2] >= '0' + SIM_CPUS_MAX || s[3])
		return -1;
	c->nsubs = 2;
	c->cpu[1] = (int8_t)(s[2] - '0');
	return 0;
}

static int sim__tier(struct sim__parse *p, char *rest, struct sim_sweep_spec *spec)
{
	char *save = NULL, *tok = strtok_r(rest, " \t", &save), *vals[SIM_SWEEP_VALUES_MAX];
	struct sim_sweep_tier t = { .on = true };
	bool have_kinds = false, have_dev = false;
	unsigned n;
	int i, nv;
	uint64_t v;

	if (!tok || tok[0] < '1' || tok[0] > '0' + SIM_SWEEP_REQS_MAX || tok[1])
		return sim__fail(p, "tier: a request count from 1 to 3, not", tok ? tok : "");
	n = (unsigned)(tok[0] - '0');
	tok = strtok_r(NULL, " \t", &save);
	if (tok && !strcmp(tok, "off") && !strtok_r(NULL, " \t", &save)) {
		memset(&spec->tier[n], 0, sizeof(spec->tier[n]));
		return 0;
	}
	for (; tok; tok = strtok_r(NULL, " \t", &save)) {
		if (!strncmp(tok, "kinds=", 6)) {
			nv = sim__split(tok + 6, vals);
			if (nv < 0)
				return sim__fail(p, "tier: kinds= takes 1 to 8 of wBYTES or rBYTES, not", tok);
			for (i = 0; i < nv; i++)
				if (sim__kind(vals[i], &t.kinds[i]))
					return sim__fail(p, "tier: a request kind is wBYTES or rBYTES (1 to 65536 bytes), not", vals[i]);
			t.nkinds = (unsigned)nv;
			have_kinds = true;
		} else if (!strncmp(tok, "deviations=", 11)) {
			if (sim__bytes(tok + 11, 16, &v) || strchr(tok + 11, 'k'))
				return sim__fail(p, "tier: deviations= takes 0 to 16, not", tok + 11);
			t.deviations_max = (unsigned)v;
			have_dev = true;
		} else {
			return sim__fail(p, "tier: kinds=LIST deviations=N, or off; unknown", tok);
		}
	}
	if (!have_kinds || !have_dev)
		return sim__fail(p, "tier: needs kinds= and deviations=", "");
	spec->tier[n] = t;
	return 0;
}

static int sim__list(struct sim__parse *p, const char *key, char *rest,
		     struct sim_sweep_spec *spec)
{
	char *vals[SIM_SWEEP_VALUES_MAX];
	int i, k, nv = sim__split(rest, vals);
	uint64_t v;

	if (nv < 0)
		return sim__fail(p, "a list of 1 to 8 values, comma-separated, for", key);
	for (i = 0; i < nv; i++) {
		const char *s = vals[i];

		if (!strcmp(key, "batch")) {
			for (k = 0; k < 3 && strcmp(s, sim__batch_names[k]); k++)
				;
			if (k == 3 || nv > 3)
				return sim__fail(p, "batch: last, more or commit, not", s);
			spec->batch[i] = (uint8_t)k;
		} else if (!strcmp(key, "cpus")) {
			if (sim__cpus(s, &spec->cpus[i]))
				return sim__fail(p, "cpus: the submitters' CPUs, C or C+C (0 to 7; the io_cpu is 0), not", s);
		} else if (!strcmp(key, "sndbuf")) {
			if (sim__bytes(s, SIM_SOCK_SQ_BYTES, &v) || v < SIM_SOCK_MIN_SNDBUF)
				return sim__fail(p, "sndbuf: 4608 (Linux's SOCK_MIN_SNDBUF) to 262144 bytes, not", s);
			spec->sndbuf_bytes[i] = (uint32_t)v;
		} else if (!strcmp(key, "r2t")) {
			if (sim__bytes(s, SIM_REQ_BYTES_MAX, &v))
				return sim__fail(p, "r2t: the most one R2T asks for, 0 (all) to 65536 bytes, not", s);
			spec->r2t_bytes[i] = (uint32_t)v;
		} else {
			if (strcmp(s, "fair") && strcmp(s, "prio"))
				return sim__fail(p, "policy: fair or prio, not", s);
			if (nv > 2)
				return sim__fail(p, "policy: at most fair and prio, not", s);
			spec->policy[i] = !strcmp(s, "prio") ? SIM_POLICY_PRIO : SIM_POLICY_FAIR;
		}
	}
	if (!strcmp(key, "batch"))
		spec->nbatch = (unsigned)nv;
	else if (!strcmp(key, "cpus"))
		spec->ncpus = (unsigned)nv;
	else if (!strcmp(key, "sndbuf"))
		spec->nsndbuf = (unsigned)nv;
	else if (!strcmp(key, "r2t"))
		spec->nr2t = (unsigned)nv;
	else
		spec->npolicy = (unsigned)nv;
	return 0;
}

static int sim__number(struct sim__parse *p, const char *key, char *rest,
		       uint64_t min, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(rest, &end, 10);
	if (*rest < '0' || *rest > '9' || errno || *end || v < min || v > max) {
		snprintf(p->err, p->errlen, "%s:%u: %s takes a number from %llu to %llu, not '%s'",
			 p->where, p->line, key, (unsigned long long)min,
			 (unsigned long long)max, rest);
		return -1;
	}
	*out = v;
	return 0;
}

static int sim__line(struct sim__parse *p, char *s, struct sim_sweep_spec *spec)
{
	char *key, *rest, *save = NULL;
	uint64_t v;
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = 0;
	if (!*s || *s == '#')
		return 0;
	key = strtok_r(s, " \t", &save);
	rest = strtok_r(NULL, "", &save);
	while (rest && (*rest == ' ' || *rest == '\t'))
		rest++;
	if (!strcmp(key, "tier"))
		return sim__tier(p, rest ? rest : (char *)"", spec);
	if (!rest)
		return sim__fail(p, "a value is missing after", key);
	if (!strcmp(key, "batch") || !strcmp(key, "cpus") ||
	    !strcmp(key, "sndbuf") || !strcmp(key, "r2t") ||
	    !strcmp(key, "policy")) {
		if (strchr(rest, ' ') || strchr(rest, '\t'))
			return sim__fail(p, "one comma-separated list, no spaces, for", key);
		return sim__list(p, key, rest, spec);
	}
	if (!strcmp(key, "budget")) {
		if (sim__number(p, key, rest, 1, UINT64_MAX / 2, &spec->executions_max))
			return -1;
	} else if (!strcmp(key, "preemptions")) {
		if (sim__number(p, key, rest, 0, 64, &v))
			return -1;
		spec->preemptions_max = (unsigned)v;
	} else if (!strcmp(key, "quota_steps")) {
		if (sim__number(p, key, rest, 1, 1000000, &v))
			return -1;
		spec->quota_steps = (uint32_t)v;
	} else if (!strcmp(key, "steps_per_request")) {
		if (sim__number(p, key, rest, 1, SIM_EXPLORE_DEPTH_MAX, &spec->steps_per_request))
			return -1;
	} else {
		return sim__fail(p, "unknown key (tier, batch, cpus, sndbuf, r2t, policy, budget, preemptions, quota_steps, steps_per_request):", key);
	}
	return 0;
}

static int sim__parse_text(struct sim__parse *p, const char *text,
			   struct sim_sweep_spec *spec)
{
	size_t n = strlen(text), a, b;
	char line[512];

	p->line = 1;
	for (a = 0; a < n; a = b + 1) {
		for (b = a; b < n && text[b] != '\n' && text[b] != ';'; b++)
			;
		if (b - a >= sizeof(line)) {
			snprintf(p->err, p->errlen, "%s:%u: line too long", p->where,
				 p->line);
			return -1;
		}
		memcpy(line, text + a, b - a);
		line[b - a] = 0;
		if (sim__line(p, line, spec))
			return -1;
		if (b < n && text[b] == '\n')
			p->line++;
	}
	return 0;
}

int sim_sweep_spec_parse(const char *where, const char *text,
			 struct sim_sweep_spec *spec, char *err, size_t errlen)
{
	struct sim__parse p = { "(built-in sweep)", 0, err, errlen };
	unsigned n;
	bool any = false;

	memset(spec, 0, sizeof(*spec));
	if (sim__parse_text(&p, sim_sweep_default_spec, spec))
		return -1;
	p.where = where;
	p.line = 0;
	if (text && sim__parse_text(&p, text, spec))
		return -1;
	for (n = 1; n <= SIM_SWEEP_REQS_MAX; n++)
		any |= spec->tier[n].on;
	if (!any) {
		snprintf(err, errlen, "%s: every tier is off: nothing to sweep", where);
		return -1;
	}
	return 0;
}

static size_t sim__puts(char *buf, size_t len, size_t used, const char *fmt,
			const char *s)
{
	int k;

	if (used >= len)
		return used;
	k = snprintf(buf + used, len - used, fmt, s);
	return k > 0 ? used + (size_t)k : used;
}

static size_t sim__putn(char *buf, size_t len, size_t used, const char *fmt,
			unsigned long long v)
{
	int k;

	if (used >= len)
		return used;
	k = snprintf(buf + used, len - used, fmt, v);
	return k > 0 ? used + (size_t)k : used;
}

void sim_sweep_spec_write(const struct sim_sweep_spec *spec, char *buf,
			  size_t len)
{
	size_t u = 0;
	unsigned n, i;
	char v[16];

	buf[0] = 0;
	for (n = 1; n <= SIM_SWEEP_REQS_MAX; n++) {
		const struct sim_sweep_tier *t = &spec->tier[n];

		if (!t->on) {
			u = sim__putn(buf, len, u, "tier %llu off\n", n);
			continue;
		}
		u = sim__putn(buf, len, u, "tier %llu kinds=", n);
		for (i = 0; i < t->nkinds; i++) {
			snprintf(v, sizeof(v), "%s%c%u", i ? "," : "",
				 t->kinds[i].op == SIM_RQ_WRITE ? 'w' : 'r',
				 t->kinds[i].bytes);
			u = sim__puts(buf, len, u, "%s", v);
		}
		u = sim__putn(buf, len, u, " deviations=%llu\n", t->deviations_max);
	}
	u = sim__putn(buf, len, u, "batch", 0);
	for (i = 0; i < spec->nbatch; i++)
		u = sim__puts(buf, len, u, i ? ",%s" : " %s", sim__batch_names[spec->batch[i] % 3]);
	u = sim__putn(buf, len, u, "\ncpus", 0);
	for (i = 0; i < spec->ncpus; i++) {
		if (spec->cpus[i].nsubs == 2)
			snprintf(v, sizeof(v), "%d+%d", spec->cpus[i].cpu[0], spec->cpus[i].cpu[1]);
		else
			snprintf(v, sizeof(v), "%d", spec->cpus[i].cpu[0]);
		u = sim__puts(buf, len, u, i ? ",%s" : " %s", v);
	}
	u = sim__putn(buf, len, u, "\nsndbuf", 0);
	for (i = 0; i < spec->nsndbuf; i++)
		u = sim__putn(buf, len, u, i ? ",%llu" : " %llu", spec->sndbuf_bytes[i]);
	u = sim__putn(buf, len, u, "\nr2t", 0);
	for (i = 0; i < spec->nr2t; i++)
		u = sim__putn(buf, len, u, i ? ",%llu" : " %llu", spec->r2t_bytes[i]);
	u = sim__putn(buf, len, u, "\npolicy", 0);
	for (i = 0; i < spec->npolicy; i++)
		u = sim__puts(buf, len, u, i ? ",%s" : " %s",
			     spec->policy[i] == SIM_POLICY_PRIO ? "prio" : "fair");
	u = sim__putn(buf, len, u, "\nbudget %llu\n", spec->executions_max);
	u = sim__putn(buf, len, u, "preemptions %llu\n", spec->preemptions_max);
	u = sim__putn(buf, len, u, "quota_steps %llu\n", spec->quota_steps);
	sim__putn(buf, len, u, "steps_per_request %llu\n", spec->steps_per_request);
}

/* ---- enumeration ---- */

struct sim__gen {
	struct sim_sweep_space *s;
	unsigned cap;
	unsigned *order;	/* generation order, the last sort key */
};

static int sim__push(struct sim__gen *g, const struct sim_sweep_point *pt)
{
	struct sim_sweep_space *s = g->s;

	if (s->npoints == g->cap) {
		unsigned cap = g->cap ? g->cap * 2 : 256;
		struct sim_sweep_point *np = realloc(s->points, cap * sizeof(*np));

		if (!np)
			return -1;
		s->points = np;
		g->cap = cap;
	}
	s->points[s->npoints++] = *pt;
	return 0;
}

/* Whether request i's batch shape fits its submitter's requests. */
static bool sim__batch_ok(const struct sim_sweep_point *pt, unsigned i)
{
	unsigned j;

	if (pt->batch[i] != SIM_SWEEP_MORE)
		return true;
	for (j = i + 1; j < pt->nreqs && j < SIM_SWEEP_REQS_MAX; j++)
		if (pt->sub[j] == pt->sub[i])
			return true;
	return false;	/* a batch must end with last or ->commit_rqs */
}

/* Whether an R2T of r2t bytes splits any write of pt's. */
static bool sim__r2t_splits(const struct sim_sweep_spec *sp,
			    const struct sim_sweep_point *pt, uint32_t r2t)
{
	const struct sim_sweep_tier *t = &sp->tier[pt->nreqs];
	unsigned i;

	for (i = 0; i < pt->nreqs; i++) {
		const struct sim_sweep_kind *k = &t->kinds[pt->kind[i]];

		if (k->op == SIM_RQ_WRITE && (!r2t || k->bytes > r2t))
			return true;
	}
	return false;
}

static int sim__env(struct sim__gen *g, struct sim_sweep_point *pt,
		    unsigned dev)
{
	const struct sim_sweep_spec *sp = &g->s->spec;
	unsigned sb, r2, po, d;

	for (sb = 0; sb < sp->nsndbuf; sb++)
		for (r2 = 0; r2 < sp->nr2t; r2++)
			for (po = 0; po < sp->npolicy; po++) {
				d = dev + (sb != 0) + (r2 != 0) + (po != 0);
				if (d > sp->tier[pt->nreqs].deviations_max)
					continue;
				/* an R2T size that splits no write is the base again */
				if (r2 && (sp->r2t_bytes[r2] == sp->r2t_bytes[0] ||
					   !sim__r2t_splits(sp, pt, sp->r2t_bytes[r2])))
					continue;
				pt->sndbuf = (uint8_t)sb;
				pt->r2t = (uint8_t)r2;
				pt->policy = (uint8_t)po;
				pt->deviations = (uint8_t)d;
				if (sim__push(g, pt))
					return -1;
			}
	return 0;
}

static int sim__batches(struct sim__gen *g, struct sim_sweep_point *pt,
			unsigned i, unsigned dev)
{
	const struct sim_sweep_spec *sp = &g->s->spec;
	unsigned b;

	if (i >= pt->nreqs || i >= SIM_SWEEP_REQS_MAX)
		return sim__env(g, pt, dev);
	for (b = 0; b < sp->nbatch; b++) {
		pt->batch[i] = sp->batch[b];
		if (!sim__batch_ok(pt, i))
			continue;
		if (sim__batches(g, pt, i + 1, dev + (b != 0)))
			return -1;
	}
	return 0;
}

/* Every way to give n requests to two submitters, sub0 taking the first. */
static int sim__assign(struct sim__gen *g, struct sim_sweep_point *pt,
		       unsigned nsubs, unsigned dev)
{
	unsigned mask, i, nmasks = 1u << (pt->nreqs - 1);

	if (nsubs == 1) {
		memset(pt->sub, 0, sizeof(pt->sub));
		return sim__batches(g, pt, 0, dev);
	}
	for (mask = 1; mask < nmasks; mask++) {
		pt->sub[0] = 0;
		for (i = 1; i < pt->nreqs; i++)
			pt->sub[i] = (uint8_t)(mask >> (i - 1) & 1);
		if (sim__batches(g, pt, 0, dev))
			return -1;
	}
	return 0;
}

static int sim__tier_points(struct sim__gen *g, unsigned n)
{
	const struct sim_sweep_spec *sp = &g->s->spec;
	const struct sim_sweep_tier *t = &sp->tier[n];
	struct sim_sweep_point pt;
	unsigned tuple, ntuples = 1, i, c, rest;

	for (i = 0; i < n; i++)
		ntuples *= t->nkinds;
	for (tuple = 0; tuple < ntuples; tuple++) {
		memset(&pt, 0, sizeof(pt));
		pt.nreqs = (uint8_t)n;
		for (i = 0, rest = tuple; i < n; i++, rest /= t->nkinds) {
			pt.kind[n - 1 - i] = (uint8_t)(rest % t->nkinds);
			pt.bytes += t->kinds[pt.kind[n - 1 - i]].bytes;
		}
		for (c = 0; c < sp->ncpus; c++) {
			if (sp->cpus[c].nsubs > n)
				continue;
			pt.cpus = (uint8_t)c;
			if (sim__assign(g, &pt, sp->cpus[c].nsubs, c != 0))
				return -1;
		}
	}
	return 0;
}

int sim_sweep_space_init(struct sim_sweep_space *s,
			 const struct sim_sweep_spec *spec)
{
	struct sim__gen g = { s, 0, NULL };
	unsigned n, i, k;
	struct sim_sweep_point *sorted;

	memset(s, 0, sizeof(*s));
	s->spec = *spec;
	for (n = 1; n <= SIM_SWEEP_REQS_MAX; n++)
		if (spec->tier[n].on && sim__tier_points(&g, n)) {
			sim_sweep_space_free(s);
			return -1;
		}
	/* smallest first: requests, then deviations, then bytes; ties keep generation order */
	sorted = malloc((s->npoints ? s->npoints : 1) * sizeof(*sorted));
	if (!sorted) {
		sim_sweep_space_free(s);
		return -1;
	}
	/* counting by (nreqs, deviations) keeps generation order within a class */
	k = 0;
	for (n = 1; n <= SIM_SWEEP_REQS_MAX; n++)
		for (unsigned d = 0; d <= 16; d++) {
			unsigned start = k;

			for (i = 0; i < s->npoints; i++)
				if (s->points[i].nreqs == n && s->points[i].deviations == d)
					sorted[k++] = s->points[i];
			/* then by bytes, stably */
			for (i = start + 1; i < k; i++) {
				struct sim_sweep_point tmp = sorted[i];
				unsigned j = i;

				while (j > start && sorted[j - 1].bytes > tmp.bytes) {
					sorted[j] = sorted[j - 1];
					j--;
				}
				sorted[j] = tmp;
			}
		}
	free(s->points);
	s->points = sorted;
	return 0;
}

void sim_sweep_space_free(struct sim_sweep_space *s)
{
	free(s->points);
	s->points = NULL;
	s->npoints = 0;
}

void sim_sweep_config(const struct sim_sweep_space *s, unsigned i, int variant,
		      struct sim_config *cfg)
{
	const struct sim_sweep_spec *sp = &s->spec;
	const struct sim_sweep_point *pt = &s->points[i];
	const struct sim_sweep_tier *t = &sp->tier[pt->nreqs];
	const struct sim_sweep_cpus *c = &sp->cpus[pt->cpus];
	unsigned r;

	sim_config_default(cfg);
	cfg->variant = variant;
	cfg->policy = sp->policy[pt->policy];
	cfg->env.sndbuf_bytes = sp->sndbuf_bytes[pt->sndbuf];
	cfg->env.r2t_bytes = sp->r2t_bytes[pt->r2t];
	cfg->env.quota_steps = sp->quota_steps;
	cfg->steps_max = sp->steps_per_request * pt->nreqs;
	if (cfg->steps_max > SIM_EXPLORE_DEPTH_MAX)
		cfg->steps_max = SIM_EXPLORE_DEPTH_MAX;
	cfg->nsubs = c->nsubs;
	for (r = 0; r < c->nsubs; r++) {
		snprintf(cfg->subs[r].name, SIM_NAME_BYTES, "sub%u", r);
		cfg->subs[r].cpu = c->cpu[r];
	}
	cfg->nreqs = pt->nreqs;
	for (r = 0; r < pt->nreqs; r++) {
		struct sim_req_spec *q = &cfg->reqs[r];
		const struct sim_sweep_kind *k = &t->kinds[pt->kind[r]];

		snprintf(q->name, SIM_NAME_BYTES, "%c%u",
			 k->op == SIM_RQ_WRITE ? 'w' : 'r', r + 1);
		q->op = k->op;
		q->len_bytes = k->bytes;
		q->last = pt->batch[r] == SIM_SWEEP_LAST;
		q->commit_after = pt->batch[r] == SIM_SWEEP_COMMIT;
		q->submitter = pt->sub[r];
	}
}

void sim_sweep_label(const struct sim_sweep_space *s, unsigned i, char *buf,
		     size_t len)
{
	const struct sim_sweep_spec *sp = &s->spec;
	const struct sim_sweep_point *pt = &s->points[i];
	const struct sim_sweep_tier *t = &sp->tier[pt->nreqs];
	const struct sim_sweep_cpus *c = &sp->cpus[pt->cpus];
	size_t u = 0;
	unsigned sub, r;
	bool first;

	buf[0] = 0;
	for (sub = 0; sub < c->nsubs; sub++) {
		if (c->nsubs > 1 || c->cpu[0] != 0)
			u = sim__putn(buf, len, u, sub ? " | cpu%llu:" : "cpu%llu:",
				     (unsigned long long)c->cpu[sub]);
		first = c->nsubs == 1 && c->cpu[0] == 0;
		for (r = 0; r < pt->nreqs; r++) {
			const struct sim_sweep_kind *k = &t->kinds[pt->kind[r]];

			if (pt->sub[r] != sub)
				continue;
			u = sim__puts(buf, len, u, first ? "%s" : " %s",
				     k->op == SIM_RQ_WRITE ? "w" : "r");
			u = sim__putn(buf, len, u, "%llu", k->bytes);
			if (pt->batch[r] != SIM_SWEEP_LAST)
				u = sim__puts(buf, len, u, ":%s", sim__batch_names[pt->batch[r] % 3]);
			first = false;
		}
	}
	if (pt->sndbuf)
		u = sim__putn(buf, len, u, ", sndbuf %llu", sp->sndbuf_bytes[pt->sndbuf]);
	if (pt->r2t)
		u = sim__putn(buf, len, u, ", r2t %llu", sp->r2t_bytes[pt->r2t]);
	if (sp->policy[pt->policy] == SIM_POLICY_PRIO)
		sim__putn(buf, len, u, ", prio", 0);
}

unsigned sim_sweep_ncpus(const struct sim_sweep_space *s, unsigned i)
{
	const struct sim_sweep_cpus *c = &s->spec.cpus[s->points[i].cpus];
	unsigned r;

	for (r = 0; r < c->nsubs; r++)
		if (c->cpu[r] != 0)	/* the io_cpu */
			return 2;
	return 1;
}
