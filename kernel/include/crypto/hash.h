/* Stub: crc32c digests (header/data digest, configured off by nvtsim): declared only, generated stubs. */
#ifndef NVTSIM_K_CRYPTO_HASH_H
#define NVTSIM_K_CRYPTO_HASH_H

#include <linux/types.h>
#include <linux/scatterlist.h>

#define CRYPTO_ALG_ASYNC 0x00000080

struct crypto_ahash;
struct ahash_request;
typedef void (*crypto_completion_t)(void *req, int err);

struct crypto_ahash *crypto_alloc_ahash(const char *alg_name, u32 type, u32 mask);
void crypto_free_ahash(struct crypto_ahash *tfm);
struct ahash_request *ahash_request_alloc(struct crypto_ahash *tfm, gfp_t gfp);
void ahash_request_free(struct ahash_request *req);
struct crypto_ahash *crypto_ahash_reqtfm(struct ahash_request *req);
void ahash_request_set_callback(struct ahash_request *req, u32 flags,
				crypto_completion_t compl, void *data);
void ahash_request_set_crypt(struct ahash_request *req, struct scatterlist *src,
			     u8 *result, unsigned int nbytes);
int crypto_ahash_init(struct ahash_request *req);
int crypto_ahash_update(struct ahash_request *req);
int crypto_ahash_final(struct ahash_request *req);
int crypto_ahash_digest(struct ahash_request *req);

#endif
