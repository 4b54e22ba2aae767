/* Fake NVMe/TCP controller: checks the host's PDU stream and answers as nvmet-tcp does. */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ring.h"
#include "target.h"

/* The longest header the parser ever needs in one piece (ICReq). */
#define SIM__HDR_MAX_BYTES SIM_PDU_ICREQ_BYTES

/* Room for one log line: direction, a PDU description and nothing more. */
#define SIM__LOG_LINE_BYTES 192

#if defined(__GNUC__)
#define SIM__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define SIM__PRINTF(a, b)
#endif

/* Returns -1 so handlers can end with it, as the kernel returns -EPROTO. */
static SIM__PRINTF(2, 3) int sim__fail(struct sim_target *t, const char *fmt, ...)
{
	va_list ap;

	/* the first violation is the one worth reporting; later ones are fallout */
	if (t->failed)
		return -1;
	t->failed = true;
	t->failed_type = t->cur.type;
	va_start(ap, fmt);
	vsnprintf(t->error, sizeof(t->error), fmt, ap);
	va_end(ap);
	if (t->log) {
		char line[sizeof(t->error) + 16];

		snprintf(line, sizeof(line), "violation: %s", t->error);
		t->log(t->log_arg, line);
	}
	return -1;
}

static void sim__log_pdu(struct sim_target *t, const char *dir, const struct sim_pdu *p)
{
	char line[SIM__LOG_LINE_BYTES];
	size_t n = strlen(dir);

	memcpy(line, dir, n);
	line[n++] = ' ';
	sim_pdu_describe(p, line + n, sizeof(line) - n);
	t->log(t->log_arg, line);
}

static const char *sim__opcode_name(uint8_t opcode)
{
	switch (opcode) {
	case SIM_NVME_OP_WRITE:
		return "WRITE";
	case SIM_NVME_OP_READ:
		return "READ";
	case SIM_NVME_OP_FLUSH:
		return "FLUSH";
	}
	return "unknown opcode";
}

/* ---- byte rings ---- */

static uint32_t sim__ring_wrap(uint32_t pos, uint32_t size)
{
	return pos >= size ? pos - size : pos;
}

static void sim__rx_drop(struct sim_target *t, uint32_t len)
{
	t->rx_head = sim__ring_wrap(t->rx_head + len, SIM_TARGET_RX_BYTES);
	t->rx_len -= len;
}

static uint32_t sim__tx_room(const struct sim_target *t)
{
	return SIM_TARGET_TX_BYTES - t->tx_len;
}

static uint32_t sim__tx_tail(const struct sim_target *t)
{
	return sim__ring_wrap(t->tx_head + t->tx_len, SIM_TARGET_TX_BYTES);
}

/* Callers have made sure of the room: see sim__answer_bytes(). */
static void sim__tx_put(struct sim_target *t, const uint8_t *src, uint32_t len)
{
	sim_ring_write(t->tx, SIM_TARGET_TX_BYTES, sim__tx_tail(t), src, len);
	t->tx_len += len;
}

static void sim__tx_pattern(struct sim_target *t, uint16_t cid, uint32_t off, uint32_t len)
{
	uint32_t pos = sim__tx_tail(t);
	const uint8_t *pat = sim_pattern(cid, off, len);
	uint32_t i;

	if (pat) {
		sim__tx_put(t, pat, len);
		return;
	}
	for (i = 0; i < len; i++) {
		t->tx[pos] = sim_pattern_byte(cid, off + i);
		pos = sim__ring_wrap(pos + 1, SIM_TARGET_TX_BYTES);
	}
	t->tx_len += len;
}

static void sim__tx_pdu(struct sim_target *t, const struct sim_pdu *p)
{
	uint8_t hdr[SIM__HDR_MAX_BYTES];
	size_t n = sim_pdu_encode(p, hdr);

	sim__tx_put(t, hdr, (uint32_t)n);
	t->pdus_sent++;
	if (t->log)
		sim__log_pdu(t, "tx", p);
}

/* ---- answers ---- */

/* Never 0: a zeroed slot's ttag must not match an H2CData that carries 0. */
static uint16_t sim__alloc_ttag(struct sim_target *t)
{
	uint16_t ttag = t->next_ttag ? t->next_ttag : 1;

	t->next_ttag = (uint16_t)(ttag + 1);
	return ttag;
}

