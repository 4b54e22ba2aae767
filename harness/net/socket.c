/*
 * The fake TCP socket, host side, on a TCP_NODELAY socket as nvme-tcp sets
 * it (nvme_tcp_alloc_queue: tcp_sock_set_nodelay). Each rule follows the
 * kernel function named beside it:
 *
 * - sendmsg (tcp_sendmsg_locked): MSG_DONTWAIT sends take what fits in
 *   sk_sndbuf - sk_wmem_queued, return a short count or -EAGAIN and set
 *   SOCK_NOSPACE (the wait_for_space path, sk_stream_wait_memory); a short
 *   send pushes what it copied (tcp_push before waiting). A send with
 *   MSG_MORE / MSG_SENDPAGE_NOTLAST is pushed with TCP_NAGLE_CORK
 *   (tcp_push): only full MSS segments leave (tcp_nagle_test); the tail stays
 *   corked. A send without it pushes everything (nonagle = TCP_NAGLE_OFF).
 * - transmit (tcp_write_xmit, the net_tx context): one pushed segment of at
 *   most one MSS leaves per step. It stays in sk_wmem_queued until acked.
 * - ACK (tcp_ack -> tcp_clean_rtx_queue, then tcp_data_snd_check ->
 *   tcp_push_pending_frames, tcp_check_space): an ACK, delivered by the
 *   network like any segment (the net_rx context), frees its segment's
 *   bytes, pushes every pending byte with the socket's own nonagle
 *   (TCP_NAGLE_OFF: a corked tail goes out too), and, with SOCK_NOSPACE set,
 *   calls ->sk_write_space (tcp_new_space). A tail corked after the last
 *   ACK came back stays corked: nothing else pushes it.
 * - sk_stream_is_writeable (sk_stream_wspace >= sk_stream_min_wspace and
 *   sk_stream_memory_free) on sk_wmem_queued = unsent + unacked bytes.
 * - receive: a ring of delivered segments that tcp_read_sock hands to the
 *   driver's actor.
 *
 * SIM: sk_wmem_queued counts payload bytes only (no skb truesize), the
 * window and congestion control never hold a segment back (the controller's
 * receive window does: sim_target_window), and there are no retransmits.
 */
#include <linux/errno.h>
#include <linux/net.h>
#include <linux/uio.h>
#include <string.h>

#include "ring.h"
#include "sim.h"
#include "trace.h"

void sim_sock_reset(struct sock *sk, uint32_t sndbuf_bytes, uint32_t mss_bytes)
{
	struct sim_sock *s = &sk->sim;

	s->sndbuf_bytes = sndbuf_bytes;
	s->mss_bytes = mss_bytes;
	s->owner = 0;
	s->sq_head = s->sq_len = s->sq_pushed_bytes = 0;
	s->sq_stream_off = 0;
	s->unacked_bytes = 0;
	s->ack_head = s->nacks = 0;
	s->acks_rcvd = 0;
	s->rq_head = s->rq_len = 0;
	s->seg_head = s->nsegs = 0;
	s->rq_stream_off = 0;
	s->write_space_calls = s->data_ready_calls = 0;
	s->eagain_sends = s->short_sends = 0;
}

static bool sim__more(int flags)
{
	return flags & (MSG_MORE | MSG_SENDPAGE_NOTLAST);
}

static void sim__flags_str(int flags, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s%s", flags & MSG_DONTWAIT ? "DONTWAIT" : "",
		 flags & MSG_MORE ? "|MORE" : "",
		 flags & MSG_SENDPAGE_NOTLAST ? "|NOTLAST" : "",
		 flags & MSG_EOR ? "|EOR" : "");
}

/* sk_wmem_queued: bytes not yet sent plus bytes sent and not yet acknowledged */
static u32 sim__wmem_queued(const struct sim_sock *s)
{
	return s->sq_len + s->unacked_bytes;
}

static int sim__sendmsg(struct sock *sk, const u8 *buf, size_t size, int flags)
{
	struct sim_sock *s = &sk->sim;
	u32 queued = sim__wmem_queued(s);
	u32 room = queued < s->sndbuf_bytes ? s->sndbuf_bytes - queued : 0;
	u32 n = size < room ? (u32)size : room;

	if (!n) {
		sk->sk_socket->flags |= 1UL << SOCK_NOSPACE;
		s->eagain_sends++;
		return -EAGAIN;
	}
	sim_ring_write(s->sq, SIM_SOCK_SQ_BYTES, s->sq_head + s->sq_len, buf, n);
	s->sq_len += n;
	if (n < size) {
		/* out of room: tcp_sendmsg pushes what it copied, then says EAGAIN-ish */
		sk->sk_socket->flags |= 1UL << SOCK_NOSPACE;
		s->short_sends++;
		s->sq_pushed_bytes = s->sq_len;
	} else if (!sim__more(flags)) {
		s->sq_pushed_bytes = s->sq_len;
	} else {
		u32 held = s->sq_len - s->sq_pushed_bytes;

		/* full segments leave even when corked */
		s->sq_pushed_bytes += held - held % s->mss_bytes;
	}
	return (int)n;
}

