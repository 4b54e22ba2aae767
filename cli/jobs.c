/* A fork()ed worker pool: tasks go down one pipe per worker, results come back up another. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jobs.h"

#define CLI__JOBS_MAX 256
#define CLI__QUIT UINT32_MAX

struct cli__worker {
	pid_t pid;
	int task_fd;		/* parent writes task numbers */
	int result_fd;		/* parent reads results */
	bool busy;
	unsigned task;
};

unsigned cli_jobs_cpus(void)
{
	cpu_set_t set;
	long n;

	if (!sched_getaffinity(0, sizeof(set), &set) && CPU_COUNT(&set) > 0)
		return (unsigned)CPU_COUNT(&set);
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1;
}

static int cli__full(int fd, void *buf, size_t n, bool writing)
{
	char *p = buf;

	while (n) {
		ssize_t k = writing ? write(fd, p, n) : read(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static void cli__worker_main(int task_fd, int result_fd, cli_job_run run,
			     void *arg)
{
	uint32_t t, len;

	for (;;) {
		char *text;

		if (cli__full(task_fd, &t, sizeof(t), false) || t == CLI__QUIT)
			_exit(0);
		text = run(t, arg);
		if (!text)
			_exit(3);
		len = (uint32_t)strlen(text);
		if (cli__full(result_fd, &t, sizeof(t), true) ||
		    cli__full(result_fd, &len, sizeof(len), true) ||
		    cli__full(result_fd, text, len, true))
			_exit(4);
		free(text);
	}
}

static int cli__give(struct cli__worker *wk, unsigned t)
{
	uint32_t v = t;

	wk->busy = t != CLI__QUIT;
	wk->task = t;
	return cli__full(wk->task_fd, &v, sizeof(v), true);
}

static void cli__stop_all(struct cli__worker *wk, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		if (wk[i].pid > 0) {
			kill(wk[i].pid, SIGKILL);
			waitpid(wk[i].pid, NULL, 0);
		}
		close(wk[i].task_fd);
		close(wk[i].result_fd);
	}
}

static int cli__inline(const unsigned *tasks, unsigned n, cli_job_run run,
		       cli_job_done done, void *arg)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		char *text = run(tasks[i], arg);

		if (!text) {
			fprintf(stderr, "nvtsim: out of memory\n");
			return -1;
		}
		done(tasks[i], text, arg);
		free(text);
	}
	return 0;
}

static int cli__spawn(struct cli__worker *w, cli_job_run run, void *arg)
{
	int down[2], up[2];

	if (pipe(down))
		return -1;
	if (pipe(up)) {
		close(down[0]);
		close(down[1]);
		return -1;
	}
	fflush(NULL);
	w->pid = fork();
	if (w->pid < 0) {
		close(down[0]);
		close(down[1]);
		close(up[0]);
		close(up[1]);
		return -1;
	}
	if (!w->pid) {
		close(down[1]);
		close(up[0]);
		cli__worker_main(down[0], up[1], run, arg);
	}
	close(down[0]);
	close(up[1]);
	w->task_fd = down[1];
	w->result_fd = up[0];
	return 0;
}

/* Reads one result from wk; -1 if the worker died. */
static int cli__collect(struct cli__worker *wk, cli_job_done done, void *arg)
{
	uint32_t t, len;
	char *text;

	if (cli__full(wk->result_fd, &t, sizeof(t), false) ||
	    cli__full(wk->result_fd, &len, sizeof(len), false) || t != wk->task)
		return -1;
	text = malloc((size_t)len + 1);
	if (!text || cli__full(wk->result_fd, text, len, false)) {
		free(text);
		return -1;
	}
	text[len] = 0;
	wk->busy = false;
	done(t, text, arg);
	free(text);
	return 0;
}

static int cli__died(struct cli__worker *wk, unsigned nw, unsigned t)
{
	fprintf(stderr, "nvtsim: a worker process died running task %u (out of memory, or a crash: rerun with --jobs 1)\n",
		t);
	cli__stop_all(wk, nw);
	return -1;
}

int cli_jobs_run(const unsigned *tasks, unsigned n, unsigned njobs,
		 cli_job_run run, cli_job_done done, void *arg)
{
	struct cli__worker wk[CLI__JOBS_MAX];
	struct pollfd pfd[CLI__JOBS_MAX];
	unsigned i, next = 0, left = n, nw;

	if (njobs > n)
		njobs = n;
	if (njobs > CLI__JOBS_MAX)
		njobs = CLI__JOBS_MAX;
	if (njobs <= 1)
		return cli__inline(tasks, n, run, done, arg);
	/* a worker that dies must not kill us with SIGPIPE */
	signal(SIGPIPE, SIG_IGN);
	memset(wk, 0, sizeof(wk));
	for (nw = 0; nw < njobs; nw++)
		if (cli__spawn(&wk[nw], run, arg)) {
			fprintf(stderr, "nvtsim: cannot start a worker process: %s\n",
				strerror(errno));
			cli__stop_all(wk, nw);
			return -1;
		}
	for (i = 0; i < nw; i++)
		if (cli__give(&wk[i], tasks[next++]))
			return cli__died(wk, nw, tasks[next - 1]);
	while (left) {
		for (i = 0; i < nw; i++) {
			pfd[i].fd = wk[i].busy ? wk[i].result_fd : -1;
			pfd[i].events = POLLIN;
			pfd[i].revents = 0;
		}
		if (poll(pfd, nw, -1) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "nvtsim: poll: %s\n", strerror(errno));
			cli__stop_all(wk, nw);
			return -1;
		}
		for (i = 0; i < nw; i++) {
			if (!pfd[i].revents)
				continue;
			if (cli__collect(&wk[i], done, arg))
				return cli__died(wk, nw, wk[i].task);
			left--;
			if (next < n && cli__give(&wk[i], tasks[next++]))
				return cli__died(wk, nw, tasks[next - 1]);
		}
	}
	for (i = 0; i < nw; i++) {
		cli__give(&wk[i], CLI__QUIT);
		close(wk[i].task_fd);
		close(wk[i].result_fd);
		waitpid(wk[i].pid, NULL, 0);
	}
	return 0;
}
