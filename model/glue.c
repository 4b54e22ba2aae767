/*
 * The model behind the seam (harness/driver.h): the host side the kernel
 * would build around drivers/nvme/host/tcp.c (controller, queue 1, tag set,
 * requests), and the nvme core functions the driver calls. kernel/glue.c is
 * the same for a kernel tree's own tcp.c.
 */
#include <string.h>

#include <nvt_upstream.h>

#include "../harness/driver.h"
#include "tcp.h"

/* One blk-mq request with the driver's data right behind it. */
struct model_rq {
	struct request rq;
	struct nvme_tcp_request req;
	struct nvme_tcp_cmd_pdu pdu;	/* SIM: page_frag-allocated upstream */
};

struct model_host {
	struct device dev;
	struct nvme_tcp_ctrl tctrl;
	struct nvme_tcp_queue queues[2];
	struct nvme_ns ns;
	struct request_queue rqq;
	struct blk_mq_hw_ctx hctx;
	struct blk_mq_tags tags;
	struct request *tag_rqs[SIM_DRV_REQS_MAX];
	struct model_rq rqs[SIM_DRV_REQS_MAX];
	struct bio bio[SIM_DRV_REQS_MAX];
	struct bio_vec bvec[SIM_DRV_REQS_MAX][SIM_DRV_REQ_PAGES_MAX];
	unsigned nreqs;
};

static struct model_host model__host;

static void model__req_reset(struct model_host *h, unsigned i,
			     const struct sim_drv_req_setup *rs)
{
	struct model_rq *r = &h->rqs[i];
	uint32_t len = rs->op == SIM_DRV_FLUSH ? 0 : rs->len_bytes;
	unsigned p, npages = (len + SIM_DRV_PAGE_BYTES - 1) / SIM_DRV_PAGE_BYTES;

	memset(r, 0, sizeof(*r));
	r->rq.q = &h->rqq;
	r->rq.tag = (int)i;
	r->rq.cmd_flags = rs->op == SIM_DRV_WRITE ? REQ_OP_WRITE :
		rs->op == SIM_DRV_READ ? REQ_OP_READ : REQ_OP_FLUSH;
	r->rq.sim_payload_bytes = len;
	r->rq.nr_phys_segments = (unsigned short)npages;
	for (p = 0; p < npages; p++) {
		uint32_t off = p * SIM_DRV_PAGE_BYTES;

		h->bvec[i][p].bv_page = virt_to_page(rs->data + off);
		h->bvec[i][p].bv_offset = 0;
		h->bvec[i][p].bv_len = len - off < SIM_DRV_PAGE_BYTES ?
			len - off : SIM_DRV_PAGE_BYTES;
	}
	memset(&h->bio[i], 0, sizeof(h->bio[i]));
	h->bio[i].bi_io_vec = h->bvec[i];
	h->bio[i].bi_vcnt = (unsigned short)npages;
	h->bio[i].bi_size = len;
	r->rq.bio = npages ? &h->bio[i] : NULL;
	r->req.pdu = &r->pdu;
	h->tag_rqs[i] = &r->rq;
	nvme_tcp_init_request(&h->tctrl, &r->rq, 1);
}

/* upstream: nvme_tcp_setup_ctrl() .. nvme_tcp_start_queue(), as far as queue 1 */
static void model_reset(const struct sim_drv_setup *setup,
			struct sim_drv_host *host)
{
	struct model_host *h = &model__host;
	unsigned i;

	memset(&h->tctrl, 0, sizeof(h->tctrl));
	memset(h->queues, 0, sizeof(h->queues));
	h->dev.name = "nvme0";
	h->tctrl.queues = h->queues;
	h->tctrl.tags = &h->tags;
	h->tctrl.ctrl.device = &h->dev;
	h->tctrl.ctrl.state = NVME_CTRL_LIVE;
	h->ns.head_ns_id = 1;
	h->rqq.queuedata = &h->ns;
	h->hctx.queue = &h->rqq;
	h->hctx.driver_data = &h->queues[1];

	nvme_tcp_alloc_queue(&h->tctrl, 1, setup->sock, setup->io_cpu,
			     setup->maxh2cdata_bytes,
			     setup->cmnd_capsule_bytes);
	nvme_tcp_start_queue(&h->queues[1]);

