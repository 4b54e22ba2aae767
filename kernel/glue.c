/*
 * Kernel mode: a kernel tree's own drivers/nvme/host/tcp.c, unmodified,
 * behind harness/driver.h. tcp.c is #included so that its static
 * functions and private structs (nvme_tcp_queue, nvme_tcp_request) are
 * reachable, the way a test suite under tools/testing reaches kernel code.
 *
 * Besides the seam (sim_kernel_driver) this file holds the real shims of
 * what tcp.c's data path calls outside tcp.c: the nvme core functions
 * that live in core.c (nvme_setup_cmd, nvme_complete_rq, ...), blk-mq's
 * request start and completion, the sends, and the allocator. Everything
 * else tcp.c references is a generated stub (kbuild.sh).
 *
 * The translation unit is built with -fsanitize=thread: the glue's own
 * functions opt out (NVTSIM_GLUE), so only tcp.c's accesses reach
 * kernel/tsan.c.
 */
#include "tcp.c"

#include "driver.h"
#include "glue.h"

#define NVTSIM_GLUE __attribute__((__no_sanitize_thread__, __noinline__))

_Static_assert(sizeof(struct blk_mq_queue_data) == sizeof(struct sim_drv_queue_data) &&
	       offsetof(struct blk_mq_queue_data, rq) == offsetof(struct sim_drv_queue_data, rq) &&
	       offsetof(struct blk_mq_queue_data, last) == offsetof(struct sim_drv_queue_data, last),
	       "blk_mq_queue_data is what the world passes to ->queue_rq");
_Static_assert(NVME_TCP_SEND_CMD_PDU == (int)SIM_DRV_SEND_CMD_PDU &&
	       NVME_TCP_SEND_H2C_PDU == (int)SIM_DRV_SEND_H2C_PDU &&
	       NVME_TCP_SEND_DATA == (int)SIM_DRV_SEND_DATA &&
	       NVME_TCP_SEND_DDGST == (int)SIM_DRV_SEND_DDGST,
	       "enum nvme_tcp_send_state is the seam's");

/* ---- the watched shared fields: one line each ---- */

struct nvtsim_watch nvtsim_watch[NVTSIM_WATCH_MAX];
unsigned nvtsim_watch_n;
bool nvtsim_glue_busy;

static NVTSIM_GLUE void nvtsim__watch(const char *field, const void *addr,
				      size_t size, const struct mutex *guard)
{
	if (nvtsim_watch_n < NVTSIM_WATCH_MAX)
		nvtsim_watch[nvtsim_watch_n++] = (struct nvtsim_watch) {
			.field = field, .addr = addr, .size = size,
			.guard = guard,
		};
}
#define NVTSIM_WATCH(field, guard) \
	nvtsim__watch(#field, &(field), sizeof(field), (guard))

static NVTSIM_GLUE void nvtsim__watch_queue(struct nvme_tcp_queue *queue)
{
	nvtsim_watch_n = 0;
	/* written under send_mutex, read without it by nvme_tcp_queue_request() */
	NVTSIM_WATCH(queue->request, &queue->send_mutex);
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 0, 0)
	/* 122e5b9f3d37 .. 3770a42bb8ce (v5.9 .. v6.0): written without a lock */
	NVTSIM_WATCH(queue->more_requests, NULL);
#endif
}

/* ---- the driver's memory: a static arena, the same addresses every run ---- */

#define NVTSIM_ARENA_BYTES (64 * 1024)
static unsigned char nvtsim_arena[NVTSIM_ARENA_BYTES] __attribute__((aligned(64)));
static size_t nvtsim_arena_used;

NVTSIM_GLUE void *nvtsim_arena_alloc(size_t size, gfp_t flags)
{
	size_t at = (nvtsim_arena_used + 63) & ~(size_t)63;
	void *p;

	if (at + size > NVTSIM_ARENA_BYTES) {
		sim_fail_safety("kernel glue: the allocation arena (%d bytes) is exhausted",
				NVTSIM_ARENA_BYTES);
		return NULL;
	}
	p = &nvtsim_arena[at];
	nvtsim_arena_used = at + size;
	memset(p, 0, size);
	return p;
}

