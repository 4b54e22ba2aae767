/* The nvtsim subcommands that live outside nvtsim.c. */
#ifndef NVTSIM_CMD_H
#define NVTSIM_CMD_H

#include <stdint.h>
#include <unistd.h>

/* One number option: "nvtsim CMD: OPT 'S': expected a number from MIN to MAX" on error. */
int cli_number(const char *cmd, const char *opt, const char *s, uint64_t min,
	       uint64_t max, uint64_t *out);

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
/* Opens the files o names into t; -1 after a one-line error. */
int cli_trace_open(const char *cmd, const struct cli_trace *o,
		   struct sim_trace *t);
/* Closes them; -1 after a one-line error if a write failed. */
int cli_trace_close(const struct cli_trace *o, struct sim_trace *t);

int cmd_explore(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_import_crash(int argc, char **argv);

#endif
