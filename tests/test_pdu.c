/* cmocka tests for the PDU codec: spec byte layouts, round trips, malformed headers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pdu.h"

struct pdu_fx {
	uint8_t buf[256];
	uint8_t again[256];
	char err[128];
	char text[160];
	struct sim_pdu pdu;
	struct sim_pdu back;
};

static int fx_setup(void **state)
{
	struct pdu_fx *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	/* garbage, so a field the codec forgets to write shows up */
	memset(f->buf, 0xa5, sizeof(f->buf));
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	free(*state);
	return 0;
}

/* ---- hand-built PDUs, byte by byte from the spec's figures ---- */

static const uint8_t cmd_bytes[72] = {
	0x04, 0x00, 0x48, 0x48,		/* CapsuleCmd, no flags, hlen 72, pdo 72 */
	0x48, 0x10, 0x00, 0x00,		/* plen 72 + 4096 */
	0x01, 0x40, 0x34, 0x12,		/* WRITE, PSDT SGL, cid 0x1234 */
	0x01, 0x00, 0x00, 0x00,		/* nsid 1 */
	0, 0, 0, 0, 0, 0, 0, 0,		/* cdw2, cdw3 */
	0, 0, 0, 0, 0, 0, 0, 0,		/* mptr */
	0x88, 0x77, 0x66, 0x55,		/* sgl address 0x1122334455667788 */
	0x44, 0x33, 0x22, 0x11,
	0x00, 0x10, 0x00, 0x00,		/* sgl length 4096 */
	0x00, 0x00, 0x00, 0x01,		/* reserved, sgl type in-capsule */
	0xef, 0xcd, 0xab, 0x89,		/* cdw10: slba low */
	0x67, 0x45, 0x23, 0x01,		/* cdw11: slba high */
	0x07, 0x00, 0x00, 0x00,		/* cdw12: nlb 7 (8 blocks) */
	0, 0, 0, 0, 0, 0, 0, 0,		/* cdw13 .. cdw15 */
	0, 0, 0, 0,
};

static const uint8_t rsp_bytes[24] = {
	0x05, 0x00, 0x18, 0x00,		/* CapsuleResp, hlen 24, pdo 0 */
	0x18, 0x00, 0x00, 0x00,		/* plen 24 */
	0x01, 0x02, 0x03, 0x04,		/* result 0x0807060504030201 */
	0x05, 0x06, 0x07, 0x08,
	0x09, 0x0a,			/* sq head 0x0a09 */
	0x0b, 0x0c,			/* sq id 0x0c0b */
	0x0d, 0x0e,			/* cid 0x0e0d */
	0x03, 0x40,			/* status 0x4003 */
};

static const uint8_t h2c_bytes[24] = {
	0x06, 0x04, 0x18, 0x18,		/* H2CData, LAST, hlen 24, pdo 24 */
	0x18, 0x10, 0x00, 0x00,		/* plen 24 + 4096 */
	0x01, 0x02,			/* cid 0x0201 */
	0x03, 0x04,			/* ttag 0x0403 */
	0x00, 0x20, 0x00, 0x00,		/* data offset 8192 */
	0x00, 0x10, 0x00, 0x00,		/* data length 4096 */
	0x00, 0x00, 0x00, 0x00,
};

static const uint8_t c2h_bytes[24] = {
	0x07, 0x0c, 0x18, 0x18,		/* C2HData, LAST|SUCCESS, hlen 24, pdo 24 */
	0x18, 0x02, 0x00, 0x00,		/* plen 24 + 512 */
	0x05, 0x00,			/* cid 5 */
	0x00, 0x00,			/* reserved */
	0x00, 0x00, 0x01, 0x00,		/* data offset 65536 */
	0x00, 0x02, 0x00, 0x00,		/* data length 512 */
	0x00, 0x00, 0x00, 0x00,
};

static const uint8_t r2t_bytes[24] = {
	0x09, 0x00, 0x18, 0x00,		/* R2T, hlen 24, pdo 0 */
	0x18, 0x00, 0x00, 0x00,		/* plen 24 */
	0x07, 0x00,			/* cid 7 */
	0xef, 0xbe,			/* ttag 0xbeef */
	0x78, 0x56, 0x34, 0x12,		/* r2t offset 0x12345678 */
	0xbc, 0x9a, 0x00, 0x00,		/* r2t length 0x9abc */
	0x00, 0x00, 0x00, 0x00,
};

/* ICReq and ICResp are 128 bytes; only the first 16 carry anything */
static const uint8_t icreq_head[16] = {
	0x00, 0x00, 0x80, 0x00,		/* ICReq, hlen 128, pdo 0 */
	0x80, 0x00, 0x00, 0x00,		/* plen 128 */
	0x00, 0x00,			/* pfv 0 */
	0x03,				/* hpda 3 */
	0x02,				/* digest: DDGST wanted */
	0x10, 0x00, 0x00, 0x00,		/* maxr2t 16 */
};

static const uint8_t icresp_head[16] = {
	0x01, 0x00, 0x80, 0x00,		/* ICResp, hlen 128, pdo 0 */
	0x80, 0x00, 0x00, 0x00,		/* plen 128 */
	0x01, 0x00,			/* pfv 1 */
	0x02,				/* cpda 2 */
	0x01,				/* digest: HDGST granted */
	0x00, 0x00, 0x02, 0x00,		/* maxh2cdata 131072 */
};

