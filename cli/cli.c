/* Command-line helpers shared by the nvtsim subcommands. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"

int cli_number(const char *cmd, const char *opt, const char *s, uint64_t min,
	       uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	if (!s || !*s || *s == '-') {
		fprintf(stderr, "nvtsim %s: %s needs a number\n", cmd, opt);
		return -1;
	}
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v < min || v > max) {
		fprintf(stderr, "nvtsim %s: %s '%s': expected a number from %llu to %llu\n",
			cmd, opt, s, (unsigned long long)min,
			(unsigned long long)max);
		return -1;
	}
	*out = v;
	return 0;
}
