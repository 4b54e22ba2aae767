/* Stub: scatterlists feed the digests only (configured off): declared, generated stubs. */
#ifndef NVTSIM_K_SCATTERLIST_H
#define NVTSIM_K_SCATTERLIST_H

#include <linux/types.h>

struct page;
struct scatterlist {
	unsigned long page_link;
	unsigned int offset;
	unsigned int length;
	dma_addr_t dma_address;
};

void sg_init_table(struct scatterlist *sgl, unsigned int nents);
void sg_set_page(struct scatterlist *sg, struct page *page, unsigned int len,
		 unsigned int offset);
void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen);

#endif
