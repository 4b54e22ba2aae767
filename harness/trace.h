/* The readable timeline: one line per executed step, plus the world's notes. */
#ifndef NVTSIM_TRACE_H
#define NVTSIM_TRACE_H

#include <stdio.h>

#include "sim.h"

struct sim_trace {
	FILE *out;
};

/* A line in the timeline for the running context at the current step. */
void sim_trace_ctx(struct sim_world *w, const char *fn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A line not tied to a context (network, controller, checker). */
void sim_trace_note(struct sim_world *w, const char *who, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* "send_mutex" for "&queue->send_mutex": the last field of a stringized expression. */
const char *sim_short_name(const char *expr);

#endif
