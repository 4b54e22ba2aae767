/* Fuzz input -> config: small tables, so mutations land on values that matter. */
#include <stdio.h>
#include <string.h>

#include "fuzzin.h"
#include "variant.h"

#define SIM__N(a) (sizeof(a) / sizeof((a)[0]))

/* Entry 0 of each table is the default config's value. */
/* Linux's floor (SOCK_MIN_SNDBUF) is 4608, and no MSS here exceeds it */
static const uint32_t sim__sndbuf[] = { 16384, 4608, 8192, 6144, 65536, 12288 };
static const uint32_t sim__mss[] = { 1460, 536, 4096, 2920, 1000, 100 };
static const uint32_t sim__maxh2cdata[] = { 8192, 4096, 16384, 65536 };
static const uint32_t sim__ioccsz[] = { 260, 4, 132, 516 };
static const uint32_t sim__r2t[] = { 0, 4096, 8192, 2048 };
static const uint32_t sim__c2h[] = { 0, 4096, 1460, 512 };
static const uint32_t sim__quota[] = { 64, 1000, 16, 8, 4, 256 };
static const uint8_t sim__op[] = { SIM_RQ_WRITE, SIM_RQ_WRITE, SIM_RQ_READ,
				   SIM_RQ_FLUSH };

static uint8_t sim__byte(const uint8_t *data, size_t size, size_t i)
{
	return i < size ? data[i] : 0;
}

void sim_fuzz_decode(const uint8_t *data, size_t size, int variant,
		     struct sim_config *cfg, const uint8_t **tape,
		     size_t *ntape)
{
	static const char op_letter[] = { 'w', 'r', 'f' };
	uint8_t b1 = sim__byte(data, size, 1);
	uint8_t b6 = sim__byte(data, size, 6);
	size_t head, i;

	sim_config_default(cfg);
	cfg->variant = variant >= 0 ? variant :
		(int)(sim__byte(data, size, 0) % sim_nvariants);
	cfg->policy = b1 & 1 ? SIM_POLICY_PRIO : SIM_POLICY_FAIR;
	cfg->nsubs = 1 + ((b1 >> 1) & 3);
	for (i = 0; i < cfg->nsubs; i++) {
		snprintf(cfg->subs[i].name, SIM_NAME_BYTES, "sub%zu", i);
		cfg->subs[i].cpu = (b1 >> (4 + i)) & 1;
	}
	cfg->env.sndbuf_bytes = sim__sndbuf[sim__byte(data, size, 2) % SIM__N(sim__sndbuf)];
	cfg->env.mss_bytes = sim__mss[sim__byte(data, size, 3) % SIM__N(sim__mss)];
	cfg->env.maxh2cdata_bytes =
		sim__maxh2cdata[sim__byte(data, size, 4) % SIM__N(sim__maxh2cdata)];
	cfg->env.ioccsz = sim__ioccsz[sim__byte(data, size, 5) % SIM__N(sim__ioccsz)];
	cfg->env.r2t_bytes = sim__r2t[(b6 & 15) % SIM__N(sim__r2t)];
	cfg->env.c2h_bytes = sim__c2h[(b6 >> 4) % SIM__N(sim__c2h)];
	cfg->env.quota_steps = sim__quota[sim__byte(data, size, 7) % SIM__N(sim__quota)];
	cfg->env.io_cpu = 0;
	cfg->steps_max = SIM_FUZZ_STEPS_MAX;
	cfg->nreqs = 1 + sim__byte(data, size, 8) % SIM_FUZZ_REQS_MAX;
	for (i = 0; i < cfg->nreqs; i++) {
		struct sim_req_spec *r = &cfg->reqs[i];
		uint8_t f = sim__byte(data, size, SIM_FUZZ_HEAD_BYTES + 2 * i);
		uint8_t l = sim__byte(data, size, SIM_FUZZ_HEAD_BYTES + 2 * i + 1);

		r->op = sim__op[f & 3];
		r->last = !(f & 4);
		r->commit_after = f & 8;
		r->submitter = (uint8_t)(((f >> 4) & 3) % cfg->nsubs);
		r->len_bytes = r->op == SIM_RQ_FLUSH ? 0 : 512u * (1 + l % 32);
		snprintf(r->name, SIM_NAME_BYTES, "%c%zu", op_letter[r->op], i);
	}
	/*
	 * blk-mq's contract: a submitter's batch ends with bd->last or a
	 * ->commit_rqs call. A workload that breaks it strands requests in
	 * any driver, which is no finding.
	 */
	for (i = 0; i < cfg->nsubs; i++) {
		int j, final = -1;

		for (j = 0; j < (int)cfg->nreqs; j++)
			if (cfg->reqs[j].submitter == i)
				final = j;
		if (final >= 0 && !cfg->reqs[final].last)
			cfg->reqs[final].commit_after = true;
	}
	head = SIM_FUZZ_HEAD_BYTES + 2 * cfg->nreqs;
	*tape = size > head ? data + head : data + size;
	*ntape = size > head ? size - head : 0;
}