NVTSIM_GLUE void *page_frag_alloc(struct page_frag_cache *nc,
				  unsigned int fragsz, gfp_t gfp_mask)
{
	return nvtsim_arena_alloc(fragsz, gfp_mask);
}

NVTSIM_GLUE void page_frag_free(void *addr)
{
}

/* ---- sends: one scheduling point, one call of the world's socket ---- */

NVTSIM_GLUE int nvtsim_kernel_sendmsg(struct socket *sock, struct msghdr *msg,
				      struct kvec *vec, size_t num, size_t len,
				      const char *fn)
{
	if (num != 1) {
		sim_fail_safety("kernel_sendmsg of %zu kvecs in %s (nvtsim sends one)",
				num, fn);
		return -EIO;
	}
	return sim_kernel_sendpage(sock, virt_to_page(vec->iov_base), 0,
				   min(len, vec->iov_len),
				   (int)msg->msg_flags, fn);
}

NVTSIM_GLUE int nvtsim_sock_sendmsg(struct socket *sock, struct msghdr *msg,
				    const char *fn)
{
	struct iov_iter *it = &msg->msg_iter;
	const struct bio_vec *bv = it->bvec;

	if (it->nr_segs != 1 || !bv) {
		sim_fail_safety("sock_sendmsg of %lu segments in %s (nvtsim sends one bvec)",
				it->nr_segs, fn);
		return -EIO;
	}
	/* MSG_SPLICE_PAGES only says how the pages are taken: not the world's business */
	return sim_kernel_sendpage(sock, bv->bv_page, bv->bv_offset + it->iov_offset,
				   it->count,
				   (int)(msg->msg_flags & ~MSG_SPLICE_PAGES), fn);
}

/* ---- the nvme core and blk-mq functions tcp.c calls (core.c, blk-mq.c) ---- */

/* core.c; as harness/blk.c does for the model: cid = tag, nsid 1, slba tag * 128 */
NVTSIM_GLUE blk_status_t nvme_setup_cmd(struct nvme_ns *ns, struct request *req)
{
	struct nvme_command *cmd = nvme_req(req)->cmd;
	struct nvme_common_command *c = &cmd->common;
	u32 len = blk_rq_payload_bytes(req);

	memset(cmd, 0, sizeof(*cmd));
	c->command_id = nvme_cid(req);
	c->nsid = cpu_to_le32(1);
	switch (req_op(req)) {
	case REQ_OP_WRITE:
	case REQ_OP_READ:
		c->opcode = req_op(req) == REQ_OP_WRITE ? nvme_cmd_write :
							  nvme_cmd_read;
		c->cdw10 = cpu_to_le32((u32)req->tag * 128);	/* slba */
		c->cdw12 = cpu_to_le32(len / 512 - 1);		/* nlb, 0's based */
		break;
	default:
		c->opcode = nvme_cmd_flush;
		break;
	}
	return BLK_STS_OK;
}

NVTSIM_GLUE void nvme_cleanup_cmd(struct request *req)
{
}

NVTSIM_GLUE blk_status_t nvme_fail_nonready_command(struct nvme_ctrl *ctrl,
						    struct request *rq)
{
	sim_fail_safety("queue_rq on a queue that is not live (tag %d)", rq->tag);
	return BLK_STS_IOERR;
}

NVTSIM_GLUE void nvme_complete_rq(struct request *req)
{
	sim_blk_status(req->tag, nvme_req(req)->status);
	sim_blk_complete(req->tag);
}

/* Reset or teardown would start: the model ends the run there too. */
NVTSIM_GLUE bool nvme_change_ctrl_state(struct nvme_ctrl *ctrl,
					enum nvme_ctrl_state new_state)
{
	if (ctrl->state == new_state)
		return false;
	ctrl->state = new_state;
	return true;
}

