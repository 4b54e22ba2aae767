/*
 * A schedule's vocabulary: the operation names the timeline prints and the
 * objects each operation acts on, so that a line copied from a timeline
 * reads back as a schedule step and a misspelt object is an input error,
 * not a `schedule` verdict at run time.
 */
#include <stdio.h>
#include <string.h>

#include "scenario.h"
#include "trace.h"

/* Names the timeline prints that are another name's scheduling point. */
static const struct {
	const char *name;
	int op;
	const char *obj;	/* the object the name implies, or NULL */
} sim__aliases[] = {
	{ "list_add_tail", SIM_OP_LIST_ADD, NULL },
	{ "list_del_init", SIM_OP_LIST_DEL, NULL },
	{ "list_first_entry_or_null", SIM_OP_LIST_FIRST, NULL },
	{ "->queue_rq", SIM_OP_SUBMIT, NULL },
	{ "queue_rq", SIM_OP_SUBMIT, NULL },
	{ "->commit_rqs", SIM_OP_SUBMIT, "commit_rqs" },
	{ "commit_rqs", SIM_OP_SUBMIT, "commit_rqs" },
};

/*
 * The objects each scheduling point names (sim_short_name of what the
 * shims pass: the model's fields, and the same fields of a kernel tree's
 * tcp.c through kernel/glue.c's watch list). A submit names its request.
 * tests/friction_test.sh feeds every object a timeline prints back in.
 */
static const char *const sim__objs[SIM_OP_KINDS][4] = {
	[SIM_OP_MUTEX_TRYLOCK] = { "send_mutex" },
	[SIM_OP_MUTEX_LOCK] = { "send_mutex" },
	[SIM_OP_MUTEX_UNLOCK] = { "send_mutex" },
	[SIM_OP_SPIN_LOCK] = { "lock" },
	[SIM_OP_SPIN_UNLOCK] = { "lock" },
	[SIM_OP_LLIST_ADD] = { "req_list" },
	[SIM_OP_LLIST_DEL_ALL] = { "req_list" },
	[SIM_OP_LLIST_EMPTY] = { "req_list" },
	[SIM_OP_LIST_EMPTY] = { "send_list", "entry" },
	[SIM_OP_LIST_ADD] = { "send_list" },
	[SIM_OP_LIST_DEL] = { "entry" },
	[SIM_OP_LIST_FIRST] = { "send_list" },
	[SIM_OP_READ_ONCE] = { "request", "more_requests", "rd_enabled" },
	[SIM_OP_WRITE_ONCE] = { "request", "more_requests" },
	[SIM_OP_LOAD] = { "request", "more_requests" },
	[SIM_OP_STORE] = { "request", "more_requests" },
	[SIM_OP_TEST_BIT] = { "flags" },
	[SIM_OP_SET_BIT] = { "flags" },
	[SIM_OP_CLEAR_BIT] = { "flags" },
	[SIM_OP_QUEUE_WORK] = { "io_work" },
	[SIM_OP_WORK_WAIT] = { "pool" },
	[SIM_OP_SENDMSG] = { "sk" },
	[SIM_OP_LOCK_SOCK] = { "sk" },
	[SIM_OP_RELEASE_SOCK] = { "sk" },
	[SIM_OP_SK_WRITEABLE] = { "sk" },
	[SIM_OP_NET_XMIT] = { "sk" },
	[SIM_OP_NET_RECV] = { "ctrl" },
	[SIM_OP_TARGET_RUN] = { "ctrl" },
	[SIM_OP_CLOCK] = { "jiffies" },
	[SIM_OP_TICK] = { "jiffies" },
};

int sim_sched_op_find(const char *name, const char **implied_obj)
{
	unsigned i;
	int op;

	*implied_obj = NULL;
	for (op = 0; op < SIM_OP_KINDS; op++)
		if (!strcmp(name, sim_op_names[op]))
			return op;
	for (i = 0; i < sizeof(sim__aliases) / sizeof(sim__aliases[0]); i++)
		if (!strcmp(name, sim__aliases[i].name)) {
			*implied_obj = sim__aliases[i].obj;
			return sim__aliases[i].op;
		}
	return -1;
}

bool sim_sched_obj_known(const struct sim_config *cfg, int op, const char *obj)
{
	unsigned i;

	if (op == SIM_OP_SUBMIT) {
		for (i = 0; i < cfg->nreqs; i++)
			if (!strcmp(obj, cfg->reqs[i].name))
				return true;
		return !strcmp(obj, "commit_rqs");
	}
	for (i = 0; i < 4 && sim__objs[op][i]; i++)
		if (!strcmp(obj, sim__objs[op][i]))
			return true;
	return false;
}

void sim_sched_objs_describe(const struct sim_config *cfg, int op, char *buf,
			     size_t len)
{
	size_t used = 0;
	unsigned i;

	buf[0] = 0;
#define SIM__ADD(s) \
	do { \
		if (used < len) \
			used += (size_t)snprintf(buf + used, len - used, "%s%s", \
						 used ? ", " : "", (s)); \
	} while (0)
	if (op == SIM_OP_SUBMIT) {
		for (i = 0; i < cfg->nreqs; i++)
			SIM__ADD(cfg->reqs[i].name);
		SIM__ADD("commit_rqs");
	} else {
		for (i = 0; i < 4 && sim__objs[op][i]; i++)
			SIM__ADD(sim__objs[op][i]);
	}
#undef SIM__ADD
	if (!buf[0])
		snprintf(buf, len, "none: %s takes no object", sim_op_names[op]);
}

/*
 * One argument as the timeline prints it, as the object name the
 * scheduler compares: "queue->request" is "request", "w1: WRITE 4096
 * bytes" is "w1".
 */
static void sim__arg_name(const char *arg, size_t n, char *out, size_t outlen)
{
	char tmp[96];
	size_t k;

	while (n && *arg == ' ') {
		arg++;
		n--;
	}
	for (k = 0; k < n && arg[k] != ' ' && arg[k] != ':'; k++)
		;
	if (k >= sizeof(tmp))
		k = sizeof(tmp) - 1;
	memcpy(tmp, arg, k);
	tmp[k] = 0;
	snprintf(out, outlen, "%s", sim_short_name(tmp));
}

int sim_sched_obj_pick(const struct sim_config *cfg, int op, const char *args,
		       char *obj, size_t objlen)
{
	const char *a = args;

	for (;;) {
		const char *comma = strchr(a, ',');
		size_t n = comma ? (size_t)(comma - a) : strlen(a);

		sim__arg_name(a, n, obj, objlen);
		if (obj[0] && sim_sched_obj_known(cfg, op, obj))
			return 0;
		if (!comma)
			break;
		a = comma + 1;
	}
	/* one argument: name it as the scheduler would; several: as written */
	if (strchr(args, ','))
		snprintf(obj, objlen, "%s", args);
	else
		sim__arg_name(args, strlen(args), obj, objlen);
	return -1;
}
