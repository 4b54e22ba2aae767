/* NVMe/TCP PDU codec: byte layouts and header checks (NVMe/TCP transport spec 1.0, 3.6). */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "pdu.h"

/* Byte offsets inside a PDU, common header included, as the spec's figures give them. */
enum {
	SIM__CH_TYPE = 0,
	SIM__CH_FLAGS = 1,
	SIM__CH_HLEN = 2,
	SIM__CH_PDO = 3,
	SIM__CH_PLEN = 4,

	/* CapsuleCmd: the SQE starts right after the common header */
	SIM__SQE_OPCODE = 8,
	SIM__SQE_FLAGS = 9,
	SIM__SQE_CID = 10,
	SIM__SQE_NSID = 12,
	SIM__SQE_SGL_ADDR = 32,
	SIM__SQE_SGL_LEN = 40,
	SIM__SQE_SGL_TYPE = 47,
	SIM__SQE_CDW10 = 48,
	SIM__SQE_CDW11 = 52,
	SIM__SQE_CDW12 = 56,

	/* CapsuleResp: the CQE */
	SIM__CQE_RESULT = 8,
	SIM__CQE_SQHD = 16,
	SIM__CQE_SQID = 18,
	SIM__CQE_CID = 20,
	SIM__CQE_STATUS = 22,

	/* H2CData, C2HData and R2T share one layout */
	SIM__DATA_CID = 8,
	SIM__DATA_TTAG = 10,
	SIM__DATA_OFFSET = 12,
	SIM__DATA_LENGTH = 16,

	/* ICReq and ICResp: byte 10 is hpda in ICReq, cpda in ICResp */
	SIM__IC_PFV = 8,
	SIM__IC_PDA = 10,
	SIM__IC_DIGEST = 11,
	SIM__IC_MAX = 12,	/* maxr2t in ICReq, maxh2cdata in ICResp */

	SIM__TERM_FES = 8,
	SIM__TERM_FEI = 10,
};

/* A TermReq carries at most the 128-byte header that offended (Linux: NVME_TCP_MAX_C2HTERM_PLEN). */
#define SIM__TERM_PLEN_MAX (24 + 128)

/* What may follow a header: decides which plen/pdo combinations are legal. */
enum sim__payload {
	SIM__PAYLOAD_NONE,	/* plen == hlen, pdo 0 */
	SIM__PAYLOAD_CAPSULE,	/* in-capsule data optional, pdo tells */
	SIM__PAYLOAD_DATA,	/* plen == hlen + data_length */
	SIM__PAYLOAD_TERM,	/* the offending header, up to SIM__TERM_PLEN_MAX */
};

struct sim__pdu_kind {
	const char *name;
	uint8_t hlen;
	uint8_t flags_ok;	/* flags other than these are reserved (digests handled apart) */
	uint8_t payload;
};

static const struct sim__pdu_kind sim__kinds[] = {
	[SIM_PDU_ICREQ] = { "ICReq", SIM_PDU_ICREQ_BYTES, 0, SIM__PAYLOAD_NONE },
	[SIM_PDU_ICRESP] = { "ICResp", SIM_PDU_ICRESP_BYTES, 0, SIM__PAYLOAD_NONE },
	[SIM_PDU_H2C_TERM] = { "H2CTermReq", SIM_PDU_RSP_BYTES, 0, SIM__PAYLOAD_TERM },
	[SIM_PDU_C2H_TERM] = { "C2HTermReq", SIM_PDU_RSP_BYTES, 0, SIM__PAYLOAD_TERM },
	[SIM_PDU_CMD] = { "CapsuleCmd", SIM_PDU_CMD_BYTES, 0, SIM__PAYLOAD_CAPSULE },
	[SIM_PDU_RSP] = { "CapsuleResp", SIM_PDU_RSP_BYTES, 0, SIM__PAYLOAD_NONE },
	[SIM_PDU_H2C_DATA] = { "H2CData", SIM_PDU_DATA_BYTES,
			       SIM_PDU_F_DATA_LAST, SIM__PAYLOAD_DATA },
	[SIM_PDU_C2H_DATA] = { "C2HData", SIM_PDU_DATA_BYTES,
			       SIM_PDU_F_DATA_LAST | SIM_PDU_F_DATA_SUCCESS,
			       SIM__PAYLOAD_DATA },
	[SIM_PDU_R2T] = { "R2T", SIM_PDU_R2T_BYTES, 0, SIM__PAYLOAD_NONE },
};

