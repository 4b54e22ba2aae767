// SPDX-License-Identifier: GPL-2.0
/*
 * The NVMe/TCP host send path of drivers/nvme/host/tcp.c, function for
 * function, from v5.7 to mainline. Behaviour switches with UPSTREAM(commit)
 * at the lines each commit changed. Written for nvtsim from upstream's
 * behaviour; compiled against the shims in harness/include.
 *
 * Not simulated (SIM): header and data digests, TLS, the admin queue and
 * async events, polling queues, connection set-up and teardown.
 */
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/smp.h>
#include <net/sock.h>
#include <net/tcp.h>
#include <nvt_upstream.h>

#include "tcp.h"

static struct workqueue_struct nvme_tcp_wq_storage = { .name = "nvme_tcp_wq" };
struct workqueue_struct *nvme_tcp_wq = &nvme_tcp_wq_storage;

static int nvme_tcp_try_send(struct nvme_tcp_queue *queue);

/* upstream: nvme_tcp_tagset() */
static inline struct blk_mq_tags *nvme_tcp_tagset(struct nvme_tcp_queue *queue)
{
	return queue->ctrl->tags;
}

/* upstream: nvme_tcp_queue_id() */
static inline int nvme_tcp_queue_id(struct nvme_tcp_queue *queue)
{
	return (int)(queue - queue->ctrl->queues);
}

/* upstream: nvme_tcp_hdgst_len() */
static inline u8 nvme_tcp_hdgst_len(struct nvme_tcp_queue *queue)
{
	return queue->hdr_digest ? NVME_TCP_DIGEST_LENGTH : 0;
}

/* upstream: nvme_tcp_ddgst_len() */
static inline u8 nvme_tcp_ddgst_len(struct nvme_tcp_queue *queue)
{
	return queue->data_digest ? NVME_TCP_DIGEST_LENGTH : 0;
}

/* upstream: nvme_tcp_req_cmd_pdu() */
static inline void *nvme_tcp_req_cmd_pdu(struct nvme_tcp_request *req)
{
	return req->pdu;
}

/*
 * upstream: nvme_tcp_req_data_pdu()
 * SIM: older kernels built the H2CData header over the command PDU itself;
 * nothing resends the command, so where the header lives changes nothing.
 */
static inline void *nvme_tcp_req_data_pdu(struct nvme_tcp_request *req)
{
	/* use the pdu space in the back for the data pdu */
	return (char *)req->pdu + sizeof(struct nvme_tcp_cmd_pdu) -
		sizeof(struct nvme_tcp_data_pdu);
}

/* upstream: nvme_tcp_inline_data_size() (no fabrics commands on an I/O queue) */
static inline size_t nvme_tcp_inline_data_size(struct nvme_tcp_request *req)
{
	return req->queue->cmnd_capsule_len - sizeof(struct nvme_command);
}

/* upstream: nvme_tcp_has_inline_data() (SIM: no async event request) */
static inline bool nvme_tcp_has_inline_data(struct nvme_tcp_request *req)
{
	struct request *rq = blk_mq_rq_from_pdu(req);

	return rq_data_dir(rq) == WRITE && req->data_len &&
		req->data_len <= nvme_tcp_inline_data_size(req);
}

/* upstream: nvme_tcp_req_cur_page() */
static inline struct page *nvme_tcp_req_cur_page(struct nvme_tcp_request *req)
{
	return req->iter.bvec->bv_page;
}

/* upstream: nvme_tcp_req_cur_offset() */
static inline size_t nvme_tcp_req_cur_offset(struct nvme_tcp_request *req)
{
	return req->iter.bvec->bv_offset + req->iter.iov_offset;
}

/* upstream: nvme_tcp_req_cur_length() */
static inline size_t nvme_tcp_req_cur_length(struct nvme_tcp_request *req)
{
	return min_t(size_t, iov_iter_single_seg_count(&req->iter),
			req->pdu_len - req->pdu_sent);
}

/* upstream: nvme_tcp_pdu_data_left() */
static inline size_t nvme_tcp_pdu_data_left(struct nvme_tcp_request *req)
{
	return rq_data_dir(blk_mq_rq_from_pdu(req)) == WRITE ?
			req->pdu_len - req->pdu_sent : 0;
}

/* upstream: nvme_tcp_pdu_last_send() */
static inline size_t nvme_tcp_pdu_last_send(struct nvme_tcp_request *req,
		int len)
{
	return nvme_tcp_pdu_data_left(req) <= (size_t)len;
}

/* upstream: nvme_tcp_init_iter() (SIM: no RQF_SPECIAL_PAYLOAD, bios start at 0) */
static void nvme_tcp_init_iter(struct nvme_tcp_request *req,
		unsigned int dir)
{
	struct bio *bio = req->curr_bio;

	iov_iter_bvec(&req->iter, dir, bio->bi_io_vec, bio->bi_vcnt,
		      bio->bi_size);
	req->iter.iov_offset = 0;
}

/* upstream: nvme_tcp_advance_req() */
static inline void nvme_tcp_advance_req(struct nvme_tcp_request *req,
		int len)
{
	req->data_sent += len;
	req->pdu_sent += len;
	iov_iter_advance(&req->iter, len);
	if (!iov_iter_count(&req->iter) &&
	    req->data_sent < req->data_len) {
		req->curr_bio = req->curr_bio->bi_next;
		nvme_tcp_init_iter(req, ITER_SOURCE);
	}
}

/* upstream: nvme_tcp_send_all(), since 5c11f7d9f843 */
static inline void nvme_tcp_send_all(struct nvme_tcp_queue *queue)
{
	int ret;

	/* drain the send queue as much as we can... */
	do {
		ret = nvme_tcp_try_send(queue);
	} while (ret > 0);
}

