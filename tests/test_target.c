/* cmocka tests for the fake controller: answers, streaming, and every violation it reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "target.h"

#define LOG_LINES_MAX 64
#define LOG_LINE_BYTES 256

struct target_fx {
	struct sim_target *t;
	char text[256];
	char log[LOG_LINES_MAX][LOG_LINE_BYTES];
	int log_lines;
};

/* Big enough for the largest READ answer the controller can queue. */
static uint8_t payload[SIM_TARGET_TX_BYTES];
static uint8_t wire[SIM_TARGET_RX_BYTES];

static const struct sim_target_cfg default_cfg = {
	.ioccsz_bytes = 8192,
	.maxh2cdata_bytes = 16384,
	.r2t_bytes = 0,
	.c2h_bytes = 0,
};

static int fx_setup(void **state)
{
	struct target_fx *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->t = calloc(1, sizeof(*f->t));
	if (!f->t) {
		free(f);
		return -1;
	}
	sim_target_init(f->t, &default_cfg);
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct target_fx *f = *state;

	free(f->t);
	free(f);
	return 0;
}

static void capture_log(void *arg, const char *line)
{
	struct target_fx *f = arg;

	assert_true(f->log_lines < LOG_LINES_MAX);
	snprintf(f->log[f->log_lines++], LOG_LINE_BYTES, "%s", line);
}

static void reinit(struct target_fx *f, uint32_t ioccsz, uint32_t maxh2c,
		   uint32_t r2t, uint32_t c2h)
{
	struct sim_target_cfg cfg = {
		.ioccsz_bytes = ioccsz,
		.maxh2cdata_bytes = maxh2c,
		.r2t_bytes = r2t,
		.c2h_bytes = c2h,
	};

	sim_target_init(f->t, &cfg);
}

/* ---- the host side ---- */

static void fill_pattern(uint8_t *buf, uint16_t cid, uint32_t off, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < len; i++)
		buf[i] = sim_pattern_byte(cid, off + i);
}

static void host_send(struct sim_target *t, const uint8_t *buf, uint32_t len)
{
	assert_true(len <= sim_target_rx_room(t));
	sim_target_rx(t, buf, len);
}

/* Builds a CapsuleCmd (and its in-capsule data) into wire[]; returns its length. */
static uint32_t build_cmd(uint16_t cid, uint8_t opcode, uint8_t sgl_type,
			  uint32_t sgl_len, uint32_t incapsule_bytes)
{
	struct sim_pdu p;

	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_CMD;
	p.hlen = SIM_PDU_CMD_BYTES;
	p.pdo = incapsule_bytes ? SIM_PDU_CMD_BYTES : 0;
	p.plen = SIM_PDU_CMD_BYTES + incapsule_bytes;
	p.u.cmd.opcode = opcode;
	p.u.cmd.flags = SIM_NVME_PSDT_SGL;
	p.u.cmd.cid = cid;
	p.u.cmd.nsid = 1;
	p.u.cmd.sgl_len = sgl_len;
	p.u.cmd.sgl_type = sgl_type;
	sim_pdu_encode(&p, wire);
	fill_pattern(wire + SIM_PDU_CMD_BYTES, cid, 0, incapsule_bytes);
	return p.plen;
}

static void send_cmd(struct sim_target *t, uint16_t cid, uint8_t opcode, uint8_t sgl_type,
		     uint32_t sgl_len, uint32_t incapsule_bytes)
{
	host_send(t, wire, build_cmd(cid, opcode, sgl_type, sgl_len, incapsule_bytes));
}

static void send_write_incapsule(struct sim_target *t, uint16_t cid, uint32_t len)
{
	send_cmd(t, cid, SIM_NVME_OP_WRITE, SIM_NVME_SGL_INCAPSULE, len, len);
}

static void send_write_transport(struct sim_target *t, uint16_t cid, uint32_t len)
{
	send_cmd(t, cid, SIM_NVME_OP_WRITE, SIM_NVME_SGL_TRANSPORT, len, 0);
}

static uint32_t build_h2c(uint16_t cid, uint16_t ttag, uint32_t off, uint32_t len,
			  uint8_t flags)
{
	struct sim_pdu p;

	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_H2C_DATA;
	p.flags = flags;
	p.hlen = SIM_PDU_DATA_BYTES;
	p.pdo = SIM_PDU_DATA_BYTES;
	p.plen = SIM_PDU_DATA_BYTES + len;
	p.u.data.cid = cid;
	p.u.data.ttag = ttag;
	p.u.data.offset = off;
	p.u.data.length = len;
	sim_pdu_encode(&p, wire);
	fill_pattern(wire + SIM_PDU_DATA_BYTES, cid, off, len);
	return p.plen;
}

static void send_h2c(struct sim_target *t, uint16_t cid, uint16_t ttag, uint32_t off,
		     uint32_t len, uint8_t flags)
{
	host_send(t, wire, build_h2c(cid, ttag, off, len, flags));
}

static void send_hdr(struct sim_target *t, const struct sim_pdu *p)
{
	uint8_t hdr[SIM_PDU_ICREQ_BYTES];

	host_send(t, hdr, (uint32_t)sim_pdu_encode(p, hdr));
}