NVTSIM_GLUE void blk_mq_start_request(struct request *rq)
{
}

/* The completion runs in the caller's context: nvme_complete_rq() next. */
NVTSIM_GLUE bool blk_mq_complete_request_remote(struct request *rq)
{
	return false;
}

/* ---- the world's view of the driver ---- */


struct nvtsim_rq {
	struct request rq;
	struct nvme_tcp_request req;	/* blk_mq_rq_to_pdu(rq) */
};
_Static_assert(offsetof(struct nvtsim_rq, req) == sizeof(struct request),
	       "the pdu follows struct request");

static struct nvtsim_world {
	struct nvme_tcp_ctrl ctrl;
	struct nvme_tcp_queue queues[2];
	struct nvmf_ctrl_options opts;
	struct device device;
	struct nvme_ns ns;
	struct request_queue rqq;
	struct blk_mq_hw_ctx hctx;
	struct blk_mq_tags tags;
	struct blk_mq_tags *tagsp[1];
	struct workqueue_struct wq;
	struct request *rqs[SIM_DRV_REQS_MAX];
	struct nvtsim_rq r[SIM_DRV_REQS_MAX];
	struct bio bio[SIM_DRV_REQS_MAX];
	struct bio_vec bvec[SIM_DRV_REQS_MAX][SIM_DRV_REQ_PAGES_MAX];
	unsigned nreqs;
} nvtsim_w;

/* nvme_tcp_error_recovery() queues the controller's err_work: recovery starts. */
NVTSIM_GLUE bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	if (work == &nvtsim_w.ctrl.err_work) {
		sim_model_error_recovery(nvtsim_symbolize(__builtin_return_address(0)));
		return true;
	}
	sim_stub_called("queue_work");
	return false;
}

static NVTSIM_GLUE struct nvme_tcp_queue *nvtsim__queue(void)
{
	return &nvtsim_w.queues[1];
}

static NVTSIM_GLUE void nvtsim__setup_rq(unsigned i,
					 const struct sim_drv_req_setup *s)
{
	struct request *rq = &nvtsim_w.r[i].rq;
	struct bio *bio = &nvtsim_w.bio[i];
	u32 len = s->op == SIM_DRV_FLUSH ? 0 : s->len_bytes;
	unsigned p, npages = (len + SIM_DRV_PAGE_BYTES - 1) / SIM_DRV_PAGE_BYTES;

	if (npages > SIM_DRV_REQ_PAGES_MAX) {
		sim_fail_safety("kernel glue: request %u of %u bytes (at most %d)",
				i, len, SIM_DRV_REQ_BYTES_MAX);
		npages = SIM_DRV_REQ_PAGES_MAX;
	}
	rq->q = &nvtsim_w.rqq;
	rq->mq_hctx = &nvtsim_w.hctx;
	rq->tag = (int)i;
	rq->internal_tag = -1;
	rq->cmd_flags = s->op == SIM_DRV_WRITE ? REQ_OP_WRITE :
			s->op == SIM_DRV_READ ? REQ_OP_READ : REQ_OP_FLUSH;
	rq->__data_len = len;
	rq->nr_phys_segments = (unsigned short)npages;
	for (p = 0; p < npages; p++) {
		u32 off = p * SIM_DRV_PAGE_BYTES;

		nvtsim_w.bvec[i][p].bv_page = virt_to_page(s->data + off);
		nvtsim_w.bvec[i][p].bv_offset = 0;
		nvtsim_w.bvec[i][p].bv_len = len - off < SIM_DRV_PAGE_BYTES ?
			len - off : SIM_DRV_PAGE_BYTES;
	}
	bio->bi_io_vec = nvtsim_w.bvec[i];
	bio->bi_vcnt = (unsigned short)npages;
	bio->bi_iter.bi_size = len;
	bio->bi_opf = rq->cmd_flags;
	rq->bio = rq->biotail = npages ? bio : NULL;
	nvtsim_w.rqs[i] = rq;
}