/*
 * upstream: nvme_tcp_queue_more(), since 122e5b9f3d37; more_requests gone
 * in 3770a42bb8ce. (50abcc179e0c renames the list test queue_has_pending and
 * adds !tls; without TLS the two are the same test.)
 */
static inline bool nvme_tcp_queue_more(struct nvme_tcp_queue *queue)
{
	/* SIM: READ_ONCE: since 70f437fb4395 this runs after send_mutex is dropped */
	if (!UPSTREAM(3770a42bb8ce))
		return !list_empty(&queue->send_list) ||
			!llist_empty(&queue->req_list) ||
			READ_ONCE(queue->more_requests);
	return !list_empty(&queue->send_list) ||
		!llist_empty(&queue->req_list);
}

/* upstream: nvme_tcp_queue_has_pending() */
static inline bool nvme_tcp_queue_has_pending(struct nvme_tcp_queue *queue)
{
	return !list_empty(&queue->send_list) ||
		!llist_empty(&queue->req_list);
}

/*
 * upstream: nvme_tcp_queue_request()
 * db5ad6b7f8cd adds direct send (and sync); 15ec928a65e0 the llist;
 * 86f0348ace15 last; 122e5b9f3d37 more_requests; 5c11f7d9f843 send_all;
 * 70f437fb4395 the kick after the direct send; 3770a42bb8ce drops
 * more_requests. SIM: 674f872b7cef drops sync; every caller left by then
 * passes true, so the model keeps the argument.
 */
static inline void nvme_tcp_queue_request(struct nvme_tcp_request *req,
		bool sync, bool last)
{
	struct nvme_tcp_queue *queue = req->queue;
	bool empty;

	if (!UPSTREAM(db5ad6b7f8cd)) {
		spin_lock(&queue->lock);
		list_add_tail(&req->entry, &queue->send_list);
		spin_unlock(&queue->lock);

		queue_work_on(queue->io_cpu, nvme_tcp_wq, &queue->io_work);
		return;
	}

	if (UPSTREAM(15ec928a65e0)) {
		empty = llist_add(&req->lentry, &queue->req_list) &&
			list_empty(&queue->send_list) &&
			!READ_ONCE(queue->request);
	} else {
		spin_lock(&queue->lock);
		empty = list_empty(&queue->send_list) &&
			!READ_ONCE(queue->request);
		list_add_tail(&req->entry, &queue->send_list);
		spin_unlock(&queue->lock);
	}

	/*
	 * if we're the first on the send_list and we can try to send
	 * directly, otherwise queue io_work. Also, only do that if we
	 * are on the same cpu, so we don't introduce contention.
	 */
	if (queue->io_cpu == raw_smp_processor_id() &&
	    sync && empty && mutex_trylock(&queue->send_mutex)) {
		/* SIM: WRITE_ONCE: another CPU's queue_more() reads it unlocked */
		if (UPSTREAM(122e5b9f3d37) && !UPSTREAM(3770a42bb8ce))
			WRITE_ONCE(queue->more_requests, !last);
		if (UPSTREAM(5c11f7d9f843))
			nvme_tcp_send_all(queue);
		else
			nvme_tcp_try_send(queue);
		if (UPSTREAM(122e5b9f3d37) && !UPSTREAM(3770a42bb8ce))
			WRITE_ONCE(queue->more_requests, false);
		mutex_unlock(&queue->send_mutex);
	} else if (!UPSTREAM(70f437fb4395) &&
		   (last || !UPSTREAM(86f0348ace15))) {
		queue_work_on(queue->io_cpu, nvme_tcp_wq, &queue->io_work);
	}

	if (UPSTREAM(70f437fb4395) && last && nvme_tcp_queue_more(queue))
		queue_work_on(queue->io_cpu, nvme_tcp_wq, &queue->io_work);
}

/* upstream: nvme_tcp_process_req_list(), since 15ec928a65e0 */
static void nvme_tcp_process_req_list(struct nvme_tcp_queue *queue)
{
	struct nvme_tcp_request *req;
	struct llist_node *node;

	for (node = llist_del_all(&queue->req_list); node; node = node->next) {
		req = llist_entry(node, struct nvme_tcp_request, lentry);
		list_add(&req->entry, &queue->send_list);
	}
}

/* upstream: nvme_tcp_fetch_request(); 15ec928a65e0 and 0bf04c874fcb changed it */
static inline struct nvme_tcp_request *
nvme_tcp_fetch_request(struct nvme_tcp_queue *queue)
{
	struct nvme_tcp_request *req;

	if (!UPSTREAM(15ec928a65e0)) {
		spin_lock(&queue->lock);
		req = list_first_entry_or_null(&queue->send_list,
				struct nvme_tcp_request, entry);
		if (req)
			list_del(&req->entry);
		spin_unlock(&queue->lock);
		return req;
	}

	req = list_first_entry_or_null(&queue->send_list,
			struct nvme_tcp_request, entry);
	if (!req) {
#ifdef NVTSIM_MUTANT_FETCH_SKIPS_REQ_LIST
		/* TEST MUTATION (tests/ only): req_list is never drained */
		return NULL;
#endif
		nvme_tcp_process_req_list(queue);
		req = list_first_entry_or_null(&queue->send_list,
				struct nvme_tcp_request, entry);
		if (unlikely(!req))
			return NULL;
	}

	if (UPSTREAM(0bf04c874fcb)) {
		list_del_init(&req->entry);
		init_llist_node(&req->lentry);
	} else {
		list_del(&req->entry);
	}
	return req;
}

enum nvme_tcp_recv_state {
	NVME_TCP_RECV_PDU = 0,
	NVME_TCP_RECV_DATA,
	NVME_TCP_RECV_DDGST,
};