/* Takes one whole PDU off the controller's queue; its payload lands in payload[]. */
static void take_pdu(struct sim_target *t, struct sim_pdu *p)
{
	uint8_t hdr[SIM_PDU_ICREQ_BYTES];
	char err[128];
	uint32_t hlen;

	assert_true(sim_target_tx_pending(t) >= SIM_PDU_CH_BYTES);
	assert_int_equal(sim_target_tx_take(t, hdr, SIM_PDU_CH_BYTES), SIM_PDU_CH_BYTES);
	hlen = hdr[2];
	assert_true(hlen >= SIM_PDU_CH_BYTES && hlen <= sizeof(hdr));
	assert_int_equal(sim_target_tx_take(t, hdr + SIM_PDU_CH_BYTES, hlen - SIM_PDU_CH_BYTES),
			 hlen - SIM_PDU_CH_BYTES);
	err[0] = '\0';
	if (sim_pdu_decode(hdr, hlen, p, err, sizeof(err)) != SIM_PDU_OK)
		fail_msg("controller sent a bad PDU: %s", err);
	assert_true(p->plen - hlen <= sizeof(payload));
	assert_int_equal(sim_target_tx_take(t, payload, p->plen - hlen), p->plen - hlen);
}

static void expect_r2t(struct sim_target *t, uint16_t cid, uint16_t ttag, uint32_t off,
		       uint32_t len)
{
	struct sim_pdu p;

	take_pdu(t, &p);
	assert_int_equal(p.type, SIM_PDU_R2T);
	assert_int_equal(p.flags, 0);
	assert_int_equal(p.pdo, 0);
	assert_int_equal(p.plen, SIM_PDU_R2T_BYTES);
	assert_int_equal(p.u.r2t.cid, cid);
	assert_int_equal(p.u.r2t.ttag, ttag);
	assert_int_equal(p.u.r2t.offset, off);
	assert_int_equal(p.u.r2t.length, len);
}

static void expect_rsp(struct sim_target *t, uint16_t cid)
{
	struct sim_pdu p;

	take_pdu(t, &p);
	assert_int_equal(p.type, SIM_PDU_RSP);
	assert_int_equal(p.plen, SIM_PDU_RSP_BYTES);
	assert_int_equal(p.u.rsp.cid, cid);
	assert_int_equal(p.u.rsp.status, 0);
}

static void expect_c2h(struct sim_target *t, uint16_t cid, uint32_t off, uint32_t len,
		       uint8_t flags)
{
	struct sim_pdu p;
	uint32_t i;

	take_pdu(t, &p);
	assert_int_equal(p.type, SIM_PDU_C2H_DATA);
	assert_int_equal(p.flags, flags);
	assert_int_equal(p.pdo, SIM_PDU_DATA_BYTES);
	assert_int_equal(p.u.data.cid, cid);
	assert_int_equal(p.u.data.ttag, 0);
	assert_int_equal(p.u.data.offset, off);
	assert_int_equal(p.u.data.length, len);
	for (i = 0; i < len; i++)
		if (payload[i] != sim_pattern_byte(cid, off + i))
			fail_msg("C2HData cid %u byte at %u is 0x%02x", cid, off + i, payload[i]);
}

static void expect_failed(struct sim_target *t, const char *error)
{
	assert_true(t->failed);
	assert_string_equal(t->error, error);
}

static void expect_ok(struct sim_target *t)
{
	if (t->failed)
		fail_msg("unexpected violation: %s", t->error);
}

static const char *describe(struct target_fx *f, uint16_t cid)
{
	sim_target_cmd_describe(f->t, cid, f->text, sizeof(f->text));
	return f->text;
}

/* ---- init and rings ---- */

static void test_init_starts_idle(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	assert_int_equal(sim_target_rx_room(t), SIM_TARGET_RX_BYTES);
	assert_int_equal(sim_target_rx_pending(t), 0);
	assert_int_equal(sim_target_tx_pending(t), 0);
	assert_int_equal(t->next_ttag, 1);
	assert_false(t->failed);
	assert_string_equal(t->error, "");
	assert_int_equal(t->cfg.ioccsz_bytes, 8192);
	assert_int_equal(sim_target_process(t), 0);
	assert_string_equal(describe(f, 0), "cid 0: no command received");
}

static void test_init_resets_a_used_target(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_transport(t, 3, 4096);
	send_cmd(t, 3, SIM_NVME_OP_WRITE, SIM_NVME_SGL_TRANSPORT, 4096, 0);
	sim_target_process(t);
	assert_true(t->failed);
	host_send(t, wire, 10);
	t->log = capture_log;

	reinit(f, 4096, 4096, 0, 0);
	assert_false(t->failed);
	assert_string_equal(t->error, "");
	assert_null(t->log);
	assert_int_equal(sim_target_rx_pending(t), 0);
	assert_int_equal(sim_target_tx_pending(t), 0);
	assert_int_equal(t->pdus_rcvd, 0);
	assert_int_equal(t->pdus_sent, 0);
	assert_int_equal(t->cmds_completed, 0);
	assert_int_equal(t->cmds[3].state, SIM_TCMD_FREE);
	assert_int_equal(t->cmds[3].cmds_seen, 0);
	assert_int_equal(t->cfg.ioccsz_bytes, 4096);

	/* and it works again: the first R2T's ttag is 1 once more */
	send_write_transport(t, 3, 4096);
	sim_target_process(t);
	expect_r2t(t, 3, 1, 0, 4096);
}

static void test_rx_room_shrinks_and_recovers(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_incapsule(t, 1, 4096);
	assert_int_equal(sim_target_rx_room(t), SIM_TARGET_RX_BYTES - 72 - 4096);
	assert_int_equal(sim_target_rx_pending(t), 72 + 4096);
	assert_int_equal(sim_target_process(t), 1);
	assert_int_equal(sim_target_rx_room(t), SIM_TARGET_RX_BYTES);
}

