/* The nvtsim subcommands that live outside nvtsim.c. */
#ifndef NVTSIM_CMD_H
#define NVTSIM_CMD_H

#include <stdint.h>
#include <unistd.h>

/* One number option: "nvtsim CMD: OPT 'S': expected a number from MIN to MAX" on error. */
int cli_number(const char *cmd, const char *opt, const char *s, uint64_t min,
	       uint64_t max, uint64_t *out);

int cmd_explore(int argc, char **argv);
int cmd_replay(int argc, char **argv);

#endif