/* upstream: nvme_tcp_recv_state() */
static enum nvme_tcp_recv_state
nvme_tcp_recv_state(struct nvme_tcp_queue *queue)
{
	return  (queue->pdu_remaining) ? NVME_TCP_RECV_PDU :
		(queue->ddgst_remaining) ? NVME_TCP_RECV_DDGST :
		NVME_TCP_RECV_DATA;
}

/* upstream: nvme_tcp_init_recv_ctx() */
static void nvme_tcp_init_recv_ctx(struct nvme_tcp_queue *queue)
{
	queue->pdu_remaining = sizeof(struct nvme_tcp_rsp_pdu) +
				nvme_tcp_hdgst_len(queue);
	queue->pdu_offset = 0;
	queue->data_remaining = -1;
	queue->ddgst_remaining = 0;
}

/* upstream: nvme_tcp_error_recovery() */
static void nvme_tcp_error_recovery(struct nvme_ctrl *ctrl)
{
	if (!nvme_change_ctrl_state(ctrl, NVME_CTRL_RESETTING))
		return;

	dev_warn(ctrl->device, "starting error recovery\n");
	/* SIM: the reset work tears the queue down; the run ends here */
	sim_model_error_recovery(__func__);
}

/* upstream: nvme_tcp_process_nvme_cqe() */
static int nvme_tcp_process_nvme_cqe(struct nvme_tcp_queue *queue,
		struct nvme_completion *cqe)
{
	struct nvme_tcp_request *req;
	struct request *rq;

	rq = nvme_find_rq(nvme_tcp_tagset(queue), cqe->command_id);
	if (!rq) {
		dev_err(queue->ctrl->ctrl.device,
			"got bad cqe.command_id %#x on queue %d\n",
			cqe->command_id, nvme_tcp_queue_id(queue));
		nvme_tcp_error_recovery(&queue->ctrl->ctrl);
		return -EINVAL;
	}

	req = blk_mq_rq_to_pdu(rq);
	if (req->status == cpu_to_le16(NVME_SC_SUCCESS))
		req->status = cqe->status;

	if (!nvme_try_complete_req(rq, req->status, cqe->result))
		nvme_complete_rq(rq);
	queue->nr_cqe++;

	return 0;
}

/* upstream: nvme_tcp_handle_c2h_data() */
static int nvme_tcp_handle_c2h_data(struct nvme_tcp_queue *queue,
		struct nvme_tcp_data_pdu *pdu)
{
	struct request *rq;

	rq = nvme_find_rq(nvme_tcp_tagset(queue), pdu->command_id);
	if (!rq) {
		dev_err(queue->ctrl->ctrl.device,
			"got bad c2hdata.command_id %#x on queue %d\n",
			pdu->command_id, nvme_tcp_queue_id(queue));
		return -ENOENT;
	}

	if (!blk_rq_payload_bytes(rq)) {
		dev_err(queue->ctrl->ctrl.device,
			"queue %d tag %#x unexpected data\n",
			nvme_tcp_queue_id(queue), rq->tag);
		return -EIO;
	}

	queue->data_remaining = le32_to_cpu(pdu->data_length);

	if (pdu->hdr.flags & NVME_TCP_F_DATA_SUCCESS &&
	    unlikely(!(pdu->hdr.flags & NVME_TCP_F_DATA_LAST))) {
		dev_err(queue->ctrl->ctrl.device,
			"queue %d tag %#x SUCCESS set but not last PDU\n",
			nvme_tcp_queue_id(queue), rq->tag);
		nvme_tcp_error_recovery(&queue->ctrl->ctrl);
		return -EPROTO;
	}

	return 0;
}

/* upstream: nvme_tcp_handle_comp() (SIM: no async events on an I/O queue) */
static int nvme_tcp_handle_comp(struct nvme_tcp_queue *queue,
		struct nvme_tcp_rsp_pdu *pdu)
{
	struct nvme_completion *cqe = &pdu->cqe;

	return nvme_tcp_process_nvme_cqe(queue, cqe);
}

/*
 * upstream: nvme_tcp_setup_h2c_data_pdu()
 * c2700d2886a8 splits an R2T into H2CData PDUs of at most maxh2cdata; before
 * it one PDU carried the whole R2T (always with DATA_LAST). Before
 * e371af033c56 data_offset was req->data_sent, which after 825619b09ad3
 * misses each earlier PDU's final send: a second R2T's PDU repeats the
 * first's offset.
 */
static void nvme_tcp_setup_h2c_data_pdu(struct nvme_tcp_request *req)
{
	struct nvme_tcp_data_pdu *data = nvme_tcp_req_data_pdu(req);
	struct nvme_tcp_queue *queue = req->queue;
	struct request *rq = blk_mq_rq_from_pdu(req);
	u32 h2cdata_sent = req->pdu_len;
	u8 hdgst = nvme_tcp_hdgst_len(queue);
	u8 ddgst = nvme_tcp_ddgst_len(queue);

	req->state = NVME_TCP_SEND_H2C_PDU;
	req->offset = 0;
	if (UPSTREAM(c2700d2886a8))
		req->pdu_len = min(req->h2cdata_left, queue->maxh2cdata);
	else
		req->pdu_len = req->h2cdata_left;
	req->pdu_sent = 0;
	req->h2cdata_left -= req->pdu_len;
	req->h2cdata_offset += h2cdata_sent;

	memset(data, 0, sizeof(*data));
	data->hdr.type = nvme_tcp_h2c_data;
	if (!req->h2cdata_left)
		data->hdr.flags = NVME_TCP_F_DATA_LAST;
	if (queue->hdr_digest)
		data->hdr.flags |= NVME_TCP_F_HDGST;
	if (queue->data_digest)
		data->hdr.flags |= NVME_TCP_F_DDGST;
	data->hdr.hlen = sizeof(*data);
	data->hdr.pdo = data->hdr.hlen + hdgst;
	data->hdr.plen =
		cpu_to_le32(data->hdr.hlen + hdgst + req->pdu_len + ddgst);
	data->ttag = req->ttag;
	data->command_id = nvme_cid(rq);
	if (UPSTREAM(e371af033c56))
		data->data_offset = cpu_to_le32(req->h2cdata_offset);
	else
		data->data_offset = cpu_to_le32(req->data_sent);
	data->data_length = cpu_to_le32(req->pdu_len);
}

