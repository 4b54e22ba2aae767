/* Faithful: bvec iterators of <linux/bvec.h> over harness/include's struct bio_vec. */
#ifndef NVTSIM_K_BVEC_H
#define NVTSIM_K_BVEC_H

#include <linux/kernel.h>
#include <linux/uio.h>
#include <linux/mm.h>

struct bvec_iter {
	sector_t bi_sector;
	unsigned int bi_size;
	unsigned int bi_idx;
	unsigned int bi_bvec_done;
};

#define __bvec_iter_bvec(bvec, iter) (&(bvec)[(iter).bi_idx])
#define mp_bvec_iter_page(bvec, iter) (__bvec_iter_bvec((bvec), (iter))->bv_page)
#define mp_bvec_iter_len(bvec, iter) \
	min((iter).bi_size, __bvec_iter_bvec((bvec), (iter))->bv_len - (iter).bi_bvec_done)
#define mp_bvec_iter_offset(bvec, iter) \
	(__bvec_iter_bvec((bvec), (iter))->bv_offset + (iter).bi_bvec_done)
#define mp_bvec_iter_bvec(bvec, iter) \
	((struct bio_vec) { \
		.bv_page = mp_bvec_iter_page((bvec), (iter)), \
		.bv_len = mp_bvec_iter_len((bvec), (iter)), \
		.bv_offset = mp_bvec_iter_offset((bvec), (iter)), \
	})
/* pages are plain memory here: a multi-page bvec is one segment */
#define bvec_iter_bvec(bvec, iter) mp_bvec_iter_bvec(bvec, iter)

static inline void bvec_iter_advance_single(const struct bio_vec *bv,
					    struct bvec_iter *iter,
					    unsigned int bytes)
{
	unsigned int done = iter->bi_bvec_done + bytes;

	if (done == bv[iter->bi_idx].bv_len) {
		done = 0;
		iter->bi_idx++;
	}
	iter->bi_bvec_done = done;
	iter->bi_size -= bytes;
}

static inline void bvec_set_page(struct bio_vec *bv, struct page *page,
				 unsigned int len, unsigned int offset)
{
	bv->bv_page = page;
	bv->bv_len = len;
	bv->bv_offset = offset;
}

static inline void bvec_set_virt(struct bio_vec *bv, void *vaddr,
				 unsigned int len)
{
	bvec_set_page(bv, virt_to_page(vaddr), len, offset_in_page(vaddr));
}

#endif