static void sim__queue_rsp(struct sim_target *t, uint16_t cid)
{
	struct sim_pdu p;

	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_RSP;
	p.hlen = SIM_PDU_RSP_BYTES;
	p.plen = SIM_PDU_RSP_BYTES;
	p.u.rsp.cid = cid;
	sim__tx_pdu(t, &p);
}

static void sim__complete(struct sim_target *t, uint16_t cid)
{
	t->cmds[cid].state = SIM_TCMD_DONE;
	t->cmds_completed++;
	sim__queue_rsp(t, cid);
}

/* Ask for the next piece of a write, starting where the data received so far ends. */
static void sim__queue_r2t(struct sim_target *t, uint16_t cid)
{
	struct sim_target_cmd *cmd = &t->cmds[cid];
	uint32_t remaining = cmd->data_len - cmd->rcvd_bytes;
	uint32_t len = remaining;
	struct sim_pdu p;

	if (t->cfg.r2t_bytes && t->cfg.r2t_bytes < remaining)
		len = t->cfg.r2t_bytes;
	cmd->state = SIM_TCMD_WAIT_H2C;
	cmd->ttag = sim__alloc_ttag(t);
	cmd->r2t_offset = cmd->rcvd_bytes;
	cmd->r2t_len = len;
	cmd->r2t_rcvd = 0;

	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_R2T;
	p.hlen = SIM_PDU_R2T_BYTES;
	p.plen = SIM_PDU_R2T_BYTES;
	p.u.r2t.cid = cid;
	p.u.r2t.ttag = cmd->ttag;
	p.u.r2t.offset = cmd->r2t_offset;
	p.u.r2t.length = len;
	sim__tx_pdu(t, &p);
}

static uint32_t sim__c2h_chunk_bytes(const struct sim_target *t, uint32_t data_len)
{
	return t->cfg.c2h_bytes && t->cfg.c2h_bytes < data_len ? t->cfg.c2h_bytes : data_len;
}

/* Everything a READ of data_len bytes puts on the wire: C2HData PDUs and the response. */
static uint64_t sim__read_answer_bytes(const struct sim_target *t, uint32_t data_len)
{
	uint32_t chunk = sim__c2h_chunk_bytes(t, data_len);
	uint64_t pdus = ((uint64_t)data_len + chunk - 1) / chunk;

	return pdus * SIM_PDU_DATA_BYTES + data_len + SIM_PDU_RSP_BYTES;
}

/*
 * Linux's host never sets SUCCESS (it would let the controller skip the
 * response), and the model must be checked against the common path.
 */
static void sim__queue_read(struct sim_target *t, uint16_t cid)
{
	uint32_t data_len = t->cmds[cid].data_len;
	uint32_t chunk = sim__c2h_chunk_bytes(t, data_len);
	uint32_t off = 0;
	struct sim_pdu p;

	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_C2H_DATA;
	p.hlen = SIM_PDU_DATA_BYTES;
	p.pdo = SIM_PDU_DATA_BYTES;
	p.u.data.cid = cid;
	while (off < data_len) {
		uint32_t len = data_len - off < chunk ? data_len - off : chunk;

		p.flags = off + len == data_len ? SIM_PDU_F_DATA_LAST : 0;
		p.plen = SIM_PDU_DATA_BYTES + len;
		p.u.data.offset = off;
		p.u.data.length = len;
		sim__tx_pdu(t, &p);
		sim__tx_pattern(t, cid, off, len);
		off += len;
	}
	sim__complete(t, cid);
}

/*
 * Bytes the PDU whose header is in t->cur will queue. Reserved before the
 * header is consumed, so an answer is never half written; every answer but
 * a READ's is one 24-byte PDU.
 */
static uint64_t sim__answer_bytes(const struct sim_target *t)
{
	const struct sim_pdu *p = &t->cur;

	if (p->type == SIM_PDU_CMD && p->u.cmd.opcode == SIM_NVME_OP_READ &&
	    p->u.cmd.sgl_type == SIM_NVME_SGL_TRANSPORT && p->u.cmd.sgl_len)
		return sim__read_answer_bytes(t, p->u.cmd.sgl_len);
	return SIM_PDU_RSP_BYTES;
}

/* ---- CapsuleCmd ---- */