static const uint8_t h2c_term_bytes[24] = {
	0x02, 0x00, 0x18, 0x00,		/* H2CTermReq, hlen 24, pdo 0 */
	0x60, 0x00, 0x00, 0x00,		/* plen 24 + the 72-byte header it rejects */
	0x02, 0x00,			/* fes: PDU sequence error */
	0x10, 0x32, 0x54, 0x76,		/* fei 0x76543210 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static void fill_cmd(struct sim_pdu *p)
{
	memset(p, 0, sizeof(*p));
	p->type = SIM_PDU_CMD;
	p->hlen = SIM_PDU_CMD_BYTES;
	p->pdo = SIM_PDU_CMD_BYTES;
	p->plen = SIM_PDU_CMD_BYTES + 4096;
	p->u.cmd.opcode = SIM_NVME_OP_WRITE;
	p->u.cmd.flags = SIM_NVME_PSDT_SGL;
	p->u.cmd.cid = 0x1234;
	p->u.cmd.nsid = 1;
	p->u.cmd.sgl_addr = 0x1122334455667788ull;
	p->u.cmd.sgl_len = 4096;
	p->u.cmd.sgl_type = SIM_NVME_SGL_INCAPSULE;
	p->u.cmd.slba = 0x0123456789abcdefull;
	p->u.cmd.nlb = 7;
}

static void fill_data(struct sim_pdu *p, uint8_t type, uint16_t cid, uint32_t off,
		      uint32_t len, uint8_t flags)
{
	memset(p, 0, sizeof(*p));
	p->type = type;
	p->flags = flags;
	p->hlen = SIM_PDU_DATA_BYTES;
	p->pdo = SIM_PDU_DATA_BYTES;
	p->plen = SIM_PDU_DATA_BYTES + len;
	p->u.data.cid = cid;
	p->u.data.offset = off;
	p->u.data.length = len;
}

static void fill_r2t(struct sim_pdu *p)
{
	memset(p, 0, sizeof(*p));
	p->type = SIM_PDU_R2T;
	p->hlen = SIM_PDU_R2T_BYTES;
	p->plen = SIM_PDU_R2T_BYTES;
	p->u.r2t.cid = 7;
	p->u.r2t.ttag = 0xbeef;
	p->u.r2t.offset = 0x12345678;
	p->u.r2t.length = 0x9abc;
}

static enum sim_pdu_status decode(struct pdu_fx *f, size_t len)
{
	f->err[0] = '\0';
	return sim_pdu_decode(f->buf, len, &f->pdu, f->err, sizeof(f->err));
}

static void assert_bad(struct pdu_fx *f, size_t len, const char *want)
{
	assert_int_equal(decode(f, len), SIM_PDU_BAD);
	assert_string_equal(f->err, want);
}

/* Decoding and encoding again must give the same bytes, for every field. */
static void assert_round_trip(struct pdu_fx *f, size_t hlen)
{
	assert_int_equal(decode(f, hlen), SIM_PDU_OK);
	memset(f->again, 0x5a, sizeof(f->again));
	assert_int_equal(sim_pdu_encode(&f->pdu, f->again), hlen);
	assert_memory_equal(f->again, f->buf, hlen);
}

/* ---- encode: exact bytes ---- */

static void test_encode_cmd_matches_spec_bytes(void **state)
{
	struct pdu_fx *f = *state;
	struct sim_pdu p;

	fill_cmd(&p);
	assert_int_equal(sim_pdu_encode(&p, f->buf), 72);
	assert_memory_equal(f->buf, cmd_bytes, sizeof(cmd_bytes));
	assert_int_equal(f->buf[72], 0xa5);	/* nothing past hlen */
}

static void test_encode_rsp_matches_spec_bytes(void **state)
{
	struct pdu_fx *f = *state;
	struct sim_pdu p;

	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_RSP;
	p.hlen = SIM_PDU_RSP_BYTES;
	p.plen = SIM_PDU_RSP_BYTES;
	p.u.rsp.result = 0x0807060504030201ull;
	p.u.rsp.sqhd = 0x0a09;
	p.u.rsp.sqid = 0x0c0b;
	p.u.rsp.cid = 0x0e0d;
	p.u.rsp.status = 0x4003;
	assert_int_equal(sim_pdu_encode(&p, f->buf), 24);
	assert_memory_equal(f->buf, rsp_bytes, sizeof(rsp_bytes));
	assert_int_equal(f->buf[24], 0xa5);
}

static void test_encode_h2c_matches_spec_bytes(void **state)
{
	struct pdu_fx *f = *state;
	struct sim_pdu p;

	fill_data(&p, SIM_PDU_H2C_DATA, 0x0201, 8192, 4096, SIM_PDU_F_DATA_LAST);
	p.u.data.ttag = 0x0403;
	assert_int_equal(sim_pdu_encode(&p, f->buf), 24);
	assert_memory_equal(f->buf, h2c_bytes, sizeof(h2c_bytes));
}

static void test_encode_c2h_matches_spec_bytes(void **state)
{
	struct pdu_fx *f = *state;
	struct sim_pdu p;

	fill_data(&p, SIM_PDU_C2H_DATA, 5, 65536, 512,
		  SIM_PDU_F_DATA_LAST | SIM_PDU_F_DATA_SUCCESS);
	assert_int_equal(sim_pdu_encode(&p, f->buf), 24);
	assert_memory_equal(f->buf, c2h_bytes, sizeof(c2h_bytes));
}

static void test_encode_r2t_matches_spec_bytes(void **state)
{
	struct pdu_fx *f = *state;
	struct sim_pdu p;

	fill_r2t(&p);
	assert_int_equal(sim_pdu_encode(&p, f->buf), 24);
	assert_memory_equal(f->buf, r2t_bytes, sizeof(r2t_bytes));
}

static void test_encode_icreq_matches_spec_bytes(void **state)
{
	struct pdu_fx *f = *state;
	struct sim_pdu p;
	size_t i;

	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_ICREQ;
	p.hlen = SIM_PDU_ICREQ_BYTES;
	p.plen = SIM_PDU_ICREQ_BYTES;
	p.u.ic.hpda = 3;
	p.u.ic.digest = SIM_PDU_F_DDGST;
	p.u.ic.maxr2t = 16;
	p.u.ic.cpda = 9;		/* ICResp's field: must not leak into an ICReq */
	p.u.ic.maxh2cdata = 0xffff;
	assert_int_equal(sim_pdu_encode(&p, f->buf), 128);
	assert_memory_equal(f->buf, icreq_head, sizeof(icreq_head));
	for (i = sizeof(icreq_head); i < 128; i++)
		assert_int_equal(f->buf[i], 0);
}

static void test_encode_icresp_matches_spec_bytes(void **state)
{
	struct pdu_fx *f = *state;
	struct sim_pdu p;
	size_t i;

	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_ICRESP;
	p.hlen = SIM_PDU_ICRESP_BYTES;
	p.plen = SIM_PDU_ICRESP_BYTES;
	p.u.ic.pfv = 1;
	p.u.ic.cpda = 2;
	p.u.ic.digest = SIM_PDU_F_HDGST;
	p.u.ic.maxh2cdata = 131072;
	p.u.ic.hpda = 9;
	p.u.ic.maxr2t = 0xffff;
	assert_int_equal(sim_pdu_encode(&p, f->buf), 128);
	assert_memory_equal(f->buf, icresp_head, sizeof(icresp_head));
	for (i = sizeof(icresp_head); i < 128; i++)
		assert_int_equal(f->buf[i], 0);
}

static void test_encode_term_matches_spec_bytes(void **state)
{
	struct pdu_fx *f = *state;
	struct sim_pdu p;

	memset(&p, 0, sizeof(p));
	p.type = SIM_PDU_H2C_TERM;
	p.hlen = 24;
	p.plen = 96;
	p.u.term.fes = 2;
	p.u.term.fei = 0x76543210;
	assert_int_equal(sim_pdu_encode(&p, f->buf), 24);
	assert_memory_equal(f->buf, h2c_term_bytes, sizeof(h2c_term_bytes));
}

/* ---- decode: fields from exact bytes ---- */

static void test_decode_cmd_reads_spec_offsets(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, cmd_bytes, sizeof(cmd_bytes));
	assert_int_equal(decode(f, sizeof(cmd_bytes)), SIM_PDU_OK);
	assert_int_equal(f->pdu.type, SIM_PDU_CMD);
	assert_int_equal(f->pdu.flags, 0);
	assert_int_equal(f->pdu.hlen, 72);
	assert_int_equal(f->pdu.pdo, 72);
	assert_int_equal(f->pdu.plen, 72 + 4096);
	assert_int_equal(f->pdu.u.cmd.opcode, SIM_NVME_OP_WRITE);
	assert_int_equal(f->pdu.u.cmd.flags, SIM_NVME_PSDT_SGL);
	assert_int_equal(f->pdu.u.cmd.cid, 0x1234);
	assert_int_equal(f->pdu.u.cmd.nsid, 1);
	assert_true(f->pdu.u.cmd.sgl_addr == 0x1122334455667788ull);
	assert_int_equal(f->pdu.u.cmd.sgl_len, 4096);
	assert_int_equal(f->pdu.u.cmd.sgl_type, SIM_NVME_SGL_INCAPSULE);
	assert_true(f->pdu.u.cmd.slba == 0x0123456789abcdefull);
	assert_int_equal(f->pdu.u.cmd.nlb, 7);
	assert_string_equal(f->err, "");
}

