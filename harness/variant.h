/* The selectable variants: points in the send path's upstream history. */
#ifndef NVTSIM_VARIANT_H
#define NVTSIM_VARIANT_H

#include <stdbool.h>

struct sim_variant {
	const char *id;		/* upstream commit id (12 hex digits), or a tag */
	const char *name;	/* short readable name */
	const char *release;	/* first release that has it */
	int commit;		/* enum nvt_commit: the newest commit it contains */
	const char *summary;
};

extern const struct sim_variant sim_variants[];
extern const unsigned sim_nvariants;

/* By commit id (any unique prefix of 7+ digits), name or index; -1 unknown. */
int sim_variant_find(const char *s);
bool sim_variant_has(int variant, int commit);

#endif
