/* Command-line helpers shared by the nvtsim subcommands. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "cmd.h"
#include "kdriver.h"
#include "variant.h"

int cli_number(const char *cmd, const char *opt, const char *s, uint64_t min,
	       uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (!s || !*s) {
		fprintf(stderr, "nvtsim %s: %s needs a number\n", cmd, opt);
		return -1;
	}
	errno = 0;
	v = strtoull(s, &end, 10);
	/* strtoull takes "-1" as a huge number: a sign is out of range too */
	if (*s == '-' || *s == '+' || errno || *end || v < min || v > max) {
		fprintf(stderr, "nvtsim %s: %s '%s': expected a number from %llu to %llu\n",
			cmd, opt, s, (unsigned long long)min,
			(unsigned long long)max);
		return -1;
	}
	*out = v;
	return 0;
}

int cli_kernel_take(int *argc, char **argv)
{
	const char *path = NULL;
	int i, j;

	for (i = 1; i < *argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--kernel") || !strncmp(a, "--kernel=", 9)) {
			const char *v = a[8] == '=' ? a + 9 :
					i + 1 < *argc ? argv[i + 1] : NULL;
			int take = a[8] == '=' ? 1 : 2;

			if (!v || !*v) {
				fprintf(stderr, "nvtsim %s: --kernel needs a kernel tree or a linux-source tarball\n",
					argv[1]);
				return -1;
			}
			if (path) {
				fprintf(stderr, "nvtsim %s: one --kernel at a time\n",
					argv[1]);
				return -1;
			}
			path = v;
			for (j = i; j + take <= *argc; j++)
				argv[j] = argv[j + take];
			*argc -= take;
			i--;
		}
	}
	if (!path)
		return 0;
	return sim_kernel_load(path) < 0 ? -1 : 1;
}

int cli_variant_pick(const char *cmd, const char *name, bool all)
{
	int k = sim_variant_kernel();
	int v;

	if (k >= 0 && (name || all)) {
		fprintf(stderr, "nvtsim %s: --kernel and %s do not go together: the kernel tree is the variant\n",
			cmd, name ? "--variant" : "--all-variants");
		return -2;
	}
	if (k >= 0)
		return k;
	if (!name)
		return -1;
	v = sim_variant_find(name);
	if (v < 0) {
		fprintf(stderr, "nvtsim %s: unknown variant '%s' (see nvtsim variants)\n",
			cmd, name);
		return -2;
	}
	return v;
}