static const struct sim__pdu_kind *sim__kind(uint8_t type)
{
	if (type >= sizeof(sim__kinds) / sizeof(sim__kinds[0]) || !sim__kinds[type].name)
		return NULL;
	return &sim__kinds[type];
}

/*
 * Names for unknown codes live in a constant table so sim_pdu_type_name()
 * stays reentrant: two calls in one printf must not share a buffer.
 */
#define SIM__NAME16(hi) \
	"type 0x" hi "0", "type 0x" hi "1", "type 0x" hi "2", "type 0x" hi "3", \
	"type 0x" hi "4", "type 0x" hi "5", "type 0x" hi "6", "type 0x" hi "7", \
	"type 0x" hi "8", "type 0x" hi "9", "type 0x" hi "a", "type 0x" hi "b", \
	"type 0x" hi "c", "type 0x" hi "d", "type 0x" hi "e", "type 0x" hi "f"

static const char *const sim__unknown_names[256] = {
	SIM__NAME16("0"), SIM__NAME16("1"), SIM__NAME16("2"), SIM__NAME16("3"),
	SIM__NAME16("4"), SIM__NAME16("5"), SIM__NAME16("6"), SIM__NAME16("7"),
	SIM__NAME16("8"), SIM__NAME16("9"), SIM__NAME16("a"), SIM__NAME16("b"),
	SIM__NAME16("c"), SIM__NAME16("d"), SIM__NAME16("e"), SIM__NAME16("f"),
};

const char *sim_pdu_type_name(uint8_t type)
{
	const struct sim__pdu_kind *k = sim__kind(type);

	return k ? k->name : sim__unknown_names[type];
}

uint8_t sim_pdu_hlen_of(uint8_t type)
{
	const struct sim__pdu_kind *k = sim__kind(type);

	return k ? k->hlen : 0;
}

