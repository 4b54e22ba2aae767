/* Fake socket: short writes, -EAGAIN, SOCK_NOSPACE, ACKs, write_space, MSG_MORE corking, reads. */
#include <linux/errno.h>
#include <linux/net.h>
#include <string.h>

#include "sim_test.h"

static uint8_t payload[8192];

static int send_bytes(struct sim_world *w, size_t n, int flags)
{
	return kernel_sendpage(&w->socket, virt_to_page(payload), 0, n,
			       MSG_DONTWAIT | flags);
}

static bool nospace(struct sim_world *w)
{
	return w->socket.flags & (1UL << SOCK_NOSPACE);
}

static bool io_work_pending(struct sim_world *w)
{
	struct sim_drv_view v;

	sim_drv_view(w, &v);
	return v.io_work->pending;
}

static void small_socket(struct sim_fixture *f, uint32_t sndbuf, uint32_t mss)
{
	f->cfg.env.sndbuf_bytes = sndbuf;
	f->cfg.env.mss_bytes = mss;
	sim_fixture_reset(f);
}

static void run_ctx(struct sim_world *w, int id)
{
	unsigned guard = 0;

	while (sim_ctx_enabled(w, &w->ctx[id]) && guard++ < 1000)
		sim_step(w, id);
}

static void test_sendmsg_short_write_sets_nospace(void **state)
{
	struct sim_fixture *f = *state;

	small_socket(f, 4608, 1460);
	assert_int_equal(send_bytes(f->w, 6000, MSG_EOR), 4608);
	assert_true(nospace(f->w));
	assert_int_equal(f->w->sk.sim.sq_len, 4608);
	/* tcp_sendmsg pushes what it copied before it gives up */
	assert_int_equal(sim_sock_xmit_ready(&f->w->sk), 4608);
	assert_int_equal(f->w->sk.sim.short_sends, 1);
}

static void test_sendmsg_full_buffer_returns_eagain(void **state)
{
	struct sim_fixture *f = *state;

	small_socket(f, 4608, 1460);
	assert_int_equal(send_bytes(f->w, 4608, MSG_EOR), 4608);
	assert_false(nospace(f->w));
	assert_int_equal(send_bytes(f->w, 1, MSG_EOR), -EAGAIN);
	assert_true(nospace(f->w));
	assert_int_equal(f->w->sk.sim.eagain_sends, 1);
}

static void test_msg_more_corks_until_a_send_without_it(void **state)
{
	struct sim_fixture *f = *state;

	small_socket(f, 4608, 1460);
	assert_int_equal(send_bytes(f->w, 72, MSG_MORE), 72);
	assert_int_equal(sim_sock_corked(&f->w->sk), 72);
	assert_int_equal(sim_sock_xmit_ready(&f->w->sk), 0);
	assert_int_equal(send_bytes(f->w, 24, MSG_MORE | MSG_SENDPAGE_NOTLAST), 24);
	assert_int_equal(sim_sock_corked(&f->w->sk), 96);
	assert_int_equal(send_bytes(f->w, 10, MSG_EOR), 10);
	assert_int_equal(sim_sock_corked(&f->w->sk), 0);
	assert_int_equal(sim_sock_xmit_ready(&f->w->sk), 106);
}

static void test_msg_more_lets_full_segments_out(void **state)
{
	struct sim_fixture *f = *state;
	uint8_t seg[64];

	small_socket(f, 4608, 20);
	assert_int_equal(send_bytes(f->w, 50, MSG_MORE), 50);
	assert_int_equal(sim_sock_xmit_ready(&f->w->sk), 40);
	assert_int_equal(sim_sock_corked(&f->w->sk), 10);
	assert_int_equal(sim_sock_xmit(&f->w->sk, seg, sizeof(seg), 0), 20);
	assert_memory_equal(seg, payload, 20);
	assert_int_equal(sim_sock_xmit(&f->w->sk, seg, sizeof(seg), 0), 20);
	assert_int_equal(sim_sock_xmit(&f->w->sk, seg, sizeof(seg), 0), 0);
}

