/* JSON for nvtsim's result files: a writer's string escaping and a small reader. */
#ifndef NVTSIM_CLI_JSON_H
#define NVTSIM_CLI_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum cli_json_type {
	CLI_JSON_NULL,
	CLI_JSON_BOOL,
	CLI_JSON_NUMBER,
	CLI_JSON_STRING,
	CLI_JSON_ARRAY,
	CLI_JSON_OBJECT,
};

struct cli_json {
	uint8_t type;			/* enum cli_json_type */
	bool boolean;
	bool is_uint;			/* a number without sign, fraction or exponent */
	uint64_t uint;
	double number;
	char *string;
	unsigned n;			/* array items or object members */
	struct cli_json *items;
	char **keys;			/* object member names, n of them */
};

/* Writes s as a JSON string, quoted and escaped. */
void cli_json_write_str(FILE *f, const char *s);

/*
 * Parses one JSON document (RFC 8259; nesting at most 64 deep). NULL on
 * error, with "line L: problem" in err.
 */
struct cli_json *cli_json_parse(const char *text, size_t len, char *err,
				size_t errlen);
void cli_json_free(struct cli_json *j);

/* An object's member, or NULL (also when j is not an object). */
const struct cli_json *cli_json_get(const struct cli_json *j, const char *key);

#endif
