/*
 * Output files written whole or not at all: each is opened before the run
 * as a temporary file beside its target (mkstemp: a fresh name, never a
 * file or link already there) and all are renamed over their targets at the
 * end, so an error (a second file that cannot be opened, a failed write)
 * leaves no empty or half-written file behind.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

/* "nvtsim CMD: --opt PATH: " and the rest: every error about an output. */
static void out_error(const struct cli_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void out_error(const struct cli_out *o, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "nvtsim %s: %s %s: ", o->cmd, o->opt, o->path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* The target's directory, resolved, and its name in it. */
static int out_canon(struct cli_out *o, char *dir, size_t dirlen)
{
	char copy[PATH_MAX], *slash, real[PATH_MAX];
	const char *base, *parent;

	if (strlen(o->path) >= sizeof(copy)) {
		out_error(o, "path too long");
		return -1;
	}
	snprintf(copy, sizeof(copy), "%s", o->path);
	slash = strrchr(copy, '/');
	if (slash) {
		*slash = 0;
		base = slash + 1;
		parent = copy[0] ? copy : "/";
	} else {
		base = copy;
		parent = ".";
	}
	if (!realpath(parent, real)) {
		out_error(o, "cannot write: %s: %s", parent, strerror(errno));
		return -1;
	}
	if (!base[0] || !strcmp(base, ".") || !strcmp(base, "..")) {
		out_error(o, "cannot write: %s", strerror(EISDIR));
		return -1;
	}
	snprintf(dir, dirlen, "%s", real);
	if ((size_t)snprintf(o->canon, sizeof(o->canon), "%s/%s",
			     strcmp(real, "/") ? real : "", base) >= sizeof(o->canon)) {
		out_error(o, "path too long");
		return -1;
	}
	return 0;
}

static bool out_same(const struct cli_out *a, const struct cli_out *b)
{
	/* /dev/null twice is fine: nothing is written to a file */
	if (a->special && b->special)
		return false;
	if (!strcmp(a->canon, b->canon))
		return true;
	return a->exists && b->exists && a->dev == b->dev && a->ino == b->ino;
}

int cli_out_open(const char *cmd, struct cli_out *o, const char *opt,
		 const char *path, const struct cli_out *others,
		 unsigned nothers)
{
	char dir[PATH_MAX];
	struct stat st;
	unsigned i;
	mode_t mask;
	int fd, err;

	memset(o, 0, sizeof(*o));
	o->cmd = cmd;
	o->opt = opt;
	o->path = path;
	if (out_canon(o, dir, sizeof(dir)))
		return -1;
	if (!stat(path, &st)) {
		if (S_ISDIR(st.st_mode)) {
			out_error(o, "cannot write: %s", strerror(EISDIR));
			return -1;
		}
		o->exists = true;
		o->special = !S_ISREG(st.st_mode);
		o->dev = st.st_dev;
		o->ino = st.st_ino;
	}
	for (i = 0; i < nothers; i++)
		if (out_same(o, &others[i])) {
			fprintf(stderr, "nvtsim %s: %s %s and %s %s name the same file\n",
				cmd, others[i].opt, others[i].path, opt, path);
			return -1;
		}
	/* a device or a pipe (/dev/null, /dev/stdout) is written as it is */
	if (o->special) {
		o->f = fopen(path, "w");
		if (!o->f) {
			out_error(o, "cannot write: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	if ((size_t)snprintf(o->tmp, sizeof(o->tmp), "%s/.%s.XXXXXX", dir,
			     strrchr(o->canon, '/') + 1) >= sizeof(o->tmp)) {
		out_error(o, "path too long");
		o->tmp[0] = 0;
		return -1;
	}
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		out_error(o, "cannot write: %s", strerror(errno));
		o->tmp[0] = 0;
		return -1;
	}
	/* the mode a plain fopen would have given it, not mkstemp's 0600 */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) || !(o->f = fdopen(fd, "w"))) {
		err = errno;
		out_error(o, "cannot write: %s", strerror(err));
		close(fd);
		unlink(o->tmp);
		o->tmp[0] = 0;
		return -1;
	}
	return 0;
}

void cli_out_discard(struct cli_out *o)
{
	if (o->f)
		fclose(o->f);
	o->f = NULL;
	if (o->tmp[0])
		unlink(o->tmp);
	o->tmp[0] = 0;
}

