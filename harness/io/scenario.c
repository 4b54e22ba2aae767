/*
 * Scenario parser. Line oriented; '#' starts a comment. Every error names
 * the file and line. See README.md "Scenario files" for the format.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdu.h"
#include "scenario.h"
#include "variant.h"

#define SIM__LINE_MAX 1024
#define SIM__WORDS_MAX 16

struct sim__parser {
	struct sim_scenario *sc;
	const char *path;
	int line;
	char *err;
	size_t errlen;
	bool subs_declared;
	bool in_schedule;
	unsigned next_step;
	char buf[SIM__LINE_MAX + 1];
	char *words[SIM__WORDS_MAX];
	unsigned nwords;
};

static int sim__fail(struct sim__parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int sim__fail(struct sim__parser *p, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(p->err, p->errlen, "%s:%d: %s", p->path, p->line, msg);
	return -1;
}

/* A decimal number with an optional k suffix (x1024). */
static int sim__number(struct sim__parser *p, const char *s, const char *what,
		       uint64_t max, uint64_t *out)
{
	uint64_t v = 0, mul = 1;
	const char *q = s;

	if (!*q)
		return sim__fail(p, "%s: missing number", what);
	for (; *q >= '0' && *q <= '9'; q++) {
		v = v * 10 + (uint64_t)(*q - '0');
		if (v > max)
			return sim__fail(p, "%s: %s is out of range (at most %llu)",
					 what, s, (unsigned long long)max);
	}
	if (q == s)
		return sim__fail(p, "%s: '%s' is not a number", what, s);
	if ((*q == 'k' || *q == 'K') && !q[1]) {
		mul = 1024;
		q++;
	}
	if (*q)
		return sim__fail(p, "%s: '%s' is not a number", what, s);
	if (v > max / mul)
		return sim__fail(p, "%s: %s is out of range (at most %llu)", what,
				 s, (unsigned long long)max);
	*out = v * mul;
	return 0;
}

static int sim__u32(struct sim__parser *p, const char *s, const char *what,
		    uint32_t *out)
{
	uint64_t v;

	if (sim__number(p, s, what, UINT32_MAX, &v))
		return -1;
	*out = (uint32_t)v;
	return 0;
}

/* Split "key=value"; value NULL when there is no '='. */
static char *sim__kv(char *word)
{
	char *eq = strchr(word, '=');

	if (!eq)
		return NULL;
	*eq = 0;
	return eq + 1;
}

static int sim__name(struct sim__parser *p, const char *s, const char *what)
{
	size_t i, n = strlen(s);

	if (!n || n >= SIM_NAME_BYTES)
		return sim__fail(p, "%s name '%s' must be 1..%d characters", what,
				 s, SIM_NAME_BYTES - 1);
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return sim__fail(p, "%s name '%s': use letters, digits, '_' and '-'",
					 what, s);
	}
	return 0;
}

static int sim__variant(struct sim__parser *p, const char *s, int *out)
{
	int v = sim_variant_find(s);

	/* recorded on a kernel tree's own tcp.c: it runs on the one --kernel gives */
	if (v < 0 && !strncmp(s, "linux-", 6)) {
		v = sim_variant_kernel();
		if (v < 0)
			return sim__fail(p, "variant '%s' is a kernel tree's own tcp.c: give the tree with --kernel",
					 s);
	}
	if (v < 0)
		return sim__fail(p, "unknown variant '%s' (see: nvtsim variants)", s);
	*out = v;
	return 0;
}