static void test_decode_cmd_nlb_ignores_cdw12_high_bits(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, cmd_bytes, sizeof(cmd_bytes));
	f->buf[58] = 0x00;
	f->buf[59] = 0x40;		/* FUA lives in cdw12's high half */
	assert_int_equal(decode(f, sizeof(cmd_bytes)), SIM_PDU_OK);
	assert_int_equal(f->pdu.u.cmd.nlb, 7);
}

static void test_decode_rsp_reads_spec_offsets(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, rsp_bytes, sizeof(rsp_bytes));
	assert_int_equal(decode(f, sizeof(rsp_bytes)), SIM_PDU_OK);
	assert_int_equal(f->pdu.type, SIM_PDU_RSP);
	assert_int_equal(f->pdu.plen, 24);
	assert_true(f->pdu.u.rsp.result == 0x0807060504030201ull);
	assert_int_equal(f->pdu.u.rsp.sqhd, 0x0a09);
	assert_int_equal(f->pdu.u.rsp.sqid, 0x0c0b);
	assert_int_equal(f->pdu.u.rsp.cid, 0x0e0d);
	assert_int_equal(f->pdu.u.rsp.status, 0x4003);
}

static void test_decode_h2c_reads_spec_offsets(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, h2c_bytes, sizeof(h2c_bytes));
	assert_int_equal(decode(f, sizeof(h2c_bytes)), SIM_PDU_OK);
	assert_int_equal(f->pdu.type, SIM_PDU_H2C_DATA);
	assert_int_equal(f->pdu.flags, SIM_PDU_F_DATA_LAST);
	assert_int_equal(f->pdu.pdo, 24);
	assert_int_equal(f->pdu.plen, 24 + 4096);
	assert_int_equal(f->pdu.u.data.cid, 0x0201);
	assert_int_equal(f->pdu.u.data.ttag, 0x0403);
	assert_int_equal(f->pdu.u.data.offset, 8192);
	assert_int_equal(f->pdu.u.data.length, 4096);
}

