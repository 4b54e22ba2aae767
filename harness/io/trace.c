/*
 * Trace core: every event is built once and handed to each writer. The
 * timeline has fixed columns, so two runs diff cleanly line by line.
 */
#include "trace.h"

#include <stdarg.h>
#include <string.h>

const char *const sim_trace_format_names[SIM_TRACE_FORMATS] = {
	[SIM_TRACE_TEXT] = "text",
	[SIM_TRACE_JSON] = "json",
	[SIM_TRACE_CHROME] = "chrome",
};

static const char *const sim__dir_arrow[2] = { "host -> controller",
					       "controller -> host" };

int sim_trace_format_find(const char *name)
{
	int i;

	for (i = 0; i < SIM_TRACE_FORMATS; i++)
		if (!strcmp(name, sim_trace_format_names[i]))
			return i;
	return -1;
}

const char *sim_short_name(const char *expr)
{
	const char *p, *best = expr;

	if (!expr)
		return "?";
	for (p = expr; *p; p++) {
		if (p[0] == '-' && p[1] == '>')
			best = p + 2;
		else if (p[0] == '.')
			best = p + 1;
	}
	if (*best == '&')
		best++;
	return best;
}

/*
 * The timeline's columns: step, context, its CPU, kernel function, the
 * source line of the shim call (file name only: tcp.c is the model's or the
 * kernel tree's, as the run says; the JSON and chrome traces carry the
 * tree-relative path), event.
 */
#define SIM__TEXT_COLS "%6s  %-8s %3s  %-30s %-15s %s\n"

void sim_trace_header(FILE *f)
{
	fprintf(f, SIM__TEXT_COLS, "step", "context", "cpu", "function",
		"source", "event");
}

static void sim__text_line(FILE *f, const struct sim_trace_event *e)
{
	char step[24], cpu[12] = "", src[64] = "";
	const char *base;

	snprintf(step, sizeof(step), "%llu", (unsigned long long)e->step);
	if (e->cpu >= 0)
		snprintf(cpu, sizeof(cpu), "%d", e->cpu);
	if (e->file) {
		base = strrchr(e->file, '/');
		snprintf(src, sizeof(src), "%s:%d", base ? base + 1 : e->file,
			 e->line);
	}
	fprintf(f, SIM__TEXT_COLS, step, e->ctx, cpu, e->fn ? e->fn : "", src,
		e->text);
}

static void sim__emit(struct sim_trace *t, const struct sim_trace_event *e)
{
	if (t->out)
		sim__text_line(t->out, e);
	if (!t->file)
		return;
	switch (t->file_format) {
	case SIM_TRACE_TEXT:
		sim__text_line(t->file, e);
		break;
	case SIM_TRACE_JSON:
		sim_trace_json_event(t, e);
		break;
	case SIM_TRACE_CHROME:
		sim_trace_chrome_event(t, e);
		break;
	}
}

/* An event of the running context (or of "who" outside one); file: its shim call's. */
static void sim__emit_ctx(struct sim_world *w, const char *who, const char *fn,
			  const char *op, const char *file, const char *text)
{
	const struct sim_ctx *c = w->cur;
	struct sim_trace_event e = {
		.step = w->steps,
		.ctx = c ? c->name : who,
		.ctx_id = c ? c->id : -1,
		.cpu = c ? c->cpu : -1,
		.fn = fn,
		.file = c ? file : NULL,
		.line = c && file ? c->line : 0,
		.op = op,
		.text = text,
	};

	sim__emit(w->trace, &e);
}

void sim_trace_ctx(struct sim_world *w, const char *fn, const char *fmt, ...)
{
	char text[640];
	va_list ap;

	if (!w->trace)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	sim__emit_ctx(w, "-", fn, NULL, NULL, text);
}

void sim_trace_note(struct sim_world *w, const char *who, const char *fmt, ...)
{
	struct sim_trace_event e = { .step = w->steps, .ctx = who, .ctx_id = -1,
				     .cpu = -1, .fn = "" };
	char text[640];
	va_list ap;

	if (!w->trace)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	e.text = text;
	sim__emit(w->trace, &e);
}

bool sim_tracing(void)
{
	return sim_cur && sim_cur->trace;
}

