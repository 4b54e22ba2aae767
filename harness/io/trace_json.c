/*
 * Machine-readable traces: JSON lines (one object per event) and Chrome's
 * Trace Event format, where each context is a track whose nested slices
 * are its call stack, each CPU a track whose slices are the contexts that
 * run on it, PDUs are instants on two wire tracks and the verdict is a
 * global instant. Time is the step number: 10 microseconds a step, so a
 * step's events keep their order.
 */
#include <stdint.h>
#include <string.h>

#include "trace.h"

#define SIM__US_PER_STEP 10
#define SIM__TID_WIRE 100		/* + enum sim_wire_dir */
#define SIM__PID_CPUS 2			/* the CPU tracks' process */
#define SIM__TID_CPU 200		/* + the CPU: tids are unique across processes */

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

/* ,"file":"model/tcp.c","line":412 (or nulls): the shim call's source line */
static void sim__json_source(FILE *f, const struct sim_trace_event *e)
{
	if (!e->file) {
		fputs(",\"file\":null,\"line\":null", f);
		return;
	}
	fputs(",\"file\":", f);
	sim__json_str(f, e->file);
	fprintf(f, ",\"line\":%d", e->line);
}

/* "model/tcp.c:412" */
static void sim__json_source_str(FILE *f, const struct sim_trace_event *e)
{
	char src[256];

	snprintf(src, sizeof(src), "%s:%d", e->file, e->line);
	sim__json_str(f, src);
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
	sim__json_source(f, e);
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

static void sim__chrome_meta(struct sim_trace *t, int pid, int tid,
			     const char *name)
{
	sim__chrome_sep(t);
	fprintf(t->file, "{\"ph\":\"M\",\"pid\":%d,\"tid\":%d,\"name\":\"thread_name\",\"args\":{\"name\":", pid, tid);
	sim__json_str(t->file, name);
	fputs("}}", t->file);
	sim__chrome_sep(t);
	fprintf(t->file, "{\"ph\":\"M\",\"pid\":%d,\"tid\":%d,\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":%d}}",
		pid, tid, tid);
}

void sim_trace_chrome_start(struct sim_trace *t, const struct sim_world *w)
{
	char name[SIM_NAME_BYTES];
	bool cpu_used[SIM_CPUS_MAX] = { false };
	unsigned i;

	fputs("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"tool\":\"nvtsim\",\"us_per_step\":10},\n\"traceEvents\":[\n", t->file);
	fputs("{\"ph\":\"M\",\"pid\":1,\"tid\":0,\"name\":\"process_name\",\"args\":{\"name\":\"nvtsim\"}}", t->file);
	for (i = 0; i < sim_config_nctx(&w->cfg); i++)
		sim__chrome_meta(t, 1, (int)i + 1,
				 sim_config_ctx_name(&w->cfg, (int)i, name, sizeof(name)));
	sim__chrome_meta(t, 1, SIM__TID_WIRE + SIM_WIRE_H2C, "wire host->ctrl");
	sim__chrome_meta(t, 1, SIM__TID_WIRE + SIM_WIRE_C2H, "wire ctrl->host");
	/* a second process: one track per CPU, a slice per context that runs on it */
	sim__chrome_sep(t);
	fprintf(t->file, "{\"ph\":\"M\",\"pid\":%d,\"tid\":%d,\"name\":\"process_name\",\"args\":{\"name\":\"CPUs\"}}",
		SIM__PID_CPUS, SIM__TID_CPU);
	/* (before the contexts are set up: their CPUs as sim__ctx_setup gives them) */
	for (i = 0; i < w->cfg.nsubs; i++)
		cpu_used[w->cfg.subs[i].cpu] = true;
	cpu_used[w->cfg.env.io_cpu] = true;
	for (i = 0; i < SIM_CPUS_MAX; i++) {
		if (!cpu_used[i])
			continue;
		snprintf(name, sizeof(name), "cpu%u", i);
		sim__chrome_meta(t, SIM__PID_CPUS, SIM__TID_CPU + (int)i, name);
	}
}

