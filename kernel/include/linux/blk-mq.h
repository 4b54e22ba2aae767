/*
 * Faithful subset of <linux/blk-mq.h>, <linux/blkdev.h>, <linux/bio.h>,
 * <linux/blk_types.h>: requests, bios and tag sets as blk-mq hands them to a
 * driver. Not shared with the world (it sees struct request only as an
 * opaque pointer), except struct blk_mq_queue_data (sim_drv_queue_data).
 */
#ifndef NVTSIM_K_BLK_MQ_H
#define NVTSIM_K_BLK_MQ_H

#include <linux/kernel.h>
#include <linux/bvec.h>
#include <linux/list.h>
#include <linux/workqueue.h>
#include <linux/fs.h>
#include <linux/device.h>

/* 7.0+ nvme.h names it in nvme_ns_report_zones() (CONFIG_BLK_DEV_ZONED is off) */
struct blk_report_zones_args;

typedef unsigned int blk_mq_req_flags_t;
typedef unsigned int req_flags_t;

#define BLK_STS_OK 0
#define BLK_STS_NOTSUPP 1
#define BLK_STS_TIMEOUT 2
#define BLK_STS_NOSPC 3
#define BLK_STS_TRANSPORT 4
#define BLK_STS_TARGET 5
#define BLK_STS_RESV_CONFLICT 6
#define BLK_STS_MEDIUM 7
#define BLK_STS_PROTECTION 8
#define BLK_STS_RESOURCE 9
#define BLK_STS_IOERR 10
#define BLK_STS_DM_REQUEUE 11
#define BLK_STS_AGAIN 12
#define BLK_STS_DEV_RESOURCE 13
#define BLK_STS_ZONE_RESOURCE 14
#define BLK_STS_ZONE_OPEN_RESOURCE 15
#define BLK_STS_ZONE_ACTIVE_RESOURCE 16
#define BLK_STS_OFFLINE 17
#define BLK_STS_DURATION_LIMIT 18
#define BLK_STS_INVAL 19

#define REQ_OP_BITS 8
#define REQ_OP_MASK ((1 << REQ_OP_BITS) - 1)
enum req_op {
	REQ_OP_READ = 0,
	REQ_OP_WRITE = 1,
	REQ_OP_FLUSH = 2,
	REQ_OP_DISCARD = 3,
	REQ_OP_SECURE_ERASE = 5,
	REQ_OP_ZONE_APPEND = 7,
	REQ_OP_WRITE_ZEROES = 9,
	REQ_OP_ZONE_OPEN = 10,
	REQ_OP_ZONE_CLOSE = 11,
	REQ_OP_ZONE_FINISH = 12,
	REQ_OP_ZONE_RESET = 13,
	REQ_OP_ZONE_RESET_ALL = 15,
	REQ_OP_DRV_IN = 34,
	REQ_OP_DRV_OUT = 35,
	REQ_OP_LAST = 36,
};
#define REQ_FAILFAST_DEV (1U << 8)
#define REQ_FAILFAST_TRANSPORT (1U << 9)
#define REQ_FAILFAST_DRIVER (1U << 10)
#define REQ_SYNC (1U << 11)
#define REQ_META (1U << 12)
#define REQ_PRIO (1U << 13)
#define REQ_NOMERGE (1U << 14)
#define REQ_IDLE (1U << 15)
#define REQ_INTEGRITY (1U << 16)
#define REQ_FUA (1U << 17)
#define REQ_PREFLUSH (1U << 18)
#define REQ_RAHEAD (1U << 19)
#define REQ_BACKGROUND (1U << 20)
#define REQ_NOWAIT (1U << 21)
#define REQ_POLLED (1U << 22)
#define REQ_ALLOC_CACHE (1U << 23)
#define REQ_SWAP (1U << 24)
#define REQ_DRV (1U << 25)
#define REQ_FS_PRIVATE (1U << 26)
#define REQ_NOUNMAP (1U << 27)
#define REQ_FAILFAST_MASK (REQ_FAILFAST_DEV | REQ_FAILFAST_TRANSPORT | REQ_FAILFAST_DRIVER)

