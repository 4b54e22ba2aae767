/* Faithful: NVMe SQE / CQE layouts and the SGL descriptor bits the TCP transport uses. */
#ifndef NVTSIM_LINUX_NVME_H
#define NVTSIM_LINUX_NVME_H

#include <linux/types.h>

enum nvme_opcode {
	nvme_cmd_flush = 0x00,
	nvme_cmd_write = 0x01,
	nvme_cmd_read = 0x02,
};

enum {
	NVME_CMD_SGL_METABUF = 1 << 6,
	NVME_SGL_FMT_DATA_DESC = 0x00,
	NVME_SGL_FMT_OFFSET = 0x01,
	NVME_SGL_FMT_TRANSPORT_A = 0x0a,
	NVME_TRANSPORT_SGL_DATA_DESC = 0x5,
	NVME_SC_SUCCESS = 0x0,
	NVME_SC_HOST_PATH_ERROR = 0x370,
};

struct nvme_sgl_desc {
	__le64 addr;
	__le32 length;
	__u8 rsvd[3];
	__u8 type;
};

struct nvme_common_command {
	__u8 opcode;
	__u8 flags;
	__u16 command_id;
	__le32 nsid;
	__le32 cdw2[2];
	__le64 metadata;
	union {
		struct nvme_sgl_desc sgl;
		__u8 prp[16];
	} dptr;
	__le32 cdw10;
	__le32 cdw11;
	__le32 cdw12;
	__le32 cdw13;
	__le32 cdw14;
	__le32 cdw15;
};

struct nvme_command {
	union {
		struct nvme_common_command common;
	};
};

union nvme_result {
	__le16 u16;
	__le32 u32;
	__le64 u64;
};

struct nvme_completion {
	union nvme_result result;
	__le16 sq_head;
	__le16 sq_id;
	__u16 command_id;
	__le16 status;
};

_Static_assert(sizeof(struct nvme_command) == 64, "SQE is 64 bytes");
_Static_assert(sizeof(struct nvme_completion) == 16, "CQE is 16 bytes");

#endif
