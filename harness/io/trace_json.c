/*
 * Machine-readable traces: JSON lines (one object per event) and Chrome's
 * Trace Event format, where each context is a track, each stretch a
 * context runs in one kernel function is a slice, PDUs are instants on two
 * wire tracks and the verdict is a global instant. Time is the step
 * number: 10 microseconds a step, so a step's events keep their order.
 */
#include <string.h>

#include "trace.h"

#define SIM__US_PER_STEP 10
#define SIM__TID_WIRE 100		/* + enum sim_wire_dir */

static const char *const sim__dir_name[2] = { "host->ctrl", "ctrl->host" };

static void sim__json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/* The PDU's fields, as "key":value pairs (no braces). */
static void sim__json_pdu(FILE *f, const struct sim_trace_event *e)
{
	const struct sim_pdu *p = e->pdu;

	fprintf(f, "\"dir\":\"%s\",\"type\":", sim__dir_name[e->dir]);
	sim__json_str(f, sim_pdu_type_name(p->type));
	fprintf(f, ",\"type_code\":%u,\"flags\":%u,\"hlen\":%u,\"pdo\":%u,\"plen\":%u,\"stream_offset\":%llu",
		p->type, p->flags, p->hlen, p->pdo, p->plen,
		(unsigned long long)e->stream_at);
	switch (p->type) {
	case SIM_PDU_CMD:
		fprintf(f, ",\"cid\":%u,\"opcode\":%u,\"sgl_len\":%u",
			p->u.cmd.cid, p->u.cmd.opcode, p->u.cmd.sgl_len);
		break;
	case SIM_PDU_RSP:
		fprintf(f, ",\"cid\":%u,\"status\":%u", p->u.rsp.cid,
			p->u.rsp.status);
		break;
	case SIM_PDU_H2C_DATA:
	case SIM_PDU_C2H_DATA:
		fprintf(f, ",\"cid\":%u,\"ttag\":%u,\"offset\":%u,\"length\":%u",
			p->u.data.cid, p->u.data.ttag, p->u.data.offset,
			p->u.data.length);
		break;
	case SIM_PDU_R2T:
		fprintf(f, ",\"cid\":%u,\"ttag\":%u,\"offset\":%u,\"length\":%u",
			p->u.r2t.cid, p->u.r2t.ttag, p->u.r2t.offset,
			p->u.r2t.length);
		break;
	case SIM_PDU_ICRESP:
		fprintf(f, ",\"maxh2cdata\":%u", p->u.ic.maxh2cdata);
		break;
	}
}

void sim_trace_json_event(struct sim_trace *t, const struct sim_trace_event *e)
{
	FILE *f = t->file;

	fprintf(f, "{\"step\":%llu,\"ctx\":", (unsigned long long)e->step);
	sim__json_str(f, e->ctx);
	if (e->cpu >= 0)
		fprintf(f, ",\"cpu\":%d", e->cpu);
	else
		fputs(",\"cpu\":null", f);
	fputs(",\"fn\":", f);
	sim__json_str(f, e->fn);
	fputs(",\"op\":", f);
	if (e->op)
		sim__json_str(f, e->op);
	else
		fputs("null", f);
	fputs(",\"event\":", f);
	sim__json_str(f, e->text);
	if (e->pdu) {
		fputs(",\"pdu\":{", f);
		sim__json_pdu(f, e);
		fputc('}', f);
	}
	if (e->verdict) {
		fputs(",\"verdict\":", f);
		sim__json_str(f, e->verdict);
	}
	fputs("}\n", f);
}

/* Microseconds for the next event of step: steps apart, events in order. */
static unsigned long long sim__ts(struct sim_trace *t, uint64_t step)
{
	if (step != t->step) {
		t->step = step;
		t->in_step = 0;
	}
	if (t->in_step < SIM__US_PER_STEP - 1)
		t->in_step++;
	return (unsigned long long)step * SIM__US_PER_STEP + t->in_step;
}

static void sim__chrome_sep(struct sim_trace *t)
{
	fputs(",\n", t->file);
}

static void sim__chrome_meta(struct sim_trace *t, int tid, const char *name)
{
	sim__chrome_sep(t);
	fprintf(t->file, "{\"ph\":\"M\",\"pid\":1,\"tid\":%d,\"name\":\"thread_name\",\"args\":{\"name\":", tid);
	sim__json_str(t->file, name);
	fputs("}}", t->file);
	sim__chrome_sep(t);
	fprintf(t->file, "{\"ph\":\"M\",\"pid\":1,\"tid\":%d,\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":%d}}",
		tid, tid);
}

