/*
 * Kernel-source mode: builds a kernel tree's own drivers/nvme/host/tcp.c
 * with kernel/kbuild.sh (cached by content hash), loads the result and
 * registers it as the kernel variant, behind the same seam as the model.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "driver.h"
#include "kdriver.h"
#include "variant.h"

#ifndef NVTSIM_SOURCE_DIR
#define NVTSIM_SOURCE_DIR "."
#endif
/* DATADIR/nvtsim relative to BINDIR, as installed (CMake: GNUInstallDirs) */
#ifndef NVTSIM_DATA_FROM_BIN
#define NVTSIM_DATA_FROM_BIN "../share/nvtsim"
#endif

static char sim__kname[64];
static char sim__ksha[16];
static char sim__kchecked[512];
static char sim__datadir[1024];

/*
 * An installed nvtsim's kernel/ and harness/ (cmake --install, the .deb):
 * NVTSIM_DATA_FROM_BIN from the directory of the running executable, so
 * an install under any prefix finds its own copy. NULL when there is none
 * (nvtsim run from its build tree).
 */
static const char *sim__installed_dir(void)
{
	/* (realpath() writes up to PATH_MAX, 4096) */
	char exe[1024], dir[1100], probe[1200], abs[4096];
	ssize_t n;
	char *slash;

	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0 || n == sizeof(exe) - 1)
		return NULL;
	exe[n] = 0;
	slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = 0;
	if (snprintf(dir, sizeof(dir), "%s/%s", exe, NVTSIM_DATA_FROM_BIN) >=
	    (int)sizeof(dir))
		return NULL;
	snprintf(probe, sizeof(probe), "%s/kernel/kbuild.sh", dir);
	if (access(probe, R_OK) || !realpath(dir, abs) ||
	    snprintf(sim__datadir, sizeof(sim__datadir), "%s", abs) >=
	    (int)sizeof(sim__datadir))
		return NULL;
	return sim__datadir;
}

/*
 * Where kernel/kbuild.sh and the shims it compiles against are:
 * $NVTSIM_SOURCE_DIR, else an installed nvtsim's data directory, else the
 * source tree nvtsim was built from.
 */
static const char *sim__source_dir(void)
{
	const char *s = getenv("NVTSIM_SOURCE_DIR");

	if (s && *s)
		return s;
	s = sim__installed_dir();
	return s ? s : NVTSIM_SOURCE_DIR;
}

/* $NVTSIM_CACHE_DIR, else $XDG_CACHE_HOME/nvtsim/kernel, else ~/.cache/nvtsim/kernel. */
static int sim__cache_dir(char *buf, size_t len)
{
	const char *s = getenv("NVTSIM_CACHE_DIR");

	if (s && *s)
		return snprintf(buf, len, "%s", s) >= (int)len ? -1 : 0;
	s = getenv("XDG_CACHE_HOME");
	if (s && *s)
		return snprintf(buf, len, "%s/nvtsim/kernel", s) >= (int)len ? -1 : 0;
	s = getenv("HOME");
	if (!s || !*s)
		s = "/tmp";
	return snprintf(buf, len, "%s/.cache/nvtsim/kernel", s) >= (int)len ? -1 : 0;
}

/* A shell word in single quotes. */
static int sim__quote(char *out, size_t len, const char *s)
{
	size_t n = 0;

	if (len < 3)
		return -1;
	out[n++] = '\'';
	for (; *s; s++) {
		if (*s == '\'') {
			if (n + 5 >= len)
				return -1;
			memcpy(out + n, "'\\''", 4);
			n += 4;
		} else {
			if (n + 2 >= len)
				return -1;
			out[n++] = *s;
		}
	}
	out[n++] = '\'';
	out[n] = 0;
	return 0;
}

/* The value of key=VALUE in a kbuild result line, into buf. */
static int sim__field(const char *line, const char *key, char *buf, size_t len)
{
	size_t klen = strlen(key);
	const char *p = line;

	while ((p = strstr(p, key))) {
		if ((p == line || p[-1] == ' ') && p[klen] == '=') {
			size_t n = strcspn(p + klen + 1, " \n");

			if (n >= len)
				return -1;
			memcpy(buf, p + klen + 1, n);
			buf[n] = 0;
			return 0;
		}
		p += klen;
	}
	return -1;
}

int sim_kernel_load(const char *path)
{
	char cache[1024], cmd[4096], qsrc[1024], qpath[1200], qcache[1100];
	char line[2048], last[2048] = "", so[1024], stubs[16];
	const struct sim_driver *drv;
	struct stat st;
	FILE *p;
	void *h;
	int status;

	if (sim_variant_kernel() >= 0) {
		fprintf(stderr, "nvtsim: --kernel: one kernel tree at a time\n");
		return -1;
	}
	if (stat(path, &st)) {
		fprintf(stderr, "nvtsim: %s: no such file or directory (--kernel wants a kernel tree or a linux-source tarball)\n",
			path);
		return -1;
	}
	if (sim__cache_dir(cache, sizeof(cache)) ||
	    sim__quote(qsrc, sizeof(qsrc), sim__source_dir()) ||
	    sim__quote(qpath, sizeof(qpath), path) ||
	    sim__quote(qcache, sizeof(qcache), cache)) {
		fprintf(stderr, "nvtsim: %s: path too long\n", path);
		return -1;
	}
	snprintf(cmd, sizeof(cmd), "sh %s/kernel/kbuild.sh %s %s", qsrc, qpath,
		 qcache);
	fflush(stdout);
	p = popen(cmd, "r");
	if (!p) {
		fprintf(stderr, "nvtsim: %s: cannot run kernel/kbuild.sh\n", path);
		return -1;
	}
	while (fgets(line, sizeof(line), p))
		if (!strncmp(line, "so=", 3))
			snprintf(last, sizeof(last), "%s", line);
	status = pclose(p);
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status))
		return -1;	/* kbuild.sh said why, in one line */
	if (sim__field(last, "so", so, sizeof(so)) ||
	    sim__field(last, "name", sim__kname, sizeof(sim__kname)) ||
	    sim__field(last, "tcp_sha", sim__ksha, sizeof(sim__ksha))) {
		fprintf(stderr, "nvtsim: %s: kernel/kbuild.sh gave no driver\n",
			path);
		return -1;
	}
	if (sim__field(last, "stubs", stubs, sizeof(stubs)))
		snprintf(stubs, sizeof(stubs), "?");
	h = dlopen(so, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		fprintf(stderr, "nvtsim: %s: cannot load the built driver: %s\n",
			path, dlerror());
		return -1;
	}
	drv = dlsym(h, "sim_kernel_driver");
	if (!drv || drv->abi != SIM_DRV_ABI) {
		fprintf(stderr, "nvtsim: %s: %s is not a driver for this nvtsim (%s); remove %s and retry\n",
			path, so, drv ? "seam version differs" : "no sim_kernel_driver",
			cache);
		dlclose(h);
		return -1;
	}
	snprintf(sim__kchecked, sizeof(sim__kchecked),
		 "%s: drivers/nvme/host/tcp.c sha256 %s..., built as given (nvtsim changes no line); %s control-path stubs",
		 path, sim__ksha, stubs);
	return sim_variant_add_kernel(drv, sim__kname, sim__ksha, path,
				      sim__kchecked);
}