static int sim__env_key(struct sim__parser *p, char *word)
{
	struct sim_env *e = &p->sc->cfg.env;
	char *val = sim__kv(word);
	uint32_t v;
	static const struct {
		const char *key;
		size_t off;
		uint32_t min, max;
	} keys[] = {
		{ "sndbuf_bytes", offsetof(struct sim_env, sndbuf_bytes),
		  SIM_SOCK_MIN_SNDBUF, SIM_SOCK_SQ_BYTES },
		{ "mss_bytes", offsetof(struct sim_env, mss_bytes), 1, SIM_MSS_MAX },
		{ "maxh2cdata_bytes", offsetof(struct sim_env, maxh2cdata_bytes),
		  4096, 4 * 1024 * 1024 },
		{ "ioccsz", offsetof(struct sim_env, ioccsz), 4,
		  (64 + SIM_REQ_BYTES_MAX) / 16 },
		{ "r2t_bytes", offsetof(struct sim_env, r2t_bytes), 0, UINT32_MAX },
		{ "c2h_bytes", offsetof(struct sim_env, c2h_bytes), 0, UINT32_MAX },
		{ "rcvbuf_bytes", offsetof(struct sim_env, rcvbuf_bytes),
		  SIM_SOCK_MIN_RCVBUF, SIM_TARGET_RX_BYTES },
		{ "quota_steps", offsetof(struct sim_env, quota_steps), 0,
		  UINT32_MAX },
	};
	unsigned i;

	if (!val)
		return sim__fail(p, "env: expected key=value, got '%s'", word);
	if (sim__u32(p, val, word, &v))
		return -1;
	if (!strcmp(word, "io_cpu")) {
		if (v >= SIM_CPUS_MAX)
			return sim__fail(p, "io_cpu %u out of range 0..%d", v,
					 SIM_CPUS_MAX - 1);
		e->io_cpu = (int)v;
		return 0;
	}
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (strcmp(word, keys[i].key))
			continue;
		if (v < keys[i].min || v > keys[i].max)
			return sim__fail(p, "%s=%u out of range %u..%u", word, v,
					 keys[i].min, keys[i].max);
		if (!strcmp(word, "maxh2cdata_bytes") && v % 4)
			return sim__fail(p, "maxh2cdata_bytes=%u: must be a multiple of 4",
					 v);
		memcpy((char *)e + keys[i].off, &v, sizeof(v));
		return 0;
	}
	return sim__fail(p, "env: unknown key '%s'", word);
}

static int sim__submitter(struct sim__parser *p)
{
	struct sim_config *cfg = &p->sc->cfg;
	struct sim_sub_spec *s;
	unsigned i;
	uint32_t cpu = (uint32_t)cfg->env.io_cpu;

	if (p->nwords < 2)
		return sim__fail(p, "submitter: expected 'submitter NAME [cpu=N]'");
	if (!p->subs_declared) {
		cfg->nsubs = 0;
		p->subs_declared = true;
	}
	if (sim__name(p, p->words[1], "submitter"))
		return -1;
	if (sim_config_ctx_id(cfg, p->words[1]) >= 0 ||
	    sim_config_reserved(p->words[1]))
		return sim__fail(p, "submitter '%s' is already a context name",
				 p->words[1]);
	if (cfg->nsubs >= SIM_SUBMITTERS_MAX)
		return sim__fail(p, "at most %d submitters", SIM_SUBMITTERS_MAX);
	for (i = 2; i < p->nwords; i++) {
		char *val = sim__kv(p->words[i]);

		if (!val || strcmp(p->words[i], "cpu"))
			return sim__fail(p, "submitter: unknown option '%s'",
					 p->words[i]);
		if (sim__u32(p, val, "cpu", &cpu))
			return -1;
		if (cpu >= SIM_CPUS_MAX)
			return sim__fail(p, "cpu %u out of range 0..%d", cpu,
					 SIM_CPUS_MAX - 1);
	}
	s = &cfg->subs[cfg->nsubs++];
	snprintf(s->name, sizeof(s->name), "%s", p->words[1]);
	s->cpu = (int)cpu;
	return 0;
}

