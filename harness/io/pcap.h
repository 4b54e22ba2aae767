/*
 * The simulated TCP connection as a pcap file: Ethernet / IPv4 / TCP from
 * the host (10.0.0.1:49152) to the controller (10.0.0.2:4420), a handshake,
 * an ICReq / ICResp exchange, then every segment the network moved, each
 * direction with its own consistent sequence numbers. Wireshark's NVMe/TCP
 * dissector decodes port 4420 as is.
 */
#ifndef NVTSIM_PCAP_H
#define NVTSIM_PCAP_H

#include <stdint.h>
#include <stdio.h>

#include "wire.h"

#define SIM_PCAP_PORT_HOST 49152
#define SIM_PCAP_PORT_CTRL 4420

struct sim_pcap {
	FILE *out;
	uint32_t seq[2];		/* next sequence number, by enum sim_wire_dir */
	uint16_t ip_id;
	uint64_t last_step;
	uint32_t in_step;		/* packets so far at last_step: keeps time moving */
};

/* Writes the file header and the TCP handshake. */
void sim_pcap_start(struct sim_pcap *pc, FILE *out, uint64_t step);
/* One data segment of n bytes in direction dir at step. */
void sim_pcap_segment(struct sim_pcap *pc, enum sim_wire_dir dir,
		      const uint8_t *buf, uint32_t n, uint64_t step);
/* The ICReq and ICResp that open the streams (the trace sends them first). */
void sim_pcap_icreq(uint8_t *buf);
void sim_pcap_icresp(uint8_t *buf, uint32_t maxh2cdata_bytes);

#endif