/*
 * What nvme_tcp_alloc_queue() and nvme_tcp_start_queue() do for queue 1,
 * minus socket creation and the ICReq/ICResp and Connect exchanges (the
 * world has done those): the driver's own functions where they exist.
 */
static NVTSIM_GLUE void nvtsim__setup_queue(const struct sim_drv_setup *setup)
{
	struct nvme_tcp_ctrl *ctrl = &nvtsim_w.ctrl;
	struct nvme_tcp_queue *queue = nvtsim__queue();
	struct sock *sk = setup->sock->sk;

	/* nvme_tcp_alloc_queue() */
	mutex_init(&queue->queue_lock);
	queue->ctrl = ctrl;
	init_llist_head(&queue->req_list);
	INIT_LIST_HEAD(&queue->send_list);
	mutex_init(&queue->send_mutex);
	INIT_WORK(&queue->io_work, nvme_tcp_io_work);
	queue->cmnd_capsule_len = setup->cmnd_capsule_bytes;
	queue->sock = setup->sock;
	sk->sk_rcvtimeo = 10 * HZ;
	sk->sk_allocation = GFP_ATOMIC;
	sk->sk_use_task_frag = false;
	queue->io_cpu = setup->io_cpu;
	queue->request = NULL;
	queue->data_remaining = 0;
	queue->ddgst_remaining = 0;
	queue->pdu_remaining = 0;
	queue->pdu_offset = 0;
	queue->hdr_digest = ctrl->ctrl.opts->hdr_digest;
	queue->data_digest = ctrl->ctrl.opts->data_digest;
	queue->pdu = kmalloc(sizeof(struct nvme_tcp_rsp_pdu) +
			     nvme_tcp_hdgst_len(queue), GFP_KERNEL);
	/* nvme_tcp_init_connection(): the ICResp's MAXH2CDATA */
	queue->maxh2cdata = setup->maxh2cdata_bytes;
	__set_bit(NVME_TCP_Q_ALLOCATED, &queue->flags);	/* set-up: no scheduling point */

	/* nvme_tcp_start_queue(), after nvmf_connect_io_queue() succeeded */
	queue->rd_enabled = true;
	nvme_tcp_init_recv_ctx(queue);
	nvme_tcp_setup_sock_ops(queue);
	__set_bit(NVME_TCP_Q_LIVE, &queue->flags);
}

static NVTSIM_GLUE void nvtsim_reset(const struct sim_drv_setup *setup,
				     struct sim_drv_host *host)
{
	struct nvme_tcp_ctrl *ctrl = &nvtsim_w.ctrl;
	unsigned i, n = setup->nreqs;

	nvtsim_glue_busy = true;
	if (n > SIM_DRV_REQS_MAX) {
		sim_fail_safety("kernel glue: %u requests (at most %d)", n,
				SIM_DRV_REQS_MAX);
		n = SIM_DRV_REQS_MAX;
	}
	memset(&nvtsim_w, 0, sizeof(nvtsim_w));
	memset(nvtsim_arena, 0, sizeof(nvtsim_arena));
	nvtsim_arena_used = 0;
	nvtsim_access_counts_reset();
	nvtsim_w.nreqs = n;

	/* the controller: live, one I/O queue, no digests, cid = tag */
	nvtsim_w.opts.nr_io_queues = 1;
	nvtsim_w.opts.tos = -1;
	nvtsim_w.opts.hdr_digest = false;
	nvtsim_w.opts.data_digest = false;
	nvtsim_w.device.init_name = "nvme0";
	ctrl->queues = nvtsim_w.queues;
	ctrl->ctrl.opts = &nvtsim_w.opts;
	ctrl->ctrl.ops = &nvme_tcp_ctrl_ops;
	ctrl->ctrl.device = &nvtsim_w.device;
	ctrl->ctrl.state = NVME_CTRL_LIVE;
	/* SIM: the generation counter is not simulated, as in the model */
	ctrl->ctrl.quirks = NVME_QUIRK_SKIP_CID_GEN;
	ctrl->ctrl.queue_count = 2;
	ctrl->ctrl.ioccsz = setup->cmnd_capsule_bytes / 16;
	ctrl->ctrl.tagset = &ctrl->tag_set;
	ctrl->io_queues[HCTX_TYPE_DEFAULT] = 1;
	nvtsim_w.wq.name = "nvme_tcp_wq";
	nvme_tcp_wq = &nvtsim_w.wq;

