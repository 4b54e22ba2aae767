/* Footprints of scheduling steps: objects and read/write, canonicalised. */
#include "footprint.h"

void sim_footprint(const struct sim_world *w, const struct sim_ctx *c,
		   struct sim_fp *fp)
{
	const void *sk = &w->sk, *target = &w->target, *pool = &w->pool_head;

	fp->obj[0] = c->obj;
	fp->obj[1] = c->obj2;
	fp->write = true;
	switch (c->op) {
	case SIM_OP_START:
	case SIM_OP_SUBMIT:
		/* a submitter's first steps touch only its own request */
		fp->obj[0] = fp->obj[1] = NULL;
		fp->write = false;
		break;
	case SIM_OP_LLIST_EMPTY:
	case SIM_OP_LIST_EMPTY:
	case SIM_OP_LIST_FIRST:
	case SIM_OP_READ_ONCE:
	case SIM_OP_LOAD:
	case SIM_OP_TEST_BIT:
		fp->write = false;
		break;
	case SIM_OP_QUEUE_WORK:
	case SIM_OP_WORK_WAIT:
		fp->obj[0] = pool;
		fp->obj[1] = NULL;
		break;
	case SIM_OP_SENDMSG:
	case SIM_OP_LOCK_SOCK:
	case SIM_OP_RELEASE_SOCK:
		fp->obj[0] = sk;
		fp->obj[1] = NULL;
		break;
	case SIM_OP_SK_WRITEABLE:
		fp->obj[0] = sk;
		fp->obj[1] = NULL;
		fp->write = false;
		break;
	case SIM_OP_NET_XMIT:
	case SIM_OP_NET_RECV:
		fp->obj[0] = sk;
		fp->obj[1] = target;
		break;
	case SIM_OP_TARGET_RUN:
		fp->obj[0] = target;
		fp->obj[1] = NULL;
		break;
	case SIM_OP_CLOCK:
		fp->write = false;	/* the tick writes it */
		break;
	default:
		break;
	}
	/* SOCK_NOSPACE lives in struct socket but is part of the socket's state */
	if (fp->obj[0] == &w->socket.flags)
		fp->obj[0] = sk;
}