static void test_tx_take_partial_keeps_the_rest(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;
	uint8_t a[10], b[64];

	send_write_transport(t, 1, 4096);
	sim_target_process(t);
	assert_int_equal(sim_target_tx_pending(t), 24);
	assert_int_equal(sim_target_tx_take(t, a, sizeof(a)), 10);
	assert_int_equal(sim_target_tx_pending(t), 14);
	assert_int_equal(a[0], SIM_PDU_R2T);
	assert_int_equal(a[8], 1);		/* cid */
	assert_int_equal(a[9], 0);
	assert_int_equal(sim_target_tx_take(t, b, sizeof(b)), 14);
	assert_int_equal(b[0], 1);		/* ttag, byte 10 of the PDU */
	assert_int_equal(b[6], 0x00);		/* r2t length 4096, bytes 16..19 */
	assert_int_equal(b[7], 0x10);
	assert_int_equal(sim_target_tx_take(t, b, sizeof(b)), 0);
}

static void test_rx_ring_wraps_under_load(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;
	uint32_t i, wraps = 0, last_head = 0;

	/* 100 writes of 4168 bytes: ~3 trips round the 128 KiB ring, split at odd places */
	for (i = 0; i < 100; i++) {
		uint16_t cid = (uint16_t)(i % SIM_TARGET_CMDS_MAX);
		uint32_t len = build_cmd(cid, SIM_NVME_OP_WRITE, SIM_NVME_SGL_INCAPSULE,
					 4096, 4096);

		host_send(t, wire, 1000);
		sim_target_process(t);
		host_send(t, wire + 1000, len - 1000);
		sim_target_process(t);
		expect_ok(t);
		expect_rsp(t, cid);
		if (t->rx_head < last_head)
			wraps++;
		last_head = t->rx_head;
	}
	assert_true(wraps >= 3);
	assert_int_equal(t->cmds_completed, 100);
	assert_int_equal(sim_target_rx_pending(t), 0);
}

static void test_tx_ring_wraps_under_load(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;
	uint32_t i, wraps = 0, last_head = 0;

	reinit(f, 8192, 16384, 0, 4000);
	for (i = 0; i < 30; i++) {
		uint16_t cid = (uint16_t)(i % 7);

		send_cmd(t, cid, SIM_NVME_OP_READ, SIM_NVME_SGL_TRANSPORT, 30000, 0);
		sim_target_process(t);
		expect_ok(t);
		/* the data must come out intact wherever the ring wrapped */
		for (uint32_t off = 0; off < 28000; off += 4000)
			expect_c2h(t, cid, off, 4000, 0);
		expect_c2h(t, cid, 28000, 2000, SIM_PDU_F_DATA_LAST);
		expect_rsp(t, cid);
		if (t->tx_head < last_head)
			wraps++;
		last_head = t->tx_head;
	}
	assert_true(wraps >= 3);
}

/* ---- in-capsule writes ---- */

static void test_write_incapsule_answers_with_resp(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_incapsule(t, 1, 4096);
	assert_int_equal(sim_target_process(t), 1);
	expect_ok(t);
	expect_rsp(t, 1);
	assert_int_equal(sim_target_tx_pending(t), 0);
	assert_int_equal(t->cmds[1].state, SIM_TCMD_DONE);
	assert_int_equal(t->cmds[1].rcvd_bytes, 4096);
	assert_int_equal(t->cmds[1].cmds_seen, 1);
	assert_int_equal(t->pdus_rcvd, 1);
	assert_int_equal(t->pdus_sent, 1);
	assert_int_equal(t->cmds_completed, 1);
	assert_string_equal(describe(f, 1), "cid 1 WRITE: answered");
}

static void test_write_incapsule_streams_payload(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;
	uint32_t len = build_cmd(2, SIM_NVME_OP_WRITE, SIM_NVME_SGL_INCAPSULE, 4096, 4096);

	/* a partial header is left alone */
	host_send(t, wire, 40);
	assert_int_equal(sim_target_process(t), 0);
	assert_int_equal(sim_target_rx_pending(t), 40);
	assert_int_equal(t->pdus_rcvd, 0);

	/* header plus 1000 data bytes: all consumed, nothing answered yet */
	host_send(t, wire + 40, 72 + 1000 - 40);
	assert_int_equal(sim_target_process(t), 0);
	assert_int_equal(sim_target_rx_pending(t), 0);
	assert_int_equal(t->pdus_rcvd, 1);
	/* not a command yet: the checker reads FREE as "CapsuleCmd not whole" */
	assert_int_equal(t->cmds[2].state, SIM_TCMD_FREE);
	assert_int_equal(t->cmds[2].rcvd_bytes, 1000);
	assert_int_equal(sim_target_tx_pending(t), 0);
	assert_string_equal(describe(f, 2),
			    "cid 2 WRITE 4096 bytes: receiving in-capsule data (1000 of 4096 bytes received)");

	host_send(t, wire + 72 + 1000, len - 72 - 1000);
	assert_int_equal(sim_target_process(t), 1);
	expect_ok(t);
	expect_rsp(t, 2);
}

static void test_write_incapsule_bad_byte_names_cid_and_offset(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;
	uint32_t len = build_cmd(1, SIM_NVME_OP_WRITE, SIM_NVME_SGL_INCAPSULE, 4096, 4096);
	uint8_t want = sim_pattern_byte(1, 1000);
	char msg[128];

	wire[72 + 1000] = (uint8_t)~want;
	host_send(t, wire, len);
	assert_int_equal(sim_target_process(t), 0);
	snprintf(msg, sizeof(msg), "CapsuleCmd cid 1 offset 1000: data byte 0x%02x, expected 0x%02x",
		 (uint8_t)~want, want);
	expect_failed(t, msg);
	assert_int_equal(sim_target_tx_pending(t), 0);
	assert_int_equal(t->cmds_completed, 0);
}

