/* Footprints of scheduling steps: objects and read/write, canonicalised. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "footprint.h"

/*
 * The socket's and the network's parts, as objects of their own: a step
 * names the parts it reads and writes, so that two steps on different
 * parts of the socket are independent. Each part is a value some steps
 * change and others read; a step that keeps a part's value (a segment
 * sent moves bytes from unsent to unacked and keeps their sum) does not
 * name it, whatever fields it updates to keep it so.
 */
enum sim__part {
	SIM__SK_OWNER,		/* lock_sock's owner: the softirq backlogs while it is held */
	SIM__SK_SQ,		/* unsent bytes and the push mark: what tcp_write_xmit may send */
	SIM__SK_SPACE,		/* sk_wmem_queued (unsent + unacked), the corked tail, SOCK_NOSPACE */
	SIM__SK_ACKS_HEAD,	/* the next ACK due: net_rx's next step and how far data may go */
	SIM__SK_ACKS_TAIL,	/* where the next segment's ACK joins */
	SIM__SK_RQ,		/* the receive queue */
	SIM__CTRL_RX,		/* the controller's receive buffer and window, and its progress */
	SIM__CTRL_TX,		/* the controller's bytes the network has yet to carry */
	SIM__PARTS
};

static const char sim__parts[SIM__PARTS];

static const void *sim__part(enum sim__part p)
{
	return &sim__parts[p];
}

/* Adds obj to fp, read or written; an object named twice is written if either is. */
static void sim__add(struct sim_fp *fp, const void *obj, bool write)
{
	unsigned k;

	if (!obj)
		return;
	for (k = 0; k < SIM_FP_OBJS && fp->obj[k]; k++)
		if (fp->obj[k] == obj)
			break;
	if (k == SIM_FP_OBJS) {
		/* a footprint with an object left out would be unsound */
		fprintf(stderr, "nvtsim: internal error: a footprint names more than %d objects\n",
			SIM_FP_OBJS);
		abort();
	}
	fp->obj[k] = obj;
	if (write)
		fp->write |= (uint8_t)(1u << k);
}

/*
 * A segment leaves (tcp_write_xmit): the push mark and the unsent bytes
 * go down by the segment and unacked goes up by it, so sk_wmem_queued and
 * the corked tail are kept, and neither sk_stream_is_writeable nor a send's
 * room can tell it happened. Its ACK joins the tail of the ACKs due; with
 * none due it becomes the next one, and with the ring full it joins the
 * newest (sim_sock_xmit), which an ACK taken first would have made room
 * for: in both cases it is dependent with the head. It reads the
 * controller's window and where the ACK goes (all the controller has
 * queued so far, delivered or not): only the controller's steps change
 * those, and they write its receive side, which this step writes too.
 * Data delivered moves bytes from queued to delivered and keeps the ACK's
 * place.
 */
static void sim__xmit(const struct sim_world *w, struct sim_fp *fp)
{
	sim__add(fp, sim__part(SIM__SK_OWNER), false);
	sim__add(fp, sim__part(SIM__SK_SQ), true);
	sim__add(fp, sim__part(SIM__SK_ACKS_TAIL), true);
	if (!w->sk.sim.nacks || w->sk.sim.nacks == SIM_SOCK_ACKS)
		sim__add(fp, sim__part(SIM__SK_ACKS_HEAD), true);
	sim__add(fp, sim__part(SIM__CTRL_RX), true);
}

/*
 * net_rx's next step: an ACK if one is due, else data up to it. An ACK
 * (tcp_ack) frees its bytes from sk_wmem_queued, pops the head of the ACKs
 * due, reads SOCK_NOSPACE for tcp_check_space, and pushes a corked tail
 * (tcp_push_pending_frames): only then does it move the push mark that
 * tcp_write_xmit reads. Data (tcp_v4_rcv) moves bytes from the
 * controller to the receive queue, as far as the next ACK due. Which of
 * the two it is changes only by net_rx's own steps and by a segment sent
 * while no ACK is due, which writes the head that the data form reads.
 */
static void sim__recv(const struct sim_world *w, struct sim_fp *fp)
{
	const struct sock *sk = &w->sk;

	sim__add(fp, sim__part(SIM__SK_OWNER), false);
	if (sim_sock_ack_next(sk)) {
		sim__add(fp, sim__part(SIM__SK_ACKS_HEAD), true);
		sim__add(fp, sim__part(SIM__SK_SPACE), true);
		if (sim_sock_corked(sk))
			sim__add(fp, sim__part(SIM__SK_SQ), true);
		return;
	}
	sim__add(fp, sim__part(SIM__SK_ACKS_HEAD), false);
	sim__add(fp, sim__part(SIM__SK_RQ), true);
	sim__add(fp, sim__part(SIM__CTRL_TX), true);
}

void sim_footprint(const struct sim_world *w, const struct sim_ctx *c,
		   struct sim_fp *fp)
{
	const void *obj = c->obj, *obj2 = c->obj2;
	bool write = true;

	memset(fp, 0, sizeof(*fp));
	/* SOCK_NOSPACE lives in struct socket but is part of the socket's state */
	if (obj == &w->socket.flags)
		obj = sim__part(SIM__SK_SPACE);
	switch (c->op) {
	case SIM_OP_START:
	case SIM_OP_SUBMIT:
		/* a submitter's first steps touch only its own request */
		return;
	case SIM_OP_LLIST_EMPTY:
	case SIM_OP_LIST_EMPTY:
	case SIM_OP_LIST_FIRST:
	case SIM_OP_READ_ONCE:
	case SIM_OP_LOAD:
	case SIM_OP_TEST_BIT:
		write = false;
		break;
	case SIM_OP_QUEUE_WORK:
	case SIM_OP_WORK_WAIT:
		obj = &w->pool_head;
		obj2 = NULL;
		break;
	case SIM_OP_SENDMSG:
		/*
		 * tcp_sendmsg_locked: waits out another owner of the socket,
		 * takes room from sk_wmem_queued, appends and pushes, and may
		 * set SOCK_NOSPACE.
		 */
		sim__add(fp, sim__part(SIM__SK_OWNER), false);
		sim__add(fp, sim__part(SIM__SK_SQ), true);
		sim__add(fp, sim__part(SIM__SK_SPACE), true);
		return;
	case SIM_OP_LOCK_SOCK:
	case SIM_OP_RELEASE_SOCK:
		/*
		 * The owner reads the receive queue (tcp_read_sock) between
		 * the two, where no scheduling point of the socket's falls:
		 * taking the socket stands for that.
		 */
		sim__add(fp, sim__part(SIM__SK_OWNER), true);
		sim__add(fp, sim__part(SIM__SK_RQ), true);
		return;
	case SIM_OP_SK_WRITEABLE:
		sim__add(fp, sim__part(SIM__SK_SPACE), false);
		return;
	case SIM_OP_NET_XMIT:
		sim__xmit(w, fp);
		return;
	case SIM_OP_NET_RECV:
		sim__recv(w, fp);
		return;
	case SIM_OP_TARGET_RUN:
		/* nvmet parses what arrived and queues its answers */
		sim__add(fp, sim__part(SIM__CTRL_RX), true);
		sim__add(fp, sim__part(SIM__CTRL_TX), true);
		return;
	case SIM_OP_CLOCK:
		write = false;	/* the tick writes it */
		break;
	default:
		break;
	}
	sim__add(fp, obj, write);
	sim__add(fp, obj2, write);
}