static int sim__handle_write(struct sim_target *t, uint16_t cid, uint32_t incapsule_bytes)
{
	const struct sim_pdu *p = &t->cur;
	struct sim_target_cmd *cmd = &t->cmds[cid];
	uint32_t sgl_len = p->u.cmd.sgl_len;

	switch (p->u.cmd.sgl_type) {
	case SIM_NVME_SGL_INCAPSULE:
		if (!sgl_len)
			return sim__fail(t, "CapsuleCmd cid %u WRITE: in-capsule SGL of 0 bytes", cid);
		if (p->u.cmd.sgl_addr)
			return sim__fail(t, "CapsuleCmd cid %u WRITE: in-capsule offset %llu, expected 0",
					 cid, (unsigned long long)p->u.cmd.sgl_addr);
		if (sgl_len != incapsule_bytes)
			return sim__fail(t, "CapsuleCmd cid %u WRITE: SGL length %u != %u bytes of in-capsule data",
					 cid, sgl_len, incapsule_bytes);
		if (sgl_len > t->cfg.ioccsz_bytes)
			return sim__fail(t, "CapsuleCmd cid %u WRITE: %u bytes of in-capsule data > ioccsz %u",
					 cid, sgl_len, t->cfg.ioccsz_bytes);
		/* like nvmet, the command exists only once its capsule is whole */
		cmd->data_len = sgl_len;
		cmd->state = SIM_TCMD_FREE;
		t->cur_payload_left = sgl_len;
		return 0;
	case SIM_NVME_SGL_TRANSPORT:
		if (!sgl_len)
			return sim__fail(t, "CapsuleCmd cid %u WRITE: transport SGL of 0 bytes", cid);
		if (incapsule_bytes)
			return sim__fail(t, "CapsuleCmd cid %u WRITE: transport SGL but %u bytes of in-capsule data",
					 cid, incapsule_bytes);
		cmd->data_len = sgl_len;
		sim__queue_r2t(t, cid);
		return 0;
	}
	return sim__fail(t, "CapsuleCmd cid %u WRITE: SGL type 0x%02x not supported",
		  cid, p->u.cmd.sgl_type);
}

static int sim__handle_read(struct sim_target *t, uint16_t cid, uint32_t incapsule_bytes)
{
	const struct sim_pdu *p = &t->cur;
	uint32_t sgl_len = p->u.cmd.sgl_len;

	if (p->u.cmd.sgl_type != SIM_NVME_SGL_TRANSPORT || !sgl_len)
		return sim__fail(t, "CapsuleCmd cid %u READ: SGL type 0x%02x len %u, expected a transport SGL with data",
				 cid, p->u.cmd.sgl_type, sgl_len);
	if (incapsule_bytes)
		return sim__fail(t, "CapsuleCmd cid %u READ: carries %u bytes of in-capsule data",
				 cid, incapsule_bytes);
	if (sim__read_answer_bytes(t, sgl_len) > SIM_TARGET_TX_BYTES)
		return sim__fail(t, "CapsuleCmd cid %u READ: %u bytes will not fit the controller's %u-byte send queue",
				 cid, sgl_len, SIM_TARGET_TX_BYTES);
	t->cmds[cid].data_len = sgl_len;
	sim__queue_read(t, cid);
	return 0;
}

/*
 * Linux's host describes "no data" with nvme_tcp_set_sg_null(): a transport
 * SGL of length 0, not the null descriptor type. Both mean the same here.
 */
static int sim__handle_flush(struct sim_target *t, uint16_t cid, uint32_t incapsule_bytes)
{
	const struct sim_pdu *p = &t->cur;
	uint8_t type = p->u.cmd.sgl_type;

	if (p->u.cmd.sgl_len || (type != SIM_NVME_SGL_NULL && type != SIM_NVME_SGL_TRANSPORT))
		return sim__fail(t, "CapsuleCmd cid %u FLUSH: SGL type 0x%02x len %u, expected no data",
				 cid, type, p->u.cmd.sgl_len);
	if (incapsule_bytes)
		return sim__fail(t, "CapsuleCmd cid %u FLUSH: carries %u bytes of in-capsule data",
				 cid, incapsule_bytes);
	sim__complete(t, cid);
	return 0;
}

