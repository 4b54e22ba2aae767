/* JSON: escaping for the writers, and a recursive-descent reader for result files. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

#define CLI__JSON_DEPTH_MAX 64

void cli_json_write_str(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', f);
	for (; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

struct cli__reader {
	const char *s;
	size_t len, pos;
	char *err;
	size_t errlen;
};

static bool cli__fail(struct cli__reader *r, const char *what)
{
	unsigned line = 1;
	size_t i;

	for (i = 0; i < r->pos && i < r->len; i++)
		line += r->s[i] == '\n';
	snprintf(r->err, r->errlen, "line %u: %s", line, what);
	return false;
}

static void cli__ws(struct cli__reader *r)
{
	while (r->pos < r->len && (r->s[r->pos] == ' ' || r->s[r->pos] == '\t' ||
				   r->s[r->pos] == '\n' || r->s[r->pos] == '\r'))
		r->pos++;
}

static bool cli__lit(struct cli__reader *r, const char *word)
{
	size_t n = strlen(word);

	if (r->len - r->pos < n || memcmp(r->s + r->pos, word, n))
		return false;
	r->pos += n;
	return true;
}

static int cli__hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A string at r->pos (past its opening quote is not yet taken). */
static bool cli__string(struct cli__reader *r, char **out)
{
	size_t cap = 16, n = 0;
	char *buf = malloc(cap);

	if (!buf)
		return cli__fail(r, "out of memory");
	r->pos++;	/* the quote */
	for (;;) {
		unsigned char c;
		unsigned cp = 0;
		int k;

		if (r->pos >= r->len) {
			free(buf);
			return cli__fail(r, "unterminated string");
		}
		c = (unsigned char)r->s[r->pos++];
		if (c == '"')
			break;
		if (c < 0x20) {
			free(buf);
			return cli__fail(r, "a control character inside a string");
		}
		if (n + 8 >= cap) {
			char *nb = realloc(buf, cap * 2);

			if (!nb) {
				free(buf);
				return cli__fail(r, "out of memory");
			}
			buf = nb;
			cap *= 2;
		}
		if (c != '\\') {
			buf[n++] = (char)c;
			continue;
		}
		if (r->pos >= r->len) {
			free(buf);
			return cli__fail(r, "unterminated string");
		}
		c = (unsigned char)r->s[r->pos++];
		switch (c) {
		case '"': case '\\': case '/': buf[n++] = (char)c; break;
		case 'n': buf[n++] = '\n'; break;
		case 't': buf[n++] = '\t'; break;
		case 'r': buf[n++] = '\r'; break;
		case 'b': buf[n++] = '\b'; break;
		case 'f': buf[n++] = '\f'; break;
		case 'u':
			for (k = 0; k < 4; k++) {
				int h = r->pos < r->len ? cli__hex(r->s[r->pos]) : -1;

				if (h < 0) {
					free(buf);
					return cli__fail(r, "a bad \\u escape");
				}
				cp = cp << 4 | (unsigned)h;
				r->pos++;
			}
			/* ours only escape control characters: keep to one byte or UTF-8 */
			if (cp < 0x80) {
				buf[n++] = (char)cp;
			} else if (cp < 0x800) {
				buf[n++] = (char)(0xc0 | cp >> 6);
				buf[n++] = (char)(0x80 | (cp & 0x3f));
			} else {
				buf[n++] = (char)(0xe0 | cp >> 12);
				buf[n++] = (char)(0x80 | (cp >> 6 & 0x3f));
				buf[n++] = (char)(0x80 | (cp & 0x3f));
			}
			break;
		default:
			free(buf);
			return cli__fail(r, "a bad escape in a string");
		}
	}
	buf[n] = 0;
	*out = buf;
	return true;
}

static bool cli__number(struct cli__reader *r, struct cli_json *j)
{
	size_t a = r->pos;
	char tmp[64], *end;
	bool plain = true;

	while (r->pos < r->len && strchr("+-0123456789.eE", r->s[r->pos])) {
		if (!strchr("0123456789", r->s[r->pos]))
			plain = false;
		r->pos++;
	}
	if (r->pos == a || r->pos - a >= sizeof(tmp))
		return cli__fail(r, "a bad number");
	memcpy(tmp, r->s + a, r->pos - a);
	tmp[r->pos - a] = 0;
	j->type = CLI_JSON_NUMBER;
	errno = 0;
	j->number = strtod(tmp, &end);
	if (*end || errno)
		return cli__fail(r, "a bad number");
	if (plain) {
		j->uint = strtoull(tmp, &end, 10);
		j->is_uint = !*end && !errno;
	}
	return true;
}