static void sim__chrome_slice(struct sim_trace *t, char ph, int pid, int tid,
			      const char *name, unsigned long long ts)
{
	sim__chrome_sep(t);
	fprintf(t->file, "{\"ph\":\"%c\",\"pid\":%d,\"tid\":%d,\"ts\":%llu,\"name\":",
		ph, pid, tid, ts);
	sim__json_str(t->file, name);
	fprintf(t->file, ",\"cat\":\"%s\"}", pid == SIM__PID_CPUS ? "cpu" : "fn");
}

static void sim__chrome_pop(struct sim_trace *t, int ctx, unsigned long long ts)
{
	const struct sim_trace_frame *f = &t->stack[ctx][--t->depth[ctx]];

	sim__chrome_slice(t, 'E', 1, ctx + 1, f->fn, ts);
}

static void sim__chrome_push(struct sim_trace *t, int ctx, const char *fn,
			     const void *frame, unsigned long long ts)
{
	struct sim_trace_frame *f;

	if (t->depth[ctx] == SIM_TRACE_DEPTH)
		sim__chrome_pop(t, ctx, ts);	/* deeper than any real stack here */
	f = &t->stack[ctx][t->depth[ctx]++];
	f->fn = fn;
	f->frame = frame;
	sim__chrome_slice(t, 'B', 1, ctx + 1, fn, ts);
}

/*
 * The call stack a context is in at its step, as far as the trace can see
 * it: the functions whose shim calls it has seen, nested by their frames
 * (the stack grows down: a frame above a deeper one has returned). A
 * function seen again in the same frame is the same call; another function
 * there is a sibling call after it returned. A harness function (no frame)
 * is a root: the loop the context runs, which calls the driver.
 */
static void sim__chrome_calls(struct sim_trace *t, const struct sim_ctx *c,
			      unsigned long long ts)
{
	const struct sim_trace_frame *top;
	int id = c->id, i;

	if (!c->frame) {
		for (i = t->depth[id] - 1; i >= 0; i--)
			if (!strcmp(t->stack[id][i].fn, c->fn))
				break;
		while (t->depth[id] > i + 1)
			sim__chrome_pop(t, id, ts);
		if (i < 0)
			sim__chrome_push(t, id, c->fn, NULL, ts);
		return;
	}
	while (t->depth[id]) {
		top = &t->stack[id][t->depth[id] - 1];
		if (!top->frame || (uintptr_t)top->frame > (uintptr_t)c->frame)
			break;
		if (top->frame == c->frame && !strcmp(top->fn, c->fn))
			return;
		sim__chrome_pop(t, id, ts);
	}
	sim__chrome_push(t, id, c->fn, c->frame, ts);
}

void sim_trace_chrome_step(struct sim_trace *t, const struct sim_world *w,
			   const struct sim_ctx *c)
{
	unsigned long long ts = sim__ts(t, w->steps);
	int cpu = sim_ctx_sched_cpu(c), prev;
	unsigned i;

	/* a context that has finished has returned from everything */
	for (i = 0; i < w->nctx; i++)
		while (w->ctx[i].done && t->depth[i])
			sim__chrome_pop(t, (int)i, ts);
	if (cpu >= 0 && t->cpu_ctx[cpu] != c->id) {
		prev = t->cpu_ctx[cpu];
		if (prev >= 0)
			sim__chrome_slice(t, 'E', SIM__PID_CPUS,
					  SIM__TID_CPU + cpu, w->ctx[prev].name, ts);
		sim__chrome_slice(t, 'B', SIM__PID_CPUS, SIM__TID_CPU + cpu,
				  c->name, ts);
		t->cpu_ctx[cpu] = (int8_t)c->id;
	}
	sim__chrome_calls(t, c, ts);
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
	if (e->cpu >= 0)
		fprintf(f, ",\"cpu\":%d", e->cpu);
	if (e->file) {
		fputs(",\"source\":", f);
		sim__json_source_str(f, e);
	}
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
		while (t->depth[i])
			sim__chrome_pop(t, (int)i, ts);
	for (i = 0; i < SIM_CPUS_MAX; i++)
		if (t->cpu_ctx[i] >= 0)
			sim__chrome_slice(t, 'E', SIM__PID_CPUS,
					  SIM__TID_CPU + (int)i,
					  w->ctx[t->cpu_ctx[i]].name, ts);
	memset(t->cpu_ctx, -1, sizeof(t->cpu_ctx));
	fputs("\n]}\n", t->file);
}
