/* The known-bugs list: one entry per recorded bug, with every signature it shows. */
#include <stdio.h>
#include <string.h>

#include "knownbugs.h"
#include "pdu.h"
#include "variant.h"

#define SIM__SIGS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* Contexts whose whereabouts a bug does not depend on. */
#define SIM__ANYWHERE "subs=* kworker=* net_tx=* net_rx=* ctrl=*"

const struct sim_known_bug sim_known_bugs[] = {
	{
		.name = "maxh2cdata-overrun",
		.first = "v5.7",
		.fixed = "3770a42bb8ce",	/* the first variant with c2700d2886a8 */
		.what = "one H2CData PDU answers a whole R2T, past the controller's MAXH2CDATA (fixed by c2700d2886a8, v5.17)",
		.line_has = "> maxh2cdata",
		.sigs = SIM__SIGS("protocol H2CData " SIM__ANYWHERE),
	},
	{
		.name = "direct-send-race",
		.first = "db5ad6b7f8cd",
		.fixed = "5c11f7d9f843",
		.what = "queue_rq sends one request and lets go of send_mutex; io_work failed its trylock and did not reschedule (fixed by 5c11f7d9f843, v5.11)",
		.line_has = "is queued on",
		.sigs = SIM__SIGS("hang H2CData " SIM__ANYWHERE,
				  "hang CapsuleCmd " SIM__ANYWHERE),
	},
	{
		.name = "send-all-race",
		.first = "5c11f7d9f843",
		.fixed = "a0fdd1418007",
		.what = "io_work fails its trylock while queue_rq's nvme_tcp_send_all is past its last look at req_list (fixed by a0fdd1418007, v5.13)",
		.line_has = "is queued on",
		.sigs = SIM__SIGS("hang H2CData " SIM__ANYWHERE,
				  "hang CapsuleCmd " SIM__ANYWHERE),
	},
	{
		.name = "msg-more-stall",
		.first = "122e5b9f3d37",
		.fixed = "3770a42bb8ce",
		.what = "a PDU sent with MSG_MORE because more_requests said more would follow, and none did (fixed by 3770a42bb8ce, v6.0)",
		.sigs = SIM__SIGS("stall CapsuleCmd " SIM__ANYWHERE,
				  "stall H2CData " SIM__ANYWHERE),
	},
	{
		.name = "h2cdata-offset-from-data-sent",
		.first = "a0fdd1418007",	/* the first variant with 825619b09ad3 */
		.fixed = "3770a42bb8ce",	/* the first variant with e371af033c56 */
		.what = "a PDU's final send no longer advances the request (825619b09ad3) but H2CData's data_offset still comes from req->data_sent, so the next R2T's PDU repeats an old offset (fixed by e371af033c56, v5.15)",
		.line_has = "repeats data already received",
		.sigs = SIM__SIGS("protocol H2CData " SIM__ANYWHERE),
	},
	{
		.name = "io-work-priority-inversion",
		.first = "a0fdd1418007",
		.fixed = "70f437fb4395",
		.what = "io_work keeps itself pending while its trylock fails; on the submitter's CPU it never lets the mutex holder run (fixed by 70f437fb4395, v5.15)",
		/* a priority inversion: only strict kworker priority makes it a loop */
		.line_has = "under strict kworker priority",
		.sigs = SIM__SIGS("livelock - subs=* kworker=nvme_tcp_io_work net_tx=* net_rx=* ctrl=*"),
	},
	{
		.name = "write-space-lost-to-trylock",
		.first = "db5ad6b7f8cd",	/* every variant that sends from queue_rq */
		.fixed = NULL,
		.what = "NEW (nvtsim, not reported upstream): queue_rq's send gets -EAGAIN with a PDU half sent; write_space's io_work fails its trylock while queue_rq still holds send_mutex, and nvme_tcp_queue_has_pending() does not count queue->request, so nothing sends the rest",
		.line_has = "is half sent as queue->request and no context will send it",
		.sigs = SIM__SIGS("hang H2CData " SIM__ANYWHERE,
				  "hang CapsuleCmd " SIM__ANYWHERE),
	},
	{
		.name = "io-work-writable-spin",
		.first = "v6.12.36",
		.fixed = NULL,
		.what = "NEW (nvtsim, not reported upstream): io_work goes on while requests wait and the socket is writable even when its trylock failed; 70f437fb4395's priority inversion again",
		.line_has = "under strict kworker priority",
		.sigs = SIM__SIGS("livelock - subs=* kworker=nvme_tcp_io_work net_tx=* net_rx=* ctrl=*"),
	},
};

const unsigned sim_nknown_bugs = sizeof(sim_known_bugs) / sizeof(sim_known_bugs[0]);

const struct sim_known_bug *sim_known_bug_named(const char *name)
{
	unsigned i;

	for (i = 0; i < sim_nknown_bugs; i++)
		if (!strcmp(sim_known_bugs[i].name, name))
			return &sim_known_bugs[i];
	return NULL;
}

bool sim_verdict_is_failure(const struct sim_verdict *v)
{
	return v->kind != SIM_V_PASS && v->kind != SIM_V_STEP_BOUND &&
		v->kind != SIM_V_RUNNING;
}

static const char *sim__fn(const struct sim_ctx *c)
{
	return c->last_fn ? c->last_fn : "start";
}

