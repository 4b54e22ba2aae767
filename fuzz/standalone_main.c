/*
 * Runs fuzz inputs without libFuzzer: each file named on the command line
 * goes through LLVMFuzzerTestOneInput once, so a corpus is a regression
 * test under plain gcc. A target's abort() is the failure, as under the fuzzer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_INPUT_BYTES_MAX (1024 * 1024)

int main(int argc, char **argv)
{
	uint8_t *buf = malloc(FUZZ_INPUT_BYTES_MAX);
	int i;

	if (!buf) {
		fprintf(stderr, "out of memory\n");
		return 2;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: %s INPUT...\n", argv[0]);
		free(buf);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		size_t n;

		if (!f) {
			perror(argv[i]);
			free(buf);
			return 2;
		}
		n = fread(buf, 1, FUZZ_INPUT_BYTES_MAX, f);
		if (ferror(f) || !feof(f)) {
			fprintf(stderr, "%s: unreadable or over %d bytes\n", argv[i],
				FUZZ_INPUT_BYTES_MAX);
			fclose(f);
			free(buf);
			return 2;
		}
		fclose(f);
		LLVMFuzzerTestOneInput(buf, n);
		printf("%s: ok (%zu bytes)\n", argv[i], n);
	}
	free(buf);
	return 0;
}