/*
 * upstream: nvme_tcp_handle_r2t()
 * SIM: before c2700d2886a8 the three length checks sat in
 * setup_h2c_data_pdu with the same messages; 0bf04c874fcb adds the on-list
 * check (in mainline after 674f872b7cef, in 6.12.36/6.15.5 without it);
 * 674f872b7cef queues the request here instead of through
 * nvme_tcp_queue_request().
 */
static int nvme_tcp_handle_r2t(struct nvme_tcp_queue *queue,
		struct nvme_tcp_r2t_pdu *pdu)
{
	struct nvme_tcp_request *req;
	struct request *rq;
	u32 r2t_length = le32_to_cpu(pdu->r2t_length);
	u32 r2t_offset = le32_to_cpu(pdu->r2t_offset);

	rq = nvme_find_rq(nvme_tcp_tagset(queue), pdu->command_id);
	if (!rq) {
		dev_err(queue->ctrl->ctrl.device,
			"got bad r2t.command_id %#x on queue %d\n",
			pdu->command_id, nvme_tcp_queue_id(queue));
		return -ENOENT;
	}
	req = blk_mq_rq_to_pdu(rq);

	if (unlikely(!r2t_length)) {
		dev_err(queue->ctrl->ctrl.device,
			"req %d r2t len is %u, probably a bug...\n",
			rq->tag, r2t_length);
		return -EPROTO;
	}

	if (unlikely(req->data_sent + r2t_length > req->data_len)) {
		dev_err(queue->ctrl->ctrl.device,
			"req %d r2t len %u exceeded data len %u (%zu sent)\n",
			rq->tag, r2t_length, req->data_len, req->data_sent);
		return -EPROTO;
	}

	if (unlikely(r2t_offset < req->data_sent)) {
		dev_err(queue->ctrl->ctrl.device,
			"req %d unexpected r2t offset %u (expected %zu)\n",
			rq->tag, r2t_offset, req->data_sent);
		return -EPROTO;
	}

	if (UPSTREAM(0bf04c874fcb) &&
	    (llist_on_list(&req->lentry) || !list_empty(&req->entry))) {
		dev_err(queue->ctrl->ctrl.device,
			"req %d unexpected r2t while processing request\n",
			rq->tag);
		return -EPROTO;
	}

	req->pdu_len = 0;
	req->h2cdata_left = r2t_length;
	req->h2cdata_offset = r2t_offset;
	req->ttag = pdu->ttag;

	nvme_tcp_setup_h2c_data_pdu(req);

	if (UPSTREAM(674f872b7cef)) {
		llist_add(&req->lentry, &queue->req_list);
		queue_work_on(queue->io_cpu, nvme_tcp_wq, &queue->io_work);
	} else {
		nvme_tcp_queue_request(req, false, true);
	}

	return 0;
}

/* upstream: nvme_tcp_recv_pdu() (SIM: digests are never negotiated) */
static int nvme_tcp_recv_pdu(struct nvme_tcp_queue *queue, struct sk_buff *skb,
		unsigned int *offset, size_t *len)
{
	struct nvme_tcp_hdr *hdr;
	char *pdu = queue->pdu;
	size_t rcv_len = min_t(size_t, *len, queue->pdu_remaining);
	int ret;

	ret = skb_copy_bits(skb, *offset,
		&pdu[queue->pdu_offset], rcv_len);
	if (unlikely(ret))
		return ret;

	queue->pdu_remaining -= rcv_len;
	queue->pdu_offset += rcv_len;
	*offset += rcv_len;
	*len -= rcv_len;
	if (queue->pdu_remaining)
		return 0;

	hdr = queue->pdu;
	switch (hdr->type) {
	case nvme_tcp_c2h_data:
		return nvme_tcp_handle_c2h_data(queue, (void *)queue->pdu);
	case nvme_tcp_rsp:
		nvme_tcp_init_recv_ctx(queue);
		return nvme_tcp_handle_comp(queue, (void *)queue->pdu);
	case nvme_tcp_r2t:
		nvme_tcp_init_recv_ctx(queue);
		return nvme_tcp_handle_r2t(queue, (void *)queue->pdu);
	default:
		dev_err(queue->ctrl->ctrl.device,
			"unsupported pdu type (%d)\n", hdr->type);
		return -EINVAL;
	}
}

/* upstream: nvme_tcp_end_request() */
static inline void nvme_tcp_end_request(struct request *rq, u16 status)
{
	union nvme_result res = {};

	if (!nvme_try_complete_req(rq, cpu_to_le16(status << 1), res))
		nvme_complete_rq(rq);
}

