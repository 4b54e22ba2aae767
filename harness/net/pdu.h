/* NVMe/TCP PDU codec: exact wire layouts (NVMe/TCP transport spec 1.0, section 3.6). */
#ifndef NVTSIM_PDU_H
#define NVTSIM_PDU_H

#include <stddef.h>
#include <stdint.h>

enum sim_pdu_type {
	SIM_PDU_ICREQ = 0x00,
	SIM_PDU_ICRESP = 0x01,
	SIM_PDU_H2C_TERM = 0x02,
	SIM_PDU_C2H_TERM = 0x03,
	SIM_PDU_CMD = 0x04,
	SIM_PDU_RSP = 0x05,
	SIM_PDU_H2C_DATA = 0x06,
	SIM_PDU_C2H_DATA = 0x07,
	SIM_PDU_R2T = 0x09,
};

enum {
	SIM_PDU_F_HDGST = 1 << 0,
	SIM_PDU_F_DDGST = 1 << 1,
	SIM_PDU_F_DATA_LAST = 1 << 2,
	SIM_PDU_F_DATA_SUCCESS = 1 << 3,
};

/* Header lengths (hlen) per type. */
enum {
	SIM_PDU_CH_BYTES = 8,
	SIM_PDU_ICREQ_BYTES = 128,
	SIM_PDU_ICRESP_BYTES = 128,
	SIM_PDU_CMD_BYTES = 72,
	SIM_PDU_RSP_BYTES = 24,
	SIM_PDU_DATA_BYTES = 24,
	SIM_PDU_R2T_BYTES = 24,
	SIM_PDU_SQE_BYTES = 64,
	SIM_PDU_CQE_BYTES = 16,
};

/* NVMe opcodes and SGL descriptor types the simulator uses. */
enum {
	SIM_NVME_OP_FLUSH = 0x00,
	SIM_NVME_OP_WRITE = 0x01,
	SIM_NVME_OP_READ = 0x02,
	SIM_NVME_PSDT_SGL = 0x40,		/* SQE flags: SGL for data */
	SIM_NVME_SGL_INCAPSULE = 0x01,		/* data block, offset subtype */
	SIM_NVME_SGL_TRANSPORT = 0x5a,		/* transport data block, subtype A */
	SIM_NVME_SGL_NULL = 0x00,
};

/* One decoded PDU header (payload stays in the byte stream). */
struct sim_pdu {
	uint8_t type;
	uint8_t flags;
	uint8_t hlen;
	uint8_t pdo;
	uint32_t plen;
	union {
		struct {
			uint8_t opcode;
			uint8_t flags;
			uint16_t cid;
			uint32_t nsid;
			uint64_t sgl_addr;
			uint32_t sgl_len;
			uint8_t sgl_type;
			uint64_t slba;
			uint16_t nlb;		/* 0's based, as in cdw12 */
		} cmd;
		struct {
			uint64_t result;
			uint16_t sqhd;
			uint16_t sqid;
			uint16_t cid;
			uint16_t status;	/* phase bit + status field, as on the wire */
		} rsp;
		struct {
			uint16_t cid;
			uint16_t ttag;
			uint32_t offset;
			uint32_t length;
		} data;				/* H2CData and C2HData */
		struct {
			uint16_t cid;
			uint16_t ttag;
			uint32_t offset;
			uint32_t length;
		} r2t;
		struct {
			uint16_t pfv;
			uint8_t hpda;
			uint8_t digest;
			uint32_t maxr2t;	/* ICReq */
			uint8_t cpda;		/* ICResp */
			uint32_t maxh2cdata;	/* ICResp */
		} ic;
		struct {
			uint16_t fes;		/* fatal error status */
			uint32_t fei;		/* fatal error information */
		} term;				/* H2CTermReq and C2HTermReq */
	} u;
};

enum sim_pdu_status {
	SIM_PDU_OK = 0,
	SIM_PDU_SHORT = 1,	/* fewer bytes than the header needs: wait for more */
	SIM_PDU_BAD = 2,	/* malformed: err says why */
};

/*
 * Decode the PDU header at buf. On SIM_PDU_OK, *out holds the header; the
 * PDU's total length is out->plen (payload follows at out->pdo, or at hlen
 * when pdo is 0). err (at least 96 bytes) names the problem on SIM_PDU_BAD.
 */
enum sim_pdu_status sim_pdu_decode(const uint8_t *buf, size_t len,
				   struct sim_pdu *out, char *err, size_t errlen);

/*
 * Encode the header of p into buf (p->hlen bytes); returns bytes written.
 * The common header is written as given, so tests can encode malformed PDUs;
 * the rest follows p->type's layout with reserved bytes zeroed, so the count
 * is sim_pdu_hlen_of(p->type) (8 for an unknown type), p->hlen when well formed.
 */
size_t sim_pdu_encode(const struct sim_pdu *p, uint8_t *buf);

/* The hlen a PDU of this type must have; 0 for unknown types. */
uint8_t sim_pdu_hlen_of(uint8_t type);

/* "CapsuleCmd", "H2CData", ...; "type 0x%02x" for unknown codes. */
const char *sim_pdu_type_name(uint8_t type);

/* One-line human description, e.g. "H2CData cid 1 ttag 1 off 0 len 4096 LAST". */
void sim_pdu_describe(const struct sim_pdu *p, char *buf, size_t buflen);

/* The payload byte a host writes at offset off of command cid's data. */
static inline uint8_t sim_pattern_byte(uint16_t cid, uint32_t off)
{
	uint32_t x = (uint32_t)cid * 0x9e3779b1u + off * 0x85ebca6bu;

	return (uint8_t)(x ^ (x >> 13) ^ (x >> 24));
}

/*
 * Command cid's pattern bytes off to off + len, from a table built on first
 * use: what sim_pattern_byte() gives, a byte at a time. NULL past the table
 * (cid 16 and up, or past 64 KiB): then use sim_pattern_byte().
 */
const uint8_t *sim_pattern(uint16_t cid, uint32_t off, uint32_t len);

#endif