#define RQF_STARTED (1U << 1)
#define RQF_FLUSH_SEQ (1U << 4)
#define RQF_MIXED_MERGE (1U << 5)
#define RQF_DONTPREP (1U << 7)
#define RQF_SCHED_TAGS (1U << 8)
#define RQF_USE_SCHED (1U << 9)
#define RQF_FAILED (1U << 10)
#define RQF_QUIET (1U << 11)
#define RQF_IO_STAT (1U << 13)
#define RQF_PM (1U << 15)
#define RQF_HASHED (1U << 16)
#define RQF_STATS (1U << 17)
#define RQF_SPECIAL_PAYLOAD (1U << 18)
#define RQF_ZONE_WRITE_PLUGGING (1U << 20)
#define RQF_TIMED_OUT (1U << 21)
#define RQF_RESV (1U << 23)

#define BLK_MQ_REQ_NOWAIT (1U << 0)
#define BLK_MQ_REQ_RESERVED (1U << 1)
#define BLK_MQ_F_SHOULD_MERGE (1U << 0)
#define BLK_MQ_F_TAG_QUEUE_SHARED (1U << 1)
#define BLK_MQ_F_BLOCKING (1U << 5)
#define BLK_MQ_F_NO_SCHED (1U << 6)
#define BLK_MQ_F_NO_SCHED_BY_DEFAULT (1U << 7)
#define BLK_MQ_MAX_DEPTH 10240
#define NUMA_NO_NODE (-1)
#define SECTOR_SHIFT 9
#define SECTOR_SIZE 512

struct bio;
struct block_device;
struct gendisk;
struct request;
struct request_queue;
struct blk_mq_hw_ctx;
struct blk_mq_tags;
struct blk_mq_tag_set;
typedef void (bio_end_io_t)(struct bio *);

struct bio {
	struct bio *bi_next;
	struct block_device *bi_bdev;
	blk_opf_t bi_opf;
	unsigned short bi_flags;
	blk_status_t bi_status;
	struct bvec_iter bi_iter;
	bio_end_io_t *bi_end_io;
	void *bi_private;
	unsigned short bi_vcnt;
	unsigned short bi_max_vecs;
	atomic_t __bi_cnt;
	struct bio_vec *bi_io_vec;
};

struct bio_list {
	struct bio *head;
	struct bio *tail;
};

#define bio_iter_iovec(bio, iter) bvec_iter_bvec((bio)->bi_io_vec, (iter))
#define mp_bvec_iter_bvec_bio(bio, iter) mp_bvec_iter_bvec((bio)->bi_io_vec, (iter))
static inline void bio_advance_iter_single(const struct bio *bio,
					   struct bvec_iter *iter,
					   unsigned int bytes)
{
	iter->bi_sector += bytes >> 9;
	bvec_iter_advance_single(bio->bi_io_vec, iter, bytes);
}
#define __bio_for_each_bvec(bvl, bio, iter, start) \
	for (iter = (start); \
	     (iter).bi_size && ((bvl = mp_bvec_iter_bvec((bio)->bi_io_vec, (iter))), 1); \
	     bio_advance_iter_single((bio), &(iter), (bvl).bv_len))
#define bio_for_each_bvec(bvl, bio, iter) \
	__bio_for_each_bvec(bvl, bio, iter, (bio)->bi_iter)
#define __bio_for_each_segment(bvl, bio, iter, start) \
	for (iter = (start); \
	     (iter).bi_size && ((bvl = bio_iter_iovec((bio), (iter))), 1); \
	     bio_advance_iter_single((bio), &(iter), (bvl).bv_len))
#define bio_for_each_segment(bvl, bio, iter) \
	__bio_for_each_segment(bvl, bio, iter, (bio)->bi_iter)

struct blk_zone;
struct queue_limits;
enum blk_unique_id {
	BLK_UID_T10 = 1,
	BLK_UID_EUI64 = 2,
	BLK_UID_NAA = 3,
};
typedef int (*report_zones_cb)(struct blk_zone *zone, unsigned int idx,
			       void *data);