static int sim__request(struct sim__parser *p)
{
	struct sim_config *cfg = &p->sc->cfg;
	struct sim_req_spec *r;
	unsigned i, first_opt = 4;
	const char *op;

	if (p->nwords < 3)
		return sim__fail(p, "request: expected 'request NAME write|read|flush LEN [by=SUB] [last=0|1] [commit]'");
	if (cfg->nreqs >= SIM_REQS_MAX)
		return sim__fail(p, "at most %d requests", SIM_REQS_MAX);
	if (sim__name(p, p->words[1], "request"))
		return -1;
	for (i = 0; i < cfg->nreqs; i++)
		if (!strcmp(cfg->reqs[i].name, p->words[1]))
			return sim__fail(p, "request '%s' declared twice",
					 p->words[1]);
	r = &cfg->reqs[cfg->nreqs];
	memset(r, 0, sizeof(*r));
	snprintf(r->name, sizeof(r->name), "%s", p->words[1]);
	op = p->words[2];
	if (!strcmp(op, "write")) {
		r->op = SIM_RQ_WRITE;
	} else if (!strcmp(op, "read")) {
		r->op = SIM_RQ_READ;
	} else if (!strcmp(op, "flush")) {
		r->op = SIM_RQ_FLUSH;
		first_opt = 3;
	} else {
		return sim__fail(p, "request %s: unknown operation '%s' (write, read or flush)",
				 r->name, op);
	}
	if (r->op != SIM_RQ_FLUSH) {
		if (p->nwords < 4)
			return sim__fail(p, "request %s: missing length", r->name);
		if (sim__u32(p, p->words[3], "length", &r->len_bytes))
			return -1;
		if (r->len_bytes < 512 || r->len_bytes % 512 ||
		    r->len_bytes > SIM_REQ_BYTES_MAX)
			return sim__fail(p, "request %s: length %u must be a multiple of 512 from 512 to %u",
					 r->name, r->len_bytes, SIM_REQ_BYTES_MAX);
	}
	r->last = true;
	r->submitter = 0;
	for (i = first_opt; i < p->nwords; i++) {
		char *key = p->words[i], *val = sim__kv(key);
		uint32_t v;

		if (!strcmp(key, "commit") && !val) {
			r->commit_after = true;
		} else if (!strcmp(key, "last") && val) {
			if (sim__u32(p, val, "last", &v))
				return -1;
			if (v > 1)
				return sim__fail(p, "last must be 0 or 1");
			r->last = v;
		} else if (!strcmp(key, "by") && val) {
			int id = -1;
			unsigned s;

			for (s = 0; s < cfg->nsubs; s++)
				if (!strcmp(cfg->subs[s].name, val))
					id = (int)s;
			if (id < 0)
				return sim__fail(p, "request %s: no submitter '%s' declared above",
						 r->name, val);
			r->submitter = (uint8_t)id;
		} else {
			return sim__fail(p, "request %s: unknown option '%s'",
					 r->name, p->words[i]);
		}
	}
	cfg->nreqs++;
	return 0;
}

/*
 * "until|through OP[(OBJECT)] [N times]" from word 3 on. OP(ARGS) may be
 * copied from a timeline line whole ("test_bit(1, flags)", which the
 * splitter cut at its spaces): the known object among ARGS is the one.
 */
static int sim__step_op(struct sim__parser *p, struct sim_sched_step *s,
			const char *kind)
{
	char op[SIM__LINE_MAX + 1], obj[128], known[160];
	const char *implied;
	char *paren, *close;
	unsigned last = 3, rest, i;
	size_t n;

	if (p->nwords < 4)
		goto usage;
	if (strchr(p->words[3], '(') && !strchr(p->words[3], ')'))
		while (last + 1 < p->nwords && !strchr(p->words[last], ')'))
			last++;
	op[0] = 0;
	for (i = 3; i <= last; i++) {
		strcat(op, p->words[i]);
		if (i < last)
			strcat(op, " ");
	}
	s->kind = !strcmp(kind, "until") ? SIM_SS_UNTIL : SIM_SS_THROUGH;
	s->n = 1;
	rest = p->nwords - last - 1;
	/* "through OP(OBJECT) N times": the Nth time, counted from this step */
	if (s->kind == SIM_SS_THROUGH && rest == 2 &&
	    !strcmp(p->words[last + 2], "times")) {
		if (sim__u32(p, p->words[last + 1], "times", &s->n))
			return -1;
		if (!s->n || s->n > 1000000)
			return sim__fail(p, "schedule: 'through %s N times': N must be 1..1000000",
					 op);
	} else if (rest) {
		goto usage;
	}
	obj[0] = 0;
	paren = strchr(op, '(');
	if (paren) {
		close = strchr(paren, ')');
		if (!close || close[1])
			return sim__fail(p, "schedule: '%s': expected OP(OBJECT)", op);
		*close = 0;
		*paren = 0;
		/* "->commit_rqs()", as printed: no object */
		if (close == paren + 1)
			paren = NULL;
	}
	s->op = sim_sched_op_find(op, &implied);
	if (s->op < 0)
		return sim__fail(p, "schedule: unknown operation '%s' (e.g. sendmsg, mutex_trylock, mutex_unlock, llist_add, queue_work_on; see README \"Scenario files\")",
				 op);
	if (paren && sim_sched_obj_pick(&p->sc->cfg, s->op, paren + 1, obj,
					sizeof(obj))) {
		sim_sched_objs_describe(&p->sc->cfg, s->op, known, sizeof(known));
		return sim__fail(p, "unknown object '%s' for %s (known: %s)", obj,
				 op, known);
	}
	if (!obj[0] && implied)
		snprintf(obj, sizeof(obj), "%s", implied);
	n = strlen(obj);
	if (n >= sizeof(s->obj))
		return sim__fail(p, "schedule: object name too long");
	memcpy(s->obj, obj, n + 1);
	return 0;
usage:
	if (!strcmp(kind, "through"))
		return sim__fail(p, "schedule: expected 'through OP', 'through OP(OBJECT)' or 'through OP(OBJECT) N times'");
	return sim__fail(p, "schedule: expected 'until OP' or 'until OP(OBJECT)'");
}