static uint16_t sim__get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t sim__get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	       (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t sim__get_le64(const uint8_t *p)
{
	return (uint64_t)sim__get_le32(p) | (uint64_t)sim__get_le32(p + 4) << 32;
}

static void sim__put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static void sim__put_le32(uint8_t *p, uint32_t v)
{
	sim__put_le16(p, (uint16_t)v);
	sim__put_le16(p + 2, (uint16_t)(v >> 16));
}

static void sim__put_le64(uint8_t *p, uint64_t v)
{
	sim__put_le32(p, (uint32_t)v);
	sim__put_le32(p + 4, (uint32_t)(v >> 32));
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static enum sim_pdu_status sim__bad(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return SIM_PDU_BAD;
}

/*
 * Everything the common header alone can prove wrong, so that garbage is
 * reported at once instead of waiting for an hlen that may never come.
 */
static enum sim_pdu_status sim__check_ch(const uint8_t *buf, const struct sim__pdu_kind *k,
					 char *err, size_t errlen)
{
	uint8_t flags = buf[SIM__CH_FLAGS];
	uint8_t hlen = buf[SIM__CH_HLEN];
	uint8_t pdo = buf[SIM__CH_PDO];
	uint32_t plen = sim__get_le32(buf + SIM__CH_PLEN);
	uint8_t reserved = (uint8_t)(flags & ~(k->flags_ok | SIM_PDU_F_HDGST | SIM_PDU_F_DDGST));

	if (hlen != k->hlen)
		return sim__bad(err, errlen, "%s: hlen %u != %u", k->name, hlen, k->hlen);
	if (flags & SIM_PDU_F_HDGST)
		return sim__bad(err, errlen, "%s: header digest not negotiated", k->name);
	if (flags & SIM_PDU_F_DDGST)
		return sim__bad(err, errlen, "%s: data digest not negotiated", k->name);
	if (reserved)
		return sim__bad(err, errlen, "%s: reserved flags 0x%02x set", k->name, reserved);
	if ((flags & SIM_PDU_F_DATA_SUCCESS) && !(flags & SIM_PDU_F_DATA_LAST))
		return sim__bad(err, errlen, "%s: SUCCESS flag without LAST", k->name);
	if (plen < hlen)
		return sim__bad(err, errlen, "%s: plen %u < hlen %u", k->name, plen, hlen);
	if (pdo && (pdo < hlen || pdo > plen))
		return sim__bad(err, errlen, "%s: pdo %u outside hlen %u .. plen %u",
				k->name, pdo, hlen, plen);

	switch (k->payload) {
	case SIM__PAYLOAD_NONE:
		if (plen != hlen)
			return sim__bad(err, errlen, "%s: plen %u != hlen %u", k->name, plen, hlen);
		if (pdo)
			return sim__bad(err, errlen, "%s: pdo %u without data", k->name, pdo);
		break;
	case SIM__PAYLOAD_CAPSULE:
		/* no digests, cpda 0: data, when present, starts right after the SQE */
		if (plen > hlen && pdo != hlen)
			return sim__bad(err, errlen, "%s: pdo %u != hlen %u with %u bytes of in-capsule data",
					k->name, pdo, hlen, plen - hlen);
		if (plen == hlen && pdo)
			return sim__bad(err, errlen, "%s: pdo %u without in-capsule data",
					k->name, pdo);
		break;
	case SIM__PAYLOAD_DATA:
		if (plen > hlen && pdo != hlen)
			return sim__bad(err, errlen, "%s: pdo %u != hlen %u with data",
					k->name, pdo, hlen);
		break;
	case SIM__PAYLOAD_TERM:
		if (plen > SIM__TERM_PLEN_MAX)
			return sim__bad(err, errlen, "%s: plen %u > %u", k->name, plen,
					SIM__TERM_PLEN_MAX);
		break;
	}
	return SIM_PDU_OK;
}

static void sim__decode_cmd(const uint8_t *buf, struct sim_pdu *out)
{
	out->u.cmd.opcode = buf[SIM__SQE_OPCODE];
	out->u.cmd.flags = buf[SIM__SQE_FLAGS];
	out->u.cmd.cid = sim__get_le16(buf + SIM__SQE_CID);
	out->u.cmd.nsid = sim__get_le32(buf + SIM__SQE_NSID);
	out->u.cmd.sgl_addr = sim__get_le64(buf + SIM__SQE_SGL_ADDR);
	out->u.cmd.sgl_len = sim__get_le32(buf + SIM__SQE_SGL_LEN);
	out->u.cmd.sgl_type = buf[SIM__SQE_SGL_TYPE];
	out->u.cmd.slba = (uint64_t)sim__get_le32(buf + SIM__SQE_CDW10) |
			  (uint64_t)sim__get_le32(buf + SIM__SQE_CDW11) << 32;
	out->u.cmd.nlb = sim__get_le16(buf + SIM__SQE_CDW12);
}

static void sim__decode_rsp(const uint8_t *buf, struct sim_pdu *out)
{
	out->u.rsp.result = sim__get_le64(buf + SIM__CQE_RESULT);
	out->u.rsp.sqhd = sim__get_le16(buf + SIM__CQE_SQHD);
	out->u.rsp.sqid = sim__get_le16(buf + SIM__CQE_SQID);
	out->u.rsp.cid = sim__get_le16(buf + SIM__CQE_CID);
	out->u.rsp.status = sim__get_le16(buf + SIM__CQE_STATUS);
}

static void sim__decode_data(const uint8_t *buf, struct sim_pdu *out)
{
	out->u.data.cid = sim__get_le16(buf + SIM__DATA_CID);
	out->u.data.ttag = sim__get_le16(buf + SIM__DATA_TTAG);
	out->u.data.offset = sim__get_le32(buf + SIM__DATA_OFFSET);
	out->u.data.length = sim__get_le32(buf + SIM__DATA_LENGTH);
}

static void sim__decode_r2t(const uint8_t *buf, struct sim_pdu *out)
{
	out->u.r2t.cid = sim__get_le16(buf + SIM__DATA_CID);
	out->u.r2t.ttag = sim__get_le16(buf + SIM__DATA_TTAG);
	out->u.r2t.offset = sim__get_le32(buf + SIM__DATA_OFFSET);
	out->u.r2t.length = sim__get_le32(buf + SIM__DATA_LENGTH);
}

static void sim__decode_ic(const uint8_t *buf, struct sim_pdu *out)
{
	out->u.ic.pfv = sim__get_le16(buf + SIM__IC_PFV);
	out->u.ic.digest = buf[SIM__IC_DIGEST];
	if (out->type == SIM_PDU_ICREQ) {
		out->u.ic.hpda = buf[SIM__IC_PDA];
		out->u.ic.maxr2t = sim__get_le32(buf + SIM__IC_MAX);
	} else {
		out->u.ic.cpda = buf[SIM__IC_PDA];
		out->u.ic.maxh2cdata = sim__get_le32(buf + SIM__IC_MAX);
	}
}

enum sim_pdu_status sim_pdu_decode(const uint8_t *buf, size_t len,
				   struct sim_pdu *out, char *err, size_t errlen)
{
	const struct sim__pdu_kind *k;
	enum sim_pdu_status st;

	if (len < SIM_PDU_CH_BYTES)
		return SIM_PDU_SHORT;
	k = sim__kind(buf[SIM__CH_TYPE]);
	if (!k)
		return sim__bad(err, errlen, "unknown PDU type 0x%02x", buf[SIM__CH_TYPE]);
	st = sim__check_ch(buf, k, err, errlen);
	if (st != SIM_PDU_OK)
		return st;
	if (len < k->hlen)
		return SIM_PDU_SHORT;

	memset(out, 0, sizeof(*out));
	out->type = buf[SIM__CH_TYPE];
	out->flags = buf[SIM__CH_FLAGS];
	out->hlen = buf[SIM__CH_HLEN];
	out->pdo = buf[SIM__CH_PDO];
	out->plen = sim__get_le32(buf + SIM__CH_PLEN);

	switch (out->type) {
	case SIM_PDU_CMD:
		sim__decode_cmd(buf, out);
		break;
	case SIM_PDU_RSP:
		sim__decode_rsp(buf, out);
		break;
	case SIM_PDU_H2C_DATA:
	case SIM_PDU_C2H_DATA:
		sim__decode_data(buf, out);
		if ((uint64_t)out->hlen + out->u.data.length != out->plen)
			return sim__bad(err, errlen, "%s: plen %u != hlen %u + data_length %u",
					k->name, out->plen, out->hlen, out->u.data.length);
		break;
	case SIM_PDU_R2T:
		sim__decode_r2t(buf, out);
		break;
	case SIM_PDU_ICREQ:
	case SIM_PDU_ICRESP:
		sim__decode_ic(buf, out);
		break;
	case SIM_PDU_H2C_TERM:
	case SIM_PDU_C2H_TERM:
		out->u.term.fes = sim__get_le16(buf + SIM__TERM_FES);
		out->u.term.fei = sim__get_le32(buf + SIM__TERM_FEI);
		break;
	}
	return SIM_PDU_OK;
}

static void sim__encode_cmd(const struct sim_pdu *p, uint8_t *buf)
{
	buf[SIM__SQE_OPCODE] = p->u.cmd.opcode;
	buf[SIM__SQE_FLAGS] = p->u.cmd.flags;
	sim__put_le16(buf + SIM__SQE_CID, p->u.cmd.cid);
	sim__put_le32(buf + SIM__SQE_NSID, p->u.cmd.nsid);
	sim__put_le64(buf + SIM__SQE_SGL_ADDR, p->u.cmd.sgl_addr);
	sim__put_le32(buf + SIM__SQE_SGL_LEN, p->u.cmd.sgl_len);
	buf[SIM__SQE_SGL_TYPE] = p->u.cmd.sgl_type;
	sim__put_le32(buf + SIM__SQE_CDW10, (uint32_t)p->u.cmd.slba);
	sim__put_le32(buf + SIM__SQE_CDW11, (uint32_t)(p->u.cmd.slba >> 32));
	sim__put_le16(buf + SIM__SQE_CDW12, p->u.cmd.nlb);
}

static void sim__encode_rsp(const struct sim_pdu *p, uint8_t *buf)
{
	sim__put_le64(buf + SIM__CQE_RESULT, p->u.rsp.result);
	sim__put_le16(buf + SIM__CQE_SQHD, p->u.rsp.sqhd);
	sim__put_le16(buf + SIM__CQE_SQID, p->u.rsp.sqid);
	sim__put_le16(buf + SIM__CQE_CID, p->u.rsp.cid);
	sim__put_le16(buf + SIM__CQE_STATUS, p->u.rsp.status);
}

static void sim__encode_data(uint8_t *buf, uint16_t cid, uint16_t ttag,
			     uint32_t offset, uint32_t length)
{
	sim__put_le16(buf + SIM__DATA_CID, cid);
	sim__put_le16(buf + SIM__DATA_TTAG, ttag);
	sim__put_le32(buf + SIM__DATA_OFFSET, offset);
	sim__put_le32(buf + SIM__DATA_LENGTH, length);
}

static void sim__encode_ic(const struct sim_pdu *p, uint8_t *buf)
{
	int req = p->type == SIM_PDU_ICREQ;

	sim__put_le16(buf + SIM__IC_PFV, p->u.ic.pfv);
	buf[SIM__IC_PDA] = req ? p->u.ic.hpda : p->u.ic.cpda;
	buf[SIM__IC_DIGEST] = p->u.ic.digest;
	sim__put_le32(buf + SIM__IC_MAX, req ? p->u.ic.maxr2t : p->u.ic.maxh2cdata);
}

size_t sim_pdu_encode(const struct sim_pdu *p, uint8_t *buf)
{
	size_t n = sim_pdu_hlen_of(p->type);

	if (!n)
		n = SIM_PDU_CH_BYTES;
	memset(buf, 0, n);
	buf[SIM__CH_TYPE] = p->type;
	buf[SIM__CH_FLAGS] = p->flags;
	buf[SIM__CH_HLEN] = p->hlen;
	buf[SIM__CH_PDO] = p->pdo;
	sim__put_le32(buf + SIM__CH_PLEN, p->plen);

	switch (p->type) {
	case SIM_PDU_CMD:
		sim__encode_cmd(p, buf);
		break;
	case SIM_PDU_RSP:
		sim__encode_rsp(p, buf);
		break;
	case SIM_PDU_H2C_DATA:
	case SIM_PDU_C2H_DATA:
		sim__encode_data(buf, p->u.data.cid, p->u.data.ttag,
				 p->u.data.offset, p->u.data.length);
		break;
	case SIM_PDU_R2T:
		sim__encode_data(buf, p->u.r2t.cid, p->u.r2t.ttag,
				 p->u.r2t.offset, p->u.r2t.length);
		break;
	case SIM_PDU_ICREQ:
	case SIM_PDU_ICRESP:
		sim__encode_ic(p, buf);
		break;
	case SIM_PDU_H2C_TERM:
	case SIM_PDU_C2H_TERM:
		sim__put_le16(buf + SIM__TERM_FES, p->u.term.fes);
		sim__put_le32(buf + SIM__TERM_FEI, p->u.term.fei);
		break;
	}
	return n;
}

static const char *sim__opcode_name(uint8_t opcode)
{
	switch (opcode) {
	case SIM_NVME_OP_FLUSH:
		return "FLUSH";
	case SIM_NVME_OP_WRITE:
		return "WRITE";
	case SIM_NVME_OP_READ:
		return "READ";
	}
	return NULL;
}

static const char *sim__sgl_name(uint8_t sgl_type)
{
	switch (sgl_type) {
	case SIM_NVME_SGL_INCAPSULE:
		return "incapsule";
	case SIM_NVME_SGL_TRANSPORT:
		return "transport";
	case SIM_NVME_SGL_NULL:
		return "null";
	}
	return NULL;
}

static void sim__describe_cmd(const struct sim_pdu *p, char *buf, size_t buflen)
{
	const char *op = sim__opcode_name(p->u.cmd.opcode);
	const char *sgl = sim__sgl_name(p->u.cmd.sgl_type);
	char opbuf[16], sglbuf[16];

	if (!op) {
		snprintf(opbuf, sizeof(opbuf), "op 0x%02x", p->u.cmd.opcode);
		op = opbuf;
	}
	if (!sgl) {
		snprintf(sglbuf, sizeof(sglbuf), "0x%02x", p->u.cmd.sgl_type);
		sgl = sglbuf;
	}
	snprintf(buf, buflen, "CapsuleCmd cid %u %s len %u sgl %s",
		 p->u.cmd.cid, op, p->u.cmd.sgl_len, sgl);
}

void sim_pdu_describe(const struct sim_pdu *p, char *buf, size_t buflen)
{
	const char *name = sim_pdu_type_name(p->type);
	const char *last = (p->flags & SIM_PDU_F_DATA_LAST) ? " LAST" : "";
	const char *success = (p->flags & SIM_PDU_F_DATA_SUCCESS) ? " SUCCESS" : "";

	switch (p->type) {
	case SIM_PDU_CMD:
		sim__describe_cmd(p, buf, buflen);
		break;
	case SIM_PDU_RSP:
		snprintf(buf, buflen, "CapsuleResp cid %u status 0x%04x",
			 p->u.rsp.cid, p->u.rsp.status);
		break;
	case SIM_PDU_H2C_DATA:
		snprintf(buf, buflen, "H2CData cid %u ttag %u off %u len %u%s",
			 p->u.data.cid, p->u.data.ttag, p->u.data.offset,
			 p->u.data.length, last);
		break;
	case SIM_PDU_C2H_DATA:
		snprintf(buf, buflen, "C2HData cid %u off %u len %u%s%s",
			 p->u.data.cid, p->u.data.offset, p->u.data.length,
			 last, success);
		break;
	case SIM_PDU_R2T:
		snprintf(buf, buflen, "R2T cid %u ttag %u off %u len %u",
			 p->u.r2t.cid, p->u.r2t.ttag, p->u.r2t.offset, p->u.r2t.length);
		break;
	case SIM_PDU_ICREQ:
		snprintf(buf, buflen, "ICReq pfv %u hpda %u digest 0x%02x maxr2t %u",
			 p->u.ic.pfv, p->u.ic.hpda, p->u.ic.digest, p->u.ic.maxr2t);
		break;
	case SIM_PDU_ICRESP:
		snprintf(buf, buflen, "ICResp pfv %u cpda %u digest 0x%02x maxh2cdata %u",
			 p->u.ic.pfv, p->u.ic.cpda, p->u.ic.digest, p->u.ic.maxh2cdata);
		break;
	case SIM_PDU_H2C_TERM:
	case SIM_PDU_C2H_TERM:
		snprintf(buf, buflen, "%s fes 0x%04x fei 0x%08x",
			 name, p->u.term.fes, p->u.term.fei);
		break;
	default:
		snprintf(buf, buflen, "%s plen %u", name, p->plen);
		break;
	}
}

#define SIM__PATTERN_CIDS 16
#define SIM__PATTERN_BYTES (64u * 1024u)

const uint8_t *sim_pattern(uint16_t cid, uint32_t off, uint32_t len)
{
	static uint8_t tab[SIM__PATTERN_CIDS][SIM__PATTERN_BYTES];
	static bool built[SIM__PATTERN_CIDS];
	uint32_t i;

	if (cid >= SIM__PATTERN_CIDS || off > SIM__PATTERN_BYTES ||
	    len > SIM__PATTERN_BYTES - off)
		return NULL;
	if (!built[cid]) {
		for (i = 0; i < SIM__PATTERN_BYTES; i++)
			tab[cid][i] = sim_pattern_byte(cid, i);
		built[cid] = true;
	}
	return tab[cid] + off;
}