static int sim__handle_cmd(struct sim_target *t)
{
	const struct sim_pdu *p = &t->cur;
	uint16_t cid = p->u.cmd.cid;
	uint32_t incapsule_bytes = p->plen - p->hlen;
	struct sim_target_cmd *cmd;

	if (cid >= SIM_TARGET_CMDS_MAX)
		return sim__fail(t, "CapsuleCmd cid %u: beyond the controller's %u command slots",
				 cid, SIM_TARGET_CMDS_MAX);
	cmd = &t->cmds[cid];
	cmd->cmds_seen++;
	if (cmd->state != SIM_TCMD_FREE && cmd->state != SIM_TCMD_DONE)
		return sim__fail(t, "CapsuleCmd cid %u sent twice while outstanding", cid);
	if ((p->u.cmd.flags & 0xc0) != SIM_NVME_PSDT_SGL)
		return sim__fail(t, "CapsuleCmd cid %u: flags 0x%02x, expected PSDT SGL (0x%02x)",
				 cid, p->u.cmd.flags, SIM_NVME_PSDT_SGL);

	cmd->opcode = p->u.cmd.opcode;
	cmd->ttag = 0;
	cmd->data_len = 0;
	cmd->rcvd_bytes = 0;
	cmd->r2t_offset = 0;
	cmd->r2t_len = 0;
	cmd->r2t_rcvd = 0;
	t->cur_payload_off = 0;

	switch (p->u.cmd.opcode) {
	case SIM_NVME_OP_WRITE:
		return sim__handle_write(t, cid, incapsule_bytes);
	case SIM_NVME_OP_READ:
		return sim__handle_read(t, cid, incapsule_bytes);
	case SIM_NVME_OP_FLUSH:
		return sim__handle_flush(t, cid, incapsule_bytes);
	}
	return sim__fail(t, "CapsuleCmd cid %u: opcode 0x%02x not supported", cid, p->u.cmd.opcode);
}

/* ---- H2CData ---- */

/*
 * A duplicate is told apart first: resending a PDU is the likeliest host bug,
 * and its ttag or state mismatch would otherwise hide the cause.
 */
static int sim__handle_h2c(struct sim_target *t)
{
	const struct sim_pdu *p = &t->cur;
	uint16_t cid = p->u.data.cid;
	uint32_t off = p->u.data.offset;
	uint32_t len = p->u.data.length;
	uint32_t max = t->cfg.maxh2cdata_bytes;
	struct sim_target_cmd *cmd;
	bool completes_r2t;

	if (cid >= SIM_TARGET_CMDS_MAX)
		return sim__fail(t, "H2CData cid %u: beyond the controller's %u command slots",
				 cid, SIM_TARGET_CMDS_MAX);
	cmd = &t->cmds[cid];
	if (cmd->state == SIM_TCMD_FREE)
		return sim__fail(t, "H2CData cid %u offset %u: no command received with this cid",
				 cid, off);
	if (cmd->opcode == SIM_NVME_OP_WRITE && off < cmd->rcvd_bytes)
		return sim__fail(t, "H2CData cid %u offset %u repeats data already received (PDU sent twice?)",
				 cid, off);
	if (cmd->state != SIM_TCMD_WAIT_H2C)
		return sim__fail(t, "H2CData cid %u offset %u: no R2T outstanding (%s already answered)",
				 cid, off, sim__opcode_name(cmd->opcode));
	if (p->u.data.ttag != cmd->ttag)
		return sim__fail(t, "H2CData cid %u: ttag %u, expected %u", cid, p->u.data.ttag, cmd->ttag);
	if (off != cmd->rcvd_bytes)
		return sim__fail(t, "H2CData cid %u: offset %u, expected %u", cid, off, cmd->rcvd_bytes);
	if (!len)
		return sim__fail(t, "H2CData cid %u offset %u: data_length 0", cid, off);
	/* 0 would forbid every H2CData, which no controller advertises: read it as no limit */
	if (max && len > max)
		return sim__fail(t, "H2CData cid %u offset %u: data_length %u > maxh2cdata %u",
				 cid, off, len, max);
	if (len > cmd->r2t_len - cmd->r2t_rcvd)
		return sim__fail(t, "H2CData cid %u offset %u: data_length %u overruns R2T ttag %u (offset %u len %u)",
				 cid, off, len, cmd->ttag, cmd->r2t_offset, cmd->r2t_len);
	completes_r2t = cmd->r2t_rcvd + len == cmd->r2t_len;
	if (completes_r2t && !(p->flags & SIM_PDU_F_DATA_LAST))
		return sim__fail(t, "H2CData cid %u offset %u: completes R2T ttag %u but DATA_LAST is clear",
				 cid, off, cmd->ttag);
	if (!completes_r2t && (p->flags & SIM_PDU_F_DATA_LAST))
		return sim__fail(t, "H2CData cid %u offset %u: DATA_LAST set with %u bytes of R2T ttag %u still due",
				 cid, off, cmd->r2t_len - cmd->r2t_rcvd - len, cmd->ttag);
	t->cur_payload_left = len;
	t->cur_payload_off = off;
	return 0;
}