/* upstream: nvme_tcp_recv_data() (SIM: no data digest) */
static int nvme_tcp_recv_data(struct nvme_tcp_queue *queue, struct sk_buff *skb,
			      unsigned int *offset, size_t *len)
{
	struct nvme_tcp_data_pdu *pdu = (void *)queue->pdu;
	struct request *rq =
		nvme_find_rq(nvme_tcp_tagset(queue), pdu->command_id);
	struct nvme_tcp_request *req = blk_mq_rq_to_pdu(rq);

	while (true) {
		int recv_len, ret;

		recv_len = min_t(size_t, *len, queue->data_remaining);
		if (!recv_len)
			break;

		if (!iov_iter_count(&req->iter)) {
			req->curr_bio = req->curr_bio->bi_next;

			/*
			 * If we don`t have any bios it means that controller
			 * sent more data than we requested, hence error
			 */
			if (!req->curr_bio) {
				dev_err(queue->ctrl->ctrl.device,
					"queue %d no space in request %#x",
					nvme_tcp_queue_id(queue), rq->tag);
				nvme_tcp_init_recv_ctx(queue);
				return -EIO;
			}
			nvme_tcp_init_iter(req, ITER_DEST);
		}

		/* we can read only from what is left in this bio */
		recv_len = min_t(size_t, recv_len,
				iov_iter_count(&req->iter));

		ret = skb_copy_datagram_iter(skb, *offset,
				&req->iter, recv_len);
		if (ret) {
			dev_err(queue->ctrl->ctrl.device,
				"queue %d failed to copy request %#x data",
				nvme_tcp_queue_id(queue), rq->tag);
			return ret;
		}

		*len -= recv_len;
		*offset += recv_len;
		queue->data_remaining -= recv_len;
	}

	if (!queue->data_remaining) {
		if (pdu->hdr.flags & NVME_TCP_F_DATA_SUCCESS) {
			nvme_tcp_end_request(rq, le16_to_cpu(req->status));
			queue->nr_cqe++;
		}
		nvme_tcp_init_recv_ctx(queue);
	}

	return 0;
}

/* upstream: nvme_tcp_recv_skb() */
static int nvme_tcp_recv_skb(read_descriptor_t *desc, struct sk_buff *skb,
			     unsigned int offset, size_t len)
{
	struct nvme_tcp_queue *queue = desc->arg.data;
	size_t consumed = len;
	int result;

	if (unlikely(!queue->rd_enabled))
		return -EFAULT;

	while (len) {
		switch (nvme_tcp_recv_state(queue)) {
		case NVME_TCP_RECV_PDU:
			result = nvme_tcp_recv_pdu(queue, skb, &offset, &len);
			break;
		case NVME_TCP_RECV_DATA:
			result = nvme_tcp_recv_data(queue, skb, &offset, &len);
			break;
		default:
			result = -EFAULT;
		}
		if (result) {
			dev_err(queue->ctrl->ctrl.device,
				"receive failed:  %d\n", result);
			queue->rd_enabled = false;
			nvme_tcp_error_recovery(&queue->ctrl->ctrl);
			return result;
		}
	}

	return consumed;
}

/* upstream: nvme_tcp_data_ready() (the POLLING test is v5.8; polling is never on here) */
static void nvme_tcp_data_ready(struct sock *sk)
{
	struct nvme_tcp_queue *queue;

	read_lock_bh(&sk->sk_callback_lock);
	queue = sk->sk_user_data;
	if (likely(queue && queue->rd_enabled) &&
	    !test_bit(NVME_TCP_Q_POLLING, &queue->flags))
		queue_work_on(queue->io_cpu, nvme_tcp_wq, &queue->io_work);
	read_unlock_bh(&sk->sk_callback_lock);
}

/* upstream: nvme_tcp_write_space() */
static void nvme_tcp_write_space(struct sock *sk)
{
	struct nvme_tcp_queue *queue;

	read_lock_bh(&sk->sk_callback_lock);
	queue = sk->sk_user_data;
	if (likely(queue && sk_stream_is_writeable(sk))) {
		clear_bit(SOCK_NOSPACE, &sk->sk_socket->flags);
#ifndef NVTSIM_MUTANT_WRITE_SPACE_NO_KICK
		queue_work_on(queue->io_cpu, nvme_tcp_wq, &queue->io_work);
#endif /* TEST MUTATION: the textbook lost wakeup, for the sweep's test */
	}
	read_unlock_bh(&sk->sk_callback_lock);
}

/*
 * upstream: nvme_tcp_done_send_req()
 * SIM: WRITE_ONCE only so the store is an interleaving point of its own;
 * nvme_tcp_queue_request() reads queue->request without the mutex.
 */
static inline void nvme_tcp_done_send_req(struct nvme_tcp_queue *queue)
{
	WRITE_ONCE(queue->request, NULL);
}

/* upstream: nvme_tcp_fail_request() */
static void nvme_tcp_fail_request(struct nvme_tcp_request *req)
{
	nvme_tcp_end_request(blk_mq_rq_from_pdu(req), NVME_SC_HOST_PATH_ERROR);
}

/*
 * upstream: nvme_tcp_try_send_data()
 * 122e5b9f3d37 adds queue_more() to the MSG_EOR choice; c2700d2886a8 moves
 * on to the next H2CData chunk. When the request advances: on every send
 * until 825619b09ad3; then on every send but a PDU's final one; from
 * e371af033c56 on every send but the request's final one, tested on
 * req->data_sent/data_len after the send, and from 25e1f67eda4a on copies
 * taken before it (the model never reuses a request, so those two agree).
 * MSG_SENDPAGE_NOTLAST joined MSG_MORE later in v5.8; the fake socket
 * treats them alike.
 */