static void test_decode_c2h_reads_spec_offsets(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, c2h_bytes, sizeof(c2h_bytes));
	assert_int_equal(decode(f, sizeof(c2h_bytes)), SIM_PDU_OK);
	assert_int_equal(f->pdu.type, SIM_PDU_C2H_DATA);
	assert_int_equal(f->pdu.flags, SIM_PDU_F_DATA_LAST | SIM_PDU_F_DATA_SUCCESS);
	assert_int_equal(f->pdu.u.data.cid, 5);
	assert_int_equal(f->pdu.u.data.ttag, 0);
	assert_int_equal(f->pdu.u.data.offset, 65536);
	assert_int_equal(f->pdu.u.data.length, 512);
}

static void test_decode_r2t_reads_spec_offsets(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, r2t_bytes, sizeof(r2t_bytes));
	assert_int_equal(decode(f, sizeof(r2t_bytes)), SIM_PDU_OK);
	assert_int_equal(f->pdu.type, SIM_PDU_R2T);
	assert_int_equal(f->pdu.pdo, 0);
	assert_int_equal(f->pdu.u.r2t.cid, 7);
	assert_int_equal(f->pdu.u.r2t.ttag, 0xbeef);
	assert_int_equal(f->pdu.u.r2t.offset, 0x12345678);
	assert_int_equal(f->pdu.u.r2t.length, 0x9abc);
}

static void test_decode_icreq_reads_spec_offsets(void **state)
{
	struct pdu_fx *f = *state;

	memset(f->buf, 0, 128);
	memcpy(f->buf, icreq_head, sizeof(icreq_head));
	assert_int_equal(decode(f, 128), SIM_PDU_OK);
	assert_int_equal(f->pdu.type, SIM_PDU_ICREQ);
	assert_int_equal(f->pdu.plen, 128);
	assert_int_equal(f->pdu.u.ic.pfv, 0);
	assert_int_equal(f->pdu.u.ic.hpda, 3);
	assert_int_equal(f->pdu.u.ic.digest, SIM_PDU_F_DDGST);
	assert_int_equal(f->pdu.u.ic.maxr2t, 16);
	assert_int_equal(f->pdu.u.ic.cpda, 0);
	assert_int_equal(f->pdu.u.ic.maxh2cdata, 0);
}

static void test_decode_icresp_reads_spec_offsets(void **state)
{
	struct pdu_fx *f = *state;

	memset(f->buf, 0, 128);
	memcpy(f->buf, icresp_head, sizeof(icresp_head));
	assert_int_equal(decode(f, 128), SIM_PDU_OK);
	assert_int_equal(f->pdu.type, SIM_PDU_ICRESP);
	assert_int_equal(f->pdu.u.ic.pfv, 1);
	assert_int_equal(f->pdu.u.ic.cpda, 2);
	assert_int_equal(f->pdu.u.ic.digest, SIM_PDU_F_HDGST);
	assert_int_equal(f->pdu.u.ic.maxh2cdata, 131072);
	assert_int_equal(f->pdu.u.ic.hpda, 0);
	assert_int_equal(f->pdu.u.ic.maxr2t, 0);
}

static void test_decode_term_reads_header_only(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, h2c_term_bytes, sizeof(h2c_term_bytes));
	/* the 72 bytes of rejected header need not be present */
	assert_int_equal(decode(f, sizeof(h2c_term_bytes)), SIM_PDU_OK);
	assert_int_equal(f->pdu.type, SIM_PDU_H2C_TERM);
	assert_int_equal(f->pdu.plen, 96);
	assert_int_equal(f->pdu.u.term.fes, 2);
	assert_int_equal(f->pdu.u.term.fei, 0x76543210);

	f->buf[0] = SIM_PDU_C2H_TERM;
	assert_int_equal(decode(f, sizeof(h2c_term_bytes)), SIM_PDU_OK);
	assert_int_equal(f->pdu.type, SIM_PDU_C2H_TERM);
	assert_int_equal(f->pdu.u.term.fes, 2);
}

/* ---- round trips for every type ---- */

static void test_round_trip_every_type_keeps_bytes(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, cmd_bytes, sizeof(cmd_bytes));
	assert_round_trip(f, sizeof(cmd_bytes));
	memcpy(f->buf, rsp_bytes, sizeof(rsp_bytes));
	assert_round_trip(f, sizeof(rsp_bytes));
	memcpy(f->buf, h2c_bytes, sizeof(h2c_bytes));
	assert_round_trip(f, sizeof(h2c_bytes));
	memcpy(f->buf, c2h_bytes, sizeof(c2h_bytes));
	assert_round_trip(f, sizeof(c2h_bytes));
	memcpy(f->buf, r2t_bytes, sizeof(r2t_bytes));
	assert_round_trip(f, sizeof(r2t_bytes));
	memset(f->buf, 0, 128);
	memcpy(f->buf, icreq_head, sizeof(icreq_head));
	assert_round_trip(f, 128);
	memset(f->buf, 0, 128);
	memcpy(f->buf, icresp_head, sizeof(icresp_head));
	assert_round_trip(f, 128);
	memcpy(f->buf, h2c_term_bytes, sizeof(h2c_term_bytes));
	assert_round_trip(f, sizeof(h2c_term_bytes));
	f->buf[0] = SIM_PDU_C2H_TERM;
	assert_round_trip(f, sizeof(h2c_term_bytes));
}