static void test_write_incapsule_over_ioccsz_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_incapsule(t, 1, 8193);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 1 WRITE: 8193 bytes of in-capsule data > ioccsz 8192");
}

static void test_write_incapsule_at_ioccsz_passes(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_incapsule(t, 1, 8192);
	assert_int_equal(sim_target_process(t), 1);
	expect_ok(t);
	expect_rsp(t, 1);
}

static void test_write_incapsule_length_mismatch_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 1, SIM_NVME_OP_WRITE, SIM_NVME_SGL_INCAPSULE, 4096, 2048);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 1 WRITE: SGL length 4096 != 2048 bytes of in-capsule data");
}

static void test_write_incapsule_zero_bytes_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 1, SIM_NVME_OP_WRITE, SIM_NVME_SGL_INCAPSULE, 0, 0);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 1 WRITE: in-capsule SGL of 0 bytes");
}

static void test_write_incapsule_nonzero_offset_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;
	uint32_t len = build_cmd(1, SIM_NVME_OP_WRITE, SIM_NVME_SGL_INCAPSULE, 512, 512);

	wire[32] = 16;			/* sgl address: offset into the capsule */
	host_send(t, wire, len);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 1 WRITE: in-capsule offset 16, expected 0");
}

/* ---- transport writes: R2T and H2CData ---- */

static void test_write_transport_sends_r2t_for_all(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_transport(t, 1, 8192);
	assert_int_equal(sim_target_process(t), 1);
	expect_ok(t);
	expect_r2t(t, 1, 1, 0, 8192);
	assert_int_equal(t->cmds[1].state, SIM_TCMD_WAIT_H2C);
	assert_int_equal(t->cmds[1].ttag, 1);
	assert_int_equal(t->next_ttag, 2);
	assert_string_equal(describe(f, 1),
			    "cid 1 WRITE 8192 bytes: waiting for H2CData ttag 1 offset 0 (0 of 8192 bytes received)");
}

static void test_write_transport_completes_after_h2c(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	reinit(f, 8192, 4096, 0, 0);
	send_write_transport(t, 1, 8192);
	sim_target_process(t);
	expect_r2t(t, 1, 1, 0, 8192);

	send_h2c(t, 1, 1, 0, 4096, 0);
	assert_int_equal(sim_target_process(t), 1);
	expect_ok(t);
	assert_int_equal(sim_target_tx_pending(t), 0);
	assert_string_equal(describe(f, 1),
			    "cid 1 WRITE 8192 bytes: waiting for H2CData ttag 1 offset 4096 (4096 of 8192 bytes received)");

	send_h2c(t, 1, 1, 4096, 4096, SIM_PDU_F_DATA_LAST);
	assert_int_equal(sim_target_process(t), 1);
	expect_ok(t);
	expect_rsp(t, 1);
	assert_int_equal(t->cmds[1].state, SIM_TCMD_DONE);
	assert_int_equal(t->cmds_completed, 1);
	assert_int_equal(t->pdus_rcvd, 3);
	assert_int_equal(t->pdus_sent, 2);
}

static void test_write_transport_splits_into_r2ts(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	reinit(f, 8192, 16384, 4096, 0);
	send_write_transport(t, 9, 10000);
	sim_target_process(t);
	expect_r2t(t, 9, 1, 0, 4096);

	send_h2c(t, 9, 1, 0, 4096, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_ok(t);
	expect_r2t(t, 9, 2, 4096, 4096);

	send_h2c(t, 9, 2, 4096, 4096, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_ok(t);
	expect_r2t(t, 9, 3, 8192, 1808);

	send_h2c(t, 9, 3, 8192, 1808, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_ok(t);
	expect_rsp(t, 9);
	assert_int_equal(sim_target_tx_pending(t), 0);
}

static void test_write_transport_zero_bytes_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_transport(t, 1, 0);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 1 WRITE: transport SGL of 0 bytes");
}

static void test_write_transport_with_incapsule_data_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 1, SIM_NVME_OP_WRITE, SIM_NVME_SGL_TRANSPORT, 4096, 100);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 1 WRITE: transport SGL but 100 bytes of in-capsule data");
}

static void test_write_with_null_sgl_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 1, SIM_NVME_OP_WRITE, SIM_NVME_SGL_NULL, 4096, 0);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 1 WRITE: SGL type 0x00 not supported");
}

static void test_ttag_skips_zero_when_it_wraps(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	t->next_ttag = 0xffff;
	send_write_transport(t, 1, 512);
	send_write_transport(t, 2, 512);
	sim_target_process(t);
	expect_ok(t);
	expect_r2t(t, 1, 0xffff, 0, 512);
	expect_r2t(t, 2, 1, 0, 512);
}

static void test_h2c_streams_payload_and_checks_bytes(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;
	uint32_t len;
	uint8_t want = sim_pattern_byte(4, 3000);
	char msg[128];

	send_write_transport(t, 4, 4096);
	sim_target_process(t);
	expect_r2t(t, 4, 1, 0, 4096);

	len = build_h2c(4, 1, 0, 4096, SIM_PDU_F_DATA_LAST);
	host_send(t, wire, 24 + 2000);
	assert_int_equal(sim_target_process(t), 0);
	assert_int_equal(sim_target_rx_pending(t), 0);
	assert_int_equal(t->cmds[4].rcvd_bytes, 2000);
	assert_int_equal(t->cmds[4].r2t_rcvd, 2000);

	wire[24 + 3000] = (uint8_t)(want + 1);
	host_send(t, wire + 24 + 2000, len - 24 - 2000);
	assert_int_equal(sim_target_process(t), 0);
	snprintf(msg, sizeof(msg), "H2CData cid 4 offset 3000: data byte 0x%02x, expected 0x%02x",
		 (uint8_t)(want + 1), want);
	expect_failed(t, msg);
	assert_int_equal(sim_target_tx_pending(t), 0);
}

