/* The selectable variants: points in the send path's upstream history. */
#ifndef NVTSIM_VARIANT_H
#define NVTSIM_VARIANT_H

#include <stdbool.h>
#include <stddef.h>

#include <nvt_upstream.h>

struct sim_variant {
	const char *id;		/* upstream commit id (12 hex digits), or a tag */
	const char *name;	/* short readable name */
	const char *release;	/* first release that has it */
	nvt_commits_t commits;	/* the enum nvt_commit commits it contains */
	const char *top;	/* the newest commit in it, when id is a tag; or NULL */
	const char *checked;	/* the upstream tree or stable release it was checked against */
	const char *summary;
	const struct sim_driver *driver;	/* NULL: model/tcp.c */
	const char *tcp_sha;	/* a kernel tree's: its tcp.c's sha256, 12 hex digits */
	const char *path;	/* a kernel tree's: as --kernel gave it */
};

/*
 * The model's variants, then one slot for a kernel tree's tcp.c (--kernel):
 * sim_nvariants counts the model's; the kernel's, once added, is
 * sim_variants[sim_nvariants].
 */
extern struct sim_variant sim_variants[];
extern const unsigned sim_nvariants;
extern const struct sim_driver sim_model_driver;

/* Registers a kernel tree's driver; returns its variant index. */
int sim_variant_add_kernel(const struct sim_driver *drv, const char *id,
			   const char *tcp_sha, const char *path,
			   const char *checked);
/*
 * How a command line picks this variant again: "--variant ID", or
 * "--kernel PATH" (quoted for the shell where it needs it).
 */
const char *sim_variant_flag(int variant, char *buf, size_t len);
/* The kernel tree's variant index, or -1 when none was loaded. */
int sim_variant_kernel(void);
bool sim_variant_valid(int variant);
const struct sim_driver *sim_variant_driver(int variant);

/*
 * By id, name or top commit, or any unique prefix of 7+ hex digits of an
 * id or top commit; -1 unknown.
 */
int sim_variant_find(const char *s);
bool sim_variant_has(int variant, int commit);

#endif