static bool cli__value(struct cli__reader *r, struct cli_json *j, unsigned depth);

static bool cli__grow(struct cli__reader *r, struct cli_json *j, unsigned *cap,
		      bool keys)
{
	struct cli_json *ni;
	char **nk;
	unsigned c = *cap ? *cap * 2 : 4;

	if (j->n < *cap)
		return true;
	ni = realloc(j->items, c * sizeof(*ni));
	if (!ni)
		return cli__fail(r, "out of memory");
	j->items = ni;
	if (keys) {
		nk = realloc(j->keys, c * sizeof(*nk));
		if (!nk)
			return cli__fail(r, "out of memory");
		j->keys = nk;
	}
	*cap = c;
	return true;
}

static bool cli__container(struct cli__reader *r, struct cli_json *j,
			   unsigned depth)
{
	bool obj = r->s[r->pos] == '{';
	char close = obj ? '}' : ']';
	unsigned cap = 0;

	j->type = obj ? CLI_JSON_OBJECT : CLI_JSON_ARRAY;
	r->pos++;
	cli__ws(r);
	if (r->pos < r->len && r->s[r->pos] == close) {
		r->pos++;
		return true;
	}
	for (;;) {
		char *key = NULL;

		cli__ws(r);
		if (obj) {
			if (r->pos >= r->len || r->s[r->pos] != '"')
				return cli__fail(r, "expected a member name");
			if (!cli__string(r, &key))
				return false;
			cli__ws(r);
			if (r->pos >= r->len || r->s[r->pos] != ':') {
				free(key);
				return cli__fail(r, "expected ':'");
			}
			r->pos++;
		}
		if (!cli__grow(r, j, &cap, obj)) {
			free(key);
			return false;
		}
		memset(&j->items[j->n], 0, sizeof(j->items[0]));
		if (obj)
			j->keys[j->n] = key;
		j->n++;
		if (!cli__value(r, &j->items[j->n - 1], depth + 1))
			return false;
		cli__ws(r);
		if (r->pos < r->len && r->s[r->pos] == ',') {
			r->pos++;
			continue;
		}
		if (r->pos < r->len && r->s[r->pos] == close) {
			r->pos++;
			return true;
		}
		return cli__fail(r, obj ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static bool cli__value(struct cli__reader *r, struct cli_json *j, unsigned depth)
{
	char c;

	if (depth > CLI__JSON_DEPTH_MAX)
		return cli__fail(r, "nested too deep");
	cli__ws(r);
	if (r->pos >= r->len)
		return cli__fail(r, "unexpected end");
	c = r->s[r->pos];
	if (c == '{' || c == '[')
		return cli__container(r, j, depth);
	if (c == '"') {
		j->type = CLI_JSON_STRING;
		return cli__string(r, &j->string);
	}
	if (cli__lit(r, "true") || cli__lit(r, "false")) {
		j->type = CLI_JSON_BOOL;
		j->boolean = c == 't';
		return true;
	}
	if (cli__lit(r, "null")) {
		j->type = CLI_JSON_NULL;
		return true;
	}
	return cli__number(r, j);
}

static void cli__free_inner(struct cli_json *j)
{
	unsigned i;

	for (i = 0; i < j->n; i++) {
		cli__free_inner(&j->items[i]);
		if (j->keys)
			free(j->keys[i]);
	}
	free(j->items);
	free(j->keys);
	free(j->string);
}

void cli_json_free(struct cli_json *j)
{
	if (!j)
		return;
	cli__free_inner(j);
	free(j);
}

struct cli_json *cli_json_parse(const char *text, size_t len, char *err,
				size_t errlen)
{
	struct cli__reader r = { text, len, 0, err, errlen };
	struct cli_json *j = calloc(1, sizeof(*j));

	if (!j) {
		snprintf(err, errlen, "line 1: out of memory");
		return NULL;
	}
	if (!cli__value(&r, j, 0)) {
		cli_json_free(j);
		return NULL;
	}
	cli__ws(&r);
	if (r.pos != len) {
		cli__fail(&r, "text after the document");
		cli_json_free(j);
		return NULL;
	}
	return j;
}

const struct cli_json *cli_json_get(const struct cli_json *j, const char *key)
{
	unsigned i;

	if (!j || j->type != CLI_JSON_OBJECT)
		return NULL;
	for (i = 0; i < j->n; i++)
		if (!strcmp(j->keys[i], key))
			return &j->items[i];
	return NULL;
}
