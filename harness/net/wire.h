/* PDUs as they cross the simulated wire: a receiver's framing of each direction's byte stream. */
#ifndef NVTSIM_WIRE_H
#define NVTSIM_WIRE_H

#include <stdbool.h>
#include <stdint.h>

#include "pdu.h"

enum sim_wire_dir {
	SIM_WIRE_H2C,		/* host -> controller */
	SIM_WIRE_C2H,		/* controller -> host */
};

struct sim_wire {
	uint8_t hdr[SIM_PDU_ICREQ_BYTES];	/* the header being gathered */
	uint32_t have;				/* bytes of it so far */
	uint64_t skip;				/* payload bytes still to pass over */
	uint64_t stream_bytes;			/* bytes seen in this direction */
	uint64_t pdu_at;			/* stream offset of the PDU being gathered */
	bool broken;				/* a header did not decode: stop framing */
};

/* Called once per PDU header complete on the wire; at is its stream offset. */
typedef void (*sim_wire_fn)(void *arg, enum sim_wire_dir dir,
			    const struct sim_pdu *p, uint64_t at);

void sim_wire_reset(struct sim_wire *wr);
/* Feeds n bytes of one direction; calls fn for each header they complete. */
void sim_wire_feed(struct sim_wire *wr, enum sim_wire_dir dir,
		   const uint8_t *buf, uint32_t n, sim_wire_fn fn, void *arg);

#endif