static int sim__step(struct sim__parser *p, const char *raw)
{
	struct sim_scenario *sc = p->sc;
	struct sim_sched_step *s;
	char *num = p->words[0], *dot = strchr(num, '.');
	uint32_t n;
	const char *kind;

	if (!dot || dot[1])
		return sim__fail(p, "schedule: expected 'N. CONTEXT until|through|idle|done|steps ...'");
	*dot = 0;
	if (sim__u32(p, num, "step number", &n))
		return -1;
	if (n != p->next_step)
		return sim__fail(p, "schedule: step %u, expected step %u", n,
				 p->next_step);
	if (sc->nsteps >= SIM_SCHED_STEPS_MAX)
		return sim__fail(p, "schedule: at most %d steps", SIM_SCHED_STEPS_MAX);
	if (p->nwords < 3)
		return sim__fail(p, "schedule: step %u needs a context and what it does", n);
	s = &sc->steps[sc->nsteps];
	memset(s, 0, sizeof(*s));
	s->line = p->line;
	s->ctx = sim_config_ctx_id(&sc->cfg, p->words[1]);
	if (s->ctx < 0)
		return sim__fail(p, "schedule: unknown context '%s' (submitters declared above, kworker, net_tx, net_rx, ctrl)",
				 p->words[1]);
	snprintf(s->text, sizeof(s->text), "%s", raw);
	kind = p->words[2];
	if (!strcmp(kind, "idle") || !strcmp(kind, "done")) {
		if (p->nwords != 3)
			return sim__fail(p, "schedule: '%s' takes nothing after it", kind);
		s->kind = !strcmp(kind, "idle") ? SIM_SS_IDLE : SIM_SS_DONE;
	} else if (!strcmp(kind, "steps")) {
		if (p->nwords != 4)
			return sim__fail(p, "schedule: expected 'steps N'");
		if (sim__u32(p, p->words[3], "steps", &s->n))
			return -1;
		if (!s->n || s->n > 1000000)
			return sim__fail(p, "schedule: steps must be 1..1000000");
		s->kind = SIM_SS_STEPS;
	} else if (!strcmp(kind, "until") || !strcmp(kind, "through")) {
		if (sim__step_op(p, s, kind))
			return -1;
	} else {
		return sim__fail(p, "schedule: unknown directive '%s' (until, through, idle, done, steps)",
				 kind);
	}
	sc->nsteps++;
	p->next_step++;
	return 0;
}

/* The model's variants a line covers, one bit each. */
static uint64_t sim__covered(const struct sim_expect *e)
{
	uint64_t m = 0;
	unsigned v;

	for (v = 0; v < sim_nvariants && v < 64; v++)
		if (sim_expect_covers(e, (int)v))
			m |= (uint64_t)1 << v;
	return m;
}

static unsigned sim__popcount(uint64_t m)
{
	return (unsigned)__builtin_popcountll(m);
}

