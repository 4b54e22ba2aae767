/* Faithful: <net/tcp.h> for the host: TCP socket options are declared (queue set-up: generated stubs). */
#ifndef NVTSIM_K_NET_TCP_H
#define NVTSIM_K_NET_TCP_H

#include <net/sock.h>

int tcp_sock_set_syncnt(struct sock *sk, int val);
void tcp_sock_set_nodelay(struct sock *sk);

#endif
