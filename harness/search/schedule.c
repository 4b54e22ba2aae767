/* Following a scenario's written schedule step by step, then finishing the run. */
#include <string.h>

#include "scenario.h"
#include "trace.h"

/*
 * A kernel tree's plain load or store of a watched field is the point the
 * model spells READ_ONCE / WRITE_ONCE: a schedule written on one follows
 * on the other.
 */
static int sim__op_canon(int op)
{
	return op == SIM_OP_LOAD ? SIM_OP_READ_ONCE :
	       op == SIM_OP_STORE ? SIM_OP_WRITE_ONCE : op;
}

static bool sim__matches(const struct sim_ctx *c, const struct sim_sched_step *s)
{
	if (sim__op_canon(c->op) != sim__op_canon(s->op))
		return false;
	return !s->obj[0] || !strcmp(sim_short_name(c->obj_name), s->obj);
}

static void sim__diverged(struct sim_world *w, const struct sim_sched_step *s,
			  const struct sim_ctx *c, const char *why)
{
	if (c->done)
		sim_stop(w, SIM_V_SCHEDULE,
			 "SCHEDULE: step '%s' (line %d) cannot be followed: %s %s",
			 s->text, s->line, c->name, why);
	else
		sim_stop(w, SIM_V_SCHEDULE,
			 "SCHEDULE: step '%s' (line %d) cannot be followed: %s %s (waits at %s(%s) in %s)",
			 s->text, s->line, c->name, why, sim_op_names[c->op],
			 sim_short_name(c->obj_name), c->fn ? c->fn : "?");
}

/* One step of ctx; false (with the verdict set) when it may not run. */
static bool sim__advance(struct sim_world *w, const struct sim_sched_step *s,
			 const struct sim_ctx *c)
{
	if (c->done) {
		sim__diverged(w, s, c, "has finished");
		return false;
	}
	if (!sim_ctx_enabled(w, c)) {
		sim__diverged(w, s, c, "cannot run");
		return false;
	}
	if (w->steps >= w->cfg.steps_max) {
		if (sim_stop_no_progress(w))
			return false;
		sim_stop(w, SIM_V_STEP_BOUND,
			 "STEP BOUND: schedule step '%s' still running after %llu steps",
			 s->text, (unsigned long long)w->steps);
		return false;
	}
	sim_step(w, c->id);
	return !w->stopped;
}

static void sim__follow(struct sim_world *w, const struct sim_sched_step *s)
{
	const struct sim_ctx *c = &w->ctx[s->ctx];
	uint32_t i;
	bool hit;

	switch (s->kind) {
	case SIM_SS_UNTIL:
		while (!sim__matches(c, s))
			if (!sim__advance(w, s, c))
				return;
		break;
	case SIM_SS_THROUGH:
		/*
		 * By operation, not by step count: a read-only scheduling point
		 * added elsewhere leaves the step where it was.
		 */
		for (i = 0; i < s->n; i++)
			do {
				hit = sim__matches(c, s);
				if (!sim__advance(w, s, c))
					return;
			} while (!hit);
		break;
	case SIM_SS_IDLE:
		while (!c->done && sim_ctx_enabled(w, c))
			if (!sim__advance(w, s, c))
				return;
		break;
	case SIM_SS_DONE:
		while (!c->done)
			if (!sim__advance(w, s, c))
				return;
		break;
	case SIM_SS_STEPS:
		for (i = 0; i < s->n; i++)
			if (!sim__advance(w, s, c))
				return;
		break;
	}
}

void sim_run_schedule(struct sim_world *w, const struct sim_sched_step *steps,
		      unsigned n)
{
	unsigned i;

	for (i = 0; i < n && !w->stopped; i++) {
		sim_trace_note(w, "--", "schedule %s", steps[i].text);
		sim__follow(w, &steps[i]);
	}
	if (!w->stopped) {
		sim_trace_note(w, "--", "schedule done: the rest runs lowest context first");
		sim_run(w);
	}
}
