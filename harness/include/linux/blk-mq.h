/* Faithful subset: requests, hardware contexts and tag lookup as blk-mq hands them to a driver. */
#ifndef NVTSIM_LINUX_BLK_MQ_H
#define NVTSIM_LINUX_BLK_MQ_H

#include <linux/types.h>
#include <linux/uio.h>

#define BLK_STS_OK 0
#define BLK_STS_IOERR 10

enum req_op {
	REQ_OP_READ = 0,
	REQ_OP_WRITE = 1,
	REQ_OP_FLUSH = 2,
};

struct bio {
	struct bio *bi_next;
	struct bio_vec *bi_io_vec;
	unsigned short bi_vcnt;
	unsigned int bi_size;
};

struct request_queue {
	void *queuedata;
};

struct request {
	struct request_queue *q;
	int tag;
	unsigned int cmd_flags;		/* the req_op */
	unsigned int rq_flags;
	unsigned short nr_phys_segments;
	unsigned int sim_payload_bytes;
	struct bio *bio;
};

#define req_op(rq) ((enum req_op)(rq)->cmd_flags)
#define rq_data_dir(rq) (req_op(rq) == REQ_OP_WRITE ? WRITE : READ)
#define blk_rq_payload_bytes(rq) ((rq)->sim_payload_bytes)
#define blk_rq_nr_phys_segments(rq) ((rq)->nr_phys_segments)

struct blk_mq_hw_ctx {
	void *driver_data;
	struct request_queue *queue;
};

struct blk_mq_queue_data {
	struct request *rq;
	bool last;
};

struct blk_mq_ops {
	blk_status_t (*queue_rq)(struct blk_mq_hw_ctx *hctx,
				 const struct blk_mq_queue_data *bd);
	void (*commit_rqs)(struct blk_mq_hw_ctx *hctx);
};

struct blk_mq_tags {
	struct request **rqs;
	unsigned int nr_tags;
};

/* The driver's per-request data follows struct request, as blk-mq lays it out. */
#define blk_mq_rq_to_pdu(rq) ((void *)((struct request *)(rq) + 1))
#define blk_mq_rq_from_pdu(pdu) ((struct request *)(void *)(pdu) - 1)

static inline struct request *blk_mq_tag_to_rq(struct blk_mq_tags *tags,
					       unsigned int tag)
{
	return tag < tags->nr_tags ? tags->rqs[tag] : NULL;
}

#endif