static void test_round_trip_struct_keeps_fields(void **state)
{
	struct pdu_fx *f = *state;
	struct sim_pdu p;

	fill_cmd(&p);
	p.u.cmd.opcode = SIM_NVME_OP_READ;
	p.u.cmd.sgl_type = SIM_NVME_SGL_TRANSPORT;
	p.u.cmd.sgl_addr = 0;
	p.u.cmd.sgl_len = 0xfedcba98;
	p.u.cmd.nsid = 0xffffffff;
	p.u.cmd.cid = 0xffff;
	p.u.cmd.nlb = 0xffff;
	p.u.cmd.slba = 0xffffffffffffffffull;
	p.pdo = 0;
	p.plen = 72;
	sim_pdu_encode(&p, f->buf);
	assert_int_equal(decode(f, 72), SIM_PDU_OK);
	assert_int_equal(f->pdu.u.cmd.opcode, SIM_NVME_OP_READ);
	assert_int_equal(f->pdu.u.cmd.sgl_type, SIM_NVME_SGL_TRANSPORT);
	assert_int_equal(f->pdu.u.cmd.sgl_len, 0xfedcba98);
	assert_int_equal(f->pdu.u.cmd.nsid, 0xffffffff);
	assert_int_equal(f->pdu.u.cmd.cid, 0xffff);
	assert_int_equal(f->pdu.u.cmd.nlb, 0xffff);
	assert_true(f->pdu.u.cmd.slba == 0xffffffffffffffffull);
	assert_int_equal(f->pdu.plen, 72);
	assert_int_equal(f->pdu.pdo, 0);
}

/* ---- short buffers ---- */

static void test_decode_under_8_bytes_is_short(void **state)
{
	struct pdu_fx *f = *state;
	size_t len;

	memcpy(f->buf, r2t_bytes, sizeof(r2t_bytes));
	for (len = 0; len < 8; len++)
		assert_int_equal(decode(f, len), SIM_PDU_SHORT);
	/* even garbage: nothing can be judged before the common header is whole */
	memset(f->buf, 0xff, 8);
	assert_int_equal(decode(f, 7), SIM_PDU_SHORT);
}

static void test_decode_under_hlen_is_short(void **state)
{
	struct pdu_fx *f = *state;
	size_t len;

	memcpy(f->buf, cmd_bytes, sizeof(cmd_bytes));
	for (len = 8; len < 72; len++)
		assert_int_equal(decode(f, len), SIM_PDU_SHORT);
	assert_int_equal(decode(f, 72), SIM_PDU_OK);

	memset(f->buf, 0, 128);
	memcpy(f->buf, icreq_head, sizeof(icreq_head));
	assert_int_equal(decode(f, 127), SIM_PDU_SHORT);
	assert_int_equal(decode(f, 128), SIM_PDU_OK);

	memcpy(f->buf, h2c_bytes, sizeof(h2c_bytes));
	assert_int_equal(decode(f, 23), SIM_PDU_SHORT);
	/* the payload is not the decoder's business */
	assert_int_equal(decode(f, 24), SIM_PDU_OK);
}

static void test_decode_short_leaves_err_alone(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, cmd_bytes, sizeof(cmd_bytes));
	strcpy(f->err, "untouched");
	assert_int_equal(sim_pdu_decode(f->buf, 20, &f->pdu, f->err, sizeof(f->err)),
			 SIM_PDU_SHORT);
	assert_string_equal(f->err, "untouched");
}

/* ---- malformed headers ---- */

static void test_decode_unknown_type_is_bad(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, r2t_bytes, sizeof(r2t_bytes));
	f->buf[0] = 0x08;		/* the gap between C2HData and R2T */
	assert_bad(f, 8, "unknown PDU type 0x08");
	f->buf[0] = 0x0a;
	assert_bad(f, 24, "unknown PDU type 0x0a");
	f->buf[0] = 0xff;
	assert_bad(f, 24, "unknown PDU type 0xff");
}

static void test_decode_wrong_hlen_is_bad_with_8_bytes(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, cmd_bytes, sizeof(cmd_bytes));
	f->buf[2] = 24;
	assert_bad(f, 8, "CapsuleCmd: hlen 24 != 72");

	memcpy(f->buf, r2t_bytes, sizeof(r2t_bytes));
	f->buf[2] = 255;		/* absurd: must not wait for 255 bytes */
	assert_bad(f, 8, "R2T: hlen 255 != 24");

	memcpy(f->buf, h2c_bytes, sizeof(h2c_bytes));
	f->buf[2] = 28;			/* as if a header digest were there */
	assert_bad(f, 8, "H2CData: hlen 28 != 24");

	memset(f->buf, 0, 128);
	memcpy(f->buf, icreq_head, sizeof(icreq_head));
	f->buf[2] = 0;
	assert_bad(f, 8, "ICReq: hlen 0 != 128");
}

static void test_decode_digest_flags_are_bad(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, cmd_bytes, sizeof(cmd_bytes));
	f->buf[1] = SIM_PDU_F_HDGST;
	assert_bad(f, 8, "CapsuleCmd: header digest not negotiated");
	f->buf[1] = SIM_PDU_F_DDGST;
	assert_bad(f, 72, "CapsuleCmd: data digest not negotiated");

	memcpy(f->buf, h2c_bytes, sizeof(h2c_bytes));
	f->buf[1] = SIM_PDU_F_DATA_LAST | SIM_PDU_F_DDGST;
	assert_bad(f, 24, "H2CData: data digest not negotiated");
}