static void test_h2c_byte_by_byte_matches_one_piece(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;
	uint8_t stream[2 * 4096 + 200];
	uint32_t n = 0, i;
	int done = 0;

	reinit(f, 8192, 2048, 0, 0);
	/* the R2T's ttag will be 1: the whole host stream can be built up front */
	n += build_cmd(5, SIM_NVME_OP_WRITE, SIM_NVME_SGL_TRANSPORT, 4096, 0);
	memcpy(stream, wire, n);
	i = build_h2c(5, 1, 0, 2048, 0);
	memcpy(stream + n, wire, i);
	n += i;
	i = build_h2c(5, 1, 2048, 2048, SIM_PDU_F_DATA_LAST);
	memcpy(stream + n, wire, i);
	n += i;

	for (i = 0; i < n; i++) {
		host_send(t, stream + i, 1);
		done += sim_target_process(t);
		expect_ok(t);
	}
	assert_int_equal(done, 3);
	expect_r2t(t, 5, 1, 0, 4096);
	expect_rsp(t, 5);
	assert_int_equal(t->pdus_rcvd, 3);
}

static void test_h2c_sent_twice_reports_repeat(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	reinit(f, 8192, 4096, 0, 0);
	send_write_transport(t, 1, 8192);
	sim_target_process(t);
	send_h2c(t, 1, 1, 0, 4096, 0);
	send_h2c(t, 1, 1, 0, 4096, 0);
	assert_int_equal(sim_target_process(t), 1);
	expect_failed(t, "H2CData cid 1 offset 0 repeats data already received (PDU sent twice?)");
}

static void test_h2c_sent_twice_after_answer_reports_repeat(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_transport(t, 1, 4096);
	sim_target_process(t);
	send_h2c(t, 1, 1, 0, 4096, SIM_PDU_F_DATA_LAST);
	send_h2c(t, 1, 1, 0, 4096, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_failed(t, "H2CData cid 1 offset 0 repeats data already received (PDU sent twice?)");
	assert_int_equal(t->cmds_completed, 1);
}

static void test_h2c_repeat_of_older_r2t_reports_repeat(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	reinit(f, 8192, 16384, 4096, 0);
	send_write_transport(t, 1, 8192);
	sim_target_process(t);
	send_h2c(t, 1, 1, 0, 4096, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_r2t(t, 1, 1, 0, 4096);
	expect_r2t(t, 1, 2, 4096, 4096);
	/* the old ttag would mislead: the duplicate is the story */
	send_h2c(t, 1, 1, 0, 4096, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_failed(t, "H2CData cid 1 offset 0 repeats data already received (PDU sent twice?)");
}

static void test_h2c_beyond_answered_write_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_transport(t, 1, 4096);
	sim_target_process(t);
	send_h2c(t, 1, 1, 0, 4096, SIM_PDU_F_DATA_LAST);
	send_h2c(t, 1, 1, 4096, 512, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_failed(t, "H2CData cid 1 offset 4096: no R2T outstanding (WRITE already answered)");
}

static void test_h2c_for_a_read_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 1, SIM_NVME_OP_READ, SIM_NVME_SGL_TRANSPORT, 512, 0);
	send_h2c(t, 1, 1, 0, 512, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_failed(t, "H2CData cid 1 offset 0: no R2T outstanding (READ already answered)");
}

static void test_h2c_wrong_ttag_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_transport(t, 1, 4096);
	sim_target_process(t);
	send_h2c(t, 1, 7, 0, 4096, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_failed(t, "H2CData cid 1: ttag 7, expected 1");
}

static void test_h2c_offset_gap_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_transport(t, 1, 8192);
	sim_target_process(t);
	send_h2c(t, 1, 1, 4096, 4096, 0);
	sim_target_process(t);
	expect_failed(t, "H2CData cid 1: offset 4096, expected 0");
}

static void test_h2c_zero_length_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_transport(t, 1, 4096);
	sim_target_process(t);
	send_h2c(t, 1, 1, 0, 0, 0);
	sim_target_process(t);
	expect_failed(t, "H2CData cid 1 offset 0: data_length 0");
}

static void test_h2c_over_maxh2cdata_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	reinit(f, 8192, 4096, 0, 0);
	send_write_transport(t, 1, 8192);
	sim_target_process(t);
	send_h2c(t, 1, 1, 0, 4097, 0);
	sim_target_process(t);
	expect_failed(t, "H2CData cid 1 offset 0: data_length 4097 > maxh2cdata 4096");
}

static void test_h2c_maxh2cdata_zero_means_no_limit(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	reinit(f, 8192, 0, 0, 0);
	send_write_transport(t, 1, 65536);
	sim_target_process(t);
	send_h2c(t, 1, 1, 0, 65536, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_ok(t);
	expect_r2t(t, 1, 1, 0, 65536);
	expect_rsp(t, 1);
}

static void test_h2c_overrunning_r2t_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	reinit(f, 8192, 16384, 4096, 0);
	send_write_transport(t, 1, 8192);
	sim_target_process(t);
	send_h2c(t, 1, 1, 0, 8192, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_failed(t, "H2CData cid 1 offset 0: data_length 8192 overruns R2T ttag 1 (offset 0 len 4096)");
}

static void test_h2c_last_missing_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_transport(t, 1, 4096);
	sim_target_process(t);
	send_h2c(t, 1, 1, 0, 4096, 0);
	sim_target_process(t);
	expect_failed(t, "H2CData cid 1 offset 0: completes R2T ttag 1 but DATA_LAST is clear");
}

