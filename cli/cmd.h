/* The nvtsim subcommands that live outside nvtsim.c. */
#ifndef NVTSIM_CMD_H
#define NVTSIM_CMD_H

#include <stdbool.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

#include "report.h"

/* One number option: "nvtsim CMD: OPT 'S': expected a number from MIN to MAX" on error. */
int cli_number(const char *cmd, const char *opt, const char *s, uint64_t min,
	       uint64_t max, uint64_t *out);

/*
 * Takes --kernel PATH (or --kernel=PATH) out of argv and loads that tree's
 * tcp.c as the kernel variant: 1 loaded, 0 none given, -1 after a one-line
 * error.
 */
int cli_kernel_take(int *argc, char **argv);
/*
 * The variant a command runs: the kernel tree's when --kernel was given
 * (an error with --variant or --all-variants), else --variant's (name may be
 * NULL: -1, the command's default). -2 after a one-line error.
 */
int cli_variant_pick(const char *cmd, const char *name, bool all);

struct sim_trace;

/* --trace FILE, --trace-format F, --pcap FILE */
struct cli_trace {
	const char *path;
	const char *format;
	const char *pcap;
};

extern const char cli_trace_usage[];
/* Takes the trace option at argv[*i] (and its value): 1 if it was one, 0 if not, -1 on error. */
int cli_trace_opt(const char *cmd, int argc, char **argv, int *i,
		  struct cli_trace *o);
/* Opens the files o names into t (cli_outs_open); -1 after a one-line error. */
int cli_trace_open(const char *cmd, const struct cli_trace *o,
		   struct sim_trace *t);
/* Takes them from t: cli_outs_commit puts them in place with the command's other outputs. */
void cli_trace_close(struct sim_trace *t);

/* An output file, written whole or not at all (outfile.c). */
struct cli_out {
	const char *cmd;		/* "run": for errors */
	const char *opt;		/* "--trace": for errors */
	const char *path;
	FILE *f;
	char tmp[PATH_MAX];		/* written here, renamed to path; "" if direct */
	char canon[PATH_MAX];		/* resolved directory + name */
	bool exists;
	bool special;			/* a device or pipe: written in place */
	dev_t dev;
	ino_t ino;
};

/*
 * Opens path (for option opt) for writing, unless it names the same file
 * as one of others (by resolved path, or an existing file's dev/ino):
 * -1 after a one-line error, and nothing is left behind.
 */
int cli_out_open(const char *cmd, struct cli_out *o, const char *opt,
		 const char *path, const struct cli_out *others,
		 unsigned nothers);
/* Closes it and removes what was written. */
void cli_out_discard(struct cli_out *o);

/*
 * A command's output files (--trace, --pcap, --junit, --sarif), one list:
 * each opened before the work with cli_out_open against those already open
 * (NULL after a one-line error), all put in place together by
 * cli_outs_commit at the command's end: every one is written and closed
 * before any is renamed, and a failure removes them all (-1 after a
 * one-line error). An exit without cli_outs_commit removes them too.
 */
FILE *cli_outs_open(const char *cmd, const char *opt, const char *path);
int cli_outs_commit(void);
void cli_outs_discard(void);

/* A directory opt writes into exists and is writable, or can be created: -1 after a one-line error. */
int cli_out_dir_check(const char *cmd, const char *opt, const char *dir);

/* nvtsim explore --sweep's options (cmd_sweep.c). */
struct cli_sweep_opts {
	const char *spec;		/* a file, or spec lines; NULL: the built-in */
	const int *variants;
	unsigned nvariants;
	uint8_t strategy;		/* each config's search */
	int policy;			/* >= 0: only this policy */
	uint64_t executions_max;	/* > 0: instead of the spec's budget */
	int preemptions_max;		/* >= 0: instead of the spec's */
	bool minimize;
	bool progress;
	bool require_complete;
	bool show_spec;
	unsigned jobs;			/* 0: every CPU */
	unsigned shard_k, shard_n;	/* 0/0: the whole sweep */
	const char *results;		/* a JSON results file, or NULL */
	const char *out;		/* counterexample scenarios */
	struct cli_report_opts rep;	/* --format json, --junit, --sarif */
};

int cli_sweep(const struct cli_sweep_opts *o);

/* "nvtsim 0.10.0 (git describe)" (version.c) */
extern const char cli_version[];

int cmd_explore(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_import_crash(int argc, char **argv);

#endif