void sim_trace_op(const char *fmt, ...)
{
	struct sim_world *w = sim_cur;
	char text[640];
	va_list ap;

	if (!w || !w->trace)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	sim__emit_ctx(w, "test", w->cur ? w->cur->fn : "",
		      w->cur ? sim_op_names[w->cur->op] : NULL,
		      w->cur ? w->cur->file : NULL, text);
}

/* A PDU header has crossed the wire: an event of the context that moved it. */
static void sim__pdu_event(void *arg, enum sim_wire_dir dir,
			   const struct sim_pdu *p, uint64_t at)
{
	struct sim_world *w = arg;
	const struct sim_ctx *c = w->cur;
	char desc[160], text[200];
	struct sim_trace_event e = {
		.step = w->steps,
		.ctx = c ? c->name : "setup",
		.ctx_id = c ? c->id : -1,
		.cpu = c ? c->cpu : -1,
		.fn = c && c->last_fn ? c->last_fn : "",
		.op = "pdu",
		.text = text,
		.pdu = p,
		.dir = dir,
		.stream_at = at,
	};

	sim_pdu_describe(p, desc, sizeof(desc));
	snprintf(text, sizeof(text), "PDU %s: %s", sim__dir_arrow[dir], desc);
	sim__emit(w->trace, &e);
}

void sim_trace_wire(struct sim_world *w, enum sim_wire_dir dir,
		    const uint8_t *buf, uint32_t n)
{
	struct sim_trace *t = w->trace;

	if (!t || !n)
		return;
	if (t->pcap_out)
		sim_pcap_segment(&t->pcap, dir, buf, n, w->steps);
	sim_wire_feed(&t->wire[dir], dir, buf, n, sim__pdu_event, w);
}

void sim_trace_start(struct sim_world *w)
{
	struct sim_trace *t = w->trace;
	uint8_t ic[SIM_PDU_ICREQ_BYTES];
	FILE *out;

	if (!t)
		return;
	t->step = 0;
	t->in_step = 0;
	memset(t->depth, 0, sizeof(t->depth));
	memset(t->cpu_ctx, -1, sizeof(t->cpu_ctx));
	sim_wire_reset(&t->wire[0]);
	sim_wire_reset(&t->wire[1]);
	if (t->file && t->file_format == SIM_TRACE_CHROME)
		sim_trace_chrome_start(t, w);
	if (t->file && t->file_format == SIM_TRACE_TEXT)
		sim_trace_header(t->file);
	if (t->pcap_out)
		sim_pcap_start(&t->pcap, t->pcap_out, 0);
	if (!t->file && !t->pcap_out)
		return;
	/*
	 * The connection is set up before the model's queue is live: the
	 * ICReq / ICResp open the streams (and the pcap) as events of
	 * "setup", so the trace and the capture list the same PDUs at the
	 * same stream offsets. The timeline starts where the model does.
	 */
	out = t->out;
	t->out = NULL;
	sim_pcap_icreq(ic);
	sim_trace_wire(w, SIM_WIRE_H2C, ic, SIM_PDU_ICREQ_BYTES);
	sim_pcap_icresp(ic, w->cfg.env.maxh2cdata_bytes);
	sim_trace_wire(w, SIM_WIRE_C2H, ic, SIM_PDU_ICRESP_BYTES);
	t->out = out;
}

void sim_trace_step(struct sim_world *w, const struct sim_ctx *c)
{
	struct sim_trace *t = w->trace;

	if (t && t->file && t->file_format == SIM_TRACE_CHROME)
		sim_trace_chrome_step(t, w, c);
}

void sim_trace_finish(struct sim_world *w)
{
	struct sim_trace *t = w->trace;
	struct sim_trace_event e = { .step = w->steps, .ctx = "checker",
				     .ctx_id = -1, .cpu = -1, .fn = "",
				     .op = "verdict", .text = w->verdict.line,
				     .verdict = sim_verdict_names[w->verdict.kind] };
	FILE *out;

	if (!t || !t->file)
		return;
	/* the timeline's owner prints the verdict its own way */
	out = t->out;
	t->out = NULL;
	sim__emit(t, &e);
	t->out = out;
	if (t->file_format == SIM_TRACE_CHROME)
		sim_trace_chrome_finish(t, w);
}
