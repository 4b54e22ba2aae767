/* nvtsim import-crash: a saved fuzz_interleave input, as a scenario file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fuzzrun.h"
#include "variant.h"

/* Inputs are one header and one byte per step: anything larger is not one. */
#define IMPORT_BYTES_MAX (1024 * 1024)

static const char *const usage_import =
	"usage: nvtsim import-crash FILE [--variant V] [--out FILE]\n"
	"\n"
	"Turns an input fuzz_interleave saved (crash-*, or any corpus file) into a\n"
	"scenario: the workload and environment its header bytes chose, and the\n"
	"schedule its choice bytes took, as numbered steps, with the verdict it\n"
	"gave as the expectation. The verdict, its signature and the known bug it\n"
	"matches (if any) go to standard error.\n"
	"\n"
	"  --variant V   the variant it ran on, when the fuzzer was started with\n"
	"                NVTSIM_FUZZ_VARIANT=V (the fuzzer's report says so)\n"
	"  --out FILE    write the scenario to FILE (default: standard output)\n"
	"\n"
	"exit 0 when the scenario is written, 1 if its rerun differs, 2 on bad input.\n";

struct import_opts {
	const char *path;
	const char *variant;
	const char *out;
};

static int parse_import(int argc, char **argv, struct import_opts *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage_import, stdout);
			exit(0);
		} else if (!strcmp(a, "--variant") || !strcmp(a, "--out")) {
			if (++i == argc) {
				fprintf(stderr, "nvtsim import-crash: %s needs a value\n", a);
				return -1;
			}
			*(a[2] == 'v' ? &o->variant : &o->out) = argv[i];
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "nvtsim import-crash: unknown option '%s' (see nvtsim import-crash --help)\n", a);
			return -1;
		} else if (o->path) {
			fprintf(stderr, "nvtsim import-crash: one input at a time ('%s' and '%s')\n",
				o->path, a);
			return -1;
		} else {
			o->path = a;
		}
	}
	if (!o->path) {
		fprintf(stderr, "nvtsim import-crash: which input? (see nvtsim import-crash --help)\n");
		return -1;
	}
	return 0;
}

static uint8_t *read_input(const char *path, size_t *n)
{
	uint8_t *buf = malloc(IMPORT_BYTES_MAX + 1);
	FILE *f = fopen(path, "rb");

	if (!f || !buf) {
		fprintf(stderr, "%s: cannot read: %s\n", path,
			f ? "out of memory" : strerror(errno));
		if (f)
			fclose(f);
		free(buf);
		return NULL;
	}
	*n = fread(buf, 1, IMPORT_BYTES_MAX + 1, f);
	if (ferror(f) || *n > IMPORT_BYTES_MAX) {
		fprintf(stderr, "%s: %s\n", path, ferror(f) ? "cannot read" :
			"larger than 1 MiB: not a fuzz_interleave input");
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	return buf;
}

int cmd_import_crash(int argc, char **argv)
{
	struct import_opts o;
	struct sim_config cfg;
	struct sim_world *w = NULL;
	const struct sim_known_bug *known;
	char sig[SIM_SIG_BYTES], how[300];
	uint8_t *data = NULL;
	FILE *out = stdout;
	int variant = -1, ret = 2;
	size_t n;

	if (parse_import(argc, argv, &o))
		return 2;
	variant = cli_variant_pick("import-crash", o.variant, false);
	if (variant == -2)
		return 2;
	data = read_input(o.path, &n);
	w = sim_world_new();
	if (!data || !w) {
		if (data)
			fprintf(stderr, "nvtsim import-crash: cannot allocate the world\n");
		goto out;
	}
	sim_fuzz_run(w, data, n, variant, &cfg, NULL);
	sim_signature(w, sig, sizeof(sig));
	known = sim_known_bug_find(cfg.variant, sig, w->verdict.line);
	fprintf(stderr, "%s: %s\n", o.path, w->verdict.line);
	if (sim_verdict_is_failure(&w->verdict))
		fprintf(stderr, "signature: %s\n", sig);
	if (known)
		fprintf(stderr, "known bug %s on %s: %s\n", known->name,
			sim_variants[cfg.variant].id, known->what);
	else if (sim_verdict_is_failure(&w->verdict))
		fprintf(stderr, "NEW: not on the known-bugs list for %s\n",
			sim_variants[cfg.variant].id);
	if (o.out && !(out = fopen(o.out, "w"))) {
		fprintf(stderr, "%s: cannot write: %s\n", o.out, strerror(errno));
		goto out;
	}
	snprintf(how, sizeof(how), "fuzz_interleave (nvtsim import-crash %s)", o.path);
	if (sim_fuzz_write_scenario(out, w, &cfg, how)) {
		fprintf(stderr, "nvtsim import-crash: the rerun of %s gave another verdict: %s\n",
			o.path, w->verdict.line);
		ret = 1;
	} else {
		ret = 0;
	}
	if (out != stdout && fclose(out)) {
		fprintf(stderr, "%s: cannot write: %s\n", o.out, strerror(errno));
		ret = 2;
	}
	if (!ret && o.out)
		fprintf(stderr, "scenario: %s (nvtsim run %s)\n", o.out, o.out);
out:
	sim_world_free(w);
	free(data);
	return ret;
}
