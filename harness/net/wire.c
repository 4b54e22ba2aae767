/* Framing each direction of the wire into PDUs, the way a receiver does: header, then skip plen. */
#include <string.h>

#include "wire.h"

void sim_wire_reset(struct sim_wire *wr)
{
	memset(wr, 0, sizeof(*wr));
}

void sim_wire_feed(struct sim_wire *wr, enum sim_wire_dir dir,
		   const uint8_t *buf, uint32_t n, sim_wire_fn fn, void *arg)
{
	while (n && !wr->broken) {
		struct sim_pdu p;
		char err[128];
		uint32_t want, take;

		if (wr->skip) {
			take = wr->skip < n ? (uint32_t)wr->skip : n;
			wr->skip -= take;
			wr->stream_bytes += take;
			buf += take;
			n -= take;
			continue;
		}
		if (!wr->have)
			wr->pdu_at = wr->stream_bytes;
		/* the common header first, then as much as its hlen says */
		want = wr->have < SIM_PDU_CH_BYTES ? SIM_PDU_CH_BYTES :
			wr->hdr[2] <= sizeof(wr->hdr) ? wr->hdr[2] : sizeof(wr->hdr);
		if (want < wr->have)
			want = wr->have;
		take = want - wr->have < n ? want - wr->have : n;
		memcpy(wr->hdr + wr->have, buf, take);
		wr->have += take;
		wr->stream_bytes += take;
		buf += take;
		n -= take;
		if (wr->have < want)
			continue;
		/* the common header is in: gather the rest its hlen names */
		if (wr->have == SIM_PDU_CH_BYTES && wr->hdr[2] > SIM_PDU_CH_BYTES &&
		    wr->hdr[2] <= sizeof(wr->hdr))
			continue;
		switch (sim_pdu_decode(wr->hdr, wr->have, &p, err, sizeof(err))) {
		case SIM_PDU_SHORT:
		case SIM_PDU_BAD:
			wr->broken = true;
			continue;
		case SIM_PDU_OK:
			break;
		}
		fn(arg, dir, &p, wr->pdu_at);
		wr->skip = p.plen - p.hlen;
		wr->have = 0;
	}
}