	h->nreqs = setup->nreqs;
	h->tags.rqs = h->tag_rqs;
	h->tags.nr_tags = setup->nreqs;
	memset(host, 0, sizeof(*host));
	for (i = 0; i < setup->nreqs; i++) {
		model__req_reset(h, i, &setup->reqs[i]);
		host->rqs[i] = &h->rqs[i].rq;
	}
	host->hctx = &h->hctx;
	host->queue_rq = nvme_tcp_mq_ops.queue_rq;
	/* blk-mq calls ->commit_rqs only where the driver has one */
	host->commit_rqs = UPSTREAM(86f0348ace15) ? nvme_tcp_mq_ops.commit_rqs :
						    NULL;
}

static void model_view(struct sim_drv_view *v)
{
	struct model_host *h = &model__host;
	const struct nvme_tcp_queue *queue = &h->queues[1];
	unsigned i;

	memset(v, 0, sizeof(*v));
	v->send_mutex = &queue->send_mutex;
	v->io_work = &queue->io_work;
	v->request_set = queue->request != NULL;
	v->req_list_empty = !queue->req_list.first;
	v->send_list_empty = queue->send_list.next == &queue->send_list;
	for (i = 0; i < h->nreqs; i++) {
		const struct nvme_tcp_request *req = &h->rqs[i].req;
		struct sim_drv_req_view *r = &v->reqs[i];

		r->on_req_list = sim_llist_has(&queue->req_list, &req->lentry);
		r->on_send_list = sim_list_has(&queue->send_list, &req->entry);
		r->is_request = queue->request == req;
		r->state = (uint8_t)req->state;
		r->ttag = req->ttag;
		r->h2cdata_offset = req->h2cdata_offset;
		r->pdu_len = req->pdu_len;
		r->data_sent = req->data_sent;
	}
}

static void model__mix64(void (*mix)(void *, const void *, size_t), void *s,
			 uint64_t v)
{
	mix(s, &v, sizeof(v));
}

static void model_mix_state(void (*mix)(void *h, const void *p, size_t n),
			    void *s)
{
	struct model_host *h = &model__host;
	const struct nvme_tcp_queue *q = &h->queues[1];
	const struct list_head *p;
	unsigned i;

	model__mix64(mix, s, (uint64_t)q->send_mutex.owner);
	model__mix64(mix, s, (uint64_t)q->lock.owner);
	model__mix64(mix, s, (uint64_t)(uintptr_t)q->req_list.first);
	for (p = q->send_list.next; p && p != &q->send_list; p = p->next)
		model__mix64(mix, s, (uint64_t)(uintptr_t)p);
	model__mix64(mix, s, q->more_requests);
	model__mix64(mix, s, (uint64_t)(uintptr_t)q->request);
	model__mix64(mix, s, (uint64_t)q->pdu_remaining);
	model__mix64(mix, s, (uint64_t)q->pdu_offset);
	model__mix64(mix, s, q->data_remaining);
	mix(s, &q->pdu_buf, sizeof(q->pdu_buf));
	model__mix64(mix, s, q->flags);
	model__mix64(mix, s, q->rd_enabled);
	model__mix64(mix, s, q->io_work.pending);
	model__mix64(mix, s, (uint64_t)q->io_work.running_ctx);
	for (i = 0; i < h->nreqs; i++) {
		const struct nvme_tcp_request *r = &h->rqs[i].req;

		mix(s, r, offsetof(struct nvme_tcp_request, entry));
		model__mix64(mix, s, (uint64_t)(uintptr_t)r->entry.next);
		model__mix64(mix, s, (uint64_t)(uintptr_t)r->lentry.next);
		model__mix64(mix, s, (uint64_t)(uintptr_t)r->curr_bio);
		mix(s, &r->iter, sizeof(r->iter));
		model__mix64(mix, s, r->offset);
		model__mix64(mix, s, r->data_sent);
		model__mix64(mix, s, r->state);
	}
}

const struct sim_driver sim_model_driver = {
	.abi = SIM_DRV_ABI,
	.name = "model",
	.reset = model_reset,
	.view = model_view,
	.mix_state = model_mix_state,
};

/* upstream: nvme_setup_cmd() (drivers/nvme/host/core.c), for read, write and flush */
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

/* upstream: nvme_try_complete_req() (SIM: always completes locally) */
bool nvme_try_complete_req(struct request *rq, __le16 status,
			   union nvme_result result)
{
	(void)result;
	nvme_req(rq)->status = le16_to_cpu(status) >> 1;
	sim_blk_status(rq->tag, nvme_req(rq)->status);
	return false;
}

void nvme_complete_rq(struct request *rq)
{
	sim_blk_complete(rq->tag);
}

bool nvme_change_ctrl_state(struct nvme_ctrl *ctrl,
			    enum nvme_ctrl_state new_state)
{
	if (ctrl->state == new_state)
		return false;
	ctrl->state = new_state;
	return true;
}
