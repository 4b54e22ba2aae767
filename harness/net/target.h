/* Fake NVMe/TCP controller: parses the host's byte stream and answers as nvmet-tcp does. */
#ifndef NVTSIM_TARGET_H
#define NVTSIM_TARGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pdu.h"

#define SIM_TARGET_CMDS_MAX 64		/* cids 0..63 */
#define SIM_TARGET_RX_BYTES (128 * 1024)
#define SIM_TARGET_TX_BYTES (256 * 1024)

struct sim_target_cfg {
	uint32_t ioccsz_bytes;		/* in-capsule data the controller accepts */
	uint32_t maxh2cdata_bytes;	/* largest H2CData payload it accepts */
	uint32_t r2t_bytes;		/* most data one R2T asks for; 0: all that remains */
	uint32_t c2h_bytes;		/* most data one C2HData carries; 0: all of it */
};

enum sim_target_cmd_state {
	SIM_TCMD_FREE = 0,		/* no command with this cid outstanding; an
					 * in-capsule write stays here until its
					 * data is whole */
	SIM_TCMD_WAIT_H2C,		/* R2T sent, waiting for H2CData */
	SIM_TCMD_DONE,			/* response queued (or sent) */
};

struct sim_target_cmd {
	uint8_t state;
	uint8_t opcode;
	uint16_t ttag;			/* of the outstanding R2T */
	uint32_t data_len;		/* bytes the command transfers */
	uint32_t rcvd_bytes;		/* write data received so far */
	uint32_t r2t_offset;		/* outstanding R2T */
	uint32_t r2t_len;
	uint32_t r2t_rcvd;		/* bytes of the outstanding R2T received */
	uint32_t cmds_seen;		/* CapsuleCmds seen with this cid, ever */
};

typedef void (*sim_target_log_fn)(void *arg, const char *line);

struct sim_target {
	struct sim_target_cfg cfg;
	sim_target_log_fn log;		/* NULL: no log lines are formatted */
	void *log_arg;

	/* host -> controller bytes not yet parsed */
	uint8_t rx[SIM_TARGET_RX_BYTES];
	uint32_t rx_head, rx_len;	/* ring */

	/* parse state of the PDU being received */
	bool in_pdu;			/* header parsed, payload still arriving */
	struct sim_pdu cur;
	uint32_t cur_payload_left;
	uint32_t cur_payload_off;	/* offset into the command's data */

	/* controller -> host bytes not yet taken by the network */
	uint8_t tx[SIM_TARGET_TX_BYTES];
	uint32_t tx_head, tx_len;	/* ring */

	struct sim_target_cmd cmds[SIM_TARGET_CMDS_MAX];
	uint16_t next_ttag;

	/* first protocol violation; after one, the controller stops processing */
	bool failed;
	uint8_t failed_type;		/* type of the PDU it refused */
	char error[256];

	/* counters for tests and the checker */
	uint32_t pdus_rcvd;
	uint32_t pdus_sent;
	uint32_t cmds_completed;
};

void sim_target_init(struct sim_target *t, const struct sim_target_cfg *cfg);

/* Room left in the receive buffer (the TCP window the network may fill). */
uint32_t sim_target_rx_room(const struct sim_target *t);

/* Append bytes that arrived from the host. len must fit sim_target_rx_room(). */
void sim_target_rx(struct sim_target *t, const uint8_t *buf, uint32_t len);

/* Bytes received but not yet processed. */
static inline uint32_t sim_target_rx_pending(const struct sim_target *t)
{
	return t->rx_len;
}

/*
 * Parse what has arrived (partial PDUs wait for more bytes), check it, and
 * queue the answers. Returns the number of PDUs completed or answered.
 * On a violation sets failed and error ("H2CData cid 1: offset 4096, expected 0").
 */
int sim_target_process(struct sim_target *t);

/* Bytes waiting to go to the host. */
static inline uint32_t sim_target_tx_pending(const struct sim_target *t)
{
	return t->tx_len;
}

/* Copy up to len queued bytes to buf and drop them from the queue; returns count. */
uint32_t sim_target_tx_take(struct sim_target *t, uint8_t *buf, uint32_t len);

/* "cid 1 WRITE 8192 bytes: waiting for H2CData ttag 1 offset 0 (0 of 8192 bytes received)" */
void sim_target_cmd_describe(const struct sim_target *t, uint16_t cid,
			     char *buf, size_t buflen);

#endif
