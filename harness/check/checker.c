/*
 * Liveness, checked once the world is idle (no context can run, nothing
 * left to deliver): every submitted request must have completed. If one
 * has not, say which PDU is left behind, where it sits, and why no context
 * will ever send it.
 */
#include <stdarg.h>
#include <string.h>

#include "pdu.h"
#include "sim.h"
#include "trace.h"

static const char *const sim__op_str[] = { "WRITE", "READ", "FLUSH" };

const char *const sim_where_names[SIM_WHERE_KINDS] = {
	[SIM_WHERE_NONE] = "none",
	[SIM_WHERE_REQ_LIST] = "req_list",
	[SIM_WHERE_SEND_LIST] = "send_list",
	[SIM_WHERE_REQUEST] = "queue->request",
	[SIM_WHERE_SOCKET] = "socket",
	[SIM_WHERE_NOWHERE] = "nowhere",
	[SIM_WHERE_UNSUBMITTED] = "not submitted",
};

/* sim__where()'s answer as enum sim_where. */
static uint8_t sim__where_kind(const struct sim_drv_view *v, int i)
{
	const struct sim_drv_req_view *req = &v->reqs[i];

	if (req->on_req_list)
		return SIM_WHERE_REQ_LIST;
	if (req->on_send_list)
		return SIM_WHERE_SEND_LIST;
	if (req->is_request)
		return SIM_WHERE_REQUEST;
	return SIM_WHERE_NOWHERE;
}

