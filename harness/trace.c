/* Timeline writer: fixed columns, so two runs diff cleanly line by line. */
#include "trace.h"

#include <stdarg.h>
#include <string.h>

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

static void sim__trace_head(struct sim_world *w, const char *who,
			    const char *fn)
{
	fprintf(w->trace->out, "%6llu  %-8s %-30s ",
		(unsigned long long)w->steps, who, fn ? fn : "");
}

void sim_trace_ctx(struct sim_world *w, const char *fn, const char *fmt, ...)
{
	va_list ap;

	if (!w->trace)
		return;
	sim__trace_head(w, w->cur ? w->cur->name : "-", fn);
	va_start(ap, fmt);
	vfprintf(w->trace->out, fmt, ap);
	va_end(ap);
	fputc('\n', w->trace->out);
}

void sim_trace_note(struct sim_world *w, const char *who, const char *fmt, ...)
{
	va_list ap;

	if (!w->trace)
		return;
	sim__trace_head(w, who, "");
	va_start(ap, fmt);
	vfprintf(w->trace->out, fmt, ap);
	va_end(ap);
	fputc('\n', w->trace->out);
}

bool sim_tracing(void)
{
	return sim_cur && sim_cur->trace;
}

void sim_trace_op(const char *fmt, ...)
{
	struct sim_world *w = sim_cur;
	va_list ap;

	if (!w || !w->trace)
		return;
	sim__trace_head(w, w->cur ? w->cur->name : "test",
			w->cur ? w->cur->fn : "");
	va_start(ap, fmt);
	vfprintf(w->trace->out, fmt, ap);
	va_end(ap);
	fputc('\n', w->trace->out);
}
