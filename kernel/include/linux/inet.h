/* Faithful: address parsing is declared (controller creation only: a generated stub). */
#ifndef NVTSIM_K_INET_H
#define NVTSIM_K_INET_H

#include <linux/in.h>
#include <linux/in6.h>

struct net;
extern struct net init_net;
int inet_pton_with_scope(struct net *net, unsigned short af, const char *src,
			 const char *port, struct sockaddr_storage *addr);

#endif
