/*
 * Replay strings (format in replay.h). Decode takes untrusted bytes (it is
 * fuzzed), so it works on pointer + length spans and never expects a NUL;
 * everything it quotes back has first been checked to be printable ASCII,
 * which keeps every error on one line.
 */
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "replay.h"
#include "variant.h"

#define SIM__FIELDS 7
#define SIM__SHOW_MAX 24	/* bytes of bad input quoted back in an error */
#define SIM__VARIANT_BYTES 64

static const char *const sim__op_names[] = { "write", "read", "flush" };

struct sim__env_key {
	const char *key;
	size_t off;		/* of a uint32_t in struct sim_env; not io_cpu */
	uint32_t min, max;
};

/* The scenario parser's limits, under shorter keys: the string is typed by hand too. */
static const struct sim__env_key sim__env_keys[] = {
	{ "sndbuf", offsetof(struct sim_env, sndbuf_bytes), SIM_SOCK_MIN_SNDBUF,
	  SIM_SOCK_SQ_BYTES },
	{ "mss", offsetof(struct sim_env, mss_bytes), 1, SIM_MSS_MAX },
	{ "maxh2cdata", offsetof(struct sim_env, maxh2cdata_bytes), 4096,
	  4 * 1024 * 1024 },
	{ "ioccsz", offsetof(struct sim_env, ioccsz), 4,
	  (64 + SIM_REQ_BYTES_MAX) / 16 },
	{ "r2t", offsetof(struct sim_env, r2t_bytes), 0, UINT32_MAX },
	{ "c2h", offsetof(struct sim_env, c2h_bytes), 0, UINT32_MAX },
	{ "rcvbuf", offsetof(struct sim_env, rcvbuf_bytes), SIM_SOCK_MIN_RCVBUF,
	  SIM_TARGET_RX_BYTES },
	{ "quota", offsetof(struct sim_env, quota_steps), 0, UINT32_MAX },
	{ "io_cpu", 0, 0, SIM_CPUS_MAX - 1 },
};

#define SIM__ENV_KEYS (sizeof(sim__env_keys) / sizeof(sim__env_keys[0]))

