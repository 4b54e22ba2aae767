# Helpers for the kernel-source tests (sourced). Trees come from Debian's
# linux-source packages at test time; none is committed here.

# The tarball of Debian's linux-source-VER, or "" when it is not installed.
ktree() {
	local t="${NVTSIM_LINUX_SOURCE_DIR:-/usr/src}/linux-source-$1.tar.xz"
	[ -f "$t" ] && echo "$t"
}

# Exit 77 (ctest: skipped) unless every tree named is installed.
ktrees_or_skip() {
	local v missing=
	for v in "$@"; do
		[ -n "$(ktree "$v")" ] || missing="$missing linux-source-$v"
	done
	if [ -n "$missing" ]; then
		echo "SKIP: needs Debian's$missing (apt-get install$missing; scripts/install-deps does)"
		exit 77
	fi
}

# kstage VER DIR: the files kbuild.sh stages, as a tree subset in DIR, to edit.
kstage() {
	mkdir -p "$2"
	tar -xJf "$(ktree "$1")" -C "$2" --strip-components=1 --wildcards \
		'linux-source-*/Makefile' 'linux-source-*/drivers/nvme/host/*.[ch]' \
		'linux-source-*/include/linux/nvme*.h' \
		'linux-source-*/include/net/handshake.h' \
		'linux-source-*/include/net/tls_prot.h' 2>/dev/null
	[ -f "$2/drivers/nvme/host/tcp.c" ]
}

# The verdict line of `nvtsim run -q`, with the step count taken out.
kverdict() {
	head -1 | sed -E 's/ in [0-9]+ steps$//'
}

# ksetup NVTSIM VER...: skip unless the trees are installed; the build
# tree's driver cache (unless NVTSIM_CACHE_DIR says otherwise); $tmp, removed
# on exit.
ksetup() {
	local nvt=$1
	shift
	ktrees_or_skip "$@"
	export NVTSIM_CACHE_DIR=${NVTSIM_CACHE_DIR:-$(dirname "$nvt")/kcache}
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
}
