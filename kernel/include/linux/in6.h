/* Faithful: IPv6 addresses. */
#ifndef NVTSIM_K_IN6_H
#define NVTSIM_K_IN6_H

#include <linux/socket.h>

struct in6_addr {
	union {
		__u8 u6_addr8[16];
		__be32 u6_addr32[4];
	} in6_u;
};

struct sockaddr_in6 {
	unsigned short sin6_family;
	__be16 sin6_port;
	__be32 sin6_flowinfo;
	struct in6_addr sin6_addr;
	__u32 sin6_scope_id;
};

#endif
