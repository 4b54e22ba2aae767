/* nvtsim --version: the project's version and the commit it was built from. */
#include "cmd.h"
#include "nvtsim_version.h"

/* NVTSIM_VERSION: project(VERSION); NVTSIM_GIT_DESCRIBE: git describe at build time, or "unknown" */
const char cli_version[] = "nvtsim " NVTSIM_VERSION " (" NVTSIM_GIT_DESCRIBE ")";
