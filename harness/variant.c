/* Variant table. Order is history order; a variant contains every commit before it. */
#include <stdlib.h>
#include <string.h>

#include <nvt_upstream.h>

#include "variant.h"

const struct sim_variant sim_variants[] = {
	{ "v5.7", "kick-only", "v5.7", NVT_v5_7,
	  "queue_request always kicks io_work; only io_work sends" },
	{ "db5ad6b7f8cd", "direct-send", "v5.8", NVT_db5ad6b7f8cd,
	  "queue_rq sends directly with one nvme_tcp_try_send under send_mutex" },
	{ "122e5b9f3d37", "more-requests", "v5.9", NVT_122e5b9f3d37,
	  "llist req_list, bd->last, commit_rqs; queue->more_requests picks MSG_MORE/MSG_EOR" },
	{ "5c11f7d9f843", "send-all", "v5.11", NVT_5c11f7d9f843,
	  "queue_rq drains the queue with nvme_tcp_send_all" },
	{ "a0fdd1418007", "rerun-io-work", "v5.13", NVT_a0fdd1418007,
	  "io_work stays pending while req_list is non-empty when its trylock fails" },
	{ "70f437fb4395", "kick-after-send", "v5.15", NVT_70f437fb4395,
	  "that removed; queue_request kicks io_work after a direct send when last and more is queued" },
	{ "3770a42bb8ce", "no-more-requests", "v6.0", NVT_3770a42bb8ce,
	  "H2CData chunked by MAXH2CDATA (v5.17); more_requests removed" },
	{ "f42d4796ee10", "congested-sockets", "v6.16", NVT_f42d4796ee10,
	  "R2T on-list check; io_work goes on while requests wait and the socket is writable" },
	{ "mainline", "v6.18", "v6.18", NVT_r2t_kick,
	  "handle_r2t adds to req_list and kicks io_work itself; no sync argument" },
};

const unsigned sim_nvariants = sizeof(sim_variants) / sizeof(sim_variants[0]);

int sim_variant_find(const char *s)
{
	size_t len = strlen(s);
	int found = -1;
	unsigned i;

	if (!len)
		return -1;
	for (i = 0; i < sim_nvariants; i++) {
		if (!strcmp(s, sim_variants[i].id) ||
		    !strcmp(s, sim_variants[i].name))
			return (int)i;
	}
	/* a shortened commit id, as git prints them */
	if (len < 7 || strspn(s, "0123456789abcdef") != len)
		return -1;
	for (i = 0; i < sim_nvariants; i++) {
		if (!strncmp(s, sim_variants[i].id, len)) {
			if (found >= 0)
				return -1;
			found = (int)i;
		}
	}
	return found;
}

bool sim_variant_has(int variant, int commit)
{
	if (variant < 0 || (unsigned)variant >= sim_nvariants)
		return false;
	return sim_variants[variant].commit >= commit;
}