static void test_write_space_fires_when_the_ack_frees_space(void **state)
{
	struct sim_fixture *f = *state;
	struct sim_world *w;

	small_socket(f, 4608, 1460);
	w = f->w;
	assert_int_equal(send_bytes(w, 6000, MSG_EOR), 4608);
	assert_true(nospace(w));
	run_ctx(w, sim_ctx_net_tx(w));
	assert_int_equal(w->target.rx_len, 4608);
	/* on the wire, not acknowledged: still in sk_wmem_queued */
	assert_int_equal(sim_sock_unacked(&w->sk), 4608);
	assert_int_equal(send_bytes(w, 1, MSG_EOR), -EAGAIN);
	assert_int_equal(w->sk.sim.write_space_calls, 0);
	run_ctx(w, sim_ctx_net_rx(w));
	assert_int_equal(w->sk.sim.acks_rcvd, 4);	/* 1460 * 3 + 228 */
	assert_int_equal(sim_sock_unacked(&w->sk), 0);
	/*
	 * The first ACK leaves 3148 queued, 1460 free: not writeable, so
	 * nvme_tcp_write_space leaves SOCK_NOSPACE set; the second clears it.
	 */
	assert_int_equal(w->sk.sim.write_space_calls, 2);
	/* nvme_tcp_write_space saw a writable socket: cleared the bit, kicked io_work */
	assert_false(nospace(w));
	assert_true(io_work_pending(w));
}

static void test_write_space_silent_without_nospace(void **state)
{
	struct sim_fixture *f = *state;
	struct sim_world *w = f->w;

	assert_int_equal(send_bytes(w, 100, MSG_EOR), 100);
	run_ctx(w, sim_ctx_net_tx(w));
	run_ctx(w, sim_ctx_net_rx(w));
	assert_int_equal(w->target.rx_len, 100);
	assert_int_equal(w->sk.sim.acks_rcvd, 1);
	assert_int_equal(w->sk.sim.write_space_calls, 0);
	assert_false(io_work_pending(w));
}

static void test_ack_pushes_a_corked_tail(void **state)
{
	struct sim_fixture *f = *state;
	struct sim_world *w = f->w;

	assert_int_equal(send_bytes(w, 100, MSG_EOR), 100);
	run_ctx(w, sim_ctx_net_tx(w));
	/* sent after the segment left: corked, with its ACK still to come */
	assert_int_equal(send_bytes(w, 72, MSG_MORE), 72);
	assert_int_equal(sim_sock_corked(&w->sk), 72);
	assert_false(sim_ctx_enabled(w, &w->ctx[sim_ctx_net_tx(w)]));
	/* tcp_ack -> tcp_data_snd_check -> tcp_push_pending_frames, TCP_NAGLE_OFF */
	run_ctx(w, sim_ctx_net_rx(w));
	assert_int_equal(sim_sock_corked(&w->sk), 0);
	assert_int_equal(sim_sock_xmit_ready(&w->sk), 72);
	run_ctx(w, sim_ctx_net_tx(w));
	assert_int_equal(w->target.rx_len, 172);
}

static void test_corked_tail_with_nothing_in_flight_stays(void **state)
{
	struct sim_fixture *f = *state;
	struct sim_world *w = f->w;

	assert_int_equal(send_bytes(w, 100, MSG_EOR), 100);
	run_ctx(w, sim_ctx_net_tx(w));
	run_ctx(w, sim_ctx_net_rx(w));
	/* corked after the last ACK came back: no ACK will push it */
	assert_int_equal(send_bytes(w, 72, MSG_MORE), 72);
	assert_int_equal(sim_sock_corked(&w->sk), 72);
	assert_false(sim_ctx_enabled(w, &w->ctx[sim_ctx_net_tx(w)]));
	assert_false(sim_ctx_enabled(w, &w->ctx[sim_ctx_net_rx(w)]));
}