void sim_trace_chrome_start(struct sim_trace *t, const struct sim_world *w)
{
	char name[SIM_NAME_BYTES];
	unsigned i;

	fputs("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"tool\":\"nvtsim\",\"us_per_step\":10},\n\"traceEvents\":[\n", t->file);
	fputs("{\"ph\":\"M\",\"pid\":1,\"tid\":0,\"name\":\"process_name\",\"args\":{\"name\":\"nvtsim\"}}", t->file);
	for (i = 0; i < w->cfg.nsubs + 4; i++)
		sim__chrome_meta(t, (int)i + 1,
				 sim_config_ctx_name(&w->cfg, (int)i, name, sizeof(name)));
	sim__chrome_meta(t, SIM__TID_WIRE + SIM_WIRE_H2C, "wire host->ctrl");
	sim__chrome_meta(t, SIM__TID_WIRE + SIM_WIRE_C2H, "wire ctrl->host");
}

static void sim__chrome_slice(struct sim_trace *t, char ph, int ctx,
			      const char *fn, unsigned long long ts)
{
	sim__chrome_sep(t);
	fprintf(t->file, "{\"ph\":\"%c\",\"pid\":1,\"tid\":%d,\"ts\":%llu,\"name\":",
		ph, ctx + 1, ts);
	sim__json_str(t->file, fn);
	fputs(",\"cat\":\"fn\"}", t->file);
}

void sim_trace_chrome_step(struct sim_trace *t, const struct sim_world *w,
			   const struct sim_ctx *c)
{
	unsigned long long ts = sim__ts(t, w->steps);
	unsigned i;

	/* one context runs at a time: whoever ran before is off the CPU now */
	for (i = 0; i < SIM_CTX_MAX; i++) {
		if (!t->slice_fn[i] || (i == c->id && !strcmp(t->slice_fn[i], c->fn)))
			continue;
		sim__chrome_slice(t, 'E', (int)i, t->slice_fn[i], ts);
		t->slice_fn[i] = NULL;
	}
	if (!t->slice_fn[c->id]) {
		t->slice_fn[c->id] = c->fn;
		sim__chrome_slice(t, 'B', c->id, c->fn, ts);
	}
}

void sim_trace_chrome_event(struct sim_trace *t, const struct sim_trace_event *e)
{
	FILE *f = t->file;
	int tid = e->pdu ? SIM__TID_WIRE + e->dir : e->ctx_id >= 0 ? e->ctx_id + 1 : 0;
	char name[64];

	if (e->pdu)
		snprintf(name, sizeof(name), "%s", sim_pdu_type_name(e->pdu->type));
	else
		snprintf(name, sizeof(name), "%s", e->op ? e->op : e->fn && *e->fn ? e->fn : e->ctx);
	sim__chrome_sep(t);
	fprintf(f, "{\"ph\":\"i\",\"s\":\"%c\",\"pid\":1,\"tid\":%d,\"ts\":%llu,\"name\":",
		e->verdict ? 'g' : 't', tid, sim__ts(t, e->step));
	sim__json_str(f, name);
	fprintf(f, ",\"cat\":\"%s\",\"args\":{\"step\":%llu,\"ctx\":",
		e->pdu ? "pdu" : e->verdict ? "verdict" : "event",
		(unsigned long long)e->step);
	sim__json_str(f, e->ctx);
	fputs(",\"fn\":", f);
	sim__json_str(f, e->fn);
	fputs(",\"event\":", f);
	sim__json_str(f, e->text);
	if (e->pdu) {
		fputc(',', f);
		sim__json_pdu(f, e);
	}
	fputs("}}", f);
}

void sim_trace_chrome_finish(struct sim_trace *t, const struct sim_world *w)
{
	unsigned long long ts = sim__ts(t, w->steps + 1);
	unsigned i;

	for (i = 0; i < SIM_CTX_MAX; i++)
		if (t->slice_fn[i])
			sim__chrome_slice(t, 'E', (int)i, t->slice_fn[i], ts);
	memset(t->slice_fn, 0, sizeof(t->slice_fn));
	fputs("\n]}\n", t->file);
}
