/* Faithful subset of drivers/nvme/host/nvme.h: what a transport calls into the core for. */
#ifndef NVTSIM_NVME_CORE_H
#define NVTSIM_NVME_CORE_H

#include <linux/blk-mq.h>
#include <linux/device.h>
#include <linux/nvme.h>
#include <linux/types.h>

enum nvme_ctrl_state {
	NVME_CTRL_LIVE = 1,
	NVME_CTRL_RESETTING = 2,
};

struct nvme_ctrl {
	struct device *device;
	u32 icdoff;
	enum nvme_ctrl_state state;
};

struct nvme_ns {
	u32 head_ns_id;
};

/* First member of every transport's per-request data (nvme_req()). */
struct nvme_request {
	struct nvme_command *cmd;
	union nvme_result result;
	u16 status;
	struct nvme_ctrl *ctrl;
};

static inline struct nvme_request *nvme_req(struct request *rq)
{
	return blk_mq_rq_to_pdu(rq);
}

/* The command id is the tag: SIM, nvme_cid()'s generation counter is not simulated. */
static inline u16 nvme_cid(struct request *rq)
{
	return (u16)rq->tag;
}

static inline struct request *nvme_find_rq(struct blk_mq_tags *tags, u16 cid)
{
	return blk_mq_tag_to_rq(tags, cid);
}

static inline bool nvme_check_ready(struct nvme_ctrl *ctrl, struct request *rq,
				    bool queue_live)
{
	(void)ctrl;
	(void)rq;
	return queue_live;
}

/* Harness-side: build the SQE, record start and completion, verify read data. */
blk_status_t nvme_setup_cmd(struct nvme_ns *ns, struct request *rq);
void nvme_cleanup_cmd(struct request *rq);
blk_status_t nvme_fail_nonready_command(struct nvme_ctrl *ctrl,
					struct request *rq);
void nvme_start_request(struct request *rq);
bool nvme_try_complete_req(struct request *rq, __le16 status,
			   union nvme_result result);
void nvme_complete_rq(struct request *rq);
bool nvme_change_ctrl_state(struct nvme_ctrl *ctrl,
			    enum nvme_ctrl_state new_state);

#endif
