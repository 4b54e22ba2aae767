/* The selectable variants: points in the send path's upstream history. */
#ifndef NVTSIM_VARIANT_H
#define NVTSIM_VARIANT_H

#include <stdbool.h>

#include <nvt_upstream.h>

struct sim_variant {
	const char *id;		/* upstream commit id (12 hex digits), or a tag */
	const char *name;	/* short readable name */
	const char *release;	/* first release that has it */
	nvt_commits_t commits;	/* the enum nvt_commit commits it contains */
	const char *top;	/* the newest commit in it, when id is a tag; or NULL */
	const char *checked;	/* the upstream tree or stable release it was checked against */
	const char *summary;
};

extern const struct sim_variant sim_variants[];
extern const unsigned sim_nvariants;

/*
 * By id, name or top commit, or any unique prefix of 7+ hex digits of an
 * id or top commit; -1 unknown.
 */
int sim_variant_find(const char *s);
bool sim_variant_has(int variant, int commit);

#endif