static int sim__expect(struct sim__parser *p)
{
	struct sim_scenario *sc = p->sc;
	struct sim_expect *e;
	unsigned i, w = 1;
	int k;

	if (p->nwords < 3)
		return sim__fail(p, "expect: expected 'expect VARIANT|*|before VARIANT|from VARIANT VERDICT [PDU] [REQUEST]'");
	if (sc->nexpects >= SIM_EXPECTS_MAX)
		return sim__fail(p, "at most %d expect lines", SIM_EXPECTS_MAX);
	e = &sc->expects[sc->nexpects];
	memset(e, 0, sizeof(*e));
	e->line = p->line;
	e->pdu_type = -1;
	e->req = -1;
	if (!strcmp(p->words[1], "before") || !strcmp(p->words[1], "from")) {
		e->range = !strcmp(p->words[1], "before") ? SIM_EXPECT_BEFORE :
							   SIM_EXPECT_FROM;
		if (p->nwords < 4)
			return sim__fail(p, "expect: expected 'expect %s VARIANT VERDICT [PDU] [REQUEST]'",
					 p->words[1]);
		w = 2;
	}
	if (!strcmp(p->words[w], "*") && !e->range)
		e->variant = -1;
	else if (sim__variant(p, p->words[w], &e->variant))
		return -1;
	if (e->range && sim_variants[e->variant].path)
		return sim__fail(p, "expect: %s a kernel tree's tcp.c: name it without a range",
				 p->words[1]);
	if (e->range && !sim__covered(e))
		return sim__fail(p, "expect: %s %s covers no variant",
				 p->words[1], p->words[w]);
	for (i = 0; i < sc->nexpects; i++) {
		const struct sim_expect *o = &sc->expects[i];

		if (!o->range && !e->range && o->variant == e->variant)
			return sim__fail(p, "expect: %s already has an expected verdict (line %d)",
					 p->words[w], o->line);
		/* nested ranges are fine (the narrower one wins); crossing ones are not */
		if (o->range && e->range) {
			uint64_t a = sim__covered(o), b = sim__covered(e);

			if (a == b)
				return sim__fail(p, "expect: %s %s covers the variants line %d does",
						 p->words[1], p->words[w], o->line);
			if ((a & b) && (a & ~b) && (b & ~a))
				return sim__fail(p, "expect: %s %s and line %d overlap without one inside the other (both cover %s)",
						 p->words[1], p->words[w], o->line,
						 sim_variants[__builtin_ctzll(a & b)].id);
		}
	}
	w++;
	for (k = 1; k < SIM_V_KINDS; k++)
		if (!strcmp(p->words[w], sim_verdict_names[k]))
			break;
	if (k == SIM_V_KINDS)
		return sim__fail(p, "expect: unknown verdict '%s' (pass, hang, stall, safety, protocol, error-recovery, step-bound, schedule, livelock)",
				 p->words[w]);
	e->kind = (uint8_t)k;
	for (i = w + 1; i < p->nwords; i++) {
		const char *word = p->words[i];
		unsigned r;

		if (!strcmp(word, "CapsuleCmd")) {
			e->pdu_type = SIM_PDU_CMD;
			continue;
		}
		if (!strcmp(word, "H2CData")) {
			e->pdu_type = SIM_PDU_H2C_DATA;
			continue;
		}
		for (r = 0; r < sc->cfg.nreqs; r++)
			if (!strcmp(sc->cfg.reqs[r].name, word))
				break;
		if (r == sc->cfg.nreqs)
			return sim__fail(p, "expect: '%s' is neither CapsuleCmd, H2CData nor a request declared above",
					 word);
		e->req = (int)r;
	}
	if ((e->pdu_type >= 0 || e->req >= 0) &&
	    e->kind != SIM_V_HANG && e->kind != SIM_V_STALL)
		return sim__fail(p, "expect: a PDU or request goes only with hang or stall (the verdicts that leave one behind), not %s",
				 sim_verdict_names[e->kind]);
	sc->nexpects++;
	return 0;
}