	/* the I/O tag set: tag i is request i */
	nvtsim_w.tags.nr_tags = n;
	nvtsim_w.tags.rqs = nvtsim_w.rqs;
	nvtsim_w.tags.static_rqs = nvtsim_w.rqs;
	nvtsim_w.tagsp[0] = &nvtsim_w.tags;
	ctrl->tag_set.ops = &nvme_tcp_mq_ops;
	ctrl->tag_set.driver_data = &ctrl->ctrl;
	ctrl->tag_set.tags = nvtsim_w.tagsp;
	ctrl->tag_set.nr_hw_queues = 1;
	ctrl->tag_set.nr_maps = 1;
	ctrl->tag_set.queue_depth = n;
	ctrl->tag_set.cmd_size = sizeof(struct nvme_tcp_request);
	nvtsim_w.rqq.queuedata = &nvtsim_w.ns;
	nvtsim_w.rqq.tag_set = &ctrl->tag_set;
	nvtsim_w.hctx.queue = &nvtsim_w.rqq;
	nvtsim_w.hctx.queue_num = 0;
	nvtsim_w.hctx.tags = &nvtsim_w.tags;

	nvtsim__setup_queue(setup);
	for (i = 0; i < n; i++) {
		nvtsim__setup_rq(i, &setup->reqs[i]);
		nvme_tcp_mq_ops.init_request(&ctrl->tag_set, nvtsim_w.rqs[i], 0, 0);
	}
	nvme_tcp_mq_ops.init_hctx(&nvtsim_w.hctx, ctrl->tag_set.driver_data, 0);

	memset(host, 0, sizeof(*host));
	host->queue_rq = nvme_tcp_mq_ops.queue_rq;
	host->commit_rqs = nvme_tcp_mq_ops.commit_rqs;
	host->hctx = &nvtsim_w.hctx;
	for (i = 0; i < n; i++)
		host->rqs[i] = nvtsim_w.rqs[i];
	nvtsim__watch_queue(nvtsim__queue());
	nvtsim_glue_busy = false;
}

static NVTSIM_GLUE void nvtsim_view(struct sim_drv_view *v)
{
	struct nvme_tcp_queue *queue = nvtsim__queue();
	unsigned i;

	memset(v, 0, sizeof(*v));
	v->send_mutex = &queue->send_mutex;
	v->io_work = &queue->io_work;
	v->request_set = queue->request != NULL;
	v->req_list_empty = queue->req_list.first == NULL;
	v->send_list_empty = queue->send_list.next == &queue->send_list;
	for (i = 0; i < nvtsim_w.nreqs; i++) {
		const struct nvme_tcp_request *req = &nvtsim_w.r[i].req;
		struct sim_drv_req_view *r = &v->reqs[i];

		r->on_req_list = sim_llist_has(&queue->req_list, &req->lentry);
		r->on_send_list = sim_list_has(&queue->send_list, &req->entry);
		r->is_request = queue->request == req;
		r->state = (uint8_t)req->state;
		r->ttag = req->ttag;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 17, 0)
		r->h2cdata_offset = req->h2cdata_offset;	/* c2700d2886a8 */
#endif
		r->pdu_len = req->pdu_len;
		r->data_sent = req->data_sent;
	}
}

