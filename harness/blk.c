/* The block layer and NVMe core around the driver: requests, SQEs, completions. */
#include <string.h>

#include <nvme_core.h>

#include "pdu.h"
#include "sim.h"
#include "trace.h"

static int sim__rq_index(const struct request *rq)
{
	return rq->tag;
}

void sim_blk_reset(struct sim_world *w)
{
	unsigned i, p;

	w->tags.rqs = w->tag_rqs;
	w->tags.nr_tags = w->cfg.nreqs;
	for (i = 0; i < w->cfg.nreqs; i++) {
		const struct sim_req_spec *spec = &w->cfg.reqs[i];
		struct sim_rq *r = &w->rqs[i];
		struct sim_req_state *rs = &w->rs[i];
		uint32_t len = spec->op == SIM_RQ_FLUSH ? 0 : spec->len_bytes;
		unsigned npages = (len + SIM_PAGE_BYTES - 1) / SIM_PAGE_BYTES;

		memset(r, 0, sizeof(*r));
		memset(rs, 0, sizeof(*rs));
		r->rq.q = &w->rqq;
		r->rq.tag = (int)i;
		r->rq.cmd_flags = spec->op == SIM_RQ_WRITE ? REQ_OP_WRITE :
			spec->op == SIM_RQ_READ ? REQ_OP_READ : REQ_OP_FLUSH;
		r->rq.sim_payload_bytes = len;
		r->rq.nr_phys_segments = (unsigned short)npages;
		for (p = 0; p < npages; p++) {
			uint32_t off = p * SIM_PAGE_BYTES;

			rs->bvec[p].bv_page = virt_to_page(&w->data[i][off]);
			rs->bvec[p].bv_offset = 0;
			rs->bvec[p].bv_len = len - off < SIM_PAGE_BYTES ?
				len - off : SIM_PAGE_BYTES;
		}
		rs->bio.bi_io_vec = rs->bvec;
		rs->bio.bi_vcnt = (unsigned short)npages;
		rs->bio.bi_size = len;
		r->rq.bio = npages ? &rs->bio : NULL;
		if (spec->op == SIM_RQ_WRITE) {
			for (p = 0; p < len; p++)
				w->data[i][p] = sim_pattern_byte((uint16_t)i, p);
		} else if (len) {
			/* so a read that is never filled in cannot pass */
			memset(w->data[i], 0xee, len);
		}
		r->req.pdu = &r->pdu;
		w->tag_rqs[i] = &r->rq;
		nvme_tcp_init_request(&w->tctrl, &r->rq, 1);
	}
}

blk_status_t nvme_setup_cmd(struct nvme_ns *ns, struct request *rq)
{
	struct nvme_command *cmd = nvme_req(rq)->cmd;
	struct nvme_common_command *c = &cmd->common;
	uint32_t len = blk_rq_payload_bytes(rq);

	memset(cmd, 0, sizeof(*cmd));
	c->command_id = nvme_cid(rq);
	c->nsid = ns->head_ns_id;
	switch (req_op(rq)) {
	case REQ_OP_WRITE:
	case REQ_OP_READ:
		c->opcode = req_op(rq) == REQ_OP_WRITE ? nvme_cmd_write :
							 nvme_cmd_read;
		c->cdw10 = (u32)rq->tag * 128;	/* slba */
		c->cdw12 = len / 512 - 1;	/* nlb, 0's based */
		break;
	case REQ_OP_FLUSH:
		c->opcode = nvme_cmd_flush;
		break;
	}
	return BLK_STS_OK;
}

void nvme_cleanup_cmd(struct request *rq)
{
	(void)rq;
}

blk_status_t nvme_fail_nonready_command(struct nvme_ctrl *ctrl,
					struct request *rq)
{
	(void)ctrl;
	sim_fail_safety("queue_rq on a queue that is not live (tag %d)", rq->tag);
	return BLK_STS_IOERR;
}

void nvme_start_request(struct request *rq)
{
	(void)rq;
}

bool nvme_try_complete_req(struct request *rq, __le16 status,
			   union nvme_result result)
{
	struct sim_world *w = sim_cur;

	(void)result;
	if (w)
		w->rs[sim__rq_index(rq)].status = le16_to_cpu(status) >> 1;
	return false;
}

static void sim__check_read_data(struct sim_world *w, int i)
{
	uint32_t off, len = w->cfg.reqs[i].len_bytes;

	for (off = 0; off < len; off++) {
		if (w->data[i][off] != sim_pattern_byte((uint16_t)i, off)) {
			sim_fail_safety("%s: READ data wrong at offset %u",
					w->cfg.reqs[i].name, off);
			return;
		}
	}
}

void nvme_complete_rq(struct request *rq)
{
	struct sim_world *w = sim_cur;
	struct sim_req_state *rs;
	int i = sim__rq_index(rq);

	if (!w)
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
