/*
 * Faithful: TLS record types (RFC 8446), for trees whose subset lacks
 * include/net/tls_prot.h; a tree that has it is staged and wins.
 */
#ifndef _TLS_PROT_H
#define _TLS_PROT_H

enum {
	TLS_RECORD_TYPE_CHANGE_CIPHER_SPEC = 20,
	TLS_RECORD_TYPE_ALERT = 21,
	TLS_RECORD_TYPE_HANDSHAKE = 22,
	TLS_RECORD_TYPE_DATA = 23,
};

enum {
	TLS_ALERT_LEVEL_WARNING = 1,
	TLS_ALERT_LEVEL_FATAL = 2,
};

#endif