static int sim__line(struct sim__parser *p, const char *raw)
{
	struct sim_config *cfg = &p->sc->cfg;
	const char *kw = p->words[0];
	unsigned i;

	if (kw[0] >= '0' && kw[0] <= '9') {
		if (!p->in_schedule)
			return sim__fail(p, "a numbered step outside a 'schedule' block");
		return sim__step(p, raw);
	}
	if (!strcmp(kw, "schedule")) {
		if (p->nwords != 1)
			return sim__fail(p, "'schedule' stands alone; its steps follow, numbered from 1");
		if (p->sc->has_schedule)
			return sim__fail(p, "a second 'schedule' block");
		p->sc->has_schedule = true;
		p->in_schedule = true;
		return 0;
	}
	p->in_schedule = false;
	if (!strcmp(kw, "variant")) {
		if (p->nwords != 2)
			return sim__fail(p, "expected 'variant COMMIT|NAME'");
		return sim__variant(p, p->words[1], &cfg->variant);
	}
	if (!strcmp(kw, "env")) {
		if (p->nwords < 2)
			return sim__fail(p, "env: expected key=value ...");
		for (i = 1; i < p->nwords; i++)
			if (sim__env_key(p, p->words[i]))
				return -1;
		if (cfg->env.mss_bytes > cfg->env.sndbuf_bytes)
			return sim__fail(p, "mss_bytes=%u is larger than sndbuf_bytes=%u: not a socket Linux builds",
					 cfg->env.mss_bytes, cfg->env.sndbuf_bytes);
		return 0;
	}
	if (!strcmp(kw, "policy")) {
		if (p->nwords != 2 || (strcmp(p->words[1], "fair") &&
				       strcmp(p->words[1], "prio")))
			return sim__fail(p, "expected 'policy fair' or 'policy prio'");
		cfg->policy = !strcmp(p->words[1], "prio") ? SIM_POLICY_PRIO :
							     SIM_POLICY_FAIR;
		return 0;
	}
	if (!strcmp(kw, "steps_max")) {
		uint64_t v;

		if (p->nwords != 2)
			return sim__fail(p, "expected 'steps_max N'");
		if (sim__number(p, p->words[1], "steps_max", 1000000000, &v))
			return -1;
		if (!v)
			return sim__fail(p, "steps_max must be at least 1");
		cfg->steps_max = v;
		return 0;
	}
	if (!strcmp(kw, "submitter")) {
		if (cfg->nreqs)
			return sim__fail(p, "declare submitters before requests");
		return sim__submitter(p);
	}
	if (!strcmp(kw, "request"))
		return sim__request(p);
	if (!strcmp(kw, "expect"))
		return sim__expect(p);
	return sim__fail(p, "unknown keyword '%s' (variant, env, policy, steps_max, submitter, request, schedule, expect)",
			 kw);
}

/* Copy one line into buf without its comment; split into words. */
static int sim__split(struct sim__parser *p, const char *line, size_t len,
		      char *raw, size_t rawlen)
{
	size_t i, n = 0;
	char *q;

	if (len > SIM__LINE_MAX)
		return sim__fail(p, "line longer than %d bytes", SIM__LINE_MAX);
	for (i = 0; i < len && line[i] != '#'; i++) {
		unsigned char c = (unsigned char)line[i];

		if (c == '\t' || c == '\r')
			c = ' ';
		if (c < 0x20 || c > 0x7e)
			return sim__fail(p, "unexpected byte 0x%02x (scenarios are plain ASCII)",
					 c);
		p->buf[n++] = (char)c;
	}
	p->buf[n] = 0;
	/* the step as written, trimmed, for the timeline */
	q = p->buf;
	while (*q == ' ')
		q++;
	snprintf(raw, rawlen, "%s", q);
	for (i = strlen(raw); i && raw[i - 1] == ' '; i--)
		raw[i - 1] = 0;

	p->nwords = 0;
	q = p->buf;
	for (;;) {
		while (*q == ' ')
			q++;
		if (!*q)
			break;
		if (p->nwords == SIM__WORDS_MAX)
			return sim__fail(p, "more than %d words on a line", SIM__WORDS_MAX);
		p->words[p->nwords++] = q;
		while (*q && *q != ' ')
			q++;
		if (*q)
			*q++ = 0;
	}
	return 0;
}

int sim_scenario_parse(const char *path, const char *text, size_t len,
		       struct sim_scenario *sc, char *err, size_t errlen)
{
	struct sim__parser *p = calloc(1, sizeof(*p));
	size_t pos = 0;
	char raw[SIM__LINE_MAX + 1];
	int ret = 0;

	if (!p) {
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	memset(sc, 0, sizeof(*sc));
	snprintf(sc->path, sizeof(sc->path), "%s", path);
	sim_config_default(&sc->cfg);
	p->sc = sc;
	p->path = path;
	p->err = err;
	p->errlen = errlen;
	p->next_step = 1;
	if (len > SIM_SCENARIO_BYTES_MAX) {
		p->line = 1;
		ret = sim__fail(p, "file larger than %d bytes", SIM_SCENARIO_BYTES_MAX);
		goto out;
	}
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t l = nl ? (size_t)(nl - (text + pos)) : len - pos;

		p->line++;
		ret = sim__split(p, text + pos, l, raw, sizeof(raw));
		if (!ret && p->nwords)
			ret = sim__line(p, raw);
		if (ret)
			goto out;
		pos += l + (nl ? 1 : 0);
	}
	p->line++;
	if (!p->subs_declared)
		sc->cfg.subs[0].cpu = sc->cfg.env.io_cpu;
	if (!sc->cfg.nreqs) {
		ret = sim__fail(p, "no 'request' lines: the workload is empty");
		goto out;
	}
	if (sc->has_schedule && !sc->nsteps) {
		ret = sim__fail(p, "'schedule' block with no steps");
		goto out;
	}
	/* the variant a schedule was written on, where it must apply: run's default */
	sc->home_variant = sc->cfg.variant >= 0 ? sc->cfg.variant :
			   sim_variant_find("mainline");
out:
	free(p);
	return ret;
}

