/*
 * Traces of one run. The readable timeline (one line per operation, plus
 * the world's notes) goes to out; --trace adds a file in text, JSON lines
 * (one object per event) or Chrome's Trace Event format (Perfetto,
 * chrome://tracing); --pcap adds the TCP stream for Wireshark.
 */
#ifndef NVTSIM_TRACE_H
#define NVTSIM_TRACE_H

#include <stdio.h>

#include "pcap.h"
#include "sim.h"
#include "wire.h"

#define SIM_TRACE_DEPTH 16	/* nested slices a context's track shows */

enum sim_trace_format {
	SIM_TRACE_TEXT,
	SIM_TRACE_JSON,
	SIM_TRACE_CHROME,
	SIM_TRACE_FORMATS
};

extern const char *const sim_trace_format_names[SIM_TRACE_FORMATS];

struct sim_trace {
	FILE *out;			/* the timeline, or NULL */
	FILE *file;			/* --trace FILE, or NULL */
	uint8_t file_format;		/* enum sim_trace_format */
	FILE *pcap_out;			/* --pcap FILE, or NULL */

	/* what the writers keep between events */
	uint64_t step;			/* chrome: the step events are stamped with */
	uint32_t in_step;		/* chrome: events so far in that step */
	/* chrome: each context's open slices, its call stack as the trace sees it */
	struct sim_trace_frame {
		const char *fn;
		const void *frame;	/* NULL: a harness function, the stack's root */
	} stack[SIM_CTX_MAX][SIM_TRACE_DEPTH];
	uint8_t depth[SIM_CTX_MAX];
	int8_t cpu_ctx[SIM_CPUS_MAX];	/* chrome: the context each CPU runs, or -1 */
	struct sim_wire wire[2];
	struct sim_pcap pcap;
};

/* One event, as every writer sees it. */
struct sim_trace_event {
	uint64_t step;
	const char *ctx;		/* context name, or who ("--", "setup") */
	int ctx_id;			/* -1 when not a context */
	int cpu;			/* -1 when not a context */
	const char *fn;			/* kernel function, or "" */
	const char *file;		/* its source file (model/tcp.c), or NULL */
	int line;			/* the line of the shim call there */
	const char *op;			/* shim operation, or NULL */
	const char *text;
	const struct sim_pdu *pdu;	/* a PDU on the wire, or NULL */
	int dir;			/* its direction (enum sim_wire_dir) */
	uint64_t stream_at;		/* its offset in that direction's stream */
	const char *verdict;		/* the verdict kind, on the last event */
};

/* "text", "json", "chrome": the format, or -1. */
int sim_trace_format_find(const char *name);

/* The timeline's column heads. */
void sim_trace_header(FILE *f);

/* A line in the timeline for the running context at the current step. */
void sim_trace_ctx(struct sim_world *w, const char *fn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A line not tied to a context (network, controller, checker). */
void sim_trace_note(struct sim_world *w, const char *who, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* "send_mutex" for "&queue->send_mutex": the last field of a stringized expression. */
const char *sim_short_name(const char *expr);

/* The world calls these: at reset, before each step, when bytes cross the wire. */
void sim_trace_start(struct sim_world *w);
void sim_trace_step(struct sim_world *w, const struct sim_ctx *c);
void sim_trace_wire(struct sim_world *w, enum sim_wire_dir dir,
		    const uint8_t *buf, uint32_t n);
/* The owner of the trace calls this once the run is over: the verdict, and closing brackets. */
void sim_trace_finish(struct sim_world *w);

/* trace_json.c: the file writers for JSON lines and Trace Event format. */
void sim_trace_json_event(struct sim_trace *t, const struct sim_trace_event *e);
void sim_trace_chrome_start(struct sim_trace *t, const struct sim_world *w);
void sim_trace_chrome_step(struct sim_trace *t, const struct sim_world *w,
			   const struct sim_ctx *c);
void sim_trace_chrome_event(struct sim_trace *t, const struct sim_trace_event *e);
void sim_trace_chrome_finish(struct sim_trace *t, const struct sim_world *w);

#endif
