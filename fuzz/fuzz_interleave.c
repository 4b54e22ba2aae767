/*
 * libFuzzer target: the input picks a bounded workload and environment and
 * then every scheduling choice (harness/search/fuzzin.h). A failure whose
 * signature is on the known-bugs list for its variant is expected; any
 * other prints its verdict and signature, writes the run as a scenario and
 * aborts, so libFuzzer keeps the input.
 *
 * Environment:
 *   NVTSIM_FUZZ_VARIANT=V   run every input on variant V (byte 0 ignored)
 *   NVTSIM_KERNEL=PATH      run every input on that kernel tree's own tcp.c
 *                           (kernel-source mode, as nvtsim's --kernel)
 *   NVTSIM_FUZZ_ABORT=all   abort on known bugs too (to show the fuzzer finds them)
 *   NVTSIM_FUZZ_ABORT=none  never abort: print each distinct signature once (a survey)
 *   NVTSIM_FUZZ_ABORT=BUG   abort on that known bug too (e.g. direct-send-race)
 *   NVTSIM_FUZZ_OUT=DIR     where new findings' scenarios go (default: .)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzrun.h"
#include "kdriver.h"
#include "variant.h"

struct fuzz_state {
	struct sim_world *w;
	int variant;
	bool abort_all;
	bool abort_none;
	const struct sim_known_bug *abort_bug;
	const char *out_dir;
	bool seen[64];			/* known bugs reported once each */
	uint64_t sigs[1024];		/* survey: signatures printed, open addressing */
};

static struct fuzz_state fz;

static void fuzz_init(void)
{
	const char *v = getenv("NVTSIM_FUZZ_VARIANT");
	const char *a = getenv("NVTSIM_FUZZ_ABORT");
	unsigned i;

	fz.w = sim_world_new();
	if (!fz.w) {
		fprintf(stderr, "fuzz_interleave: cannot allocate the world\n");
		exit(2);
	}
	fz.variant = -1;
	if (getenv("NVTSIM_KERNEL") && *getenv("NVTSIM_KERNEL")) {
		if (v && *v) {
			fprintf(stderr, "fuzz_interleave: NVTSIM_KERNEL and NVTSIM_FUZZ_VARIANT do not go together\n");
			exit(2);
		}
		fz.variant = sim_kernel_load(getenv("NVTSIM_KERNEL"));
		if (fz.variant < 0)
			exit(2);
	} else if (v && *v) {
		fz.variant = sim_variant_find(v);
		if (fz.variant < 0) {
			fprintf(stderr, "fuzz_interleave: NVTSIM_FUZZ_VARIANT: unknown variant '%s' (see nvtsim variants)\n", v);
			exit(2);
		}
	}
	for (i = 0; a && i < sim_nknown_bugs; i++)
		if (!strcmp(a, sim_known_bugs[i].name))
			fz.abort_bug = &sim_known_bugs[i];
	if (a && *a && strcmp(a, "all") && strcmp(a, "new") && strcmp(a, "none") &&
	    !fz.abort_bug) {
		fprintf(stderr, "fuzz_interleave: NVTSIM_FUZZ_ABORT must be 'all', 'new', 'none' or a known bug's name, not '%s'\n", a);
		exit(2);
	}
	fz.abort_all = a && !strcmp(a, "all");
	fz.abort_none = a && !strcmp(a, "none");
	fz.out_dir = getenv("NVTSIM_FUZZ_OUT");
	if (!fz.out_dir || !*fz.out_dir)
		fz.out_dir = ".";
}

/* FNV-1a of the input: names the scenario file after the input. */
static uint64_t fuzz_hash(const uint8_t *data, size_t size)
{
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * 0x100000001b3ull;
	return h;
}

/* Survey mode: whether sig (on variant) was printed before; remembers it. */
static bool fuzz_sig_seen(int variant, const char *sig)
{
	uint64_t h = fuzz_hash((const uint8_t *)sig, strlen(sig)) ^ (uint64_t)variant;
	size_t n = sizeof(fz.sigs) / sizeof(fz.sigs[0]), i = h % n, k;

	h |= 1;
	for (k = 0; k < n && fz.sigs[i]; k++, i = (i + 1) % n)
		if (fz.sigs[i] == h)
			return true;
	if (k < n)
		fz.sigs[i] = h;
	return false;
}

static void fuzz_report(const struct sim_config *cfg, const char *sig,
			const uint8_t *data, size_t size)
{
	const char *vid = sim_variants[cfg->variant].id;
	char path[512];
	FILE *f;

	fprintf(stderr, "\n==nvtsim== %s\n==nvtsim== variant %s, signature: %s\n",
		fz.w->verdict.line, vid, sig);
	snprintf(path, sizeof(path), "%s/nvtsim-fuzz-%s-%016llx.nvt", fz.out_dir,
		 vid, (unsigned long long)fuzz_hash(data, size));
	f = fopen(path, "w");
	if (f && !sim_fuzz_write_scenario(f, fz.w, cfg, "fuzz_interleave") &&
	    !fclose(f))
		fprintf(stderr, "==nvtsim== scenario: %s (nvtsim run %s)\n", path, path);
	else
		fprintf(stderr, "==nvtsim== could not write %s\n", path);
	fprintf(stderr, "==nvtsim== from the saved input: nvtsim import-crash CRASH-FILE%s%s\n",
		fz.variant >= 0 ? " --variant " : "", fz.variant >= 0 ? vid : "");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct sim_known_bug *known;
	struct sim_config cfg;
	char sig[SIM_SIG_BYTES];

	if (!fz.w)
		fuzz_init();
	sim_fuzz_run(fz.w, data, size, fz.variant, &cfg, NULL);
	if (!sim_verdict_is_failure(&fz.w->verdict))
		return 0;
	sim_signature(fz.w, sig, sizeof(sig));
	known = sim_known_bug_find(cfg.variant, sig, fz.w->verdict.line);
	if (fz.abort_none) {
		if (!fuzz_sig_seen(cfg.variant, sig))
			fprintf(stderr, "==nvtsim== %s %s on %s: %s\n",
				known ? "known" : "NEW", known ? known->name : "-",
				sim_variants[cfg.variant].id, sig);
		return 0;
	}
	if (known && !fz.abort_all && known != fz.abort_bug) {
		unsigned i = (unsigned)(known - sim_known_bugs);

		if (i < sizeof(fz.seen) && !fz.seen[i]) {
			fz.seen[i] = true;
			fprintf(stderr, "==nvtsim== known bug %s on %s: %s\n",
				known->name, sim_variants[cfg.variant].id, sig);
		}
		return 0;
	}
	fuzz_report(&cfg, sig, data, size);
	if (known)
		fprintf(stderr, "==nvtsim== (known bug %s: NVTSIM_FUZZ_ABORT asks to stop on it)\n",
			known->name);
	else
		fprintf(stderr, "==nvtsim== NEW signature: not on the known-bugs list for this variant\n");
	abort();
}