static void sim__h2c_done(struct sim_target *t, uint16_t cid)
{
	struct sim_target_cmd *cmd = &t->cmds[cid];

	if (cmd->r2t_rcvd < cmd->r2t_len)
		return;
	if (cmd->rcvd_bytes < cmd->data_len)
		sim__queue_r2t(t, cid);
	else
		sim__complete(t, cid);
}

/* ---- the receive path ---- */

static int sim__handle_unexpected(struct sim_target *t)
{
	char what[SIM__LOG_LINE_BYTES];
	const char *why = "sent only by a controller";

	sim_pdu_describe(&t->cur, what, sizeof(what));
	if (t->cur.type == SIM_PDU_ICREQ)
		why = "connection already initialized";
	else if (t->cur.type == SIM_PDU_H2C_TERM)
		why = "host terminated the connection";
	return sim__fail(t, "unexpected PDU from host: %s (%s)", what, why);
}

/*
 * Parse the next header if all of it is here and the answer has room.
 * Returns false when it has to wait for bytes (either direction).
 */
static bool sim__rx_header(struct sim_target *t)
{
	uint8_t hdr[SIM__HDR_MAX_BYTES];
	uint32_t n = t->rx_len < sizeof(hdr) ? t->rx_len : (uint32_t)sizeof(hdr);
	char err[128];
	uint64_t need;

	if (n < SIM_PDU_CH_BYTES)
		return false;
	sim_ring_read(t->rx, SIM_TARGET_RX_BYTES, t->rx_head, hdr, n);
	switch (sim_pdu_decode(hdr, n, &t->cur, err, sizeof(err))) {
	case SIM_PDU_SHORT:
		return false;
	case SIM_PDU_BAD:
		t->cur.type = hdr[0];
		sim__fail(t, "malformed PDU header: %s", err);
		return true;
	case SIM_PDU_OK:
		break;
	}
	/* an answer that can never fit is the handler's violation, not a wait */
	need = sim__answer_bytes(t);
	if (need <= SIM_TARGET_TX_BYTES && need > sim__tx_room(t))
		return false;

	sim__rx_drop(t, t->cur.hlen);
	t->pdus_rcvd++;
	t->cur_payload_left = 0;
	if (t->log)
		sim__log_pdu(t, "rx", &t->cur);
	switch (t->cur.type) {
	case SIM_PDU_CMD:
		sim__handle_cmd(t);
		break;
	case SIM_PDU_H2C_DATA:
		sim__handle_h2c(t);
		break;
	default:
		sim__handle_unexpected(t);
		break;
	}
	t->in_pdu = !t->failed && t->cur_payload_left;
	return true;
}

static uint16_t sim__cur_cid(const struct sim_target *t)
{
	return t->cur.type == SIM_PDU_CMD ? t->cur.u.cmd.cid : t->cur.u.data.cid;
}

/*
 * Check payload bytes as they arrive, as nvmet-tcp does with partial reads.
 * Returns true once the current PDU's payload is complete.
 */
static bool sim__rx_payload(struct sim_target *t)
{
	uint16_t cid = sim__cur_cid(t);
	struct sim_target_cmd *cmd = &t->cmds[cid];
	bool h2c = t->cur.type == SIM_PDU_H2C_DATA;

	while (t->cur_payload_left && t->rx_len) {
		uint32_t n = t->cur_payload_left;
		const uint8_t *src = t->rx + t->rx_head, *pat;
		uint32_t i;

		if (n > t->rx_len)
			n = t->rx_len;
		if (n > SIM_TARGET_RX_BYTES - t->rx_head)
			n = SIM_TARGET_RX_BYTES - t->rx_head;
		pat = sim_pattern(cid, t->cur_payload_off, n);
		/* byte by byte only to name the first wrong one */
		for (i = pat && !memcmp(src, pat, n) ? n : 0; i < n; i++) {
			uint32_t off = t->cur_payload_off + i;
			uint8_t want = sim_pattern_byte(cid, off);

			if (src[i] != want) {
				sim__fail(t, "%s cid %u offset %u: data byte 0x%02x, expected 0x%02x",
					  sim_pdu_type_name(t->cur.type), cid, off, src[i], want);
				return false;
			}
		}
		sim__rx_drop(t, n);
		t->cur_payload_left -= n;
		t->cur_payload_off += n;
		cmd->rcvd_bytes += n;
		if (h2c)
			cmd->r2t_rcvd += n;
	}
	return !t->cur_payload_left;
}

