/* Stub: kTLS is configured off; the record-type constants come from the tree's <net/tls_prot.h>. */
#ifndef NVTSIM_K_NET_TLS_H
#define NVTSIM_K_NET_TLS_H

#include <net/sock.h>
#include <net/tls_prot.h>

#endif