static void test_h2c_last_too_early_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_transport(t, 1, 4096);
	sim_target_process(t);
	send_h2c(t, 1, 1, 0, 1024, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_failed(t, "H2CData cid 1 offset 0: DATA_LAST set with 3072 bytes of R2T ttag 1 still due");
}

static void test_h2c_without_command_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_h2c(t, 6, 1, 0, 512, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_failed(t, "H2CData cid 6 offset 0: no command received with this cid");
}

static void test_h2c_cid_out_of_range_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_h2c(t, SIM_TARGET_CMDS_MAX, 1, 0, 512, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_failed(t, "H2CData cid 64: beyond the controller's 64 command slots");
}

/* ---- command slots ---- */

static void test_cmd_sent_twice_while_outstanding_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_transport(t, 3, 4096);
	send_write_transport(t, 3, 4096);
	assert_int_equal(sim_target_process(t), 1);
	expect_failed(t, "CapsuleCmd cid 3 sent twice while outstanding");
	assert_int_equal(t->cmds[3].cmds_seen, 2);
	/* the first command is left as it was */
	assert_int_equal(t->cmds[3].state, SIM_TCMD_WAIT_H2C);
}

static void test_cmd_cid_reused_after_answer_passes(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_incapsule(t, 3, 512);
	send_write_transport(t, 3, 1024);
	assert_int_equal(sim_target_process(t), 2);
	expect_ok(t);
	expect_rsp(t, 3);
	expect_r2t(t, 3, 1, 0, 1024);
	assert_int_equal(t->cmds[3].cmds_seen, 2);
	assert_int_equal(t->cmds[3].rcvd_bytes, 0);
	assert_int_equal(t->cmds[3].data_len, 1024);
}

static void test_cmd_cid_out_of_range_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_transport(t, 200, 4096);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 200: beyond the controller's 64 command slots");
}

static void test_cmd_unknown_opcode_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 1, 0x09, SIM_NVME_SGL_NULL, 0, 0);	/* dataset management */
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 1: opcode 0x09 not supported");
}

static void test_cmd_without_sgl_psdt_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;
	uint32_t len = build_cmd(1, SIM_NVME_OP_WRITE, SIM_NVME_SGL_TRANSPORT, 4096, 0);

	wire[9] = 0x00;			/* PRPs: meaningless over a fabric */
	host_send(t, wire, len);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 1: flags 0x00, expected PSDT SGL (0x40)");
}

/* ---- reads and flushes ---- */

static void test_read_sends_c2h_then_resp(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	reinit(f, 8192, 16384, 0, 4096);
	send_cmd(t, 2, SIM_NVME_OP_READ, SIM_NVME_SGL_TRANSPORT, 10000, 0);
	assert_int_equal(sim_target_process(t), 1);
	expect_ok(t);
	expect_c2h(t, 2, 0, 4096, 0);
	expect_c2h(t, 2, 4096, 4096, 0);
	expect_c2h(t, 2, 8192, 1808, SIM_PDU_F_DATA_LAST);
	expect_rsp(t, 2);
	assert_int_equal(sim_target_tx_pending(t), 0);
	assert_int_equal(t->pdus_sent, 4);
	assert_int_equal(t->cmds_completed, 1);
	assert_string_equal(describe(f, 2), "cid 2 READ: answered");
}

static void test_read_c2h_zero_means_one_pdu(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 2, SIM_NVME_OP_READ, SIM_NVME_SGL_TRANSPORT, 10000, 0);
	sim_target_process(t);
	expect_c2h(t, 2, 0, 10000, SIM_PDU_F_DATA_LAST);
	expect_rsp(t, 2);
}

static void test_read_waits_for_tx_room(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;
	uint32_t room;

	send_cmd(t, 1, SIM_NVME_OP_READ, SIM_NVME_SGL_TRANSPORT, 200000, 0);
	send_cmd(t, 2, SIM_NVME_OP_READ, SIM_NVME_SGL_TRANSPORT, 100000, 0);
	assert_int_equal(sim_target_process(t), 1);
	expect_ok(t);
	room = SIM_TARGET_TX_BYTES - sim_target_tx_pending(t);
	assert_true(room < 100000);
	/* the second command is parsed only once its whole answer fits */
	assert_int_equal(sim_target_rx_pending(t), 72);
	assert_int_equal(t->pdus_rcvd, 1);
	assert_int_equal(sim_target_process(t), 0);

	expect_c2h(t, 1, 0, 200000, SIM_PDU_F_DATA_LAST);
	expect_rsp(t, 1);
	assert_int_equal(sim_target_process(t), 1);
	expect_c2h(t, 2, 0, 100000, SIM_PDU_F_DATA_LAST);
	expect_rsp(t, 2);
}

static void test_read_larger_than_tx_queue_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 1, SIM_NVME_OP_READ, SIM_NVME_SGL_TRANSPORT, SIM_TARGET_TX_BYTES, 0);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 1 READ: 262144 bytes will not fit the controller's 262144-byte send queue");
}

static void test_read_needs_transport_sgl(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 1, SIM_NVME_OP_READ, SIM_NVME_SGL_INCAPSULE, 512, 512);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 1 READ: SGL type 0x01 len 512, expected a transport SGL with data");
}

