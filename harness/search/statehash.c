/* State hashing: a fast 64-bit mix over the bytes that make up the state. */
#include <string.h>

#include "statehash.h"

struct sim__hash {
	uint64_t h;
};

static inline void sim__mix64(struct sim__hash *s, uint64_t v)
{
	s->h ^= v;
	s->h *= 0x9e3779b97f4a7c15ull;
	s->h ^= s->h >> 29;
}

static void sim__mix(struct sim__hash *s, const void *p, size_t n)
{
	const uint8_t *b = p;
	uint64_t v;

	while (n >= 8) {
		memcpy(&v, b, 8);
		sim__mix64(s, v);
		b += 8;
		n -= 8;
	}
	v = 0;
	memcpy(&v, b, n);
	sim__mix64(s, v ^ ((uint64_t)n << 56));
}

static void sim__mix_ring(struct sim__hash *s, const uint8_t *ring, uint32_t cap,
			  uint32_t head, uint32_t len)
{
	uint32_t at = head % cap, first = len < cap - at ? len : cap - at;

	sim__mix64(s, len);
	sim__mix(s, ring + at, first);
	sim__mix(s, ring, len - first);
}

/* driver.h's mix_state callback */
static void sim__mix_cb(void *h, const void *p, size_t n)
{
	sim__mix(h, p, n);
}

static void sim__mix_target(struct sim__hash *s, const struct sim_target *t)
{
	unsigned i;

	sim__mix_ring(s, t->rx, SIM_TARGET_RX_BYTES, t->rx_head, t->rx_len);
	sim__mix_ring(s, t->tx, SIM_TARGET_TX_BYTES, t->tx_head, t->tx_len);
	sim__mix64(s, t->in_pdu);
	if (t->in_pdu)
		sim__mix(s, &t->cur, sizeof(t->cur));
	sim__mix64(s, t->cur_payload_left);
	sim__mix64(s, t->cur_payload_off);
	sim__mix64(s, t->next_ttag);
	sim__mix64(s, t->failed);
	for (i = 0; i < SIM_TARGET_CMDS_MAX; i++) {
		const struct sim_target_cmd *c = &t->cmds[i];

		if (!c->state && !c->cmds_seen)
			continue;
		sim__mix64(s, i);
		sim__mix64(s, c->state);
		sim__mix64(s, c->ttag);
		sim__mix64(s, c->rcvd_bytes);
		sim__mix64(s, c->r2t_offset);
		sim__mix64(s, c->r2t_len);
		sim__mix64(s, c->r2t_rcvd);
	}
}

static void sim__mix_socket(struct sim__hash *s, const struct sim_world *w)
{
	const struct sim_sock *k = &w->sk.sim;
	uint32_t i;

	sim__mix64(s, w->socket.flags);
	sim__mix64(s, (uint64_t)k->owner);
	sim__mix64(s, k->sq_pushed_bytes);
	sim__mix64(s, k->unacked_bytes);
	for (i = 0; i < k->nacks; i++) {
		const struct sim_sock_ack *a =
			&k->acks[(k->ack_head + i) % SIM_SOCK_ACKS];

		sim__mix64(s, a->bytes);
		sim__mix64(s, a->c2h_pos - k->rq_stream_off);
	}
	sim__mix_ring(s, k->sq, SIM_SOCK_SQ_BYTES, k->sq_head, k->sq_len);
	sim__mix_ring(s, k->rq, SIM_SOCK_RQ_BYTES, k->rq_head, k->rq_len);
	for (i = 0; i < k->nsegs; i++)
		sim__mix64(s, k->seg_bytes[(k->seg_head + i) % SIM_SOCK_RQ_SEGS]);
}

#if defined(__x86_64__)
/*
 * A switched-out fiber's live stack includes ASan's redzones between its
 * frames: real memory, only poisoned. Read it word by word, unchecked.
 */
__attribute__((no_sanitize("address")))
static void sim__mix_stack(struct sim__hash *s, const struct sim_ctx *c)
{
	uintptr_t top = (uintptr_t)c->fiber.stack_lo + c->fiber.stack_bytes;
	uintptr_t sp = (uintptr_t)c->fiber.sp, p;

	if (sp <= (uintptr_t)c->fiber.stack_lo || sp >= top)
		return;
	/* the switch leaves sp 8-byte aligned, and the top is 16-byte aligned */
	for (p = sp & ~(uintptr_t)7; p + 8 <= top; p += 8) {
		s->h ^= *(const volatile uint64_t *)p;
		s->h *= 0x9e3779b97f4a7c15ull;
		s->h ^= s->h >> 29;
	}
}

bool sim_state_hash_exact(void)
{
	return true;
}
#else
static void sim__mix_stack(struct sim__hash *s, const struct sim_ctx *c)
{
	(void)s;
	(void)c;
}

bool sim_state_hash_exact(void)
{
	return false;
}
#endif

static uint64_t sim__hash(const struct sim_world *w, bool with_time,
			  bool stacks)
{
	struct sim__hash s = { 0xcbf29ce484222325ull };
	const struct work_struct *p;
	unsigned i;

	/*
	 * Only a work item reads the clock: its kworker's steps since the
	 * start of the jiffy it started in. Idle, what the next run will read
	 * depends only on where in a jiffy the kworker is.
	 */
	if (!w->cfg.env.quota_steps) {
		/* free time: no count of steps is read (sim__free_clock) */
		sim__mix64(&s, w->clock_state);
	} else if (with_time) {
		const struct sim_ctx *k = &w->ctx[sim_ctx_kworker(w)];

		sim__mix64(&s, k->op == SIM_OP_WORK_WAIT ?
			   k->steps % (w->cfg.env.quota_steps ? w->cfg.env.quota_steps : 1) :
			   k->steps - k->clock_base);
	}
	w->drv->mix_state(sim__mix_cb, &s);
	for (i = 0; i < w->cfg.nreqs; i++)
		sim__mix64(&s, w->rs[i].submitted | w->rs[i].completed << 1);
	sim__mix_socket(&s, w);
	sim__mix_target(&s, &w->target);
	sim__mix64(&s, w->target_idle_rx);
	for (p = w->pool_head; p; p = p->sim_next)
		sim__mix64(&s, (uint64_t)(uintptr_t)p);
	for (i = 0; i < w->nctx; i++) {
		const struct sim_ctx *c = &w->ctx[i];

		sim__mix64(&s, c->op | (uint64_t)c->done << 8);
		sim__mix64(&s, (uint64_t)(uintptr_t)c->obj);
		if (c->done)
			continue;
		if (stacks)
			sim__mix_stack(&s, c);
		else
			sim__mix64(&s, (uint64_t)(uintptr_t)c->fn);
	}
	return s.h;
}

uint64_t sim_state_hash(const struct sim_world *w, bool with_time)
{
	return sim__hash(w, with_time, true);
}

uint64_t sim_state_hash_points(const struct sim_world *w)
{
	return sim__hash(w, false, false);
}
