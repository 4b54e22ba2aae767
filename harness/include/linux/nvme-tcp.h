/* Faithful: NVMe/TCP PDU structures as the host driver builds them (transport spec 3.6). */
#ifndef NVTSIM_LINUX_NVME_TCP_H
#define NVTSIM_LINUX_NVME_TCP_H

#include <linux/nvme.h>
#include <linux/types.h>

#define NVME_TCP_DIGEST_LENGTH 4
#define NVME_TCP_ADMIN_CCSZ 8192

enum nvme_tcp_pdu_type {
	nvme_tcp_icreq = 0x0,
	nvme_tcp_icresp = 0x1,
	nvme_tcp_h2c_term = 0x2,
	nvme_tcp_c2h_term = 0x3,
	nvme_tcp_cmd = 0x4,
	nvme_tcp_rsp = 0x5,
	nvme_tcp_h2c_data = 0x6,
	nvme_tcp_c2h_data = 0x7,
	nvme_tcp_r2t = 0x9,
};

enum nvme_tcp_pdu_flags {
	NVME_TCP_F_HDGST = 1 << 0,
	NVME_TCP_F_DDGST = 1 << 1,
	NVME_TCP_F_DATA_LAST = 1 << 2,
	NVME_TCP_F_DATA_SUCCESS = 1 << 3,
};

struct nvme_tcp_hdr {
	__u8 type;
	__u8 flags;
	__u8 hlen;
	__u8 pdo;
	__le32 plen;
};

struct nvme_tcp_cmd_pdu {
	struct nvme_tcp_hdr hdr;
	struct nvme_command cmd;
};

struct nvme_tcp_rsp_pdu {
	struct nvme_tcp_hdr hdr;
	struct nvme_completion cqe;
};

struct nvme_tcp_r2t_pdu {
	struct nvme_tcp_hdr hdr;
	__u16 command_id;
	__u16 ttag;
	__le32 r2t_offset;
	__le32 r2t_length;
	__u8 rsvd[4];
};

struct nvme_tcp_data_pdu {
	struct nvme_tcp_hdr hdr;
	__u16 command_id;
	__u16 ttag;
	__le32 data_offset;
	__le32 data_length;
	__u8 rsvd[4];
};

union nvme_tcp_pdu {
	struct nvme_tcp_hdr hdr;
	struct nvme_tcp_cmd_pdu cmd;
	struct nvme_tcp_rsp_pdu rsp;
	struct nvme_tcp_r2t_pdu r2t;
	struct nvme_tcp_data_pdu data;
};

_Static_assert(sizeof(struct nvme_tcp_hdr) == 8, "common header");
_Static_assert(sizeof(struct nvme_tcp_cmd_pdu) == 72, "CapsuleCmd");
_Static_assert(sizeof(struct nvme_tcp_rsp_pdu) == 24, "CapsuleResp");
_Static_assert(sizeof(struct nvme_tcp_r2t_pdu) == 24, "R2T");
_Static_assert(sizeof(struct nvme_tcp_data_pdu) == 24, "H2CData/C2HData");

#endif