void sim_signature(const struct sim_world *w, char *buf, size_t len)
{
	const struct sim_verdict *v = &w->verdict;
	const char *subs[SIM_SUBMITTERS_MAX];
	unsigned nsubs = 0, i, j;
	size_t used;

	/* the submitters' functions as a sorted set: insertion sort, no duplicates */
	for (i = 0; i < w->cfg.nsubs; i++) {
		const char *fn = sim__fn(&w->ctx[i]);

		for (j = 0; j < nsubs && strcmp(subs[j], fn) < 0; j++)
			;
		if (j < nsubs && !strcmp(subs[j], fn))
			continue;
		memmove(subs + j + 1, subs + j, (nsubs - j) * sizeof(subs[0]));
		subs[j] = fn;
		nsubs++;
	}
	used = (size_t)snprintf(buf, len, "%s %s subs=", sim_verdict_names[v->kind],
				v->pdu_type == 0xff ? "-" :
				sim_pdu_type_name(v->pdu_type));
	for (i = 0; i < nsubs && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
					 i ? "," : "", subs[i]);
	/* the four fixed contexts: free time's tick is time passing, no code */
	for (i = w->cfg.nsubs; i < w->cfg.nsubs + 4 && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, " %s=%s",
					 w->ctx[i].name, sim__fn(&w->ctx[i]));
}

static bool sim__in_range(int variant, const struct sim_known_bug *b)
{
	int first = sim_variant_find(b->first);
	int fixed = b->fixed ? sim_variant_find(b->fixed) : (int)sim_nvariants;

	/*
	 * A kernel tree is no point of the model's history: any entry can
	 * name what it finds (a patch may bring back a bug fixed long ago).
	 */
	if (variant == sim_variant_kernel())
		return true;
	return variant >= first && variant < fixed;
}

/* Length of the space-separated token at s. */
static size_t sim__tok(const char *s)
{
	const char *e = strchr(s, ' ');

	return e ? (size_t)(e - s) : strlen(s);
}

/* val (vlen bytes) is one of pattern value's '|'-separated alternatives, or it is "*". */
static bool sim__value_match(const char *pv, size_t plen, const char *val,
			     size_t vlen)
{
	while (plen) {
		const char *bar = memchr(pv, '|', plen);
		size_t alen = bar ? (size_t)(bar - pv) : plen;

		if ((alen == 1 && pv[0] == '*') ||
		    (alen == vlen && !memcmp(pv, val, vlen)))
			return true;
		if (!bar)
			break;
		plen -= alen + 1;
		pv = bar + 1;
	}
	return false;
}

bool sim_signature_match(const char *pattern, const char *sig)
{
	for (;;) {
		size_t pl = sim__tok(pattern), sl = sim__tok(sig);
		const char *peq = memchr(pattern, '=', pl);
		const char *seq = memchr(sig, '=', sl);

		if (peq && seq) {
			/* key=value: keys equal, value one of the alternatives */
			size_t pk = (size_t)(peq - pattern), sk = (size_t)(seq - sig);

			if (pk != sk || memcmp(pattern, sig, pk) ||
			    !sim__value_match(peq + 1, pl - pk - 1, seq + 1, sl - sk - 1))
				return false;
		} else if (peq || seq || !sim__value_match(pattern, pl, sig, sl)) {
			return false;
		}
		pattern += pl;
		sig += sl;
		if (!*pattern || !*sig)
			return !*pattern && !*sig;
		pattern++;
		sig++;
	}
}

const struct sim_known_bug *sim_known_bug_find(int variant, const char *sig,
					       const char *line)
{
	return sim_known_bug_find_in(sim_known_bugs, sim_nknown_bugs, variant,
				     sig, line);
}

const struct sim_known_bug *sim_known_bug_find_in(const struct sim_known_bug *list,
						  unsigned n, int variant,
						  const char *sig,
						  const char *line)
{
	unsigned i, j;

	for (i = 0; i < n; i++) {
		const struct sim_known_bug *b = &list[i];

		if (!sim__in_range(variant, b) ||
		    (b->line_has && !strstr(line, b->line_has)))
			continue;
		for (j = 0; b->sigs[j]; j++)
			if (sim_signature_match(b->sigs[j], sig))
				return b;
	}
	return NULL;
}

/*
 * Upstream's MAXH2CDATA overrun fails every write whose R2T is larger than
 * the controller's MAXH2CDATA on the variants before c2700d2886a8: not the
 * race a scenario was written for, so the verdict says how to step past it.
 */
bool sim_verdict_hint(const struct sim_world *w, char *buf, size_t len)
{
	const struct sim_verdict *v = &w->verdict;

	if (v->kind != SIM_V_PROTOCOL || !strstr(v->line, "> maxh2cdata") ||
	    sim_variant_has(w->cfg.variant, NVT_c2700d2886a8))
		return false;
	snprintf(buf, len,
		 "hint: upstream's MAXH2CDATA overrun (maxh2cdata-overrun): before c2700d2886a8 (v5.17) one H2CData PDU answers a whole R2T, and an R2T here is larger than maxh2cdata_bytes=%u; to look past it, raise it (env maxh2cdata_bytes=65536), cap R2Ts (env r2t_bytes=%u) or write at most %u bytes",
		 w->cfg.env.maxh2cdata_bytes, w->cfg.env.maxh2cdata_bytes,
		 w->cfg.env.maxh2cdata_bytes);
	return true;
}
