/* Building a world from a config, and resetting it cheaply for the next run. */
#include <stdlib.h>
#include <string.h>

#include "sim.h"
#include "trace.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SIM__STACK_BYTES (1024 * 1024)
#endif
#endif
#if !defined(SIM__STACK_BYTES) && defined(__SANITIZE_ADDRESS__)
#define SIM__STACK_BYTES (1024 * 1024)
#endif
#ifndef SIM__STACK_BYTES
#define SIM__STACK_BYTES (128 * 1024)
#endif

struct sim_world *sim_world_new(void)
{
	struct sim_world *w = calloc(1, sizeof(*w));
	unsigned i;

	if (!w)
		return NULL;
	for (i = 0; i < SIM_CTX_MAX; i++) {
		if (sim_fiber_alloc(&w->ctx[i].fiber, SIM__STACK_BYTES)) {
			sim_world_free(w);
			return NULL;
		}
	}
	return w;
}

void sim_world_free(struct sim_world *w)
{
	unsigned i;

	if (!w)
		return;
	for (i = 0; i < SIM_CTX_MAX; i++)
		sim_fiber_free(&w->ctx[i].fiber);
	if (sim_cur == w)
		sim_cur = NULL;
	free(w);
}

static void sim__target_log(void *arg, const char *line)
{
	struct sim_world *w = arg;

	sim_trace_ctx(w, "nvmet_tcp", "%s", line);
}

static void sim__host_reset(struct sim_world *w)
{
	const struct sim_env *env = &w->cfg.env;

	sim_sock_reset(&w->sk, env->sndbuf_bytes, env->mss_bytes);
	w->sock_ops.read_sock = sim_tcp_read_sock;
	w->socket.flags = 0;
	w->socket.sk = &w->sk;
	w->socket.ops = &w->sock_ops;
	w->sk.sk_socket = &w->socket;

	sim_blk_reset(w);
	sim_wq_reset(w);
}

static void sim__target_reset(struct sim_world *w)
{
	const struct sim_env *env = &w->cfg.env;
	struct sim_target_cfg tcfg = {
		.ioccsz_bytes = env->ioccsz * 16 - 64,
		.maxh2cdata_bytes = env->maxh2cdata_bytes,
		.r2t_bytes = env->r2t_bytes,
		.c2h_bytes = env->c2h_bytes,
	};

	sim_target_init(&w->target, &tcfg);
	w->target.log = w->trace ? sim__target_log : NULL;
	w->target.log_arg = w;
	w->target_idle_rx = 0;
}

static void sim__ctx_setup(struct sim_world *w, unsigned id)
{
	struct sim_ctx *c = &w->ctx[id];
	const struct sim_config *cfg = &w->cfg;
	static const uint8_t kinds[] = { SIM_CTX_KWORKER, SIM_CTX_NET_TX,
					 SIM_CTX_NET_RX, SIM_CTX_TARGET,
					 SIM_CTX_TICK };

	c->id = (uint8_t)id;
	c->done = false;
	c->steps = 0;
	c->clock_base = 0;
	c->op = SIM_OP_START;
	c->obj = NULL;
	c->obj2 = NULL;
	c->obj_name = NULL;
	c->fn = "start";
	c->file = NULL;
	c->line = 0;
	c->frame = NULL;
	c->last_fn = NULL;
	c->sub = -1;
	if (id < cfg->nsubs) {
		c->kind = SIM_CTX_SUBMITTER;
		c->sub = (int)id;
		c->cpu = cfg->subs[id].cpu;
	} else {
		c->kind = kinds[id - cfg->nsubs];
		c->cpu = cfg->env.io_cpu;
	}
	sim_config_ctx_name(cfg, (int)id, c->name, sizeof(c->name));
	sim_fiber_prepare(&c->fiber, sim_ctx_body, c);
	/* run it up to its first scheduling point: nothing shared happens before it */
	w->cur = c;
	sim_fiber_switch(&w->main_fiber, &c->fiber);
	w->cur = NULL;
}

void sim_world_reset(struct sim_world *w, const struct sim_config *cfg,
		     struct sim_choice *choice, struct sim_trace *trace)
{
	unsigned i;

	/* a site noted by a run that stopped before its point is not this run's */
	sim_at(NULL, 0, NULL);
	w->cfg = *cfg;
	w->choice = choice;
	w->trace = trace;
	w->steps = 0;
	w->stopped = false;
	w->cur = NULL;
	w->policy = cfg->policy;
	w->last_ctx = -1;
	memset(w->cpu_last, -1, sizeof(w->cpu_last));
	w->preemptions = 0;
	w->cpu_switches = 0;
	w->kworker_streak = 0;
	w->nmarks = 0;
	w->choice_step = 0;
	w->mark_pending = 0;
	w->runnable_step = UINT64_MAX;
	w->progress_sig = 0;
	w->progress_step = 0;
	memset(&w->verdict, 0, sizeof(w->verdict));
	w->verdict.req = -1;
	w->verdict.pdu_type = 0xff;
	w->last_model_error[0] = 0;
	sim_cur = w;
	sim_trace_start(w);

	sim__host_reset(w);
	sim__target_reset(w);
	w->clock_state = SIM_CLOCK_IDLE;
	w->nctx = sim_config_nctx(cfg);
	for (i = 0; i < w->nctx; i++)
		sim__ctx_setup(w, i);
}