static void sim__detail(struct sim_world *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void sim__detail(struct sim_world *w, const char *fmt, ...)
{
	size_t used = strlen(w->verdict.detail);
	va_list ap;

	if (used + 2 >= sizeof(w->verdict.detail))
		return;
	va_start(ap, fmt);
	vsnprintf(w->verdict.detail + used, sizeof(w->verdict.detail) - used,
		  fmt, ap);
	va_end(ap);
	used = strlen(w->verdict.detail);
	if (used + 1 < sizeof(w->verdict.detail)) {
		w->verdict.detail[used] = '\n';
		w->verdict.detail[used + 1] = 0;
	}
}

/* Where the driver keeps the request's unsent PDU, in words. */
static const char *sim__where(const struct sim_drv_view *v, int i)
{
	const struct sim_drv_req_view *req = &v->reqs[i];

	if (req->on_req_list)
		return "queued on req_list";
	if (req->on_send_list)
		return "queued on send_list";
	if (req->is_request)
		return "half sent as queue->request";
	return NULL;
}

/* The PDU the request is stuck on, from its send state and the controller's view. */
static uint8_t sim__stuck_pdu(struct sim_world *w, const struct sim_drv_view *v,
			      int i, char *buf, size_t len)
{
	const struct sim_drv_req_view *req = &v->reqs[i];
	const struct sim_target_cmd *tc = &w->target.cmds[i];

	if (req->state == SIM_DRV_SEND_H2C_PDU ||
	    (req->state == SIM_DRV_SEND_DATA &&
	     w->cfg.reqs[i].op == SIM_RQ_WRITE && tc->state == SIM_TCMD_WAIT_H2C)) {
		snprintf(buf, len,
			 "H2CData PDU (ttag %u, offset %u, %u bytes%s)",
			 req->ttag, req->h2cdata_offset, req->pdu_len,
			 req->state == SIM_DRV_SEND_DATA ? ", header sent" : "");
		return SIM_PDU_H2C_DATA;
	}
	if (req->state == SIM_DRV_SEND_CMD_PDU || tc->state == SIM_TCMD_FREE) {
		snprintf(buf, len, "CapsuleCmd PDU (cid %d%s)", i,
			 req->state == SIM_DRV_SEND_DATA ?
				 ", in-capsule data unsent" : "");
		return SIM_PDU_CMD;
	}
	snprintf(buf, len, "response (the host sent all it had to)");
	return SIM_PDU_RSP;
}

static void sim__explain(struct sim_world *w, const struct sim_drv_view *v)
{
	const struct sock *sk = &w->sk;
	const struct work_struct *work = v->io_work;
	bool nospace = w->socket.flags & (1UL << SOCK_NOSPACE);
	unsigned i;

	sim__detail(w, "  io_work:      %s, %s (ran %u time%s)",
		    work->pending ? "pending" : "not pending",
		    work->running_ctx >= 0 ? "running" : "not running",
		    work->runs, work->runs == 1 ? "" : "s");
	if (v->send_mutex->owner)
		sim__detail(w, "  send_mutex:   held by %s",
			    w->ctx[v->send_mutex->owner - 1].name);
	else
		sim__detail(w, "  send_mutex:   free");
	sim__detail(w, "  socket:       %u bytes queued, %u corked by MSG_MORE, %u unacked; SOCK_NOSPACE %s",
		    sk->sim.sq_len, sim_sock_corked(sk), sim_sock_unacked(sk),
		    nospace ? "set, but no ACK is coming to free space: write_space will not fire" :
			      "clear: write_space will not fire");
	sim__detail(w, "  network:      nothing in flight either way, no ACK to come: data_ready will not fire, nothing will push corked bytes");
	for (i = 0; i < w->cfg.nsubs; i++) {
		const struct sim_ctx *c = &w->ctx[i];

		if (c->done)
			sim__detail(w, "  %-13s finished: no later queue_rq will kick io_work",
				    c->name);
		else
			sim__detail(w, "  %-13s blocked at %s(%s) in %s", c->name,
				    sim_op_names[c->op], sim_short_name(c->obj_name),
				    c->fn);
	}
}

/*
 * The request to blame: one whose PDU still sits in the driver with no one
 * to send it comes first; bytes corked in the socket are often only the
 * consequence (MSG_MORE promised that PDU would follow).
 */
static int sim__first_incomplete(struct sim_world *w,
				 const struct sim_drv_view *v)
{
	int i, first = -1;

	for (i = 0; i < (int)w->cfg.nreqs; i++) {
		if (w->rs[i].completed)
			continue;
		if (sim__where(v, i))
			return i;
		if (first < 0)
			first = i;
	}
	return first;
}

static void sim__report_stuck(struct sim_world *w,
			      const struct sim_drv_view *v, int i)
{
	const struct sim_req_spec *spec = &w->cfg.reqs[i];
	char pdu[128], ctrl[160];
	const char *where = sim__where(v, i);
	uint32_t corked = sim_sock_corked(&w->sk);
	uint8_t type;

	if (!w->rs[i].submitted) {
		w->verdict.kind = SIM_V_HANG;
		w->verdict.req = i;
		w->verdict.where = SIM_WHERE_UNSUBMITTED;
		snprintf(w->verdict.line, sizeof(w->verdict.line),
			 "HANG: %s (%s %u bytes) was never submitted: its submitter cannot go on",
			 spec->name, sim__op_str[spec->op], spec->len_bytes);
		sim__explain(w, v);
		return;
	}
	type = sim__stuck_pdu(w, v, i, pdu, sizeof(pdu));
	w->verdict.req = i;
	w->verdict.pdu_type = type;
	w->verdict.where = sim__where_kind(v, i);
	if (corked && !where) {
		w->verdict.kind = SIM_V_STALL;
		w->verdict.where = SIM_WHERE_SOCKET;
		snprintf(w->verdict.line, sizeof(w->verdict.line),
			 "STALL: %s (cid %d, %s %u bytes) never completes: its %s sits corked in the socket (%u bytes sent with MSG_MORE) and nothing will push it",
			 spec->name, i, sim__op_str[spec->op], spec->len_bytes,
			 pdu, corked);
	} else {
		w->verdict.kind = SIM_V_HANG;
		snprintf(w->verdict.line, sizeof(w->verdict.line),
			 "HANG: %s (cid %d, %s %u bytes) never completes: its %s is %s and no context will send it",
			 spec->name, i, sim__op_str[spec->op], spec->len_bytes,
			 pdu, where ? where : "not queued anywhere");
	}
	sim_target_cmd_describe(&w->target, (uint16_t)i, ctrl, sizeof(ctrl));
	sim__detail(w, "  controller:   %s", ctrl);
	sim__explain(w, v);
}

void sim_check_idle(struct sim_world *w)
{
	struct sim_drv_view v;
	int i;
	unsigned n, total = w->cfg.nreqs;

	sim_drv_view(w, &v);
	i = sim__first_incomplete(w, &v);
	w->stopped = true;
	if (i >= 0) {
		sim__report_stuck(w, &v, i);
		for (n = 0; n < total; n++)
			if ((int)n != i && !w->rs[n].completed)
				sim__detail(w, "  also stuck:   %s", w->cfg.reqs[n].name);
		return;
	}
	if (v.request_set || !v.req_list_empty || !v.send_list_empty) {
		w->verdict.kind = SIM_V_SAFETY;
		snprintf(w->verdict.line, sizeof(w->verdict.line),
			 "SAFETY: every request completed, but the send queue still holds one (queue->request %s)",
			 v.request_set ? "set" : "clear");
		return;
	}
	w->verdict.kind = SIM_V_PASS;
	snprintf(w->verdict.line, sizeof(w->verdict.line),
		 "PASS: all %u requests completed in %llu steps", total,
		 (unsigned long long)w->steps);
}
