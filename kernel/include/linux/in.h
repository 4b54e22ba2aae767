/* Faithful: IPv4 addresses and protocol numbers. */
#ifndef NVTSIM_K_IN_H
#define NVTSIM_K_IN_H

#include <linux/socket.h>

#define IPPROTO_IP 0
#define IPPROTO_TCP 6

struct in_addr {
	__be32 s_addr;
};

struct sockaddr_in {
	sa_family_t sin_family;
	__be16 sin_port;
	struct in_addr sin_addr;
	unsigned char __pad[8];
};

#endif