static void test_decode_reserved_flags_are_bad(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, cmd_bytes, sizeof(cmd_bytes));
	f->buf[1] = SIM_PDU_F_DATA_LAST;
	assert_bad(f, 72, "CapsuleCmd: reserved flags 0x04 set");

	memcpy(f->buf, h2c_bytes, sizeof(h2c_bytes));
	f->buf[1] = SIM_PDU_F_DATA_LAST | SIM_PDU_F_DATA_SUCCESS;
	assert_bad(f, 24, "H2CData: reserved flags 0x08 set");

	memcpy(f->buf, c2h_bytes, sizeof(c2h_bytes));
	f->buf[1] = SIM_PDU_F_DATA_SUCCESS;
	assert_bad(f, 24, "C2HData: SUCCESS flag without LAST");
	f->buf[1] = 0x80;
	assert_bad(f, 24, "C2HData: reserved flags 0x80 set");
}

static void test_decode_plen_below_hlen_is_bad(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, r2t_bytes, sizeof(r2t_bytes));
	f->buf[4] = 20;
	assert_bad(f, 8, "R2T: plen 20 < hlen 24");

	memcpy(f->buf, cmd_bytes, sizeof(cmd_bytes));
	f->buf[3] = 0;
	f->buf[4] = 71;
	f->buf[5] = 0;
	assert_bad(f, 8, "CapsuleCmd: plen 71 < hlen 72");
}

static void test_decode_plen_beyond_hlen_without_data_is_bad(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, r2t_bytes, sizeof(r2t_bytes));
	f->buf[4] = 48;
	assert_bad(f, 8, "R2T: plen 48 != hlen 24");

	memcpy(f->buf, rsp_bytes, sizeof(rsp_bytes));
	f->buf[4] = 25;
	assert_bad(f, 24, "CapsuleResp: plen 25 != hlen 24");

	memset(f->buf, 0, 128);
	memcpy(f->buf, icresp_head, sizeof(icresp_head));
	f->buf[5] = 1;
	assert_bad(f, 8, "ICResp: plen 384 != hlen 128");
}

static void test_decode_data_plen_mismatch_is_bad(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, h2c_bytes, sizeof(h2c_bytes));
	f->buf[4] = 100;
	f->buf[5] = 0;
	/* 8 bytes cannot tell: data_length is beyond them */
	assert_int_equal(decode(f, 8), SIM_PDU_SHORT);
	assert_bad(f, 24, "H2CData: plen 100 != hlen 24 + data_length 4096");

	/* the largest data_length a 32-bit plen can carry, and one past it */
	memcpy(f->buf, c2h_bytes, sizeof(c2h_bytes));
	memset(f->buf + 4, 0xff, 4);		/* plen 0xffffffff */
	memset(f->buf + 16, 0xff, 4);		/* data_length 0xffffffff */
	assert_bad(f, 24, "C2HData: plen 4294967295 != hlen 24 + data_length 4294967295");
	f->buf[16] = 0xe7;			/* 0xffffffe7 + 24 == 0xffffffff */
	assert_int_equal(decode(f, 24), SIM_PDU_OK);
	assert_int_equal(f->pdu.u.data.length, 0xffffffe7u);
}

static void test_decode_pdo_outside_pdu_is_bad(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, h2c_bytes, sizeof(h2c_bytes));
	f->buf[3] = 10;
	assert_bad(f, 8, "H2CData: pdo 10 outside hlen 24 .. plen 4120");

	memcpy(f->buf, cmd_bytes, sizeof(cmd_bytes));
	f->buf[3] = 200;
	f->buf[4] = 100;
	f->buf[5] = 0;
	assert_bad(f, 8, "CapsuleCmd: pdo 200 outside hlen 72 .. plen 100");
}

static void test_decode_pdo_inconsistent_is_bad(void **state)
{
	struct pdu_fx *f = *state;

	/* in-capsule data but pdo 0 */
	memcpy(f->buf, cmd_bytes, sizeof(cmd_bytes));
	f->buf[3] = 0;
	assert_bad(f, 8, "CapsuleCmd: pdo 0 != hlen 72 with 4096 bytes of in-capsule data");

	/* data starting past the header: padding nobody negotiated */
	f->buf[3] = 80;
	assert_bad(f, 8, "CapsuleCmd: pdo 80 != hlen 72 with 4096 bytes of in-capsule data");

	/* no data but a pdo */
	f->buf[3] = 72;
	f->buf[4] = 72;
	f->buf[5] = 0;
	assert_bad(f, 8, "CapsuleCmd: pdo 72 without in-capsule data");

	memcpy(f->buf, h2c_bytes, sizeof(h2c_bytes));
	f->buf[3] = 0;
	assert_bad(f, 8, "H2CData: pdo 0 != hlen 24 with data");
	f->buf[3] = 32;
	assert_bad(f, 8, "H2CData: pdo 32 != hlen 24 with data");

	memcpy(f->buf, r2t_bytes, sizeof(r2t_bytes));
	f->buf[3] = 24;
	assert_bad(f, 8, "R2T: pdo 24 without data");
}

static void test_decode_cmd_without_data_pdo_0_is_ok(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, cmd_bytes, sizeof(cmd_bytes));
	f->buf[3] = 0;
	f->buf[4] = 72;
	f->buf[5] = 0;
	assert_int_equal(decode(f, 72), SIM_PDU_OK);
	assert_int_equal(f->pdu.plen, 72);
	assert_int_equal(f->pdu.pdo, 0);
}

