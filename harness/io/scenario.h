/* Scenario files: environment, workload, optional schedule, expected verdict per variant. */
#ifndef NVTSIM_SCENARIO_H
#define NVTSIM_SCENARIO_H

#include <stddef.h>

#include "sim.h"

#define SIM_SCHED_STEPS_MAX 64
#define SIM_EXPECTS_MAX 16
#define SIM_SCENARIO_BYTES_MAX (256 * 1024)

enum sim_sched_kind {
	SIM_SS_UNTIL,		/* run ctx until its next operation is OP(OBJ) */
	SIM_SS_THROUGH,		/* run ctx until it has done OP(OBJ) n times */
	SIM_SS_IDLE,		/* run ctx until it cannot run */
	SIM_SS_DONE,		/* run ctx until it finishes */
	SIM_SS_STEPS,		/* run ctx for n steps */
};

struct sim_sched_step {
	int line;
	int ctx;
	uint8_t kind;
	int op;				/* enum sim_op_kind */
	char obj[32];			/* empty: any object */
	uint32_t n;			/* steps N; through: occurrences of OP */
	char text[96];			/* as written, for the timeline */
};

enum sim_expect_range {
	SIM_EXPECT_ONE,			/* that variant */
	SIM_EXPECT_BEFORE,		/* "before X": variants whose commits X all has, but X */
	SIM_EXPECT_FROM,		/* "from X": variants that have all of X's commits */
};

struct sim_expect {
	int line;
	int variant;			/* -1: every variant not named elsewhere */
	uint8_t range;			/* enum sim_expect_range */
	uint8_t kind;			/* enum sim_verdict_kind */
	int pdu_type;			/* -1: any */
	int req;			/* -1: any */
};

struct sim_scenario {
	char path[256];
	struct sim_config cfg;
	int home_variant;		/* the file's variant line, else mainline */
	bool has_schedule;
	unsigned nsteps;
	struct sim_sched_step steps[SIM_SCHED_STEPS_MAX];
	unsigned nexpects;
	struct sim_expect expects[SIM_EXPECTS_MAX];
};

/*
 * Parse a scenario. On error returns -1 with "path:line: problem" in err;
 * never reads past text + len, whatever the bytes.
 */
int sim_scenario_parse(const char *path, const char *text, size_t len,
		       struct sim_scenario *sc, char *err, size_t errlen);
/* Read and parse a file: "path: cannot read: ..." on I/O errors. */
int sim_scenario_load(const char *path, struct sim_scenario *sc, char *err,
		      size_t errlen);
/*
 * The expectation for a variant: its own line, else a before/from line
 * that covers it, else the '*' line, else NULL (expects pass).
 */
const struct sim_expect *sim_scenario_expect(const struct sim_scenario *sc,
					     int variant);
/* The same without the '*' line: what the file says of this variant itself. */
const struct sim_expect *sim_scenario_expect_own(const struct sim_scenario *sc,
						 int variant);
bool sim_expect_covers(const struct sim_expect *e, int variant);

enum sim_outcome {
	SIM_OUTCOME_OK,			/* the verdict the file expects */
	SIM_OUTCOME_FAIL,		/* another verdict */
	SIM_OUTCOME_NA,			/* the schedule cannot be followed on a variant the file says nothing of itself */
};
/*
 * A schedule written on one variant may not happen on another (its points
 * do not occur): that is neither a pass nor a failure, unless the file
 * expects something of that variant by name or range.
 */
enum sim_outcome sim_scenario_outcome(const struct sim_scenario *sc, int variant,
				      const struct sim_verdict *v);
bool sim_expect_matches(const struct sim_expect *e, const struct sim_verdict *v);
/* "hang H2CData r1" */
void sim_expect_describe(const struct sim_scenario *sc,
			 const struct sim_expect *e, char *buf, size_t len);

/*
 * schedname.c: a schedule's operation names (sim_op_names and the names the
 * timeline prints for the same point: list_add_tail, ->queue_rq ...) and the
 * objects each takes. sim_sched_op_find gives the op, or -1, and the object a
 * name implies; sim_sched_obj_pick finds the known object among a printed
 * call's comma-separated arguments ("1, flags"), else -1 with the argument
 * as the scheduler would name it.
 */
int sim_sched_op_find(const char *name, const char **implied_obj);
bool sim_sched_obj_known(const struct sim_config *cfg, int op, const char *obj);
int sim_sched_obj_pick(const struct sim_config *cfg, int op, const char *args,
		       char *obj, size_t objlen);
/* "send_list, entry": what sim_sched_obj_known accepts for op */
void sim_sched_objs_describe(const struct sim_config *cfg, int op, char *buf,
			     size_t len);

/* schedule.c: follow the steps, then finish the run with the world's choice source. */
void sim_run_schedule(struct sim_world *w, const struct sim_sched_step *steps,
		      unsigned n);

#endif