struct gendisk {
	int major;
	int first_minor;
	char disk_name[32];
	struct request_queue *queue;
	void *private_data;
	struct device *part0_dev;
};
struct gendisk *dev_to_disk(struct device *dev);

struct request_queue {
	void *queuedata;
	struct gendisk *disk;
	unsigned long queue_flags;
	unsigned int nr_hw_queues;
	struct blk_mq_tag_set *tag_set;
};

struct request {
	struct request_queue *q;
	struct blk_mq_ctx *mq_ctx;
	struct blk_mq_hw_ctx *mq_hctx;
	blk_opf_t cmd_flags;
	req_flags_t rq_flags;
	int tag;
	int internal_tag;
	unsigned int timeout;
	unsigned int __data_len;
	sector_t __sector;
	struct bio *bio;
	struct bio *biotail;
	union {
		struct list_head queuelist;
		struct request *rq_next;
	};
	struct block_device *part;
	u64 start_time_ns;
	u64 io_start_time_ns;
	unsigned short stats_sectors;
	unsigned short nr_phys_segments;
	unsigned short nr_integrity_segments;
	unsigned short ioprio;
	unsigned int state;
	atomic_t ref;
	unsigned long deadline;
	struct bio_vec special_vec;
	void *end_io_data;
	void *end_io;
};

static inline enum req_op req_op(const struct request *req)
{
	return (enum req_op)(req->cmd_flags & REQ_OP_MASK);
}

static inline bool op_is_write(blk_opf_t op)
{
	return !!(op & 1);
}

static inline int rq_data_dir_k(const struct request *rq)
{
	return op_is_write(req_op(rq)) ? WRITE : READ;
}
#define rq_data_dir(rq) rq_data_dir_k(rq)

static inline unsigned int blk_rq_bytes(const struct request *rq)
{
	return rq->__data_len;
}

static inline unsigned int blk_rq_payload_bytes(struct request *rq)
{
	if (rq->rq_flags & RQF_SPECIAL_PAYLOAD)
		return rq->special_vec.bv_len;
	return blk_rq_bytes(rq);
}

static inline unsigned short blk_rq_nr_phys_segments(struct request *rq)
{
	if (rq->rq_flags & RQF_SPECIAL_PAYLOAD)
		return 1;
	return rq->nr_phys_segments;
}

static inline sector_t blk_rq_pos(const struct request *rq)
{
	return rq->__sector;
}

static inline bool blk_rq_is_passthrough(struct request *rq)
{
	return req_op(rq) == REQ_OP_DRV_IN || req_op(rq) == REQ_OP_DRV_OUT;
}

static inline bool blk_integrity_rq(struct request *rq)
{
	return false;
}

static inline bool blk_should_fake_timeout(struct request_queue *q)
{
	return false;
}

enum hctx_type {
	HCTX_TYPE_DEFAULT,
	HCTX_TYPE_READ,
	HCTX_TYPE_POLL,
	HCTX_MAX_TYPES,
};

struct blk_mq_queue_map {
	unsigned int *mq_map;
	unsigned int nr_queues;
	unsigned int queue_offset;
};

struct blk_mq_hw_ctx {
	void *driver_data;
	struct request_queue *queue;
	unsigned int queue_num;
	unsigned long flags;
	struct blk_mq_tags *tags;
};

struct blk_mq_tags {
	unsigned int nr_tags;
	unsigned int nr_reserved_tags;
	struct request **rqs;
	struct request **static_rqs;
};

static inline struct request *blk_mq_tag_to_rq(struct blk_mq_tags *tags,
					       unsigned int tag)
{
	if (tag < tags->nr_tags)
		return tags->rqs[tag];
	return NULL;
}

struct blk_mq_queue_data {
	struct request *rq;
	bool last;
};

struct io_comp_batch {
	struct request *req_list;
	bool need_ts;
	void (*complete)(struct io_comp_batch *);
};
#define rq_list_for_each(listptr, pos) \
	for (pos = *(listptr); pos; pos = pos->rq_next)

enum blk_eh_timer_return {
	BLK_EH_DONE,
	BLK_EH_RESET_TIMER,
};