/* One delivery by net_rx, with the callbacks it runs, back to its next one. */
static void net_rx_once(struct sim_world *w)
{
	int id = sim_ctx_net_rx(w);

	do
		sim_step(w, id);
	while (w->ctx[id].op != SIM_OP_NET_RECV);
}

static void test_ack_comes_before_later_controller_data(void **state)
{
	struct sim_fixture *f = *state;
	struct sim_world *w = f->w;
	static const uint8_t resp[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

	/* the controller queued 8 bytes before the host's segment arrived */
	memcpy(w->target.tx, resp, sizeof(resp));
	w->target.tx_len = sizeof(resp);
	assert_int_equal(send_bytes(w, 100, MSG_EOR), 100);
	run_ctx(w, sim_ctx_net_tx(w));
	/* ... and 8 more after it: those come after the ACK */
	memcpy(w->target.tx + 8, resp, sizeof(resp));
	w->target.tx_len += sizeof(resp);
	assert_false(sim_sock_ack_next(&w->sk));
	assert_int_equal(sim_sock_c2h_before_ack(&w->sk), 8);
	net_rx_once(w);	/* the 8 earlier bytes */
	assert_int_equal(sim_sock_rx_pending(&w->sk), 8);
	assert_int_equal(w->sk.sim.acks_rcvd, 0);
	assert_true(sim_sock_ack_next(&w->sk));
	net_rx_once(w);	/* the ACK */
	assert_int_equal(w->sk.sim.acks_rcvd, 1);
	assert_int_equal(sim_sock_rx_pending(&w->sk), 8);
	net_rx_once(w);	/* the later bytes */
	assert_int_equal(sim_sock_rx_pending(&w->sk), 16);
}

static void test_writeable_needs_a_third_free(void **state)
{
	struct sim_fixture *f = *state;
	struct sim_world *w;

	small_socket(f, 4608, 1460);
	w = f->w;
	assert_int_equal(send_bytes(w, 3072, MSG_EOR), 3072);
	/* 1536 free >= 3072 / 2 queued */
	assert_true(sk_stream_is_writeable(&w->sk));
	assert_int_equal(send_bytes(w, 1, MSG_EOR), 1);
	assert_false(sk_stream_is_writeable(&w->sk));
}

static int actor_used;

static int half_actor(read_descriptor_t *desc, struct sk_buff *skb,
		      unsigned int offset, size_t len)
{
	uint8_t buf[8];

	(void)desc;
	assert_int_equal(skb_copy_bits(skb, (int)offset, buf, 2), 0);
	actor_used = (int)(len / 2);
	return actor_used;
}

static void test_read_sock_keeps_what_the_actor_leaves(void **state)
{
	struct sim_fixture *f = *state;
	struct sock *sk = &f->w->sk;
	read_descriptor_t desc = { .count = 1 };
	uint8_t data[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

	sim_sock_deliver(sk, data, 10);
	assert_int_equal(sim_tcp_read_sock(sk, &desc, half_actor), 5);
	assert_int_equal(sim_sock_rx_pending(sk), 5);
	assert_int_equal(sk->sim.nsegs, 1);
	assert_int_equal(sim_tcp_read_sock(sk, &desc, half_actor), 2);
	assert_int_equal(sim_sock_rx_pending(sk), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sendmsg_short_write_sets_nospace, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_sendmsg_full_buffer_returns_eagain, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_msg_more_corks_until_a_send_without_it, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_msg_more_lets_full_segments_out, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_write_space_fires_when_the_ack_frees_space, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_write_space_silent_without_nospace, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_ack_pushes_a_corked_tail, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_corked_tail_with_nothing_in_flight_stays, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_ack_comes_before_later_controller_data, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_writeable_needs_a_third_free, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_read_sock_keeps_what_the_actor_leaves, sim_fixture_setup, sim_fixture_teardown),
	};

	for (unsigned i = 0; i < sizeof(payload); i++)
		payload[i] = (uint8_t)(i * 7);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
