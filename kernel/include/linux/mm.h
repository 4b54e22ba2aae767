/*
 * Faithful: pages are plain memory here (harness/include/linux/net.h: a
 * page pointer is the address of its bytes); page_frag allocations come
 * from the driver's static arena (kernel/glue.c), so addresses repeat
 * run after run.
 */
#ifndef NVTSIM_K_MM_H
#define NVTSIM_K_MM_H

#include <linux/kernel.h>
#include <linux/net.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

/*
 * A page pointer is the address of its bytes, so a struct page is that
 * many bytes: page + n is the page n * PAGE_SIZE bytes on, as 6.15+ trees'
 * nvme_tcp_ddgst_update() walks a bvec's pages (page += off / PAGE_SIZE).
 */
struct page {
	unsigned char nvtsim_bytes[PAGE_SIZE];
};

static inline void *kmap_local_page(struct page *page)
{
	return (void *)page;
}

static inline void kunmap_local(const void *addr)
{
}

struct page_frag_cache {
	void *va;
	u16 offset;
	u16 size;
	unsigned int pagecnt_bias;
	bool pfmemalloc;
};

static inline void *page_address(const struct page *page)
{
	return (void *)page;
}

static inline struct page *virt_to_head_page(const void *x)
{
	return virt_to_page(x);
}

static inline bool sendpages_ok(struct page *page, size_t len, size_t offset)
{
	return true;
}

static inline unsigned int memalloc_noreclaim_save(void)
{
	return 0;
}

static inline void memalloc_noreclaim_restore(unsigned int flags)
{
}

static inline unsigned int memalloc_noio_save(void)
{
	return 0;
}

static inline void memalloc_noio_restore(unsigned int flags)
{
}

void *page_frag_alloc(struct page_frag_cache *nc, unsigned int fragsz,
		      gfp_t gfp_mask);
void page_frag_free(void *addr);
void __page_frag_cache_drain(struct page *page, unsigned int count);
void page_frag_cache_drain(struct page_frag_cache *nc);
void get_page(struct page *page);
void put_page(struct page *page);

#endif
