/*
 * Simulation point: struct sock is harness/include's (shared with the
 * world: sends, lock_sock, sk_stream_is_writeable are its scheduling
 * points). Faithful: TCP states and the helpers the data path reads.
 * The socket options of queue set-up are declared (generated stubs).
 */
#ifndef NVTSIM_K_NET_SOCK_H
#define NVTSIM_K_NET_SOCK_H

#include <linux/kernel.h>
#include <linux/net.h>
#include <linux/socket.h>
#include <linux/sockptr.h>
#include <linux/uio.h>
#include <linux/mm.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/skbuff.h>

enum {
	TCP_ESTABLISHED = 1,
	TCP_SYN_SENT,
	TCP_SYN_RECV,
	TCP_FIN_WAIT1,
	TCP_FIN_WAIT2,
	TCP_TIME_WAIT,
	TCP_CLOSE,
	TCP_CLOSE_WAIT,
	TCP_LAST_ACK,
	TCP_LISTEN,
	TCP_CLOSING,
};

struct lock_class_key {
	int unused;
};

void sk_set_memalloc(struct sock *sk);
void sk_net_refcnt_upgrade(struct sock *sk);
void sock_no_linger(struct sock *sk);
void sock_set_priority(struct sock *sk, u32 priority);
int sock_setsockopt(struct socket *sock, int level, int op, sockptr_t optval,
		    unsigned int optlen);
int sk_wmem_alloc_get(const struct sock *sk);
bool sock_allow_reclassification(const struct sock *sk);
void ip_sock_set_tos(struct sock *sk, int val);

#endif
