/* Stub: the current task (only controller creation looks at its network namespace). */
#ifndef NVTSIM_K_SCHED_H
#define NVTSIM_K_SCHED_H

struct net;
struct nsproxy {
	struct net *net_ns;
};

struct task_struct {
	struct nsproxy *nsproxy;
	int pid;
	char comm[16];
};

struct task_struct *get_current(void);
#define current get_current()

#endif