/* A request pointer as its tag + 1 (0: none): the same in every process. */
static NVTSIM_GLUE uint64_t nvtsim__req_id(const struct nvme_tcp_request *req)
{
	unsigned i;

	for (i = 0; i < nvtsim_w.nreqs; i++)
		if (req == &nvtsim_w.r[i].req)
			return i + 1;
	return req ? 0xffff : 0;
}

static NVTSIM_GLUE void nvtsim_mix_state(void (*mix)(void *h, const void *p,
						     size_t n), void *h)
{
	struct nvme_tcp_queue *q = nvtsim__queue();
	const struct list_head *p;
	uint64_t x;
	unsigned i;

#define NVTSIM_MIX(v) do { x = (uint64_t)(v); mix(h, &x, sizeof(x)); } while (0)
	NVTSIM_MIX(q->send_mutex.owner);
	NVTSIM_MIX(q->req_list.first ?
		   nvtsim__req_id(llist_entry(q->req_list.first,
					      struct nvme_tcp_request, lentry)) : 0);
	for (p = q->send_list.next; p && p != &q->send_list; p = p->next)
		NVTSIM_MIX(nvtsim__req_id(list_entry(p, struct nvme_tcp_request,
						     entry)));
	NVTSIM_MIX(nvtsim__req_id(q->request));
	NVTSIM_MIX(q->pdu_remaining);
	NVTSIM_MIX(q->pdu_offset);
	NVTSIM_MIX(q->data_remaining);
	mix(h, q->pdu, sizeof(struct nvme_tcp_rsp_pdu));
	NVTSIM_MIX(q->flags);
	NVTSIM_MIX(q->rd_enabled);
	NVTSIM_MIX(q->io_work.pending);
	NVTSIM_MIX(q->io_work.running_ctx);
	for (i = 0; i < nvtsim_w.nreqs; i++) {
		const struct nvme_tcp_request *r = &nvtsim_w.r[i].req;

		/* up to the list links: pointers into this .so's static storage */
		mix(h, r, offsetof(struct nvme_tcp_request, entry));
		NVTSIM_MIX(r->entry.next ?
			   nvtsim__req_id(list_entry(r->entry.next,
						     struct nvme_tcp_request,
						     entry)) : 0);
		NVTSIM_MIX(r->lentry.next && r->lentry.next != &r->lentry ?
			   nvtsim__req_id(llist_entry(r->lentry.next,
						      struct nvme_tcp_request,
						      lentry)) : 0);
		NVTSIM_MIX(r->curr_bio ? r->curr_bio - nvtsim_w.bio + 1 : 0);
		NVTSIM_MIX(r->iter.bvec ? r->iter.bvec - nvtsim_w.bvec[0] + 1 : 0);
		NVTSIM_MIX(r->iter.nr_segs);
		NVTSIM_MIX(r->iter.iov_offset);
		NVTSIM_MIX(r->iter.count);
		NVTSIM_MIX(r->offset);
		NVTSIM_MIX(r->data_sent);
		NVTSIM_MIX(r->state);
	}
#undef NVTSIM_MIX
}

__attribute__((visibility("default")))
const struct sim_driver sim_kernel_driver = {
	.abi = SIM_DRV_ABI,
	.name = NVTSIM_KERNEL_NAME,
	.reset = nvtsim_reset,
	.view = nvtsim_view,
	.mix_state = nvtsim_mix_state,
};

/*
 * For a report line: tcp.c's instrumented accesses since the last reset,
 * and how many hit a watched field. Looked up with dlsym like
 * sim_kernel_driver (not part of the seam's ABI).
 */
__attribute__((visibility("default")))
NVTSIM_GLUE void sim_kernel_access_counts(uint64_t *accesses, uint64_t *watched_loads,
					  uint64_t *watched_stores)
{
	struct nvtsim_access_counts c;

	nvtsim_access_counts_get(&c);
	*accesses = c.accesses;
	*watched_loads = c.watched_loads;
	*watched_stores = c.watched_stores;
}
