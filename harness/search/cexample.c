/* Counterexamples as scenario files. */
#include <string.h>

#include "cexample.h"
#include "pdu.h"
#include "trace.h"
#include "variant.h"

static const char *const sim__ops[] = { "write", "read", "flush" };

void sim_cex_write_config(FILE *f, const struct sim_config *cfg)
{
	const struct sim_env *e = &cfg->env;
	unsigned i;

	if (sim_variants[cfg->variant].tcp_sha)
		fprintf(f, "# found on %s's own drivers/nvme/host/tcp.c (sha256 %s...): run it with --kernel on that tree\n",
			sim_variants[cfg->variant].id,
			sim_variants[cfg->variant].tcp_sha);
	fprintf(f, "variant %s\n", sim_variants[cfg->variant].id);
	if (cfg->policy == SIM_POLICY_PRIO)
		fprintf(f, "policy prio\n");
	fprintf(f, "env sndbuf_bytes=%u mss_bytes=%u maxh2cdata_bytes=%u ioccsz=%u\n",
		e->sndbuf_bytes, e->mss_bytes, e->maxh2cdata_bytes, e->ioccsz);
	fprintf(f, "env r2t_bytes=%u c2h_bytes=%u rcvbuf_bytes=%u quota_steps=%u io_cpu=%d\n",
		e->r2t_bytes, e->c2h_bytes, e->rcvbuf_bytes, e->quota_steps,
		e->io_cpu);
	fprintf(f, "steps_max %llu\n", (unsigned long long)cfg->steps_max);
	for (i = 0; i < cfg->nsubs; i++)
		fprintf(f, "submitter %s cpu=%d\n", cfg->subs[i].name,
			cfg->subs[i].cpu);
	for (i = 0; i < cfg->nreqs; i++) {
		const struct sim_req_spec *r = &cfg->reqs[i];

		fprintf(f, "request %s %s", r->name, sim__ops[r->op]);
		if (r->op != SIM_RQ_FLUSH)
			fprintf(f, " %u", r->len_bytes);
		fprintf(f, " by=%s last=%d%s\n", cfg->subs[r->submitter].name,
			r->last, r->commit_after ? " commit" : "");
	}
}

static bool sim__same_op(const struct sim_world *w, uint64_t a, uint64_t b)
{
	return w->taken_op[a] == w->taken_op[b] &&
		!strcmp(sim_short_name(w->taken_obj[a]),
			sim_short_name(w->taken_obj[b]));
}

/*
 * One numbered step for steps [a, b] of one context, by operation name:
 * "through OP(OBJ)", with "N times" when OP(OBJ) comes up more than once in
 * the run. Never a step count, so a scheduling point added elsewhere (a
 * READ_ONCE, say) leaves the schedule meaning what it meant.
 */
static void sim__write_run(FILE *f, const struct sim_world *w, unsigned num,
			   uint64_t a, uint64_t b)
{
	const struct sim_ctx *c = &w->ctx[w->taken[a]];
	const char *fns[8];
	unsigned nfns = 0, i, times = 0;
	uint64_t s;
	char line[160], obj[48] = "";
	int len;

	for (s = a; s <= b; s++)
		if (sim__same_op(w, s, b))
			times++;
	if (w->taken_obj[b])
		snprintf(obj, sizeof(obj), "(%s)", sim_short_name(w->taken_obj[b]));
	len = snprintf(line, sizeof(line), "%u. %s through %s%s", num, c->name,
		       sim_op_names[w->taken_op[b]], obj);
	if (times > 1 && len > 0 && (size_t)len < sizeof(line))
		snprintf(line + len, sizeof(line) - (size_t)len, " %u times", times);
	for (s = a; s <= b && nfns < 8; s++) {
		for (i = 0; i < nfns; i++)
			if (!strcmp(fns[i], w->taken_fn[s]))
				break;
		if (i == nfns)
			fns[nfns++] = w->taken_fn[s];
	}
	fprintf(f, "%-44s #", line);
	for (i = 0; i < nfns; i++)
		fprintf(f, " %s", fns[i]);
	fputc('\n', f);
}

int sim_cex_write(FILE *f, struct sim_world *w, const struct sim_config *cfg,
		  const struct sim_explore_failure *fail, const char *how,
		  const char *replay)
{
	const struct sim_verdict *v = &fail->verdict;
	const struct sim_variant *var = &sim_variants[cfg->variant];
	char flag[600];
	bool diverged;
	uint64_t a, b, n;
	unsigned num = 1;

	sim_replay_run(w, cfg, fail->choices, fail->nchoices, NULL, &diverged);
	if (diverged || w->verdict.kind != v->kind || w->verdict.req != v->req)
		return -1;
	n = w->steps < SIM_TAKEN_MAX ? w->steps : SIM_TAKEN_MAX;
	fprintf(f, "# Found by %s on %s (%s, %s):\n", how, var->id, var->name,
		var->release);
	fprintf(f, "# %u preemption%s, %llu steps.\n", fail->preemptions,
		fail->preemptions == 1 ? "" : "s", (unsigned long long)w->steps);
	fprintf(f, "#\n# %s\n", v->line);
	if (replay)
		fprintf(f, "#\n# replay: nvtsim replay '%s'%s%s\n", replay,
			var->path ? " " : "",
			var->path ? sim_variant_flag(cfg->variant, flag, sizeof(flag)) : "");
	fprintf(f, "\n");
	sim_cex_write_config(f, cfg);
	fprintf(f, "\nschedule\n");
	for (a = 0; a < n; a = b + 1) {
		for (b = a; b + 1 < n && w->taken[b + 1] == w->taken[a]; b++)
			;
		sim__write_run(f, w, num++, a, b);
	}
	fprintf(f, "\nexpect %s %s", var->id, sim_verdict_names[v->kind]);
	if ((v->kind == SIM_V_HANG || v->kind == SIM_V_STALL) &&
	    (v->pdu_type == SIM_PDU_CMD || v->pdu_type == SIM_PDU_H2C_DATA))
		fprintf(f, " %s", sim_pdu_type_name(v->pdu_type));
	if ((v->kind == SIM_V_HANG || v->kind == SIM_V_STALL) && v->req >= 0)
		fprintf(f, " %s", cfg->reqs[v->req].name);
	fprintf(f, "\n");
	return 0;
}
