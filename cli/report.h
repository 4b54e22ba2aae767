/*
 * What CI reads: --format json (one document on stdout), --junit FILE
 * (a testcase per scenario or config x variant) and --sarif FILE (each
 * failure with its steps as a code flow through tcp.c). A command adds its
 * cases and failures as it goes and writes the three at its end.
 */
#ifndef NVTSIM_CLI_REPORT_H
#define NVTSIM_CLI_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "sim.h"

#define CLI_REPORT_FORMAT "nvtsim-report"
#define CLI_REPORT_FORMAT_VERSION 1

struct cli_report_opts {
	bool json;			/* --format json */
	const char *junit;		/* --junit FILE */
	const char *sarif;		/* --sarif FILE */
	FILE *junit_out, *sarif_out;	/* their temporary files (cli_report_open) */
};

extern const char cli_report_usage[];

/* Takes the option at argv[*i] (and its value): 1 if it was one, 0 if not, -1 on error. */
int cli_report_opt(const char *cmd, int argc, char **argv, int *i,
		   struct cli_report_opts *o);

/* One step of a run, as SARIF shows it. */
struct cli_report_step {
	char ctx[SIM_NAME_BYTES];
	int cpu;
	char what[96];			/* "mutex_trylock(send_mutex)" */
	char fn[64];
	char file[64];			/* "model/tcp.c", or "": not known */
	uint32_t line;
	uint32_t times;			/* consecutive steps folded into this one */
};

/* One failure: a SARIF result. */
struct cli_report_fail {
	char *kind;			/* verdict kind: the rule */
	char *message;			/* the verdict line */
	char *bug;			/* a known bug's name, or NULL */
	char *replay;			/* the replay command, or NULL */
	char *cex;			/* the counterexample file, or NULL */
	char *where;			/* scenario or config */
	int variant;
	struct cli_report_step *steps;
	unsigned nsteps;
};

/* One scenario or config on one variant: a JUnit testcase, a JSON result. */
struct cli_report_case {
	char *suite;
	char *name;
	char *classname;
	bool ok;
	bool skipped;			/* not applicable here: neither passed nor failed */
	char *message;			/* !ok: one line */
	char *text;			/* !ok: the failure's body */
	char *kind;			/* !ok: its type */
	double seconds;
	char *json;			/* the result object */
};

struct cli_report {
	const char *command;
	const char *mode;
	struct cli_report_opts o;
	struct cli_report_case *cases;
	unsigned ncases, capcases;
	struct cli_report_fail *fails;
	unsigned nfails, capfails;
	char *extra;			/* more top-level members: ",\"k\":v..." */
	int stdout_fd;			/* --format json: the real stdout, or -1 */
};

/* Any of the three asked for. */
static inline bool cli_report_any(const struct cli_report_opts *o)
{
	return o->json || o->junit || o->sarif;
}

/*
 * Opens the --junit and --sarif files before any work, with the command's
 * other outputs (cli_outs_open: temporary files, refused when two name one
 * file): -1 after a one-line error.
 */
int cli_report_open(const char *cmd, struct cli_report_opts *o);

void cli_report_init(struct cli_report *r, const char *command,
		     const char *mode, const struct cli_report_opts *o);
/*
 * Takes c (its strings, which must be malloc'd) or f (its strings and
 * steps). -1 when out of memory, now or while c was made (a string it
 * needs is NULL): what it was given is freed.
 */
int cli_report_add_case(struct cli_report *r, struct cli_report_case *c);
int cli_report_add_fail(struct cli_report *r, struct cli_report_fail *f);
/*
 * Writes the JUnit and SARIF files, puts them in place with the command's
 * other outputs (cli_outs_commit: all or none), then the JSON document
 * (stdout) with exit_code in it. Returns exit_code, or 2 after a one-line
 * error when a file could not be written (then none is left, nor the
 * document). Called with nothing asked for, it only commits the outputs.
 */
int cli_report_finish(struct cli_report *r, int exit_code);
void cli_report_free(struct cli_report *r);

/*
 * --format json: until cli_report_finish, stdout is stderr (the human text
 * goes there), so that the real stdout gets the JSON document alone.
 */
void cli_report_begin(struct cli_report *r);

/*
 * A worker's cases and failures as text (r is emptied), and back: how a
 * forked worker (cli_jobs_run) hands them over. NULL / -1: no memory or
 * unreadable text.
 */
char *cli_report_take_text(struct cli_report *r);
int cli_report_put_text(struct cli_report *r, const char *text);

/* The steps w took (its last run), folded, into f. -1: no memory. */
int cli_report_steps(const struct sim_world *w, struct cli_report_fail *f);

/* JSON members: the variant, the config, a verdict (null for pass/running when none). */
void cli_report_json_variant(FILE *f, int variant);
void cli_report_json_config(FILE *f, const struct sim_config *cfg);
/* full: the whole verdict; else the kind and line only */
void cli_report_json_verdict(FILE *f, const struct sim_config *cfg,
			     const struct sim_verdict *v);
/* A string, or null. */
void cli_report_json_str(FILE *f, const char *s);

/* A malloc'd printf, NULL when out of memory. */
char *cli_report_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