static void test_read_zero_length_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 1, SIM_NVME_OP_READ, SIM_NVME_SGL_TRANSPORT, 0, 0);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 1 READ: SGL type 0x5a len 0, expected a transport SGL with data");
}

static void test_read_with_incapsule_data_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 1, SIM_NVME_OP_READ, SIM_NVME_SGL_TRANSPORT, 512, 64);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 1 READ: carries 64 bytes of in-capsule data");
}

static void test_flush_null_sgl_answers(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 4, SIM_NVME_OP_FLUSH, SIM_NVME_SGL_NULL, 0, 0);
	assert_int_equal(sim_target_process(t), 1);
	expect_ok(t);
	expect_rsp(t, 4);
	assert_string_equal(describe(f, 4), "cid 4 FLUSH: answered");
}

static void test_flush_linux_empty_transport_sgl_answers(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	/* what nvme_tcp_set_sg_null() puts in the SQE */
	send_cmd(t, 4, SIM_NVME_OP_FLUSH, SIM_NVME_SGL_TRANSPORT, 0, 0);
	sim_target_process(t);
	expect_ok(t);
	expect_rsp(t, 4);
}

static void test_flush_with_data_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 4, SIM_NVME_OP_FLUSH, SIM_NVME_SGL_TRANSPORT, 512, 0);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 4 FLUSH: SGL type 0x5a len 512, expected no data");
}

static void test_flush_with_incapsule_bytes_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_cmd(t, 4, SIM_NVME_OP_FLUSH, SIM_NVME_SGL_NULL, 0, 8);
	sim_target_process(t);
	expect_failed(t, "CapsuleCmd cid 4 FLUSH: carries 8 bytes of in-capsule data");
}

/* ---- PDUs the host must not send ---- */

static void test_unexpected_pdus_fail_by_name(void **state)
{
	struct target_fx *f = *state;
	struct sim_pdu p;

	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_R2T;
	p.hlen = p.plen = 24;
	p.u.r2t.cid = 1;
	p.u.r2t.ttag = 2;
	p.u.r2t.length = 512;
	send_hdr(f->t, &p);
	sim_target_process(f->t);
	expect_failed(f->t, "unexpected PDU from host: R2T cid 1 ttag 2 off 0 len 512 (sent only by a controller)");

	sim_target_init(f->t, &default_cfg);
	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_RSP;
	p.hlen = p.plen = 24;
	p.u.rsp.cid = 3;
	send_hdr(f->t, &p);
	sim_target_process(f->t);
	expect_failed(f->t, "unexpected PDU from host: CapsuleResp cid 3 status 0x0000 (sent only by a controller)");

	sim_target_init(f->t, &default_cfg);
	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_C2H_DATA;
	p.flags = SIM_PDU_F_DATA_LAST;
	p.hlen = p.pdo = 24;
	p.plen = 24 + 4;
	p.u.data.length = 4;
	send_hdr(f->t, &p);
	sim_target_process(f->t);
	expect_failed(f->t, "unexpected PDU from host: C2HData cid 0 off 0 len 4 LAST (sent only by a controller)");

	sim_target_init(f->t, &default_cfg);
	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_ICREQ;
	p.hlen = p.plen = 128;
	send_hdr(f->t, &p);
	sim_target_process(f->t);
	expect_failed(f->t, "unexpected PDU from host: ICReq pfv 0 hpda 0 digest 0x00 maxr2t 0 (connection already initialized)");

	sim_target_init(f->t, &default_cfg);
	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_H2C_TERM;
	p.hlen = p.plen = 24;
	p.u.term.fes = 1;
	send_hdr(f->t, &p);
	sim_target_process(f->t);
	expect_failed(f->t, "unexpected PDU from host: H2CTermReq fes 0x0001 fei 0x00000000 (host terminated the connection)");
}

static void test_malformed_header_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	build_cmd(1, SIM_NVME_OP_WRITE, SIM_NVME_SGL_TRANSPORT, 4096, 0);
	wire[1] = SIM_PDU_F_HDGST;
	host_send(t, wire, 8);		/* judged from the common header alone */
	assert_int_equal(sim_target_process(t), 0);
	expect_failed(t, "malformed PDU header: CapsuleCmd: header digest not negotiated");
	assert_int_equal(t->pdus_rcvd, 0);
}

static void test_garbage_type_fails(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;
	static const uint8_t junk[8] = { 0x08, 0, 24, 0, 24, 0, 0, 0 };

	host_send(t, junk, sizeof(junk));
	sim_target_process(t);
	expect_failed(t, "malformed PDU header: unknown PDU type 0x08");
}

