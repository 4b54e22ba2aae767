/*
 * Output files written whole or not at all: each is opened before the run
 * as a temporary file beside its target and renamed over it at the end, so
 * an error (a second file that cannot be opened, a failed write) leaves no
 * empty or half-written file behind.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

/* The target's directory, resolved, and its name in it. */
static int out_canon(struct cli_out *o, char *dir, size_t dirlen)
{
	char copy[PATH_MAX], *slash, real[PATH_MAX];
	const char *base;

	if (strlen(o->path) >= sizeof(copy)) {
		fprintf(stderr, "%s: path too long\n", o->path);
		return -1;
	}
	snprintf(copy, sizeof(copy), "%s", o->path);
	slash = strrchr(copy, '/');
	if (slash) {
		*slash = 0;
		base = slash + 1;
		if (!realpath(copy[0] ? copy : "/", real)) {
			fprintf(stderr, "%s: cannot write: %s: %s\n", o->path,
				copy[0] ? copy : "/", strerror(errno));
			return -1;
		}
	} else {
		base = copy;
		if (!realpath(".", real)) {
			fprintf(stderr, "%s: cannot write: .: %s\n", o->path,
				strerror(errno));
			return -1;
		}
	}
	if (!base[0] || !strcmp(base, ".") || !strcmp(base, "..")) {
		fprintf(stderr, "%s: cannot write: a directory, not a file\n",
			o->path);
		return -1;
	}
	snprintf(dir, dirlen, "%s", real);
	if ((size_t)snprintf(o->canon, sizeof(o->canon), "%s/%s",
			     strcmp(real, "/") ? real : "", base) >= sizeof(o->canon)) {
		fprintf(stderr, "%s: path too long\n", o->path);
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
	int fd;

	memset(o, 0, sizeof(*o));
	o->opt = opt;
	o->path = path;
	if (out_canon(o, dir, sizeof(dir)))
		return -1;
	if (!stat(path, &st)) {
		if (S_ISDIR(st.st_mode)) {
			fprintf(stderr, "%s: cannot write: a directory, not a file\n",
				path);
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
			fprintf(stderr, "%s: cannot write: %s\n", path, strerror(errno));
			return -1;
		}
		return 0;
	}
	if ((size_t)snprintf(o->tmp, sizeof(o->tmp), "%s/.%s.XXXXXX", dir,
			     strrchr(o->canon, '/') + 1) >= sizeof(o->tmp)) {
		fprintf(stderr, "%s: path too long\n", path);
		o->tmp[0] = 0;
		return -1;
	}
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		fprintf(stderr, "%s: cannot write: %s\n", path, strerror(errno));
		o->tmp[0] = 0;
		return -1;
	}
	/* the mode a plain fopen would have given it, not mkstemp's 0600 */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) || !(o->f = fdopen(fd, "w"))) {
		fprintf(stderr, "%s: cannot write: %s\n", path, strerror(errno));
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

int cli_out_commit(struct cli_out *o)
{
	int err = 0;

	if (!o->f)
		return 0;
	if (fflush(o->f) || ferror(o->f))
		err = errno ? errno : EIO;
	if (fclose(o->f) && !err)
		err = errno;
	o->f = NULL;
	if (!err && o->tmp[0] && rename(o->tmp, o->path))
		err = errno;
	if (err) {
		fprintf(stderr, "%s: cannot write: %s\n", o->path, strerror(err));
		if (o->tmp[0])
			unlink(o->tmp);
		o->tmp[0] = 0;
		return -1;
	}
	o->tmp[0] = 0;
	return 0;
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
