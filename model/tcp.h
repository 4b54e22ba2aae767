/*
 * The structures of drivers/nvme/host/tcp.c that the send path touches.
 * SIM: upstream keeps these private to tcp.c; they live in a header so the
 * checker can look at req_list, send_list and queue->request when a run ends.
 */
#ifndef NVTSIM_MODEL_TCP_H
#define NVTSIM_MODEL_TCP_H

#include <linux/blk-mq.h>
#include <linux/device.h>
#include <linux/list.h>
#include <linux/llist.h>
#include <linux/mutex.h>
#include <linux/net.h>
#include <linux/nvme-tcp.h>
#include <linux/spinlock.h>
#include <linux/uio.h>
#include <linux/workqueue.h>
#include <nvme_core.h>

enum nvme_tcp_send_state {
	NVME_TCP_SEND_CMD_PDU = 0,
	NVME_TCP_SEND_H2C_PDU,
	NVME_TCP_SEND_DATA,
	NVME_TCP_SEND_DDGST,
};

struct nvme_tcp_queue;

struct nvme_tcp_request {
	struct nvme_request req;
	void *pdu;
	struct nvme_tcp_queue *queue;
	u32 data_len;
	u32 pdu_len;
	u32 pdu_sent;
	u32 h2cdata_left;
	u32 h2cdata_offset;
	u16 ttag;
	__le16 status;
	struct list_head entry;
	struct llist_node lentry;
	__le32 ddgst;

	struct bio *curr_bio;
	struct iov_iter iter;

	/* send state */
	size_t offset;
	size_t data_sent;
	enum nvme_tcp_send_state state;
};

enum nvme_tcp_queue_flags {
	NVME_TCP_Q_ALLOCATED = 0,
	NVME_TCP_Q_LIVE = 1,
	NVME_TCP_Q_POLLING = 2,
};

struct nvme_tcp_ctrl;

struct nvme_tcp_queue {
	struct socket *sock;
	struct work_struct io_work;
	int io_cpu;

	spinlock_t lock;		/* send_list, before 15ec928a65e0 */
	struct mutex send_mutex;
	struct llist_head req_list;
	struct list_head send_list;
	bool more_requests;		/* 122e5b9f3d37 .. 3770a42bb8ce */

	/* recv state */
	void *pdu;
	int pdu_remaining;
	int pdu_offset;
	size_t data_remaining;
	size_t ddgst_remaining;
	unsigned int nr_cqe;

	/* send state */
	struct nvme_tcp_request *request;

	u32 maxh2cdata;
	size_t cmnd_capsule_len;
	struct nvme_tcp_ctrl *ctrl;
	unsigned long flags;
	bool rd_enabled;

	bool hdr_digest;
	bool data_digest;

	/* SIM: the receive PDU buffer, page_frag-allocated upstream */
	union nvme_tcp_pdu pdu_buf;
};

struct nvme_tcp_ctrl {
	struct nvme_tcp_queue *queues;
	struct blk_mq_tags *tags;	/* SIM: the I/O tag set's tags for queue 1 */
	struct nvme_ctrl ctrl;
};

extern const struct blk_mq_ops nvme_tcp_mq_ops;
extern struct workqueue_struct *nvme_tcp_wq;

/* Queue set-up that upstream spreads over alloc_queue and start_queue. */
void nvme_tcp_alloc_queue(struct nvme_tcp_ctrl *ctrl, int qid,
			  struct socket *sock, int io_cpu, u32 maxh2cdata,
			  size_t cmnd_capsule_len);
void nvme_tcp_init_request(struct nvme_tcp_ctrl *ctrl, struct request *rq,
			   int qid);
void nvme_tcp_start_queue(struct nvme_tcp_queue *queue);

#endif