static void test_failed_target_stops_processing(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_h2c(t, 6, 1, 0, 512, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	assert_true(t->failed);
	strcpy(f->text, t->error);

	send_write_incapsule(t, 1, 512);
	assert_int_equal(sim_target_process(t), 0);
	assert_int_equal(sim_target_rx_pending(t), 512 + 512 + 72);
	assert_int_equal(t->pdus_rcvd, 1);
	assert_int_equal(sim_target_tx_pending(t), 0);
	/* the first violation stays the reported one */
	assert_string_equal(t->error, f->text);
}

static void test_process_counts_completed_pdus(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	send_write_incapsule(t, 1, 100);
	send_write_transport(t, 2, 100);
	send_cmd(t, 3, SIM_NVME_OP_FLUSH, SIM_NVME_SGL_NULL, 0, 0);
	send_cmd(t, 4, SIM_NVME_OP_READ, SIM_NVME_SGL_TRANSPORT, 100, 0);
	assert_int_equal(sim_target_process(t), 4);
	send_h2c(t, 2, 1, 0, 100, SIM_PDU_F_DATA_LAST);
	assert_int_equal(sim_target_process(t), 1);
	assert_int_equal(sim_target_process(t), 0);
	expect_ok(t);
	assert_int_equal(t->cmds_completed, 4);
	assert_int_equal(t->pdus_rcvd, 5);
	assert_int_equal(t->pdus_sent, 6);	/* 4 resps, 1 R2T, 1 C2HData */
}

/* ---- log and describe ---- */

static void test_log_names_each_pdu(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	t->log = capture_log;
	t->log_arg = f;
	reinit(f, 8192, 16384, 0, 0);
	assert_null(t->log);		/* init clears it: set the log after init */
	t->log = capture_log;
	t->log_arg = f;

	send_write_transport(t, 1, 8192);
	sim_target_process(t);
	send_h2c(t, 1, 1, 0, 8192, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	send_h2c(t, 1, 1, 0, 8192, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);

	assert_int_equal(f->log_lines, 6);
	assert_string_equal(f->log[0], "rx CapsuleCmd cid 1 WRITE len 8192 sgl transport");
	assert_string_equal(f->log[1], "tx R2T cid 1 ttag 1 off 0 len 8192");
	assert_string_equal(f->log[2], "rx H2CData cid 1 ttag 1 off 0 len 8192 LAST");
	assert_string_equal(f->log[3], "tx CapsuleResp cid 1 status 0x0000");
	assert_string_equal(f->log[4], "rx H2CData cid 1 ttag 1 off 0 len 8192 LAST");
	assert_string_equal(f->log[5],
			    "violation: H2CData cid 1 offset 0 repeats data already received (PDU sent twice?)");
}

static void test_log_null_is_silent(void **state)
{
	struct target_fx *f = *state;
	struct sim_target *t = f->t;

	t->log_arg = f;			/* a log_arg alone must not be called through */
	send_write_transport(t, 1, 512);
	send_h2c(t, 1, 1, 0, 512, SIM_PDU_F_DATA_LAST);
	sim_target_process(t);
	expect_ok(t);
	assert_int_equal(f->log_lines, 0);
}

static void test_describe_out_of_range_cid(void **state)
{
	struct target_fx *f = *state;

	assert_string_equal(describe(f, 64), "cid 64: beyond the controller's 64 command slots");
	assert_string_equal(describe(f, 63), "cid 63: no command received");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_init_starts_idle),
		T(test_init_resets_a_used_target),
		T(test_rx_room_shrinks_and_recovers),
		T(test_tx_take_partial_keeps_the_rest),
		T(test_rx_ring_wraps_under_load),
		T(test_tx_ring_wraps_under_load),
		T(test_write_incapsule_answers_with_resp),
		T(test_write_incapsule_streams_payload),
		T(test_write_incapsule_bad_byte_names_cid_and_offset),
		T(test_write_incapsule_over_ioccsz_fails),
		T(test_write_incapsule_at_ioccsz_passes),
		T(test_write_incapsule_length_mismatch_fails),
		T(test_write_incapsule_zero_bytes_fails),
		T(test_write_incapsule_nonzero_offset_fails),
		T(test_write_transport_sends_r2t_for_all),
		T(test_write_transport_completes_after_h2c),
		T(test_write_transport_splits_into_r2ts),
		T(test_write_transport_zero_bytes_fails),
		T(test_write_transport_with_incapsule_data_fails),
		T(test_write_with_null_sgl_fails),
		T(test_ttag_skips_zero_when_it_wraps),
		T(test_h2c_streams_payload_and_checks_bytes),
		T(test_h2c_byte_by_byte_matches_one_piece),
		T(test_h2c_sent_twice_reports_repeat),
		T(test_h2c_sent_twice_after_answer_reports_repeat),
		T(test_h2c_repeat_of_older_r2t_reports_repeat),
		T(test_h2c_beyond_answered_write_fails),
		T(test_h2c_for_a_read_fails),
		T(test_h2c_wrong_ttag_fails),
		T(test_h2c_offset_gap_fails),
		T(test_h2c_zero_length_fails),
		T(test_h2c_over_maxh2cdata_fails),
		T(test_h2c_maxh2cdata_zero_means_no_limit),
		T(test_h2c_overrunning_r2t_fails),
		T(test_h2c_last_missing_fails),
		T(test_h2c_last_too_early_fails),
		T(test_h2c_without_command_fails),
		T(test_h2c_cid_out_of_range_fails),
		T(test_cmd_sent_twice_while_outstanding_fails),
		T(test_cmd_cid_reused_after_answer_passes),
		T(test_cmd_cid_out_of_range_fails),
		T(test_cmd_unknown_opcode_fails),
		T(test_cmd_without_sgl_psdt_fails),
		T(test_read_sends_c2h_then_resp),
		T(test_read_c2h_zero_means_one_pdu),
		T(test_read_waits_for_tx_room),
		T(test_read_larger_than_tx_queue_fails),
		T(test_read_needs_transport_sgl),
		T(test_read_zero_length_fails),
		T(test_read_with_incapsule_data_fails),
		T(test_flush_null_sgl_answers),
		T(test_flush_linux_empty_transport_sgl_answers),
		T(test_flush_with_data_fails),
		T(test_flush_with_incapsule_bytes_fails),
		T(test_unexpected_pdus_fail_by_name),
		T(test_malformed_header_fails),
		T(test_garbage_type_fails),
		T(test_failed_target_stops_processing),
		T(test_process_counts_completed_pdus),
		T(test_log_names_each_pdu),
		T(test_log_null_is_silent),
		T(test_describe_out_of_range_cid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