static int nvme_tcp_try_send_data(struct nvme_tcp_request *req)
{
	struct nvme_tcp_queue *queue = req->queue;
	int req_data_len = req->data_len;
	u32 h2cdata_left = req->h2cdata_left;

	while (true) {
		struct page *page = nvme_tcp_req_cur_page(req);
		size_t offset = nvme_tcp_req_cur_offset(req);
		size_t len = nvme_tcp_req_cur_length(req);
		bool last = nvme_tcp_pdu_last_send(req, len);
		int req_data_sent = req->data_sent;
		int ret, flags = MSG_DONTWAIT;

		/* queue_more() is looked at only for a PDU's last send, as upstream's && does */
		if (last && !queue->data_digest &&
		    !(UPSTREAM(122e5b9f3d37) && nvme_tcp_queue_more(queue)))
			flags |= MSG_EOR;
		else
			flags |= MSG_MORE | MSG_SENDPAGE_NOTLAST;

		if (sendpage_ok(page)) {
			ret = kernel_sendpage(queue->sock, page, offset, len,
					flags);
		} else {
			ret = sock_no_sendpage(queue->sock, page, offset, len,
					flags);
		}
		if (ret <= 0)
			return ret;

		if (!UPSTREAM(825619b09ad3))
			nvme_tcp_advance_req(req, ret);

		/*
		 * update the request iterator except for the last payload send
		 * in the request where we don't want to modify it as we may
		 * compete with the RX path completing the request.
		 */
		if (UPSTREAM(25e1f67eda4a)) {
			if (req_data_sent + ret < req_data_len)
				nvme_tcp_advance_req(req, ret);
		} else if (UPSTREAM(e371af033c56)) {
			if (req->data_sent + ret < req->data_len)
				nvme_tcp_advance_req(req, ret);
		}

		/* fully successful last send in current PDU */
		if (last && (size_t)ret == len) {
			if (UPSTREAM(c2700d2886a8) && h2cdata_left)
				nvme_tcp_setup_h2c_data_pdu(req);
			else
				nvme_tcp_done_send_req(queue);
			return 1;
		}
		if (UPSTREAM(825619b09ad3) && !UPSTREAM(e371af033c56))
			nvme_tcp_advance_req(req, ret);
	}
	return -EAGAIN;
}

/* upstream: nvme_tcp_try_send_cmd_pdu(); 122e5b9f3d37 adds queue_more() */
static int nvme_tcp_try_send_cmd_pdu(struct nvme_tcp_request *req)
{
	struct nvme_tcp_queue *queue = req->queue;
	struct nvme_tcp_cmd_pdu *pdu = nvme_tcp_req_cmd_pdu(req);
	bool inline_data = nvme_tcp_has_inline_data(req);
	u8 hdgst = nvme_tcp_hdgst_len(queue);
	int len = sizeof(*pdu) + hdgst - req->offset;
	int flags = MSG_DONTWAIT;
	int ret;

	if (inline_data ||
	    (UPSTREAM(122e5b9f3d37) && nvme_tcp_queue_more(queue)))
		flags |= MSG_MORE | MSG_SENDPAGE_NOTLAST;
	else
		flags |= MSG_EOR;

	ret = kernel_sendpage(queue->sock, virt_to_page(pdu),
			offset_in_page(pdu) + req->offset, len,  flags);
	if (unlikely(ret <= 0))
		return ret;

	len -= ret;
	if (!len) {
		if (inline_data)
			req->state = NVME_TCP_SEND_DATA;
		else
			nvme_tcp_done_send_req(queue);
		return 1;
	}
	req->offset += ret;

	return -EAGAIN;
}

/* upstream: nvme_tcp_try_send_data_pdu(); c2700d2886a8 copies the header when more chunks follow */
static int nvme_tcp_try_send_data_pdu(struct nvme_tcp_request *req)
{
	struct nvme_tcp_queue *queue = req->queue;
	struct nvme_tcp_data_pdu *pdu = nvme_tcp_req_data_pdu(req);
	u8 hdgst = nvme_tcp_hdgst_len(queue);
	int len = sizeof(*pdu) - req->offset + hdgst;
	int ret;

	if (!req->h2cdata_left)
		ret = kernel_sendpage(queue->sock, virt_to_page(pdu),
				offset_in_page(pdu) + req->offset, len,
				MSG_DONTWAIT | MSG_MORE | MSG_SENDPAGE_NOTLAST);
	else
		ret = sock_no_sendpage(queue->sock, virt_to_page(pdu),
				offset_in_page(pdu) + req->offset, len,
				MSG_DONTWAIT | MSG_MORE);
	if (unlikely(ret <= 0))
		return ret;

	len -= ret;
	if (!len) {
		req->state = NVME_TCP_SEND_DATA;
		return 1;
	}
	req->offset += ret;

	return -EAGAIN;
}

/*
 * upstream: nvme_tcp_try_send()
 * SIM: the fake socket fails a send only with -EAGAIN, so the error path
 * (whose -EPIPE/-ECONNRESET exemption went in v5.19) never runs.
 */
static int nvme_tcp_try_send(struct nvme_tcp_queue *queue)
{
	struct nvme_tcp_request *req;
	int ret = 1;

	if (!queue->request) {
		WRITE_ONCE(queue->request, nvme_tcp_fetch_request(queue));
		if (!queue->request)
			return 0;
	}
	req = queue->request;
#ifdef NVTSIM_MUTANT_EXTRA_POINT
	/* TEST MUTATION (tests/ only): one more read-only scheduling point */
	(void)READ_ONCE(queue->rd_enabled);
#endif

	if (req->state == NVME_TCP_SEND_CMD_PDU) {
		ret = nvme_tcp_try_send_cmd_pdu(req);
		if (ret <= 0)
			goto done;
		if (!nvme_tcp_has_inline_data(req))
			return ret;
	}

	if (req->state == NVME_TCP_SEND_H2C_PDU) {
		ret = nvme_tcp_try_send_data_pdu(req);
		if (ret <= 0)
			goto done;
	}

	if (req->state == NVME_TCP_SEND_DATA) {
		ret = nvme_tcp_try_send_data(req);
		if (ret <= 0)
			goto done;
	}

done:
	if (ret == -EAGAIN) {
		ret = 0;
	} else if (ret < 0) {
		dev_err(queue->ctrl->ctrl.device,
			"failed to send request %d\n", ret);
		nvme_tcp_fail_request(queue->request);
		nvme_tcp_done_send_req(queue);
	}
	return ret;
}

