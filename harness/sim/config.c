/* Defaults and validation of a world's configuration. */
#include <stdio.h>
#include <string.h>

#include "sim.h"
#include "variant.h"

static const char *const sim__fixed_ctx[] = { "kworker", "net_tx", "net_rx",
					      "ctrl", "tick" };

unsigned sim_config_nctx(const struct sim_config *cfg)
{
	return cfg->nsubs + 4 + (cfg->env.quota_steps == 0);
}

void sim_config_default(struct sim_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->variant = -1;
	cfg->env.sndbuf_bytes = 16384;
	cfg->env.mss_bytes = 1460;
	cfg->env.maxh2cdata_bytes = 8192;
	cfg->env.ioccsz = 260;		/* 4096 bytes of in-capsule data */
	cfg->env.r2t_bytes = 0;
	cfg->env.c2h_bytes = 0;
	cfg->env.rcvbuf_bytes = 65536;
	cfg->env.quota_steps = 1000;
	cfg->env.io_cpu = 0;
	cfg->nsubs = 1;
	snprintf(cfg->subs[0].name, SIM_NAME_BYTES, "sub0");
	cfg->subs[0].cpu = 0;
	cfg->steps_max = 100000;
}

int sim_config_ctx_id(const struct sim_config *cfg, const char *name)
{
	unsigned i;

	for (i = 0; i < cfg->nsubs; i++)
		if (!strcmp(name, cfg->subs[i].name))
			return (int)i;
	for (i = 0; i < 5; i++)
		if (!strcmp(name, sim__fixed_ctx[i]) &&
		    (i < 4 || cfg->env.quota_steps == 0))
			return (int)(cfg->nsubs + i);
	return -1;
}

bool sim_config_reserved(const char *name)
{
	unsigned i;

	for (i = 0; i < 5; i++)
		if (!strcmp(name, sim__fixed_ctx[i]))
			return true;
	return false;
}

const char *sim_config_ctx_name(const struct sim_config *cfg, int id,
				char *buf, size_t buflen)
{
	if (id >= 0 && (unsigned)id < cfg->nsubs)
		snprintf(buf, buflen, "%s", cfg->subs[id].name);
	else if (id >= 0 && (unsigned)id < sim_config_nctx(cfg))
		snprintf(buf, buflen, "%s", sim__fixed_ctx[id - (int)cfg->nsubs]);
	else
		snprintf(buf, buflen, "ctx%d", id);
	return buf;
}

#define SIM__CHECK(cond, ...) do { \
	if (!(cond)) { \
		snprintf(err, errlen, __VA_ARGS__); \
		return -1; \
	} \
} while (0)

int sim_config_check(const struct sim_config *cfg, char *err, size_t errlen)
{
	const struct sim_env *e = &cfg->env;
	unsigned i;

	SIM__CHECK(sim_variant_valid(cfg->variant),
		   "no variant chosen");
	SIM__CHECK(e->sndbuf_bytes >= SIM_SOCK_MIN_SNDBUF &&
		   e->sndbuf_bytes <= SIM_SOCK_SQ_BYTES,
		   "sndbuf_bytes %u out of range %u..%u (Linux's SOCK_MIN_SNDBUF is the floor)",
		   e->sndbuf_bytes, SIM_SOCK_MIN_SNDBUF, SIM_SOCK_SQ_BYTES);
	SIM__CHECK(e->mss_bytes >= 1 && e->mss_bytes <= SIM_MSS_MAX,
		   "mss_bytes %u out of range 1..%u", e->mss_bytes, SIM_MSS_MAX);
	SIM__CHECK(e->maxh2cdata_bytes >= 4096 && e->maxh2cdata_bytes % 4 == 0 &&
		   e->maxh2cdata_bytes <= 4 * 1024 * 1024,
		   "maxh2cdata_bytes %u invalid: a multiple of 4 from 4096 (NVME_TCP_MIN_MAXH2CDATA) to 4194304",
		   e->maxh2cdata_bytes);
	SIM__CHECK(e->ioccsz >= 4 && e->ioccsz <= (64 + SIM_REQ_BYTES_MAX) / 16,
		   "ioccsz %u out of range 4..%u (16-byte units, 4 = the SQE alone)",
		   e->ioccsz, (64 + SIM_REQ_BYTES_MAX) / 16);
	SIM__CHECK(e->mss_bytes <= e->sndbuf_bytes,
		   "mss_bytes %u is larger than sndbuf_bytes %u: not a socket Linux builds",
		   e->mss_bytes, e->sndbuf_bytes);
	SIM__CHECK(e->rcvbuf_bytes >= SIM_SOCK_MIN_RCVBUF &&
		   e->rcvbuf_bytes <= SIM_TARGET_RX_BYTES,
		   "rcvbuf_bytes %u out of range %u..%u (Linux's SOCK_MIN_RCVBUF is the floor)",
		   e->rcvbuf_bytes, SIM_SOCK_MIN_RCVBUF, SIM_TARGET_RX_BYTES);
	SIM__CHECK(e->quota_steps || cfg->nsubs < SIM_SUBMITTERS_MAX,
		   "quota_steps 0 (free time) takes a context of its own: at most %d submitters with it",
		   SIM_SUBMITTERS_MAX - 1);
	SIM__CHECK(e->io_cpu >= 0 && e->io_cpu < SIM_CPUS_MAX,
		   "io_cpu %d out of range 0..%d", e->io_cpu, SIM_CPUS_MAX - 1);
	SIM__CHECK(cfg->steps_max >= 1, "steps_max must be at least 1");
	SIM__CHECK(cfg->nsubs >= 1 && cfg->nsubs <= SIM_SUBMITTERS_MAX,
		   "%u submitters: 1..%d allowed", cfg->nsubs, SIM_SUBMITTERS_MAX);
	for (i = 0; i < cfg->nsubs; i++)
		SIM__CHECK(cfg->subs[i].cpu >= 0 && cfg->subs[i].cpu < SIM_CPUS_MAX,
			   "submitter %s: cpu %d out of range 0..%d",
			   cfg->subs[i].name, cfg->subs[i].cpu, SIM_CPUS_MAX - 1);
	SIM__CHECK(cfg->nreqs >= 1, "no requests: the workload is empty");
	SIM__CHECK(cfg->nreqs <= SIM_REQS_MAX, "%u requests: at most %d",
		   cfg->nreqs, SIM_REQS_MAX);
	for (i = 0; i < cfg->nreqs; i++) {
		const struct sim_req_spec *r = &cfg->reqs[i];

		SIM__CHECK(r->submitter < cfg->nsubs, "request %s: no submitter %u",
			   r->name, r->submitter);
		if (r->op == SIM_RQ_FLUSH) {
			SIM__CHECK(r->len_bytes == 0,
				   "request %s: a flush carries no data (len=0)",
				   r->name);
			continue;
		}
		SIM__CHECK(r->len_bytes >= 512 && r->len_bytes % 512 == 0 &&
			   r->len_bytes <= SIM_REQ_BYTES_MAX,
			   "request %s: len %u must be a multiple of 512 from 512 to %u",
			   r->name, r->len_bytes, SIM_REQ_BYTES_MAX);
	}
	return 0;
}