int sim_kernel_sendpage(struct socket *sock, struct page *page, size_t offset,
			size_t size, int flags, const char *fn)
{
	struct sock *sk = sock->sk;
	char fl[48];
	int ret;

	sim_point(SIM_OP_SENDMSG, sk, "sk", fn);
	if (!(flags & MSG_DONTWAIT))
		sim_fail_safety("a send without MSG_DONTWAIT would sleep in %s", fn);
	ret = sim__sendmsg(sk, (const u8 *)page + offset, size, flags);
	if (sim_tracing()) {
		sim__flags_str(flags, fl, sizeof(fl));
		sim_trace_op("sendmsg(%zu bytes, %s) = %d  [queued %u+%u unacked/%u, corked %u]",
			     size, fl, ret, sk->sim.sq_len, sk->sim.unacked_bytes,
			     sk->sim.sndbuf_bytes, sim_sock_corked(sk));
	}
	return ret;
}

uint32_t sim_sock_xmit_ready(const struct sock *sk)
{
	return sk->sim.sq_pushed_bytes;
}

uint32_t sim_sock_corked(const struct sock *sk)
{
	return sk->sim.sq_len - sk->sim.sq_pushed_bytes;
}

uint32_t sim_sock_xmit(struct sock *sk, uint8_t *buf, uint32_t max_bytes,
		       uint64_t c2h_pos)
{
	struct sim_sock *s = &sk->sim;
	u32 n = s->sq_pushed_bytes;
	struct sim_sock_ack *a;

	if (n > s->mss_bytes)
		n = s->mss_bytes;
	if (n > max_bytes)
		n = max_bytes;
	sim_ring_read(s->sq, SIM_SOCK_SQ_BYTES, s->sq_head, buf, n);
	s->sq_head = (s->sq_head + n) % SIM_SOCK_SQ_BYTES;
	s->sq_len -= n;
	s->sq_pushed_bytes -= n;
	s->sq_stream_off += n;
	s->unacked_bytes += n;
	/*
	 * The controller acks on receipt, ahead of anything it sends later. With
	 * the ring full, the ACK joins the newest one: a delayed, cumulative ACK.
	 */
	if (s->nacks == SIM_SOCK_ACKS) {
		a = &s->acks[(s->ack_head + s->nacks - 1) % SIM_SOCK_ACKS];
		a->bytes += n;
	} else {
		a = &s->acks[(s->ack_head + s->nacks++) % SIM_SOCK_ACKS];
		a->bytes = n;
	}
	a->c2h_pos = c2h_pos;
	return n;
}

uint64_t sim_sock_c2h_delivered(const struct sock *sk)
{
	return sk->sim.rq_stream_off + sk->sim.rq_len;
}

bool sim_sock_ack_next(const struct sock *sk)
{
	const struct sim_sock *s = &sk->sim;

	return s->nacks && s->acks[s->ack_head].c2h_pos <= sim_sock_c2h_delivered(sk);
}

uint32_t sim_sock_c2h_before_ack(const struct sock *sk)
{
	const struct sim_sock *s = &sk->sim;
	uint64_t pos, done = sim_sock_c2h_delivered(sk);

	if (!s->nacks)
		return UINT32_MAX;
	pos = s->acks[s->ack_head].c2h_pos;
	return pos > done ? (uint32_t)(pos - done) : 0;
}

uint32_t sim_sock_ack(struct sock *sk)
{
	struct sim_sock *s = &sk->sim;
	u32 n = s->acks[s->ack_head].bytes;

	/* tcp_clean_rtx_queue: the acked segment leaves sk_wmem_queued */
	s->unacked_bytes -= n;
	s->ack_head = (s->ack_head + 1) % SIM_SOCK_ACKS;
	s->nacks--;
	s->acks_rcvd++;
	/* tcp_push_pending_frames with tp->nonagle = TCP_NAGLE_OFF: no cork */
	s->sq_pushed_bytes = s->sq_len;
	return n;
}

uint32_t sim_sock_unacked(const struct sock *sk)
{
	return sk->sim.unacked_bytes;
}

uint32_t sim_sock_rx_room(const struct sock *sk)
{
	if (sk->sim.nsegs >= SIM_SOCK_RQ_SEGS)
		return 0;
	return SIM_SOCK_RQ_BYTES - sk->sim.rq_len;
}

uint32_t sim_sock_rx_pending(const struct sock *sk)
{
	return sk->sim.rq_len;
}

