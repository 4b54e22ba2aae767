/*
 * The seam between the world and a driver under test. The world reaches a
 * driver only the way the kernel does: the blk_mq_ops members .queue_rq and
 * .commit_rqs, the sk_data_ready / sk_write_space callbacks the driver
 * installs on the socket itself, and the work items it queues. Besides
 * those, one read-only view says where each request sits, for the checker.
 *
 * Two drivers sit behind it: model/tcp.c (model/driver.c) and a kernel
 * tree's own drivers/nvme/host/tcp.c, compiled at run time (kernel/glue.c).
 * A driver's glue may include its own nvme core headers; it must not include
 * sim.h: it sees the world only through this header and sim_shim.h.
 */
#ifndef NVTSIM_DRIVER_H
#define NVTSIM_DRIVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SIM_DRV_REQS_MAX 16
/* A request's data: at most 64 KiB, in pages of 4 KiB (a page pointer is the address of its bytes). */
#define SIM_DRV_PAGE_BYTES 4096
#define SIM_DRV_REQ_BYTES_MAX (64 * 1024)
#define SIM_DRV_REQ_PAGES_MAX (SIM_DRV_REQ_BYTES_MAX / SIM_DRV_PAGE_BYTES)
#define SIM_DRV_ABI 1		/* bumped whenever this header changes */

struct blk_mq_hw_ctx;
struct blk_mq_queue_data;
struct request;
struct socket;
struct mutex;
struct work_struct;

/* A request's operation: the values of sim.h's enum sim_rq_op. */
enum sim_drv_op {
	SIM_DRV_WRITE = 0,
	SIM_DRV_READ,
	SIM_DRV_FLUSH,
};

/* What a driver is set up with: queue 1 of one controller, on a connected socket. */
struct sim_drv_req_setup {
	uint8_t op;			/* enum sim_drv_op */
	uint32_t len_bytes;
	uint8_t *data;			/* len_bytes, the bio's pages, SIM_DRV_PAGE_BYTES each */
};

struct sim_drv_setup {
	struct socket *sock;		/* connected; ICReq/ICResp already done */
	int io_cpu;
	uint32_t maxh2cdata_bytes;	/* from the ICResp */
	uint32_t cmnd_capsule_bytes;	/* ioccsz * 16 */
	unsigned nreqs;
	struct sim_drv_req_setup reqs[SIM_DRV_REQS_MAX];
};

/* After reset: the driver's blk_mq_ops members, its hardware context, its requests (tag i = cid i). */
struct sim_drv_host {
	uint8_t (*queue_rq)(struct blk_mq_hw_ctx *hctx,
			    const struct blk_mq_queue_data *bd);
	void (*commit_rqs)(struct blk_mq_hw_ctx *hctx);	/* NULL: none */
	struct blk_mq_hw_ctx *hctx;
	struct request *rqs[SIM_DRV_REQS_MAX];
};

/* struct blk_mq_queue_data as blk-mq passes it (both drivers' shims lay it out so). */
struct sim_drv_queue_data {
	struct request *rq;
	bool last;
};

/* enum nvme_tcp_send_state, the same in every tree */
enum sim_drv_send_state {
	SIM_DRV_SEND_CMD_PDU = 0,
	SIM_DRV_SEND_H2C_PDU,
	SIM_DRV_SEND_DATA,
	SIM_DRV_SEND_DDGST,
};

struct sim_drv_req_view {
	bool on_req_list;		/* queue->req_list */
	bool on_send_list;		/* queue->send_list */
	bool is_request;		/* queue->request */
	uint8_t state;			/* enum sim_drv_send_state */
	uint16_t ttag;
	uint32_t h2cdata_offset;
	uint32_t pdu_len;
	uint64_t data_sent;
};

/* Read-only: where each request sits, and the queue's send state. */
struct sim_drv_view {
	const struct mutex *send_mutex;
	const struct work_struct *io_work;
	bool request_set;		/* queue->request != NULL */
	bool req_list_empty;
	bool send_list_empty;
	struct sim_drv_req_view reqs[SIM_DRV_REQS_MAX];
};

struct sim_driver {
	int abi;			/* SIM_DRV_ABI */
	const char *name;		/* "model", "linux-6.1.192" */
	/*
	 * Lays out a fresh controller, queue 1 on setup->sock (the driver
	 * installs its own socket callbacks, as nvme_tcp_start_queue does)
	 * and setup->nreqs requests; fills host. Called before every run.
	 */
	void (*reset)(const struct sim_drv_setup *setup,
		      struct sim_drv_host *host);
	void (*view)(struct sim_drv_view *v);
	/* Feeds the driver's send and receive state to a state hash. */
	void (*mix_state)(void (*mix)(void *h, const void *p, size_t n),
			  void *h);
};

/*
 * What the world gives a driver's nvme core shims (nvme_complete_rq, ...):
 * request tag i is the scenario's request i.
 */
void sim_blk_status(int tag, uint16_t status);	/* nvme_req(rq)->status */
void sim_blk_complete(int tag);			/* nvme_complete_rq() */
/* A control-path function nvtsim only stubs was called: a verdict, never silent. */
void sim_stub_called(const char *fn);

#endif