/* ---- public ---- */

void sim_target_init(struct sim_target *t, const struct sim_target_cfg *cfg)
{
	/* rx[] and tx[] are left as they are: only bytes within the rings' lengths are read */
	t->cfg = *cfg;
	t->log = NULL;
	t->log_arg = NULL;
	t->rx_head = 0;
	t->rx_len = 0;
	t->in_pdu = false;
	memset(&t->cur, 0, sizeof(t->cur));
	t->cur_payload_left = 0;
	t->cur_payload_off = 0;
	t->tx_head = 0;
	t->tx_len = 0;
	memset(t->cmds, 0, sizeof(t->cmds));
	t->next_ttag = 1;
	t->failed = false;
	t->error[0] = '\0';
	t->pdus_rcvd = 0;
	t->pdus_sent = 0;
	t->cmds_completed = 0;
}

uint32_t sim_target_rx_room(const struct sim_target *t)
{
	return SIM_TARGET_RX_BYTES - t->rx_len;
}

void sim_target_rx(struct sim_target *t, const uint8_t *buf, uint32_t len)
{
	uint32_t tail = sim__ring_wrap(t->rx_head + t->rx_len, SIM_TARGET_RX_BYTES);

	assert(len <= sim_target_rx_room(t));
	/* a harness bug, not the host's: keep memory safe even under NDEBUG */
	if (len > sim_target_rx_room(t))
		len = sim_target_rx_room(t);
	sim_ring_write(t->rx, SIM_TARGET_RX_BYTES, tail, buf, len);
	t->rx_len += len;
}

/*
 * Returns how many PDUs were completely received (header and payload) in
 * this call; after a violation the caller reads t->failed and t->error.
 */
int sim_target_process(struct sim_target *t)
{
	int done = 0;

	while (!t->failed) {
		if (t->in_pdu) {
			if (!sim__rx_payload(t))
				break;
			t->in_pdu = false;
			if (t->cur.type == SIM_PDU_CMD)
				sim__complete(t, t->cur.u.cmd.cid);
			else
				sim__h2c_done(t, t->cur.u.data.cid);
			done++;
			continue;
		}
		if (!sim__rx_header(t))
			break;
		if (!t->failed && !t->in_pdu)
			done++;
	}
	return done;
}

uint32_t sim_target_tx_take(struct sim_target *t, uint8_t *buf, uint32_t len)
{
	if (len > t->tx_len)
		len = t->tx_len;
	sim_ring_read(t->tx, SIM_TARGET_TX_BYTES, t->tx_head, buf, len);
	t->tx_head = sim__ring_wrap(t->tx_head + len, SIM_TARGET_TX_BYTES);
	t->tx_len -= len;
	return len;
}

void sim_target_cmd_describe(const struct sim_target *t, uint16_t cid,
			     char *buf, size_t buflen)
{
	const struct sim_target_cmd *cmd;

	if (cid >= SIM_TARGET_CMDS_MAX) {
		snprintf(buf, buflen, "cid %u: beyond the controller's %u command slots",
			 cid, SIM_TARGET_CMDS_MAX);
		return;
	}
	cmd = &t->cmds[cid];
	if (t->in_pdu && t->cur.type == SIM_PDU_CMD && t->cur.u.cmd.cid == cid) {
		snprintf(buf, buflen, "cid %u WRITE %u bytes: receiving in-capsule data (%u of %u bytes received)",
			 cid, cmd->data_len, cmd->rcvd_bytes, cmd->data_len);
		return;
	}
	switch (cmd->state) {
	case SIM_TCMD_FREE:
		snprintf(buf, buflen, "cid %u: no command received", cid);
		break;
	case SIM_TCMD_WAIT_H2C:
		snprintf(buf, buflen, "cid %u WRITE %u bytes: waiting for H2CData ttag %u offset %u (%u of %u bytes received)",
			 cid, cmd->data_len, cmd->ttag, cmd->rcvd_bytes,
			 cmd->rcvd_bytes, cmd->data_len);
		break;
	case SIM_TCMD_DONE:
		snprintf(buf, buflen, "cid %u %s: answered", cid, sim__opcode_name(cmd->opcode));
		break;
	default:
		snprintf(buf, buflen, "cid %u: state %u", cid, cmd->state);
		break;
	}
}