void sim_sock_deliver(struct sock *sk, const uint8_t *buf, uint32_t len)
{
	struct sim_sock *s = &sk->sim;

	sim_ring_write(s->rq, SIM_SOCK_RQ_BYTES, s->rq_head + s->rq_len, buf, len);
	s->rq_len += len;
	s->seg_bytes[(s->seg_head + s->nsegs) % SIM_SOCK_RQ_SEGS] = len;
	s->nsegs++;
}

void sim_lock_sock(struct sock *sk, const char *fn)
{
	/* enabled only while nobody else owns it */
	sim_point(SIM_OP_LOCK_SOCK, sk, "sk", fn);
	sk->sim.owner = sim_current_ctx() + 1;
	if (sim_tracing())
		sim_trace_op("lock_sock(sk)");
}

void sim_release_sock(struct sock *sk, const char *fn)
{
	sim_point(SIM_OP_RELEASE_SOCK, sk, "sk", fn);
	if (sk->sim.owner != sim_current_ctx() + 1)
		sim_fail_safety("release_sock by a context that does not own the socket");
	sk->sim.owner = 0;
	if (sim_tracing())
		sim_trace_op("release_sock(sk)");
}

bool sim_sk_stream_is_writeable(const struct sock *sk, const char *fn)
{
	const struct sim_sock *s = &sk->sim;
	bool ok;

	sim_point(SIM_OP_SK_WRITEABLE, sk, "sk", fn);
	/* sk_stream_wspace() >= sk_stream_min_wspace() && memory free */
	ok = sim__wmem_queued(s) < s->sndbuf_bytes &&
		s->sndbuf_bytes - sim__wmem_queued(s) >= sim__wmem_queued(s) / 2;
	if (sim_tracing())
		sim_trace_op("sk_stream_is_writeable(sk) = %d [queued %u, unacked %u, sndbuf %u]",
			     ok, s->sq_len, s->unacked_bytes, s->sndbuf_bytes);
	return ok;
}

int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len)
{
	if (offset < 0 || len < 0 || (u32)offset + (u32)len > skb->len)
		return -EFAULT;
	sim_ring_read(skb->ss->rq, SIM_SOCK_RQ_BYTES, skb->ring_off + (u32)offset,
		      to, (u32)len);
	return 0;
}

int skb_copy_datagram_iter(const struct sk_buff *skb, int offset,
			   struct iov_iter *to, int len)
{
	while (len > 0) {
		size_t seg = iov_iter_single_seg_count(to);
		u8 *dst;
		int n;

		if (!seg)
			return -EFAULT;
		n = (int)seg < len ? (int)seg : len;
		dst = (u8 *)to->bvec->bv_page + to->bvec->bv_offset +
			to->iov_offset;
		if (skb_copy_bits(skb, offset, dst, n))
			return -EFAULT;
		iov_iter_advance(to, (size_t)n);
		offset += n;
		len -= n;
	}
	return 0;
}

int sim_tcp_read_sock(struct sock *sk, read_descriptor_t *desc,
		      sk_read_actor_t recv_actor)
{
	struct sim_sock *s = &sk->sim;
	int copied = 0;

	/* called under lock_sock: no scheduling point of its own */
	while (s->nsegs && desc->count) {
		u32 seglen = s->seg_bytes[s->seg_head];
		struct sk_buff skb = { .ss = s, .ring_off = s->rq_head,
				       .len = seglen };
		int used = recv_actor(desc, &skb, 0, seglen);

		if (used <= 0) {
			if (!copied)
				copied = used;
			break;
		}
		if ((u32)used > seglen)
			used = (int)seglen;
		s->rq_head = (s->rq_head + (u32)used) % SIM_SOCK_RQ_BYTES;
		s->rq_len -= (u32)used;
		s->rq_stream_off += (u32)used;
		copied += used;
		if ((u32)used < seglen) {
			s->seg_bytes[s->seg_head] = seglen - (u32)used;
			break;
		}
		s->seg_head = (s->seg_head + 1) % SIM_SOCK_RQ_SEGS;
		s->nsegs--;
	}
	if (sim_cur && sim_cur->trace)
		sim_trace_ctx(sim_cur, "tcp_read_sock", "consumed %d bytes", copied);
	return copied;
}

void iov_iter_bvec(struct iov_iter *i, unsigned int dir,
		   const struct bio_vec *bvec, unsigned long nr_segs,
		   size_t count)
{
	i->dir = dir;
	i->bvec = bvec;
	i->nr_segs = nr_segs;
	i->iov_offset = 0;
	i->count = count;
}

void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	if (bytes > i->count)
		bytes = i->count;
	i->count -= bytes;
	bytes += i->iov_offset;
	while (i->nr_segs && bytes >= i->bvec->bv_len) {
		bytes -= i->bvec->bv_len;
		i->bvec++;
		i->nr_segs--;
	}
	i->iov_offset = bytes;
}
