/* pcap writer: classic libpcap format, LINKTYPE_ETHERNET, checksums filled in. */
#include <string.h>

#include "pcap.h"

#define SIM__ETH_BYTES 14
#define SIM__IP_BYTES 20
#define SIM__TCP_BYTES 20
#define SIM__HDRS (SIM__ETH_BYTES + SIM__IP_BYTES + SIM__TCP_BYTES)
#define SIM__SEG_MAX 9000
#define SIM__ISN_HOST 1000u
#define SIM__ISN_CTRL 500000u

enum { SIM__TCP_FIN = 1, SIM__TCP_SYN = 2, SIM__TCP_PSH = 8, SIM__TCP_ACK = 16 };

static const uint8_t sim__mac[2][6] = {
	{ 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 },	/* host */
	{ 0x02, 0x00, 0x00, 0x00, 0x00, 0x02 },	/* controller */
};
static const uint8_t sim__ip[2][4] = { { 10, 0, 0, 1 }, { 10, 0, 0, 2 } };
static const uint16_t sim__port[2] = { SIM_PCAP_PORT_HOST, SIM_PCAP_PORT_CTRL };

static void sim__le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static void sim__be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void sim__be32(uint8_t *p, uint32_t v)
{
	sim__be16(p, (uint16_t)(v >> 16));
	sim__be16(p + 2, (uint16_t)v);
}

static uint32_t sim__sum(const uint8_t *p, size_t n, uint32_t sum)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		sum += (uint32_t)p[n - 1] << 8;
	return sum;
}

static uint16_t sim__fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* One packet from side src (0 host, 1 controller). */
static void sim__packet(struct sim_pcap *pc, int src, uint8_t flags,
			const uint8_t *data, uint32_t n, uint64_t step)
{
	static uint8_t pkt[SIM__HDRS + SIM__SEG_MAX];
	uint8_t rec[16], *ip = pkt + SIM__ETH_BYTES, *tcp = ip + SIM__IP_BYTES;
	uint8_t pseudo[12];
	uint32_t len = SIM__HDRS + n, sum;
	uint64_t usec;

	if (n > SIM__SEG_MAX)
		n = SIM__SEG_MAX;
	memcpy(pkt, sim__mac[!src], 6);
	memcpy(pkt + 6, sim__mac[src], 6);
	sim__be16(pkt + 12, 0x0800);

	memset(ip, 0, SIM__IP_BYTES);
	ip[0] = 0x45;
	sim__be16(ip + 2, (uint16_t)(SIM__IP_BYTES + SIM__TCP_BYTES + n));
	sim__be16(ip + 4, pc->ip_id++);
	ip[6] = 0x40;			/* don't fragment */
	ip[8] = 64;
	ip[9] = 6;			/* TCP */
	memcpy(ip + 12, sim__ip[src], 4);
	memcpy(ip + 16, sim__ip[!src], 4);
	sim__be16(ip + 10, sim__fold(sim__sum(ip, SIM__IP_BYTES, 0)));

	memset(tcp, 0, SIM__TCP_BYTES);
	sim__be16(tcp, sim__port[src]);
	sim__be16(tcp + 2, sim__port[!src]);
	sim__be32(tcp + 4, pc->seq[src]);
	sim__be32(tcp + 8, flags & SIM__TCP_ACK ? pc->seq[!src] : 0);
	tcp[12] = (SIM__TCP_BYTES / 4) << 4;
	tcp[13] = flags;
	sim__be16(tcp + 14, 65535);
	if (n)
		memcpy(tcp + SIM__TCP_BYTES, data, n);
	memcpy(pseudo, sim__ip[src], 4);
	memcpy(pseudo + 4, sim__ip[!src], 4);
	pseudo[8] = 0;
	pseudo[9] = 6;
	sim__be16(pseudo + 10, (uint16_t)(SIM__TCP_BYTES + n));
	sum = sim__sum(pseudo, sizeof(pseudo), 0);
	sim__be16(tcp + 16, sim__fold(sim__sum(tcp, SIM__TCP_BYTES + n, sum)));

	/* a millisecond per step; packets within a step a microsecond apart */
	if (step != pc->last_step) {
		pc->last_step = step;
		pc->in_step = 0;
	}
	usec = step * 1000 + pc->in_step++;
	sim__le32(rec, (uint32_t)(usec / 1000000));
	sim__le32(rec + 4, (uint32_t)(usec % 1000000));
	sim__le32(rec + 8, len);
	sim__le32(rec + 12, len);
	fwrite(rec, 1, sizeof(rec), pc->out);
	fwrite(pkt, 1, len, pc->out);
	pc->seq[src] += n + (flags & (SIM__TCP_SYN | SIM__TCP_FIN) ? 1 : 0);
}

void sim_pcap_icreq(uint8_t *buf)
{
	/* pfv 0, hpda 0, no digests, maxr2t 0 (one R2T outstanding) */
	struct sim_pdu p = { .type = SIM_PDU_ICREQ, .hlen = SIM_PDU_ICREQ_BYTES,
			     .plen = SIM_PDU_ICREQ_BYTES };

	sim_pdu_encode(&p, buf);
}

void sim_pcap_icresp(uint8_t *buf, uint32_t maxh2cdata_bytes)
{
	struct sim_pdu p = { .type = SIM_PDU_ICRESP, .hlen = SIM_PDU_ICRESP_BYTES,
			     .plen = SIM_PDU_ICRESP_BYTES };

	p.u.ic.maxh2cdata = maxh2cdata_bytes;
	sim_pdu_encode(&p, buf);
}

void sim_pcap_start(struct sim_pcap *pc, FILE *out, uint64_t step)
{
	uint8_t hdr[24];

	memset(pc, 0, sizeof(*pc));
	pc->out = out;
	pc->seq[SIM_WIRE_H2C] = SIM__ISN_HOST;
	pc->seq[SIM_WIRE_C2H] = SIM__ISN_CTRL;
	sim__le32(hdr, 0xa1b2c3d4);
	hdr[4] = 2;			/* version 2.4, little endian */
	hdr[5] = 0;
	hdr[6] = 4;
	hdr[7] = 0;
	memset(hdr + 8, 0, 8);		/* GMT offset, sigfigs */
	sim__le32(hdr + 16, SIM__HDRS + SIM__SEG_MAX);
	sim__le32(hdr + 20, 1);		/* LINKTYPE_ETHERNET */
	fwrite(hdr, 1, sizeof(hdr), out);

	sim__packet(pc, SIM_WIRE_H2C, SIM__TCP_SYN, NULL, 0, step);
	sim__packet(pc, SIM_WIRE_C2H, SIM__TCP_SYN | SIM__TCP_ACK, NULL, 0, step);
	sim__packet(pc, SIM_WIRE_H2C, SIM__TCP_ACK, NULL, 0, step);
}

void sim_pcap_segment(struct sim_pcap *pc, enum sim_wire_dir dir,
		      const uint8_t *buf, uint32_t n, uint64_t step)
{
	if (n)
		sim__packet(pc, dir, SIM__TCP_PSH | SIM__TCP_ACK, buf, n, step);
}