/*
 * Everything written, flushed and closed; the temporary file stays until
 * out_rename. errno is read right after the call that failed: a write that
 * failed earlier (ferror) has lost its errno, and says EIO.
 */
static int out_close(struct cli_out *o)
{
	int err = 0;

	if (!o->f)
		return 0;
	errno = 0;
	if (fflush(o->f))
		err = errno ? errno : EIO;
	else if (ferror(o->f))
		err = EIO;
	errno = 0;
	if (fclose(o->f) && !err)
		err = errno ? errno : EIO;
	o->f = NULL;
	if (err) {
		out_error(o, "cannot write: %s", strerror(err));
		return -1;
	}
	return 0;
}

static int out_rename(struct cli_out *o)
{
	if (o->tmp[0] && rename(o->tmp, o->path)) {
		out_error(o, "cannot write: %s", strerror(errno));
		return -1;
	}
	o->tmp[0] = 0;
	return 0;
}

/* ---- a command's outputs, put in place together ---- */

#define CLI_OUTS_MAX 4		/* --trace, --pcap, --junit, --sarif */

static struct cli_out cli__outs[CLI_OUTS_MAX];
static unsigned cli__nouts;
static pid_t cli__outs_pid;	/* a forked worker leaves them alone */

static void cli__outs_atexit(void)
{
	if (getpid() == cli__outs_pid)
		cli_outs_discard();
}

FILE *cli_outs_open(const char *cmd, const char *opt, const char *path)
{
	static bool registered;
	struct cli_out *o;

	if (cli__nouts == CLI_OUTS_MAX) {
		fprintf(stderr, "nvtsim %s: %s %s: more than %d output files\n",
			cmd, opt, path, CLI_OUTS_MAX);
		return NULL;
	}
	if (!registered) {
		/* an exit before cli_outs_commit leaves no temporary file */
		cli__outs_pid = getpid();
		atexit(cli__outs_atexit);
		registered = true;
	}
	o = &cli__outs[cli__nouts];
	if (cli_out_open(cmd, o, opt, path, cli__outs, cli__nouts))
		return NULL;
	cli__nouts++;
	return o->f;
}

int cli_outs_commit(void)
{
	unsigned i;

	/* all written and closed first, so that a failure leaves none in place */
	for (i = 0; i < cli__nouts; i++)
		if (out_close(&cli__outs[i])) {
			cli_outs_discard();
			return -1;
		}
	for (i = 0; i < cli__nouts; i++)
		if (out_rename(&cli__outs[i])) {
			cli_outs_discard();
			return -1;
		}
	cli__nouts = 0;
	return 0;
}

void cli_outs_discard(void)
{
	while (cli__nouts)
		cli_out_discard(&cli__outs[--cli__nouts]);
}

int cli_out_dir_check(const char *cmd, const char *opt, const char *dir)
{
	char copy[PATH_MAX], *parent;
	const char *why = NULL;
	struct stat st;

	if (!dir[0]) {
		fprintf(stderr, "nvtsim %s: %s needs a directory\n", cmd, opt);
		return -1;
	}
	if (!stat(dir, &st)) {
		if (!S_ISDIR(st.st_mode)) {
			fprintf(stderr, "nvtsim %s: %s %s: not a directory\n", cmd,
				opt, dir);
			return -1;
		}
		if (access(dir, W_OK | X_OK)) {
			fprintf(stderr, "nvtsim %s: %s %s: cannot write there: %s\n",
				cmd, opt, dir, strerror(errno));
			return -1;
		}
		return 0;
	}
	if (errno != ENOENT) {
		fprintf(stderr, "nvtsim %s: %s %s: %s\n", cmd, opt, dir,
			strerror(errno));
		return -1;
	}
	/* created when the first counterexample is written: its parent must be there */
	snprintf(copy, sizeof(copy), "%s", dir);
	parent = dirname(copy);
	if (stat(parent, &st))
		why = strerror(errno);
	else if (!S_ISDIR(st.st_mode))
		why = "not a directory";
	else if (access(parent, W_OK | X_OK))
		why = strerror(errno);
	if (why) {
		fprintf(stderr, "nvtsim %s: %s %s: cannot create it: %s: %s\n",
			cmd, opt, dir, parent, why);
		return -1;
	}
	return 0;
}
