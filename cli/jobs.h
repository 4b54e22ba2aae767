/*
 * Parallel work in forked processes. The simulator stays single-threaded:
 * each worker is a fork of the caller (with whatever it loaded, such as a
 * kernel driver), runs whole tasks, and sends each task's result back as
 * text. Results reach the caller in completion order, keyed by task, so a
 * caller that stores them by task gets the same output for any --jobs.
 */
#ifndef NVTSIM_CLI_JOBS_H
#define NVTSIM_CLI_JOBS_H

#include <stddef.h>

/* Runs task t; returns its result as malloc'd text (NULL: out of memory). */
typedef char *(*cli_job_run)(unsigned t, void *arg);
/* Takes task t's result (the caller frees text). */
typedef void (*cli_job_done)(unsigned t, char *text, void *arg);

/*
 * Runs tasks[0..n) on njobs processes (in this one if njobs is 1). 0, or -1
 * after a one-line error on stderr (a worker died, or fork failed).
 */
int cli_jobs_run(const unsigned *tasks, unsigned n, unsigned njobs,
		 cli_job_run run, cli_job_done done, void *arg);

/* The number of CPUs this process may use (at least 1). */
unsigned cli_jobs_cpus(void);

#endif
