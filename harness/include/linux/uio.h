/* Faithful: bio_vec and a bvec-only iov_iter (the only kind a request's data uses). */
#ifndef NVTSIM_LINUX_UIO_H
#define NVTSIM_LINUX_UIO_H

#include <linux/net.h>
#include <linux/types.h>

#define ITER_DEST 0
#define ITER_SOURCE 1
#define READ 0
#define WRITE 1

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};

struct iov_iter {
	unsigned int dir;
	const struct bio_vec *bvec;
	unsigned long nr_segs;
	size_t iov_offset;
	size_t count;
};

void iov_iter_bvec(struct iov_iter *i, unsigned int dir,
		   const struct bio_vec *bvec, unsigned long nr_segs,
		   size_t count);
void iov_iter_advance(struct iov_iter *i, size_t bytes);

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

static inline size_t iov_iter_single_seg_count(const struct iov_iter *i)
{
	size_t seg;

	if (!i->nr_segs)
		return 0;
	seg = i->bvec->bv_len - i->iov_offset;
	return seg < i->count ? seg : i->count;
}

/* Copy len bytes of a received segment into the iterator's pages. */
int skb_copy_datagram_iter(const struct sk_buff *skb, int offset,
			   struct iov_iter *to, int len);

#endif
