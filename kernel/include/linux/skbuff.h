/* Faithful: sk_buff is harness/include's view of a received segment; the queue test is the kernel's. */
#ifndef NVTSIM_K_SKBUFF_H
#define NVTSIM_K_SKBUFF_H

#include <linux/net.h>
#include <linux/uio.h>

static inline bool skb_queue_empty_lockless(const struct sk_buff_head *list)
{
	return READ_ONCE(list->next) == (const struct sk_buff *)list;
}

struct ahash_request;
int skb_copy_and_hash_datagram_iter(const struct sk_buff *skb, int offset,
				    struct iov_iter *to, int len,
				    struct ahash_request *hash);
/* 6.15+: the data digest is a crc32c computed while copying (stub: digests are off) */
int skb_copy_and_crc32c_datagram_iter(const struct sk_buff *skb, int offset,
				      struct iov_iter *to, int len, u32 *crcp);

#endif
