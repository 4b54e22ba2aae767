/* Upstream history of the send path: the commits whose behaviour the model switches on. */
#ifndef NVTSIM_UPSTREAM_H
#define NVTSIM_UPSTREAM_H

#include <sim_shim.h>

/*
 * In mainline's order, oldest first (checked against the nvme and block
 * trees' push logs and pull requests; see the README's Variants section).
 * A variant is a set of these (struct sim_variant.commits), not a prefix:
 * stable trees took some of them without the ones before.
 */
enum nvt_commit {
	NVT_v5_7 = 0,		/* base: io_work sends everything */
	NVT_db5ad6b7f8cd,	/* v5.8: direct send from queue_rq, one try_send */
	NVT_15ec928a65e0,	/* v5.9: req_list becomes an llist, queue->lock goes */
	NVT_86f0348ace15,	/* v5.9: request plugging: last, commit_rqs */
	NVT_122e5b9f3d37,	/* v5.9: more_requests, MSG_MORE by batch */
	NVT_5c11f7d9f843,	/* v5.11: nvme_tcp_send_all from queue_rq */
	NVT_825619b09ad3,	/* v5.13-rc3: no iterator advance on a PDU's final send */
	NVT_a0fdd1418007,	/* v5.13-rc3: io_work pending while req_list non-empty */
	NVT_70f437fb4395,	/* v5.15-rc2: that removed; kick io_work after direct send */
	NVT_e371af033c56,	/* v5.15: data_offset from the R2T; advance unless request done */
	NVT_25e1f67eda4a,	/* v5.15: that test on data_sent/data_len read before the send */
	NVT_c2700d2886a8,	/* v5.17: H2CData PDUs of at most MAXH2CDATA */
	NVT_3770a42bb8ce,	/* v6.0: more_requests removed */
	NVT_674f872b7cef,	/* v6.16-rc1: handle_r2t queues itself and kicks io_work; no sync */
	NVT_0bf04c874fcb,	/* v6.16: list_del_init / llist_on_list, R2T on-list check */
	NVT_f42d4796ee10,	/* v6.16: try_recv -EAGAIN is 0; io_work goes on if writable */
	NVT_COMMITS
};

/* One bit per enum nvt_commit. */
typedef unsigned long nvt_commits_t;

#define NVT_BIT(c)	((nvt_commits_t)1 << NVT_##c)
/* Mainline up to and including commit c. */
#define NVT_UPTO(c)	((NVT_BIT(c) << 1) - 1)

/* True when the running variant contains upstream commit c: UPSTREAM(5c11f7d9f843). */
#define UPSTREAM(c) sim_upstream_has(NVT_##c)

#endif
