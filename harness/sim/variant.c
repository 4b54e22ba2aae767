/*
 * Variant table, in history order. Each variant is the set of upstream
 * commits it contains; mainline's ones are prefixes of enum nvt_commit,
 * a stable tree's need not be.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "variant.h"

/* 0bf04c874fcb and f42d4796ee10 without 674f872b7cef: 6.12.y and 6.15.y took them alone */
#define NVT__STABLE_6_12_36 \
	(NVT_UPTO(3770a42bb8ce) | NVT_BIT(0bf04c874fcb) | NVT_BIT(f42d4796ee10))

#define SIM__MODEL_VARIANTS 9

struct sim_variant sim_variants[SIM__MODEL_VARIANTS + 1] = {
	{ "v5.7", "kick-only", "v5.7", NVT_UPTO(v5_7), NULL,
	  "upstream's posted commits; no whole tree compared",
	  "queue_request always kicks io_work; only io_work sends" },
	{ "db5ad6b7f8cd", "direct-send", "v5.8", NVT_UPTO(db5ad6b7f8cd), NULL,
	  "upstream's posted commits; no whole tree compared",
	  "queue_rq sends directly with one nvme_tcp_try_send under send_mutex" },
	{ "122e5b9f3d37", "more-requests", "v5.9", NVT_UPTO(122e5b9f3d37), NULL,
	  "upstream's posted commits; no whole tree compared",
	  "llist req_list, bd->last, commit_rqs; queue->more_requests picks MSG_MORE/MSG_EOR" },
	{ "5c11f7d9f843", "send-all", "v5.11", NVT_UPTO(5c11f7d9f843), NULL,
	  "upstream's posted commits; no whole tree compared",
	  "queue_rq drains the queue with nvme_tcp_send_all" },
	{ "a0fdd1418007", "rerun-io-work", "v5.13", NVT_UPTO(a0fdd1418007), NULL,
	  "825619b09ad3 and a0fdd1418007 as posted; their order from the block-5.13 push log",
	  "io_work stays pending while req_list is non-empty when its trylock fails; a PDU's final send does not advance the request (825619b09ad3)" },
	{ "70f437fb4395", "kick-after-send", "v5.15-rc2", NVT_UPTO(70f437fb4395), NULL,
	  "70f437fb4395 as posted (tag nvme-5.15-2021-09-15); e371af033c56 came after it (5.14.y backport diff)",
	  "that removed; queue_request kicks io_work after a direct send when last and more is queued" },
	{ "3770a42bb8ce", "no-more-requests", "v6.0", NVT_UPTO(3770a42bb8ce), NULL,
	  "6.1.192 (Debian linux-source-6.1): send-path functions read side by side",
	  "H2CData offset from the R2T (e371af033c56, 25e1f67eda4a, v5.15); chunked by MAXH2CDATA (v5.17); more_requests removed" },
	{ "v6.12.36", "stable-6.12.36", "v6.12.36", NVT__STABLE_6_12_36, NULL,
	  "the 6.12 and 6.15 stable review patches of 0bf04c874fcb and f42d4796ee10 (2025-07-03)",
	  "6.12.y/6.15.y stable form: R2T on-list check and io_work going on while the socket is writable, without 674f872b7cef" },
	{ "mainline", "v6.16", "v6.16", NVT_UPTO(f42d4796ee10), "f42d4796ee10",
	  "6.12.117 (Debian linux-source-6.12, 674f872b7cef backported): send-path functions read side by side",
	  "handle_r2t adds to req_list and kicks io_work itself, no sync argument (674f872b7cef); then the two above" },
};

const unsigned sim_nvariants = SIM__MODEL_VARIANTS;
static bool sim__kernel_added;

int sim_variant_add_kernel(const struct sim_driver *drv, const char *id,
			   const char *tcp_sha, const char *path,
			   const char *checked)
{
	struct sim_variant *v = &sim_variants[sim_nvariants];

	memset(v, 0, sizeof(*v));
	v->id = id;
	v->name = "kernel";
	v->release = id;
	v->checked = checked;
	v->summary = "a kernel tree's own drivers/nvme/host/tcp.c, unmodified";
	v->driver = drv;
	v->tcp_sha = tcp_sha;
	v->path = path;
	sim__kernel_added = true;
	return (int)sim_nvariants;
}

const char *sim_variant_flag(int variant, char *buf, size_t len)
{
	const struct sim_variant *v = &sim_variants[variant];

	if (!v->path)
		snprintf(buf, len, "--variant %s", v->id);
	else if (strspn(v->path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+~") ==
		 strlen(v->path))
		snprintf(buf, len, "--kernel %s", v->path);
	else
		snprintf(buf, len, "--kernel '%s'", v->path);
	return buf;
}

int sim_variant_kernel(void)
{
	return sim__kernel_added ? (int)sim_nvariants : -1;
}

bool sim_variant_valid(int variant)
{
	return variant >= 0 && ((unsigned)variant < sim_nvariants ||
				variant == sim_variant_kernel());
}

const struct sim_driver *sim_variant_driver(int variant)
{
	if (sim_variant_valid(variant) && sim_variants[variant].driver)
		return sim_variants[variant].driver;
	return &sim_model_driver;
}

/* s is a unique prefix of 7+ hex digits of c */
static bool sim__prefix(const char *s, size_t len, const char *c)
{
	return c && !strncmp(s, c, len);
}

int sim_variant_find(const char *s)
{
	size_t len = strlen(s);
	int found = -1;
	unsigned i;

	if (!len)
		return -1;
	if (sim__kernel_added && !strcmp(s, sim_variants[sim_nvariants].id))
		return (int)sim_nvariants;
	for (i = 0; i < sim_nvariants; i++) {
		if (!strcmp(s, sim_variants[i].id) ||
		    !strcmp(s, sim_variants[i].name) ||
		    (sim_variants[i].top && !strcmp(s, sim_variants[i].top)))
			return (int)i;
	}
	/* a shortened commit id, as git prints them */
	if (len < 7 || strspn(s, "0123456789abcdef") != len)
		return -1;
	for (i = 0; i < sim_nvariants; i++) {
		if (sim__prefix(s, len, sim_variants[i].id) ||
		    sim__prefix(s, len, sim_variants[i].top)) {
			if (found >= 0)
				return -1;
			found = (int)i;
		}
	}
	return found;
}

bool sim_variant_has(int variant, int commit)
{
	if (variant < 0 || (unsigned)variant >= sim_nvariants ||
	    commit < 0 || commit >= NVT_COMMITS)
		return false;
	return (sim_variants[variant].commits >> commit) & 1;
}