static bool sim__name_ok(const char *p, size_t len)
{
	size_t i;

	if (!len || len >= SIM_NAME_BYTES)
		return false;
	for (i = 0; i < len; i++) {
		char c = p[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return false;
	}
	return true;
}

/* config.c owns the fixed context names. */
static bool sim__fixed_ctx_name(const char *name)
{
	return sim_config_reserved(name);
}

/* ---- encode ---- */

struct sim__wr {
	char *out;
	size_t outlen;
	size_t len;
	bool over;
};

static void sim__put(struct sim__wr *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void sim__put(struct sim__wr *w, const char *fmt, ...)
{
	size_t room = w->outlen - w->len;
	va_list ap;
	int n;

	if (w->over || !room) {
		w->over = true;
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(w->out + w->len, room, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= room) {
		w->over = true;
		return;
	}
	w->len += (size_t)n;
}

/* Only what decode will take back: encode never writes a string it cannot replay. */
static bool sim__encodable(const struct sim_config *cfg, const uint8_t *choices,
			   size_t nchoices)
{
	char err[256];
	unsigned i, j;
	size_t c;

	if (sim_config_check(cfg, err, sizeof(err)))
		return false;
	if (cfg->policy != SIM_POLICY_FAIR && cfg->policy != SIM_POLICY_PRIO)
		return false;
	for (i = 0; i < cfg->nsubs; i++) {
		const char *name = cfg->subs[i].name;

		if (!sim__name_ok(name, strnlen(name, SIM_NAME_BYTES)) ||
		    sim__fixed_ctx_name(name) || sim_config_ctx_id(cfg, name) != (int)i)
			return false;
	}
	for (i = 0; i < cfg->nreqs; i++) {
		const char *name = cfg->reqs[i].name;

		if (!sim__name_ok(name, strnlen(name, SIM_NAME_BYTES)) ||
		    cfg->reqs[i].op > SIM_RQ_FLUSH)
			return false;
		for (j = 0; j < i; j++)
			if (!strcmp(cfg->reqs[j].name, name))
				return false;
	}
	for (c = 0; c < nchoices; c++)
		if (choices[c] >= sim_config_nctx(cfg))
			return false;
	return true;
}

static void sim__put_choices(struct sim__wr *w, const uint8_t *choices, size_t n)
{
	size_t i = 0, run;

	while (i < n && !w->over) {
		for (run = 1; i + run < n && choices[i + run] == choices[i]; run++)
			;
		sim__put(w, "%c", 'a' + choices[i]);
		if (run > 1)
			sim__put(w, "%zu", run);
		i += run;
	}
}

int sim_replay_encode(const struct sim_config *cfg, const uint8_t *choices,
		      size_t nchoices, char *out, size_t outlen)
{
	struct sim__wr w = { .out = out, .outlen = outlen };
	const struct sim_env *e = &cfg->env;
	unsigned i;

	if (!sim__encodable(cfg, choices, nchoices))
		return -1;
	sim__put(&w, SIM_REPLAY_TAG ":%s", sim_variants[cfg->variant].id);
	if (sim_variants[cfg->variant].tcp_sha)
		sim__put(&w, "@%s", sim_variants[cfg->variant].tcp_sha);
	sim__put(&w, ":");
	sim__put(&w, "sndbuf=%u,mss=%u,maxh2cdata=%u,ioccsz=%u,r2t=%u,c2h=%u,rcvbuf=%u,quota=%u,io_cpu=%d",
		 e->sndbuf_bytes, e->mss_bytes, e->maxh2cdata_bytes, e->ioccsz,
		 e->r2t_bytes, e->c2h_bytes, e->rcvbuf_bytes, e->quota_steps,
		 e->io_cpu);
	/* only where it is not the default, so fair strings stay as they were */
	sim__put(&w, "%s:", cfg->policy == SIM_POLICY_PRIO ? ",policy=prio" : "");
	for (i = 0; i < cfg->nsubs; i++)
		sim__put(&w, "%s%s@%d", i ? "," : "", cfg->subs[i].name,
			 cfg->subs[i].cpu);
	sim__put(&w, ":");
	for (i = 0; i < cfg->nreqs; i++) {
		const struct sim_req_spec *r = &cfg->reqs[i];

		sim__put(&w, "%s%s=%s/%u/%s%s%s", i ? "," : "", r->name,
			 sim__op_names[r->op], r->len_bytes,
			 cfg->subs[r->submitter].name, r->last ? "/last" : "",
			 r->commit_after ? "/commit" : "");
	}
	sim__put(&w, ":%" PRIu64 ":", cfg->steps_max);
	sim__put_choices(&w, choices, nchoices);
	if (w.over || w.len > INT_MAX) {
		if (outlen)
			out[0] = 0;
		return -1;
	}
	return (int)w.len;
}

/* ---- decode ---- */

struct sim__span {
	const char *p;
	size_t len;
};

/* The sep-separated items of a span: "" has none, "a," has "a" and "". */
struct sim__items {
	struct sim__span rest;
	bool done;
};

struct sim__rd {
	char *err;
	size_t errlen;
	const char *field;	/* named in errors; NULL: the string as a whole */
	struct sim_config cfg;	/* copied out only once all of it is good */
};

/* Bad input quoted back, cut short so the error stays one readable line. */
struct sim__shown {
	char s[SIM__SHOW_MAX + sizeof("...")];
};

static struct sim__shown sim__show(struct sim__span v)
{
	struct sim__shown o;
	size_t n = v.len > SIM__SHOW_MAX ? SIM__SHOW_MAX : v.len;

	if (n)
		memcpy(o.s, v.p, n);
	snprintf(o.s + n, sizeof(o.s) - n, "%s", v.len > n ? "..." : "");
	return o;
}

static int sim__fail(struct sim__rd *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int sim__fail(struct sim__rd *d, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (d->errlen)
		snprintf(d->err, d->errlen, "replay string: %s%s%s%s",
			 d->field ? "field " : "", d->field ? d->field : "",
			 d->field ? ": " : "", msg);
	return -1;
}

static void sim__items_init(struct sim__items *it, struct sim__span s)
{
	it->rest = s;
	it->done = !s.len;
}

static bool sim__items_next(struct sim__items *it, char sep,
			    struct sim__span *item)
{
	const char *q;

	if (it->done)
		return false;
	q = it->rest.len ? memchr(it->rest.p, sep, it->rest.len) : NULL;
	if (!q) {
		*item = it->rest;
		it->done = true;
		return true;
	}
	item->p = it->rest.p;
	item->len = (size_t)(q - it->rest.p);
	it->rest.p = q + 1;
	it->rest.len -= item->len + 1;
	return true;
}

/* Splits at the first sep; false when there is none. */
static bool sim__split(struct sim__span s, char sep, struct sim__span *before,
		       struct sim__span *after)
{
	const char *q = s.len ? memchr(s.p, sep, s.len) : NULL;

	if (!q)
		return false;
	before->p = s.p;
	before->len = (size_t)(q - s.p);
	after->p = q + 1;
	after->len = s.len - before->len - 1;
	return true;
}

static bool sim__eq(struct sim__span s, const char *lit)
{
	size_t n = strlen(lit);

	return s.len == n && (!n || !memcmp(s.p, lit, n));
}

static bool sim__digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Plain decimal: no sign, no suffix, no leading zero; what prefixes the error. */
static int sim__number(struct sim__rd *d, struct sim__span v, const char *what,
		       uint64_t max, uint64_t *out)
{
	const char *sep = what[0] ? ": " : "";
	uint64_t n = 0;
	size_t i;

	if (!v.len)
		return sim__fail(d, "%s%smissing number", what, sep);
	for (i = 0; i < v.len; i++)
		if (!sim__digit(v.p[i]))
			return sim__fail(d, "%s%s'%s' is not a number", what, sep,
					 sim__show(v).s);
	if (v.len > 1 && v.p[0] == '0')
		return sim__fail(d, "%s%s'%s' has a leading zero", what, sep,
				 sim__show(v).s);
	for (i = 0; i < v.len; i++) {
		unsigned dgt = (unsigned)(v.p[i] - '0');

		if (n > max / 10 || (n == max / 10 && dgt > max % 10))
			return sim__fail(d, "%s%s%s is out of range (at most %" PRIu64 ")",
					 what, sep, sim__show(v).s, max);
		n = n * 10 + dgt;
	}
	*out = n;
	return 0;
}

static int sim__name(struct sim__rd *d, struct sim__span v, const char *what,
		     char *out)
{
	if (!v.len || v.len >= SIM_NAME_BYTES)
		return sim__fail(d, "%s name '%s' must be 1..%d characters", what,
				 sim__show(v).s, SIM_NAME_BYTES - 1);
	if (!sim__name_ok(v.p, v.len))
		return sim__fail(d, "%s name '%s': use letters, digits, '_' and '-'",
				 what, sim__show(v).s);
	memcpy(out, v.p, v.len);
	out[v.len] = 0;
	return 0;
}

/* "linux-6.1.192@<tcp.c sha>": only on that tree's tcp.c, loaded with --kernel. */
static int sim__kernel_variant(struct sim__rd *d, char *id, char *at)
{
	int k = sim_variant_kernel();

	*at++ = 0;
	if (k < 0)
		return sim__fail(d, "recorded on %s's own tcp.c (sha256 %s...): give that tree with --kernel",
				 id, at);
	if (strcmp(sim_variants[k].tcp_sha, at))
		return sim__fail(d, "recorded on a tcp.c with sha256 %s..., but --kernel's %s has %s...: a replay holds only on the file it was recorded on",
				 at, sim_variants[k].id, sim_variants[k].tcp_sha);
	if (strcmp(sim_variants[k].id, id))
		return sim__fail(d, "recorded on %s, but --kernel gives %s",
				 id, sim_variants[k].id);
	d->cfg.variant = k;
	return 0;
}

static int sim__variant(struct sim__rd *d, struct sim__span f)
{
	char id[SIM__VARIANT_BYTES];

	d->field = "variant";
	d->cfg.variant = -1;
	if (f.len < sizeof(id)) {
		char *at;

		if (f.len)
			memcpy(id, f.p, f.len);
		id[f.len] = 0;
		at = strchr(id, '@');
		if (at)
			return sim__kernel_variant(d, id, at);
		d->cfg.variant = sim_variant_find(id);
	}
	if (d->cfg.variant < 0)
		return sim__fail(d, "unknown variant '%s' (see: nvtsim variants)",
				 sim__show(f).s);
	return 0;
}

static int sim__env(struct sim__rd *d, struct sim__span f)
{
	struct sim_env *e = &d->cfg.env;
	bool seen[SIM__ENV_KEYS] = { false }, policy_seen = false;
	struct sim__span item, key, val;
	struct sim__items it;
	unsigned i;
	uint64_t v;

	d->field = "env";
	sim__items_init(&it, f);
	while (sim__items_next(&it, ',', &item)) {
		const struct sim__env_key *k;

		if (!sim__split(item, '=', &key, &val))
			return sim__fail(d, "expected key=value, got '%s'",
					 sim__show(item).s);
		if (sim__eq(key, "policy")) {
			if (policy_seen)
				return sim__fail(d, "key 'policy' given twice");
			policy_seen = true;
			if (sim__eq(val, "prio"))
				d->cfg.policy = SIM_POLICY_PRIO;
			else if (sim__eq(val, "fair"))
				d->cfg.policy = SIM_POLICY_FAIR;
			else
				return sim__fail(d, "policy '%s': fair or prio",
						 sim__show(val).s);
			continue;
		}
		for (i = 0; i < SIM__ENV_KEYS; i++)
			if (sim__eq(key, sim__env_keys[i].key))
				break;
		if (i == SIM__ENV_KEYS)
			return sim__fail(d, "unknown key '%s'", sim__show(key).s);
		k = &sim__env_keys[i];
		if (seen[i])
			return sim__fail(d, "key '%s' given twice", k->key);
		seen[i] = true;
		if (sim__number(d, val, k->key, UINT32_MAX, &v))
			return -1;
		if (v < k->min || v > k->max)
			return sim__fail(d, "%s=%" PRIu64 " out of range %u..%u",
					 k->key, v, k->min, k->max);
		if (!strcmp(k->key, "maxh2cdata") && v % 4)
			return sim__fail(d, "maxh2cdata=%" PRIu64 ": must be a multiple of 4",
					 v);
		if (!strcmp(k->key, "io_cpu")) {
			e->io_cpu = (int)v;
		} else {
			uint32_t v32 = (uint32_t)v;

			memcpy((char *)e + k->off, &v32, sizeof(v32));
		}
	}
	for (i = 0; i < SIM__ENV_KEYS; i++)
		if (!seen[i])
			return sim__fail(d, "missing key '%s'", sim__env_keys[i].key);
	return 0;
}

static int sim__subs(struct sim__rd *d, struct sim__span f)
{
	struct sim_config *cfg = &d->cfg;
	struct sim__span item, name, cpu;
	struct sim__items it;
	uint64_t v;

	d->field = "subs";
	sim__items_init(&it, f);
	while (sim__items_next(&it, ',', &item)) {
		struct sim_sub_spec *s;

		if (!sim__split(item, '@', &name, &cpu))
			return sim__fail(d, "expected NAME@CPU, got '%s'",
					 sim__show(item).s);
		if (cfg->nsubs == SIM_SUBMITTERS_MAX)
			return sim__fail(d, "more than %d submitters",
					 SIM_SUBMITTERS_MAX);
		s = &cfg->subs[cfg->nsubs];
		if (sim__name(d, name, "submitter", s->name))
			return -1;
		if (sim__fixed_ctx_name(s->name))
			return sim__fail(d, "submitter '%s' is already a context name",
					 s->name);
		if (sim_config_ctx_id(cfg, s->name) >= 0)
			return sim__fail(d, "submitter '%s' given twice", s->name);
		if (sim__number(d, cpu, "cpu", UINT32_MAX, &v))
			return -1;
		if (v >= SIM_CPUS_MAX)
			return sim__fail(d, "submitter %s: cpu %" PRIu64 " out of range 0..%d",
					 s->name, v, SIM_CPUS_MAX - 1);
		s->cpu = (int)v;
		cfg->nsubs++;
	}
	if (!cfg->nsubs)
		return sim__fail(d, "no submitters (1..%d allowed)",
				 SIM_SUBMITTERS_MAX);
	return 0;
}

static int sim__req_op(struct sim__rd *d, struct sim_req_spec *r,
		       struct sim__span op)
{
	unsigned i;

	for (i = 0; i < sizeof(sim__op_names) / sizeof(sim__op_names[0]); i++) {
		if (sim__eq(op, sim__op_names[i])) {
			r->op = (uint8_t)i;
			return 0;
		}
	}
	return sim__fail(d, "request %s: unknown operation '%s' (write, read or flush)",
			 r->name, sim__show(op).s);
}

static int sim__req_len(struct sim__rd *d, struct sim_req_spec *r,
			struct sim__span len)
{
	char what[SIM_NAME_BYTES + 32];
	uint64_t v;

	snprintf(what, sizeof(what), "request %s: length", r->name);
	if (sim__number(d, len, what, UINT32_MAX, &v))
		return -1;
	if (r->op == SIM_RQ_FLUSH && v)
		return sim__fail(d, "request %s: a flush carries no data (length 0)",
				 r->name);
	if (r->op != SIM_RQ_FLUSH &&
	    (v < 512 || v % 512 || v > SIM_REQ_BYTES_MAX))
		return sim__fail(d, "request %s: length %" PRIu64 " must be a multiple of 512 from 512 to %u",
				 r->name, v, SIM_REQ_BYTES_MAX);
	r->len_bytes = (uint32_t)v;
	return 0;
}

static int sim__req_sub(struct sim__rd *d, struct sim_req_spec *r,
			struct sim__span sub)
{
	unsigned i;

	for (i = 0; i < d->cfg.nsubs; i++) {
		if (sim__eq(sub, d->cfg.subs[i].name)) {
			r->submitter = (uint8_t)i;
			return 0;
		}
	}
	return sim__fail(d, "request %s: no submitter '%s'", r->name,
			 sim__show(sub).s);
}

/* NAME=OP/LEN/SUBMITTER[/last][/commit], the flags in that order as encode writes them. */
static int sim__req(struct sim__rd *d, struct sim__span item)
{
	struct sim_config *cfg = &d->cfg;
	struct sim__span name, spec, op, len, sub, opt;
	struct sim__items parts;
	struct sim_req_spec *r;
	unsigned i;
	bool more;

	if (!sim__split(item, '=', &name, &spec))
		return sim__fail(d, "expected NAME=OP/LEN/SUBMITTER[/last][/commit], got '%s'",
				 sim__show(item).s);
	if (cfg->nreqs == SIM_REQS_MAX)
		return sim__fail(d, "more than %d requests", SIM_REQS_MAX);
	r = &cfg->reqs[cfg->nreqs];
	if (sim__name(d, name, "request", r->name))
		return -1;
	for (i = 0; i < cfg->nreqs; i++)
		if (!strcmp(cfg->reqs[i].name, r->name))
			return sim__fail(d, "request '%s' given twice", r->name);
	sim__items_init(&parts, spec);
	if (!sim__items_next(&parts, '/', &op) ||
	    !sim__items_next(&parts, '/', &len) ||
	    !sim__items_next(&parts, '/', &sub))
		return sim__fail(d, "request %s: expected OP/LEN/SUBMITTER[/last][/commit], got '%s'",
				 r->name, sim__show(spec).s);
	if (sim__req_op(d, r, op) || sim__req_len(d, r, len) ||
	    sim__req_sub(d, r, sub))
		return -1;
	more = sim__items_next(&parts, '/', &opt);
	if (more && sim__eq(opt, "last")) {
		r->last = true;
		more = sim__items_next(&parts, '/', &opt);
	}
	if (more && sim__eq(opt, "commit")) {
		r->commit_after = true;
		more = sim__items_next(&parts, '/', &opt);
	}
	if (more)
		return sim__fail(d, "request %s: unexpected '/%s' (only /last, then /commit, may follow the submitter)",
				 r->name, sim__show(opt).s);
	cfg->nreqs++;
	return 0;
}

static int sim__reqs(struct sim__rd *d, struct sim__span f)
{
	struct sim__span item;
	struct sim__items it;

	d->field = "reqs";
	sim__items_init(&it, f);
	while (sim__items_next(&it, ',', &item))
		if (sim__req(d, item))
			return -1;
	if (!d->cfg.nreqs)
		return sim__fail(d, "no requests: the workload is empty");
	return 0;
}

static int sim__steps_max(struct sim__rd *d, struct sim__span f)
{
	d->field = "steps_max";
	if (sim__number(d, f, "", UINT64_MAX, &d->cfg.steps_max))
		return -1;
	if (!d->cfg.steps_max)
		return sim__fail(d, "must be at least 1");
	return 0;
}

/* A repeat count after a letter: 2 or more, canonical, saturating past max. */
static int sim__repeat(struct sim__rd *d, struct sim__span f, size_t *pos,
		       size_t *run)
{
	size_t start = *pos, i, v = 0;

	for (i = start; i < f.len && sim__digit(f.p[i]); i++) {
		size_t dgt = (size_t)(f.p[i] - '0');

		/* too big for anyone's buffer: the caller reports "more than N" */
		v = v > (SIZE_MAX - dgt) / 10 ? SIZE_MAX : v * 10 + dgt;
	}
	*pos = i;
	if (f.p[start] == '0' && i - start > 1)
		return sim__fail(d, "repeat count '%s' at offset %zu has a leading zero",
				 sim__show((struct sim__span){ f.p + start, i - start }).s,
				 start);
	if (v < 2)
		return sim__fail(d, "repeat count %zu at offset %zu: counts start at 2 (a letter alone is one)",
				 v, start);
	*run = v;
	return 0;
}

static int sim__choices(struct sim__rd *d, struct sim__span f, uint8_t *choices,
			size_t choices_max, size_t *nchoices)
{
	unsigned nctx = sim_config_nctx(&d->cfg);
	size_t pos = 0, n = 0, run, k;

	d->field = "choices";
	while (pos < f.len) {
		char c = f.p[pos];

		if (c < 'a' || c >= 'a' + (int)nctx) {
			if (sim__digit(c))
				return sim__fail(d, "'%c' at offset %zu: a repeat count follows a context letter",
						 c, pos);
			return sim__fail(d, "'%c' at offset %zu is not a context (a..%c for this config)",
					 c, pos, (int)('a' + nctx - 1));
		}
		pos++;
		run = 1;
		if (pos < f.len && sim__digit(f.p[pos]) &&
		    sim__repeat(d, f, &pos, &run))
			return -1;
		if (run > choices_max - n)
			return sim__fail(d, "more than %zu choices", choices_max);
		for (k = 0; k < run; k++)
			choices[n++] = (uint8_t)(c - 'a');
	}
	*nchoices = n;
	return 0;
}

static bool sim__trailing_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int sim_replay_decode(const char *s, size_t len, struct sim_config *cfg,
		      uint8_t *choices, size_t choices_max, size_t *nchoices,
		      char *err, size_t errlen)
{
	struct sim__rd d = { .err = err, .errlen = errlen };
	struct sim__span f[SIM__FIELDS], item;
	struct sim__items it;
	size_t i, nfields = 0, n = 0;
	char msg[256];

	*nchoices = 0;
	memset(&d.cfg, 0, sizeof(d.cfg));
	while (len && sim__trailing_space(s[len - 1]))
		len--;
	if (!len)
		return sim__fail(&d, "empty");
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x21 || c > 0x7e)
			return sim__fail(&d, "byte 0x%02x at offset %zu (a replay string is printable ASCII, no spaces)",
					 c, i);
	}
	sim__items_init(&it, (struct sim__span){ s, len });
	while (sim__items_next(&it, ':', &item)) {
		if (nfields < SIM__FIELDS)
			f[nfields] = item;
		nfields++;
	}
	if (!sim__eq(f[0], SIM_REPLAY_TAG)) {
		d.field = "tag";
		return sim__fail(&d, "expected '%s', got '%s'", SIM_REPLAY_TAG,
				 sim__show(f[0]).s);
	}
	if (nfields < SIM__FIELDS)
		return sim__fail(&d, "truncated: %zu of %d ':'-separated fields",
				 nfields, SIM__FIELDS);
	if (nfields > SIM__FIELDS)
		return sim__fail(&d, "%zu ':'-separated fields, expected %d",
				 nfields, SIM__FIELDS);
	if (sim__variant(&d, f[1]) || sim__env(&d, f[2]) || sim__subs(&d, f[3]) ||
	    sim__reqs(&d, f[4]) || sim__steps_max(&d, f[5]) ||
	    sim__choices(&d, f[6], choices, choices_max, &n))
		return -1;
	d.field = NULL;
	if (sim_config_check(&d.cfg, msg, sizeof(msg)))
		return sim__fail(&d, "%s", msg);
	*cfg = d.cfg;
	*nchoices = n;
	return 0;
}
