/*
 * The block layer around the driver, on the world's side: each request's
 * pages and what became of it (submitted, status, completions), with the
 * checks a completion must pass. The driver's glue builds its requests over
 * these pages and reports completions here (driver.h).
 */
#include <string.h>

#include "pdu.h"
#include "sim.h"
#include "trace.h"
#include "variant.h"

_Static_assert(SIM_REQS_MAX == SIM_DRV_REQS_MAX, "driver.h's request limit");
_Static_assert(SIM_RQ_WRITE == (int)SIM_DRV_WRITE && SIM_RQ_READ == (int)SIM_DRV_READ &&
	       SIM_RQ_FLUSH == (int)SIM_DRV_FLUSH, "driver.h's operations");

/* Lays out each request's pages, then has the driver build its host side over them. */
void sim_blk_reset(struct sim_world *w)
{
	struct sim_drv_setup setup;
	const struct sim_env *env = &w->cfg.env;
	unsigned i;
	uint32_t p;

	memset(&setup, 0, sizeof(setup));
	setup.sock = &w->socket;
	setup.io_cpu = env->io_cpu;
	setup.maxh2cdata_bytes = env->maxh2cdata_bytes;
	setup.cmnd_capsule_bytes = env->ioccsz * 16;
	setup.nreqs = w->cfg.nreqs;
	for (i = 0; i < w->cfg.nreqs; i++) {
		const struct sim_req_spec *spec = &w->cfg.reqs[i];
		uint32_t len = spec->op == SIM_RQ_FLUSH ? 0 : spec->len_bytes;

		memset(&w->rs[i], 0, sizeof(w->rs[i]));
		if (spec->op == SIM_RQ_WRITE) {
			const uint8_t *pat = sim_pattern((uint16_t)i, 0, len);

			if (pat)
				memcpy(w->data[i], pat, len);
			else
				for (p = 0; p < len; p++)
					w->data[i][p] = sim_pattern_byte((uint16_t)i, p);
		} else if (len) {
			/* so a read that is never filled in cannot pass */
			memset(w->data[i], 0xee, len);
		}
		setup.reqs[i].op = spec->op;
		setup.reqs[i].len_bytes = len;
		setup.reqs[i].data = w->data[i];
	}
	w->drv = sim_variant_driver(w->cfg.variant);
	w->drv->reset(&setup, &w->host);
}

void sim_drv_view(const struct sim_world *w, struct sim_drv_view *v)
{
	w->drv->view(v);
}

int sim_send_mutex_owner(const struct sim_world *w)
{
	struct sim_drv_view v;

	sim_drv_view(w, &v);
	return v.send_mutex->owner;
}

static int sim__tag_ok(struct sim_world *w, int tag)
{
	if (tag >= 0 && tag < (int)w->cfg.nreqs)
		return 1;
	sim_fail_safety("the driver completed tag %d, which blk-mq never issued",
			tag);
	return 0;
}

void sim_blk_status(int tag, uint16_t status)
{
	struct sim_world *w = sim_cur;

	if (w && sim__tag_ok(w, tag))
		w->rs[tag].status = status;
}

static void sim__check_read_data(struct sim_world *w, int i)
{
	uint32_t off, len = w->cfg.reqs[i].len_bytes;
	const uint8_t *pat = sim_pattern((uint16_t)i, 0, len);

	if (pat && !memcmp(w->data[i], pat, len))
		return;
	for (off = 0; off < len; off++) {
		if (w->data[i][off] != sim_pattern_byte((uint16_t)i, off)) {
			sim_fail_safety("%s: READ data wrong at offset %u",
					w->cfg.reqs[i].name, off);
			return;
		}
	}
}

void sim_blk_complete(int i)
{
	struct sim_world *w = sim_cur;
	struct sim_req_state *rs;

	if (!w || !sim__tag_ok(w, i))
		return;
	rs = &w->rs[i];
	rs->completions++;
	sim_trace_ctx(w, "nvme_complete_rq", "%s (cid %d) completes, status %#x",
		      w->cfg.reqs[i].name, i, rs->status);
	if (rs->completed)
		sim_fail_safety("%s completed twice", w->cfg.reqs[i].name);
	rs->completed = true;
	if (!rs->submitted)
		sim_fail_safety("%s completed before it was submitted",
				w->cfg.reqs[i].name);
	if (rs->status == 0 && w->cfg.reqs[i].op == SIM_RQ_READ)
		sim__check_read_data(w, i);
}

void sim_stub_called(const char *fn)
{
	struct sim_world *w = sim_cur;

	if (!w) {
		fprintf(stderr, "nvtsim: stub %s called outside a world\n", fn);
		return;
	}
	sim_stop(w, SIM_V_SAFETY,
		 "SAFETY: the driver called %s, which nvtsim only stubs (control path, not simulated)",
		 fn);
}