/* upstream: nvme_tcp_try_recv(); f42d4796ee10 maps -EAGAIN to 0 */
static int nvme_tcp_try_recv(struct nvme_tcp_queue *queue)
{
	struct socket *sock = queue->sock;
	struct sock *sk = sock->sk;
	read_descriptor_t rd_desc;
	int consumed;

	rd_desc.arg.data = queue;
	rd_desc.count = 1;
	lock_sock(sk);
	queue->nr_cqe = 0;
	consumed = sock->ops->read_sock(sk, &rd_desc, nvme_tcp_recv_skb);
	release_sock(sk);
	if (UPSTREAM(f42d4796ee10) && consumed == -EAGAIN)
		return 0;
	return consumed;
}

/*
 * upstream: nvme_tcp_io_work()
 * db5ad6b7f8cd takes send_mutex with trylock; a0fdd1418007 stays pending
 * while req_list is non-empty when the trylock fails, 70f437fb4395 undoes
 * that; f42d4796ee10 goes on while requests wait and the socket is
 * writable. SIM: v5.7 broke out of the loop on a receive error, later
 * kernels return; a receive error ends the run here either way.
 */
static void nvme_tcp_io_work(struct work_struct *w)
{
	struct nvme_tcp_queue *queue =
		container_of(w, struct nvme_tcp_queue, io_work);
	unsigned long deadline = jiffies + msecs_to_jiffies(1);

	do {
		bool pending = false;
		int result;

		if (!UPSTREAM(db5ad6b7f8cd)) {
			result = nvme_tcp_try_send(queue);
			if (result > 0)
				pending = true;
			else if (unlikely(result < 0))
				break;
		} else if (mutex_trylock(&queue->send_mutex)) {
			result = nvme_tcp_try_send(queue);
			mutex_unlock(&queue->send_mutex);
			if (result > 0)
				pending = true;
			else if (unlikely(result < 0))
				break;
		} else if (UPSTREAM(a0fdd1418007) && !UPSTREAM(70f437fb4395)) {
			pending = !llist_empty(&queue->req_list);
		}

		result = nvme_tcp_try_recv(queue);
		if (result > 0)
			pending = true;
		else if (unlikely(result < 0))
			return;

		/* did we get some space after spending time in recv? */
		if (UPSTREAM(f42d4796ee10) && nvme_tcp_queue_has_pending(queue) &&
		    sk_stream_is_writeable(queue->sock->sk))
			pending = true;

#ifdef NVTSIM_MUTANT_BUSY_IO_WORK
		/* TEST MUTATION (tests/ only): io_work polls for ever */
		if (!pending || !queue->rd_enabled)
			break;
#endif
		if (!pending || !queue->rd_enabled)
			return;

	} while (!time_after(jiffies, deadline)); /* quota is exhausted */

	queue_work_on(queue->io_cpu, nvme_tcp_wq, &queue->io_work);
}

/* upstream: nvme_tcp_set_sg_inline() */
static void nvme_tcp_set_sg_inline(struct nvme_tcp_queue *queue,
		struct nvme_command *c, u32 data_len)
{
	struct nvme_sgl_desc *sg = &c->common.dptr.sgl;

	sg->addr = cpu_to_le64(queue->ctrl->ctrl.icdoff);
	sg->length = cpu_to_le32(data_len);
	sg->type = (NVME_SGL_FMT_DATA_DESC << 4) | NVME_SGL_FMT_OFFSET;
}

/* upstream: nvme_tcp_set_sg_null() */
static void nvme_tcp_set_sg_null(struct nvme_command *c)
{
	struct nvme_sgl_desc *sg = &c->common.dptr.sgl;

	sg->addr = 0;
	sg->length = 0;
	sg->type = (NVME_TRANSPORT_SGL_DATA_DESC << 4) |
			NVME_SGL_FMT_TRANSPORT_A;
}

/* upstream: nvme_tcp_set_sg_host_data() */
static void nvme_tcp_set_sg_host_data(struct nvme_command *c,
		u32 data_len)
{
	struct nvme_sgl_desc *sg = &c->common.dptr.sgl;

	sg->addr = 0;
	sg->length = cpu_to_le32(data_len);
	sg->type = (NVME_TRANSPORT_SGL_DATA_DESC << 4) |
			NVME_SGL_FMT_TRANSPORT_A;
}

/* upstream: nvme_tcp_map_data() */
static blk_status_t nvme_tcp_map_data(struct nvme_tcp_queue *queue,
			struct request *rq)
{
	struct nvme_tcp_request *req = blk_mq_rq_to_pdu(rq);
	struct nvme_tcp_cmd_pdu *pdu = nvme_tcp_req_cmd_pdu(req);
	struct nvme_command *c = &pdu->cmd;

	c->common.flags |= NVME_CMD_SGL_METABUF;

	if (!blk_rq_nr_phys_segments(rq))
		nvme_tcp_set_sg_null(c);
	else if (rq_data_dir(rq) == WRITE &&
	    req->data_len <= nvme_tcp_inline_data_size(req))
		nvme_tcp_set_sg_inline(queue, c, req->data_len);
	else
		nvme_tcp_set_sg_host_data(c, req->data_len);

	return 0;
}

/* upstream: nvme_tcp_setup_cmd_pdu() */
static blk_status_t nvme_tcp_setup_cmd_pdu(struct nvme_ns *ns,
		struct request *rq)
{
	struct nvme_tcp_request *req = blk_mq_rq_to_pdu(rq);
	struct nvme_tcp_cmd_pdu *pdu = nvme_tcp_req_cmd_pdu(req);
	struct nvme_tcp_queue *queue = req->queue;
	u8 hdgst = nvme_tcp_hdgst_len(queue), ddgst = 0;
	blk_status_t ret;

	ret = nvme_setup_cmd(ns, rq);
	if (ret)
		return ret;

