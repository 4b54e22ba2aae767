/* The nvtsim subcommands that live outside nvtsim.c. */
#ifndef NVTSIM_CMD_H
#define NVTSIM_CMD_H

#include <unistd.h>

int cmd_explore(int argc, char **argv);
int cmd_replay(int argc, char **argv);

#endif