static void test_decode_term_plen_over_152_is_bad(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, h2c_term_bytes, sizeof(h2c_term_bytes));
	f->buf[4] = 152;
	assert_int_equal(decode(f, 24), SIM_PDU_OK);
	f->buf[4] = 153;
	assert_bad(f, 8, "H2CTermReq: plen 153 > 152");
}

static void test_decode_bad_without_err_buffer_still_bad(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, r2t_bytes, sizeof(r2t_bytes));
	f->buf[0] = 0x42;
	assert_int_equal(sim_pdu_decode(f->buf, 24, &f->pdu, NULL, 0), SIM_PDU_BAD);
}

static void test_decode_err_is_truncated_to_errlen(void **state)
{
	struct pdu_fx *f = *state;

	memcpy(f->buf, h2c_bytes, sizeof(h2c_bytes));
	f->buf[4] = 100;
	f->buf[5] = 0;
	memset(f->err, 'x', sizeof(f->err));
	assert_int_equal(sim_pdu_decode(f->buf, 24, &f->pdu, f->err, 8), SIM_PDU_BAD);
	assert_string_equal(f->err, "H2CData");
	assert_int_equal(f->err[8], 'x');
}

/* ---- names and descriptions ---- */

static void test_type_name_names_every_type(void **state)
{
	(void)state;
	assert_string_equal(sim_pdu_type_name(SIM_PDU_ICREQ), "ICReq");
	assert_string_equal(sim_pdu_type_name(SIM_PDU_ICRESP), "ICResp");
	assert_string_equal(sim_pdu_type_name(SIM_PDU_H2C_TERM), "H2CTermReq");
	assert_string_equal(sim_pdu_type_name(SIM_PDU_C2H_TERM), "C2HTermReq");
	assert_string_equal(sim_pdu_type_name(SIM_PDU_CMD), "CapsuleCmd");
	assert_string_equal(sim_pdu_type_name(SIM_PDU_RSP), "CapsuleResp");
	assert_string_equal(sim_pdu_type_name(SIM_PDU_H2C_DATA), "H2CData");
	assert_string_equal(sim_pdu_type_name(SIM_PDU_C2H_DATA), "C2HData");
	assert_string_equal(sim_pdu_type_name(SIM_PDU_R2T), "R2T");
}

static void test_type_name_unknown_is_hex_and_stable(void **state)
{
	const char *a = sim_pdu_type_name(0x08);
	const char *b = sim_pdu_type_name(0xab);

	(void)state;
	/* both alive at once: no shared static buffer */
	assert_string_equal(a, "type 0x08");
	assert_string_equal(b, "type 0xab");
	assert_string_equal(sim_pdu_type_name(0xff), "type 0xff");
	assert_string_equal(sim_pdu_type_name(0x0a), "type 0x0a");
}

static void test_hlen_of_gives_spec_sizes(void **state)
{
	(void)state;
	assert_int_equal(sim_pdu_hlen_of(SIM_PDU_ICREQ), 128);
	assert_int_equal(sim_pdu_hlen_of(SIM_PDU_ICRESP), 128);
	assert_int_equal(sim_pdu_hlen_of(SIM_PDU_H2C_TERM), 24);
	assert_int_equal(sim_pdu_hlen_of(SIM_PDU_C2H_TERM), 24);
	assert_int_equal(sim_pdu_hlen_of(SIM_PDU_CMD), 72);
	assert_int_equal(sim_pdu_hlen_of(SIM_PDU_RSP), 24);
	assert_int_equal(sim_pdu_hlen_of(SIM_PDU_H2C_DATA), 24);
	assert_int_equal(sim_pdu_hlen_of(SIM_PDU_C2H_DATA), 24);
	assert_int_equal(sim_pdu_hlen_of(SIM_PDU_R2T), 24);
	assert_int_equal(sim_pdu_hlen_of(0x08), 0);
	assert_int_equal(sim_pdu_hlen_of(0xff), 0);
}