struct blk_mq_ops {
	blk_status_t (*queue_rq)(struct blk_mq_hw_ctx *,
				 const struct blk_mq_queue_data *);
	void (*commit_rqs)(struct blk_mq_hw_ctx *);
	void (*queue_rqs)(struct request **rqlist);
	int (*get_budget)(struct request_queue *);
	void (*put_budget)(struct request_queue *, int);
	void (*set_rq_budget_token)(struct request *, int);
	int (*get_rq_budget_token)(struct request *);
	enum blk_eh_timer_return (*timeout)(struct request *);
	int (*poll)(struct blk_mq_hw_ctx *, struct io_comp_batch *);
	void (*complete)(struct request *);
	int (*init_hctx)(struct blk_mq_hw_ctx *, void *, unsigned int);
	void (*exit_hctx)(struct blk_mq_hw_ctx *, unsigned int);
	int (*init_request)(struct blk_mq_tag_set *set, struct request *,
			    unsigned int, unsigned int);
	void (*exit_request)(struct blk_mq_tag_set *set, struct request *,
			     unsigned int);
	void (*cleanup_rq)(struct request *);
	bool (*busy)(struct request_queue *);
	void (*map_queues)(struct blk_mq_tag_set *set);
	void (*show_rq)(void *m, struct request *rq);
};

struct blk_mq_tag_set {
	const struct blk_mq_ops *ops;
	struct blk_mq_queue_map map[HCTX_MAX_TYPES];
	unsigned int nr_maps;
	unsigned int nr_hw_queues;
	unsigned int queue_depth;
	unsigned int reserved_tags;
	unsigned int cmd_size;
	int numa_node;
	unsigned int timeout;
	unsigned int flags;
	void *driver_data;
	struct blk_mq_tags **tags;
	struct blk_mq_tags *shared_tags;
	struct mutex tag_list_lock;
	struct list_head tag_list;
};

/* The driver's per-request data follows struct request, as blk-mq lays it out. */
static inline void *blk_mq_rq_to_pdu(struct request *rq)
{
	return rq + 1;
}

static inline struct request *blk_mq_rq_from_pdu(void *pdu)
{
	return (struct request *)pdu - 1;
}

void blk_mq_start_request(struct request *rq);
bool blk_mq_request_started(struct request *rq);
bool blk_mq_request_completed(struct request *rq);
bool blk_mq_complete_request_remote(struct request *rq);
void blk_mq_complete_request(struct request *rq);
void blk_mq_end_request(struct request *rq, blk_status_t error);
void __blk_mq_end_request(struct request *rq, blk_status_t error);
void blk_mq_end_request_batch(struct io_comp_batch *ib);
void blk_mq_requeue_request(struct request *rq, bool kick_requeue_list);
void blk_mq_map_queues(struct blk_mq_queue_map *qmap);
void blk_mq_tagset_busy_iter(struct blk_mq_tag_set *tagset,
			     bool (*fn)(struct request *, void *), void *priv);
void blk_mq_tagset_wait_completed_request(struct blk_mq_tag_set *tagset);
void blk_mq_update_nr_hw_queues(struct blk_mq_tag_set *set, int nr_hw_queues);
void blk_mq_unquiesce_queue(struct request_queue *q);
void blk_mq_quiesce_queue(struct request_queue *q);
void blk_mq_freeze_queue(struct request_queue *q);
void blk_mq_unfreeze_queue(struct request_queue *q);
void blk_mq_kick_requeue_list(struct request_queue *q);
void blk_mq_free_tag_set(struct blk_mq_tag_set *set);
int blk_mq_alloc_tag_set(struct blk_mq_tag_set *set);
void blk_mq_destroy_queue(struct request_queue *q);
void blk_mq_tagset_wait_completed_request(struct blk_mq_tag_set *tagset);
void blk_sync_queue(struct request_queue *q);
int blk_rq_map_kern(struct request_queue *q, struct request *rq, void *kbuf,
		    unsigned int len, gfp_t gfp);
void blk_put_queue(struct request_queue *q);
bool blk_get_queue(struct request_queue *q);

#endif