	req->state = NVME_TCP_SEND_CMD_PDU;
	req->status = cpu_to_le16(NVME_SC_SUCCESS);
	req->offset = 0;
	req->data_sent = 0;
	req->pdu_len = 0;
	req->pdu_sent = 0;
	req->h2cdata_left = 0;
	req->data_len = blk_rq_nr_phys_segments(rq) ?
				blk_rq_payload_bytes(rq) : 0;
	req->curr_bio = rq->bio;
	if (req->curr_bio && req->data_len)
		nvme_tcp_init_iter(req, rq_data_dir(rq));

	if (rq_data_dir(rq) == WRITE &&
	    req->data_len <= nvme_tcp_inline_data_size(req))
		req->pdu_len = req->data_len;

	pdu->hdr.type = nvme_tcp_cmd;
	pdu->hdr.flags = 0;
	if (queue->hdr_digest)
		pdu->hdr.flags |= NVME_TCP_F_HDGST;
	if (queue->data_digest && req->pdu_len) {
		pdu->hdr.flags |= NVME_TCP_F_DDGST;
		ddgst = nvme_tcp_ddgst_len(queue);
	}
	pdu->hdr.hlen = sizeof(*pdu);
	pdu->hdr.pdo = req->pdu_len ? pdu->hdr.hlen + hdgst : 0;
	pdu->hdr.plen =
		cpu_to_le32(pdu->hdr.hlen + hdgst + req->pdu_len + ddgst);

	ret = nvme_tcp_map_data(queue, rq);
	if (unlikely(ret)) {
		nvme_cleanup_cmd(rq);
		dev_err(queue->ctrl->ctrl.device,
			"Failed to map data (%d)\n", ret);
		return ret;
	}

	return 0;
}

/* upstream: nvme_tcp_commit_rqs(), since 86f0348ace15 */
static void nvme_tcp_commit_rqs(struct blk_mq_hw_ctx *hctx)
{
	struct nvme_tcp_queue *queue = hctx->driver_data;

	if (!llist_empty(&queue->req_list))
		queue_work_on(queue->io_cpu, nvme_tcp_wq, &queue->io_work);
}

/* upstream: nvme_tcp_queue_rq() */
static blk_status_t nvme_tcp_queue_rq(struct blk_mq_hw_ctx *hctx,
		const struct blk_mq_queue_data *bd)
{
	struct nvme_ns *ns = hctx->queue->queuedata;
	struct nvme_tcp_queue *queue = hctx->driver_data;
	struct request *rq = bd->rq;
	struct nvme_tcp_request *req = blk_mq_rq_to_pdu(rq);
	bool queue_ready = test_bit(NVME_TCP_Q_LIVE, &queue->flags);
	blk_status_t ret;

	if (!nvme_check_ready(&queue->ctrl->ctrl, rq, queue_ready))
		return nvme_fail_nonready_command(&queue->ctrl->ctrl, rq);

	ret = nvme_tcp_setup_cmd_pdu(ns, rq);
	if (unlikely(ret))
		return ret;

	nvme_start_request(rq);

	nvme_tcp_queue_request(req, true, bd->last);

	return BLK_STS_OK;
}

/* upstream: nvme_tcp_mq_ops (commit_rqs since 86f0348ace15; the harness checks) */
const struct blk_mq_ops nvme_tcp_mq_ops = {
	.queue_rq	= nvme_tcp_queue_rq,
	.commit_rqs	= nvme_tcp_commit_rqs,
};

/* upstream: nvme_tcp_init_request() (SIM: the PDU buffer is the request's own) */
void nvme_tcp_init_request(struct nvme_tcp_ctrl *ctrl, struct request *rq,
			   int qid)
{
	struct nvme_tcp_request *req = blk_mq_rq_to_pdu(rq);
	struct nvme_tcp_queue *queue = &ctrl->queues[qid];
	struct nvme_tcp_cmd_pdu *pdu = req->pdu;

	req->queue = queue;
	nvme_req(rq)->ctrl = &ctrl->ctrl;
	nvme_req(rq)->cmd = &pdu->cmd;
	INIT_LIST_HEAD(&req->entry);
	init_llist_node(&req->lentry);
}

/*
 * upstream: nvme_tcp_alloc_queue() and nvme_tcp_init_connection()
 * SIM: the harness hands over a connected socket and the ICResp values.
 */
void nvme_tcp_alloc_queue(struct nvme_tcp_ctrl *ctrl, int qid,
			  struct socket *sock, int io_cpu, u32 maxh2cdata,
			  size_t cmnd_capsule_len)
{
	struct nvme_tcp_queue *queue = &ctrl->queues[qid];

	mutex_init(&queue->send_mutex);
	spin_lock_init(&queue->lock);
	init_llist_head(&queue->req_list);
	INIT_LIST_HEAD(&queue->send_list);
	INIT_WORK(&queue->io_work, nvme_tcp_io_work);
	queue->ctrl = ctrl;
	queue->cmnd_capsule_len = cmnd_capsule_len;
	queue->maxh2cdata = maxh2cdata;
	queue->io_cpu = io_cpu;
	queue->sock = sock;
	queue->request = NULL;
	queue->more_requests = false;
	queue->hdr_digest = false;
	queue->data_digest = false;
	queue->pdu = &queue->pdu_buf;
	nvme_tcp_init_recv_ctx(queue);

	sock->sk->sk_user_data = queue;
	sock->sk->sk_data_ready = nvme_tcp_data_ready;
	sock->sk->sk_write_space = nvme_tcp_write_space;
	queue->rd_enabled = true;
}

/* upstream: nvme_tcp_start_queue() */
void nvme_tcp_start_queue(struct nvme_tcp_queue *queue)
{
	queue->flags |= 1UL << NVME_TCP_Q_LIVE;
}