static void test_describe_names_each_pdu(void **state)
{
	struct pdu_fx *f = *state;
	struct sim_pdu p;

	fill_cmd(&p);
	sim_pdu_describe(&p, f->text, sizeof(f->text));
	assert_string_equal(f->text, "CapsuleCmd cid 4660 WRITE len 4096 sgl incapsule");
	p.u.cmd.opcode = SIM_NVME_OP_READ;
	p.u.cmd.sgl_type = SIM_NVME_SGL_TRANSPORT;
	p.u.cmd.cid = 1;
	p.u.cmd.sgl_len = 8192;
	sim_pdu_describe(&p, f->text, sizeof(f->text));
	assert_string_equal(f->text, "CapsuleCmd cid 1 READ len 8192 sgl transport");
	p.u.cmd.opcode = SIM_NVME_OP_FLUSH;
	p.u.cmd.sgl_type = SIM_NVME_SGL_NULL;
	p.u.cmd.sgl_len = 0;
	sim_pdu_describe(&p, f->text, sizeof(f->text));
	assert_string_equal(f->text, "CapsuleCmd cid 1 FLUSH len 0 sgl null");
	p.u.cmd.opcode = 0x99;
	p.u.cmd.sgl_type = 0x33;
	sim_pdu_describe(&p, f->text, sizeof(f->text));
	assert_string_equal(f->text, "CapsuleCmd cid 1 op 0x99 len 0 sgl 0x33");

	fill_data(&p, SIM_PDU_H2C_DATA, 1, 0, 4096, SIM_PDU_F_DATA_LAST);
	p.u.data.ttag = 1;
	sim_pdu_describe(&p, f->text, sizeof(f->text));
	assert_string_equal(f->text, "H2CData cid 1 ttag 1 off 0 len 4096 LAST");
	p.flags = 0;
	sim_pdu_describe(&p, f->text, sizeof(f->text));
	assert_string_equal(f->text, "H2CData cid 1 ttag 1 off 0 len 4096");

	fill_data(&p, SIM_PDU_C2H_DATA, 2, 4096, 512,
		  SIM_PDU_F_DATA_LAST | SIM_PDU_F_DATA_SUCCESS);
	sim_pdu_describe(&p, f->text, sizeof(f->text));
	assert_string_equal(f->text, "C2HData cid 2 off 4096 len 512 LAST SUCCESS");

	fill_r2t(&p);
	sim_pdu_describe(&p, f->text, sizeof(f->text));
	assert_string_equal(f->text, "R2T cid 7 ttag 48879 off 305419896 len 39612");

	memcpy(f->buf, rsp_bytes, sizeof(rsp_bytes));
	assert_int_equal(decode(f, 24), SIM_PDU_OK);
	sim_pdu_describe(&f->pdu, f->text, sizeof(f->text));
	assert_string_equal(f->text, "CapsuleResp cid 3597 status 0x4003");

	memset(f->buf, 0, 128);
	memcpy(f->buf, icreq_head, sizeof(icreq_head));
	assert_int_equal(decode(f, 128), SIM_PDU_OK);
	sim_pdu_describe(&f->pdu, f->text, sizeof(f->text));
	assert_string_equal(f->text, "ICReq pfv 0 hpda 3 digest 0x02 maxr2t 16");

	memcpy(f->buf, icresp_head, sizeof(icresp_head));
	assert_int_equal(decode(f, 128), SIM_PDU_OK);
	sim_pdu_describe(&f->pdu, f->text, sizeof(f->text));
	assert_string_equal(f->text, "ICResp pfv 1 cpda 2 digest 0x01 maxh2cdata 131072");

	memcpy(f->buf, h2c_term_bytes, sizeof(h2c_term_bytes));
	assert_int_equal(decode(f, 24), SIM_PDU_OK);
	sim_pdu_describe(&f->pdu, f->text, sizeof(f->text));
	assert_string_equal(f->text, "H2CTermReq fes 0x0002 fei 0x76543210");

	memset(&p, 0, sizeof(p));
	p.type = 0x0b;
	p.plen = 8;
	sim_pdu_describe(&p, f->text, sizeof(f->text));
	assert_string_equal(f->text, "type 0x0b plen 8");
}

static void test_describe_truncates_to_buflen(void **state)
{
	struct pdu_fx *f = *state;
	struct sim_pdu p;

	fill_r2t(&p);
	memset(f->text, 'x', sizeof(f->text));
	sim_pdu_describe(&p, f->text, 6);
	assert_string_equal(f->text, "R2T c");
	assert_int_equal(f->text[6], 'x');
	sim_pdu_describe(&p, f->text, 0);	/* must not write at all */
	assert_string_equal(f->text, "R2T c");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_encode_cmd_matches_spec_bytes),
		T(test_encode_rsp_matches_spec_bytes),
		T(test_encode_h2c_matches_spec_bytes),
		T(test_encode_c2h_matches_spec_bytes),
		T(test_encode_r2t_matches_spec_bytes),
		T(test_encode_icreq_matches_spec_bytes),
		T(test_encode_icresp_matches_spec_bytes),
		T(test_encode_term_matches_spec_bytes),
		T(test_decode_cmd_reads_spec_offsets),
		T(test_decode_cmd_nlb_ignores_cdw12_high_bits),
		T(test_decode_rsp_reads_spec_offsets),
		T(test_decode_h2c_reads_spec_offsets),
		T(test_decode_c2h_reads_spec_offsets),
		T(test_decode_r2t_reads_spec_offsets),
		T(test_decode_icreq_reads_spec_offsets),
		T(test_decode_icresp_reads_spec_offsets),
		T(test_decode_term_reads_header_only),
		T(test_round_trip_every_type_keeps_bytes),
		T(test_round_trip_struct_keeps_fields),
		T(test_decode_under_8_bytes_is_short),
		T(test_decode_under_hlen_is_short),
		T(test_decode_short_leaves_err_alone),
		T(test_decode_unknown_type_is_bad),
		T(test_decode_wrong_hlen_is_bad_with_8_bytes),
		T(test_decode_digest_flags_are_bad),
		T(test_decode_reserved_flags_are_bad),
		T(test_decode_plen_below_hlen_is_bad),
		T(test_decode_plen_beyond_hlen_without_data_is_bad),
		T(test_decode_data_plen_mismatch_is_bad),
		T(test_decode_pdo_outside_pdu_is_bad),
		T(test_decode_pdo_inconsistent_is_bad),
		T(test_decode_cmd_without_data_pdo_0_is_ok),
		T(test_decode_term_plen_over_152_is_bad),
		T(test_decode_bad_without_err_buffer_still_bad),
		T(test_decode_err_is_truncated_to_errlen),
		T(test_type_name_names_every_type),
		T(test_type_name_unknown_is_hex_and_stable),
		T(test_hlen_of_gives_spec_sizes),
		T(test_describe_names_each_pdu),
		T(test_describe_truncates_to_buflen),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