int sim_scenario_load(const char *path, struct sim_scenario *sc, char *err,
		      size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;
	int ret;

	if (!f) {
		snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	buf = malloc(SIM_SCENARIO_BYTES_MAX + 1);
	if (!buf) {
		fclose(f);
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	n = fread(buf, 1, SIM_SCENARIO_BYTES_MAX + 1, f);
	if (ferror(f)) {
		snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
		ret = -1;
	} else {
		ret = sim_scenario_parse(path, buf, n, sc, err, errlen);
	}
	free(buf);
	fclose(f);
	return ret;
}

bool sim_expect_covers(const struct sim_expect *e, int variant)
{
	nvt_commits_t x, v;

	if (e->range == SIM_EXPECT_ONE)
		return e->variant == variant;
	/* a kernel tree's tcp.c is not on the model's line of commits */
	if (!sim_variant_valid(variant) || sim_variants[variant].path)
		return false;
	x = sim_variants[e->variant].commits;
	v = sim_variants[variant].commits;
	if (e->range == SIM_EXPECT_BEFORE)
		return v != x && !(v & ~x);
	return !(x & ~v);
}

const struct sim_expect *sim_scenario_expect_own(const struct sim_scenario *sc,
						 int variant)
{
	const struct sim_expect *range = NULL;
	unsigned i;

	for (i = 0; i < sc->nexpects; i++) {
		const struct sim_expect *e = &sc->expects[i];

		if (e->variant < 0 || !sim_expect_covers(e, variant))
			continue;
		if (e->range == SIM_EXPECT_ONE)
			return e;
		if (!range || sim__popcount(sim__covered(e)) <
			      sim__popcount(sim__covered(range)))
			range = e;
	}
	return range;
}

const struct sim_expect *sim_scenario_expect(const struct sim_scenario *sc,
					     int variant)
{
	const struct sim_expect *own = sim_scenario_expect_own(sc, variant);
	unsigned i;

	if (own)
		return own;
	for (i = 0; i < sc->nexpects; i++)
		if (sc->expects[i].variant < 0)
			return &sc->expects[i];
	return NULL;
}

enum sim_outcome sim_scenario_outcome(const struct sim_scenario *sc, int variant,
				      const struct sim_verdict *v)
{
	if (sim_expect_matches(sim_scenario_expect(sc, variant), v))
		return SIM_OUTCOME_OK;
	/* not on the file's own variant: its schedule was written there */
	if (v->kind == SIM_V_SCHEDULE && sc->has_schedule &&
	    variant != sc->home_variant &&
	    !sim_scenario_expect_own(sc, variant))
		return SIM_OUTCOME_NA;
	return SIM_OUTCOME_FAIL;
}

bool sim_expect_matches(const struct sim_expect *e, const struct sim_verdict *v)
{
	if (!e)
		return v->kind == SIM_V_PASS;
	if (v->kind != e->kind)
		return false;
	if (e->pdu_type >= 0 && v->pdu_type != e->pdu_type)
		return false;
	if (e->req >= 0 && v->req != e->req)
		return false;
	return true;
}

void sim_expect_describe(const struct sim_scenario *sc,
			 const struct sim_expect *e, char *buf, size_t len)
{
	if (!e) {
		snprintf(buf, len, "pass (no expect line for this variant)");
		return;
	}
	snprintf(buf, len, "%s%s%s%s%s", sim_verdict_names[e->kind],
		 e->pdu_type >= 0 ? " " : "",
		 e->pdu_type >= 0 ? sim_pdu_type_name((uint8_t)e->pdu_type) : "",
		 e->req >= 0 ? " " : "",
		 e->req >= 0 ? sc->cfg.reqs[e->req].name : "");
}
