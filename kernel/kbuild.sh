#!/bin/sh
# kbuild.sh SRC OUTROOT: build a kernel tree's own, unmodified
# drivers/nvme/host/tcp.c into a driver.so that nvtsim dlopen()s.
#
# SRC is a kernel tree (or a subset with the same layout) or a source
# tarball such as Debian's /usr/src/linux-source-6.1.tar.xz. Only an
# allowlist of the tree's files is staged; everything else tcp.c includes
# comes from kernel/include (hand-written shims), harness/include (the
# types the world shares with the driver) or an empty generated header.
#
# Cache: OUTROOT/<hash>/ where hash covers the staged files, kernel/,
# harness/include, harness/driver.h and the compiler version. A build goes
# to a temporary directory renamed into place, so an entry is whole or
# absent. On success the last line of stdout is
#   so=PATH name=linux-X.Y.Z tcp_sha=<12 hex> stubs=N headers=N warnings=N
# On failure one line on stderr names the file, the line and the problem,
# and the exit status is 2. NVTSIM_KBUILD_KEEP=1 keeps the build directory
# (and says where) for a look at the full compiler output.
set -u
set -f	# patterns below are for tar, never for the shell
LC_ALL=C	# plain quotes in the compiler's messages, bytewise sorting
export LC_ALL

die() {
	printf 'nvtsim: %s\n' "$*" >&2
	exit 2
}

[ $# -eq 2 ] || die "usage: kbuild.sh SRC OUTROOT (SRC: a kernel tree or a linux-source tarball)"
SRC=$1
OUTROOT=$2
CC=${CC:-gcc}

self=$(cd "$(dirname "$0")" && pwd) || die "$0: cannot find the script's directory"
top=$(dirname "$self")
kdir=$top/kernel
hinc=$top/harness/include
[ -f "$kdir/glue.c" ] && [ -d "$hinc" ] && [ -f "$top/harness/driver.h" ] ||
	die "$top: not an nvtsim source tree (kernel/glue.c, harness/include, harness/driver.h)"
[ -e "$SRC" ] || die "$SRC: no such file or directory"
command -v "$CC" >/dev/null 2>&1 || die "$CC: compiler not found"

# The tree's files tcp.c is built from, unmodified: required, then optional
# (the TLS headers of 6.7+ trees; older trees have none of them).
REQUIRED="drivers/nvme/host/tcp.c
Makefile
drivers/nvme/host/nvme.h
drivers/nvme/host/fabrics.h
include/linux/nvme.h
include/linux/nvme-tcp.h"
OPTIONAL="include/linux/nvme-keyring.h
include/net/handshake.h
include/net/tls_prot.h"

# Coverage (scripts/coverage --kernel): NVTSIM_KBUILD_COVERAGE=DIR builds
# with gcov instrumentation in DIR itself, outside the cache, and keeps it:
# the .gcno files, the staged tcp.c and, after each nvtsim run, the .gcda
# files stay side by side for gcovr. A DIR already built from SRC is
# reused as it is, so the counts add up over runs; remove DIR to start over.
cov=${NVTSIM_KBUILD_COVERAGE:-}
mkdir -p "$OUTROOT" 2>/dev/null || die "$OUTROOT: cannot create the cache directory"
OUTROOT=$(cd "$OUTROOT" && pwd)
if [ -n "$cov" ] && [ -f "$cov/out/info" ] && [ "$(cat "$cov/src" 2>/dev/null)" = "$SRC" ]; then
	cat "$cov/out/info"
	exit 0
fi
if [ -n "$cov" ]; then
	rm -rf "$cov" && mkdir -p "$cov" || die "$cov: cannot create the coverage build directory"
	tmp=$(cd "$cov" && pwd)
else
	tmp=$(mktemp -d "$OUTROOT/.build.XXXXXX") || die "$OUTROOT: cannot create a build directory"
fi
cleanup() {
	if [ -n "$cov" ]; then
		:
	elif [ "${NVTSIM_KBUILD_KEEP:-0}" = 1 ]; then
		echo "nvtsim: kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

stage=$tmp/stage
mkdir -p "$stage"

# What nvtsim contributes to a build: the shims, the seam, the compiler.
nvtsim_hash=$(
	cd "$top" && find kernel harness/include harness/driver.h -type f | LC_ALL=C sort |
		while read -r f; do
			echo "nvtsim $f $(sha256sum <"$f")"
		done
	"$CC" --version | head -n 1
)
nvtsim_hash=$(printf '%s\n' "$nvtsim_hash" | sha256sum | cut -c1-32)

# A tarball takes seconds to read: one seen before (same path, size and
# modification time) names its cache entry directly.
srckey=
if [ -f "$SRC" ] && [ -z "$cov" ]; then
	srcabs=$(cd "$(dirname "$SRC")" && pwd)/$(basename "$SRC")
	srckey=$(printf '%s %s %s\n' "$srcabs" "$(stat -c '%s %Y %i' "$SRC")" "$nvtsim_hash" |
		sha256sum | cut -c1-32)
	if [ -f "$OUTROOT/by-src/$srckey" ]; then
		known=$OUTROOT/$(cat "$OUTROOT/by-src/$srckey")
		if [ -f "$known/driver.so" ] && [ -f "$known/info" ]; then
			cat "$known/info"
			exit 0
		fi
	fi
fi

# ---- stage the allowlisted files ----
if [ -d "$SRC" ]; then
	tree=$SRC
else
	mkdir -p "$tmp/x"
	pats=
	for f in $REQUIRED $OPTIONAL; do
		pats="$pats */$f"
	done
	# members an older tree lacks are reported by tar and checked below
	# shellcheck disable=SC2086
	tar -xf "$SRC" -C "$tmp/x" --wildcards $pats 2>"$tmp/tar.log"
	tree=$(find "$tmp/x" -mindepth 1 -maxdepth 1 -type d | head -n 1)
	if [ -z "$tree" ]; then
		grep -q 'Not found in archive' "$tmp/tar.log" ||
			die "$SRC: not a tar archive of a kernel tree ($(grep -m 1 . "$tmp/tar.log"))"
		die "$SRC: no drivers/nvme/host/tcp.c in this tree"
	fi
fi
for f in $REQUIRED; do
	[ -f "$tree/$f" ] || die "$SRC: no $f in this tree"
	mkdir -p "$stage/$(dirname "$f")"
	cp "$tree/$f" "$stage/$f" || die "$SRC: $f: cannot copy"
done
for f in $OPTIONAL; do
	if [ -f "$tree/$f" ]; then
		mkdir -p "$stage/$(dirname "$f")"
		cp "$tree/$f" "$stage/$f" || die "$SRC: $f: cannot copy"
	fi
done

mkvar() {
	sed -n "s/^$1[[:space:]]*=[[:space:]]*\([0-9][0-9]*\)[[:space:]]*\$/\1/p" "$stage/Makefile" | head -n 1
}
ver=$(mkvar VERSION)
pl=$(mkvar PATCHLEVEL)
sl=$(mkvar SUBLEVEL)
[ -n "$ver" ] && [ -n "$pl" ] && [ -n "$sl" ] ||
	die "$SRC: Makefile: no numeric VERSION, PATCHLEVEL and SUBLEVEL"
name=linux-$ver.$pl.$sl
vcode=$((ver * 65536 + pl * 256 + (sl > 255 ? 255 : sl)))
tcp_sha=$(sha256sum <"$stage/drivers/nvme/host/tcp.c" | cut -c1-12)

# ---- cache key ----
hash=$(
	cd "$stage" && find . -type f | LC_ALL=C sort | while read -r f; do
		echo "stage $f $(sha256sum <"$f")"
	done
	echo "nvtsim $nvtsim_hash"
)
hash=$(printf '%s\n' "$hash" | sha256sum | cut -c1-32)
entry=$OUTROOT/$hash
remember_src() {
	[ -n "$srckey" ] || return 0
	mkdir -p "$OUTROOT/by-src" && echo "$hash" >"$tmp/srckey" &&
		mv -f "$tmp/srckey" "$OUTROOT/by-src/$srckey"
}
[ -n "$cov" ] && entry=$tmp/out
if [ -z "$cov" ] && [ -f "$entry/driver.so" ] && [ -f "$entry/info" ]; then
	remember_src
	cat "$entry/info"
	exit 0
fi

# ---- generated empty headers ----
gen=$tmp/gen
mkdir -p "$gen"
isys=$("$CC" -print-file-name=include)
found() {
	for d in "$stage/include" "$kdir/include" "$hinc" "$isys"; do
		[ -f "$d/$1" ] && return 0
	done
	return 1
}
nheaders=0
for p in $(find "$stage" "$kdir/include" -name '*.[ch]' -exec \
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/\1/p' {} + |
	LC_ALL=C sort -u); do
	found "$p" && continue
	[ -f "$gen/$p" ] && continue
	mkdir -p "$gen/$(dirname "$p")"
	echo "/* Stub: empty, generated by kernel/kbuild.sh: everything tcp.c needs from <$p> is in kernel/include. */" >"$gen/$p"
	nheaders=$((nheaders + 1))
done

# ---- compile ----
mkdir -p "$tmp/seam" "$tmp/out"
cp "$top/harness/driver.h" "$tmp/seam/driver.h"
# -Wno-unused-parameter, -Wno-sign-compare, -Wno-missing-field-initializers,
# -Wno-pointer-sign (the kernel's own Makefile sets it):
# the kernel builds without them (W=1 only) and tcp.c/nvme.h trigger them.
# Warnings are not errors (a patch under test may leave a function unused,
# as the kernel without CONFIG_WERROR allows); they are counted in the
# result line, and tests/kernel/kbuild.sh wants none on Debian's trees.
# What would hide a missing shim stays an error.
# The prefix maps make __FILE__ tree-relative (drivers/nvme/host/tcp.c,
# kernel/glue.c): the file a trace or a SARIF code flow shows for each
# step. GCC applies the last map that matches, and $stage may lie under
# $top (a cache in build/ of the source tree): $stage's goes last.
CFLAGS="-std=gnu11 -nostdinc -isystem $isys -ffreestanding -fPIC -O2 -g
	-fno-strict-aliasing -fno-common -fvisibility=hidden
	-Werror=implicit-function-declaration -Werror=implicit-int
	-Werror=incompatible-pointer-types -Werror=int-conversion
	-Werror=return-type
	-Wall -Wextra -Wno-unused-parameter -Wno-sign-compare
	-Wno-missing-field-initializers -Wno-pointer-sign
	-fmacro-prefix-map=$top/= -fmacro-prefix-map=$stage/=
	-include $kdir/include/nvtsim_prelude.h
	-DLINUX_VERSION_CODE=$vcode -DNVTSIM_KERNEL_NAME=\"$name\"
	-I$stage/include -I$kdir/include -I$gen -I$hinc
	-iquote $stage/drivers/nvme/host -iquote $tmp/seam"

# One line for the first error: file (tree-relative), line, problem.
first_error() {
	sed -n 's/^\([^ :][^:]*\):\([0-9][0-9]*\):[0-9]*: error: \(.*\)$/\1:\2: \3/p' "$1" |
		head -n 1 |
		sed -e "s|^$stage/||" -e "s|^$top/||" -e "s|^$tmp/||" \
			-e 's/ (first use in this function)/ (no shim for it)/' \
			-e "s/implicit declaration of function \(.*\) \[-Werror.*/\1 undeclared (no shim for it)/" \
			-e 's/ \[-Werror=[^]]*\]$//'
}
compile() { # out src log extra-flags...
	out=$1 src=$2 log=$3
	shift 3
	# shellcheck disable=SC2086
	if ! "$CC" $CFLAGS "$@" -c "$src" -o "$out" >"$log" 2>&1; then
		msg=$(first_error "$log")
		[ -n "$msg" ] || msg="$(basename "$src"): $(head -n 1 "$log")"
		die "$SRC: $msg"
	fi
}
# -fsanitize=thread: every load and store of tcp.c calls kernel/tsan.c.
# No inlining, no sibling calls, no merged functions: a scheduling point
# is named after the kernel function whose code does the access; frame
# pointers: the tsan hooks read the frame of the function that calls them.
covflags=
[ -n "$cov" ] && covflags="--coverage -fprofile-update=single"
# shellcheck disable=SC2086
compile "$tmp/glue.o" "$kdir/glue.c" "$tmp/glue.log" $covflags -fsanitize=thread \
	-fno-inline -fno-optimize-sibling-calls -fno-ipa-icf -fno-omit-frame-pointer
compile "$tmp/tsan.o" "$kdir/tsan.c" "$tmp/tsan.log"

# ---- generated stubs for what is still undefined ----
syms_of() { nm "$@" | awk 'NF == 3 { print $3 }' | LC_ALL=C sort -u; }
undef_of() { nm -u "$@" | awk '$1 == "U" { print $2 }' | grep -v "^_GLOBAL_OFFSET_TABLE_$" | LC_ALL=C sort -u; }
provided=$tmp/provided.syms
sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$kdir/world.syms" "$kdir/libc.syms" | LC_ALL=C sort -u >"$provided"
syms_of --defined-only "$tmp/glue.o" "$tmp/tsan.o" >"$tmp/defined.syms"
undef_of "$tmp/glue.o" "$tmp/tsan.o" | LC_ALL=C comm -23 - "$tmp/defined.syms" |
	# (__gcov_*: libgcov, linked in by a coverage build's --coverage)
	LC_ALL=C comm -23 - "$provided" | grep -v '^nvtsim_symtab_\|^nvtsim_linetab_\|^__gcov_' >"$tmp/missing.syms"
# data or function: the DWARF of glue.o declares each referenced extern
readelf --debug-dump=info "$tmp/glue.o" 2>/dev/null | awk '
	/^ <1>/ { tag = ($0 ~ /DW_TAG_variable/) ? "var" : "" ; name = ""; next }
	/^ <[0-9]+>/ { tag = ""; next }
	tag == "var" && /DW_AT_name/ { name = $NF }
	tag == "var" && /DW_AT_declaration/ && name != "" { print name }
' | LC_ALL=C sort -u >"$tmp/vars.syms"
{
	echo "/* Generated by kernel/kbuild.sh for $name: symbols tcp.c references that no shim defines. */"
	echo "void sim_stub_called(const char *fn);"
	while read -r s; do
		if grep -qx "$s" "$tmp/vars.syms"; then
			echo "char $s[4096] __attribute__((aligned(64)));"
		else
			echo "long $s(void) { sim_stub_called(\"$s\"); return 0; }"
		fi
	done <"$tmp/missing.syms"
} >"$tmp/stubs.c"
nstubs=$(wc -l <"$tmp/missing.syms" | tr -d ' ')
compile "$tmp/stubs.o" "$tmp/stubs.c" "$tmp/stubs.log" -fno-builtin -Wno-builtin-declaration-mismatch

# ---- symbol table: function names for the scheduling points ----
objs="$tmp/glue.o $tmp/tsan.o $tmp/stubs.o"
ldflags="-shared -Wl,--version-script=$kdir/driver.map"
[ -n "$cov" ] && ldflags="$ldflags --coverage"
gen_symtab() { # so > c
	nm --defined-only "$1" | awk '
		$2 ~ /^[tT]$/ { print $1, $3 }' | LC_ALL=C sort -u | awk '
		BEGIN { n = 0; off = 0 }
		# gcc clones (nvme_tcp_try_send.constprop.0) are their function
		{ sub(/\..*/, "", $2); addr[n] = $1; name[n] = $2; noff[n] = off; off += length($2) + 1; n++ }
		END {
			print "/* Generated by kernel/kbuild.sh: the .so'"'"'s functions by link address. */"
			print "#include <stdint.h>"
			print "const unsigned nvtsim_symtab_n = " n ";"
			printf("const uint64_t nvtsim_symtab_addr[%d] = {\n", (n > 0 ? n : 1))
			for (i = 0; i < n; i++) printf "\t0x%s,\n", addr[i]
			print "};"
			printf("const uint32_t nvtsim_symtab_name[%d] = {\n", (n > 0 ? n : 1))
			for (i = 0; i < n; i++) printf "\t%d,\n", noff[i]
			print "};"
			print "const char nvtsim_symtab_str[] ="
			for (i = 0; i < n; i++) printf "\t\"%s\\0\"\n", name[i]
			print "\t\"\";"
		}'
}
# ---- line table: tcp.c's line for each code address, for traces ----
gen_linetab() { # so > c
	# decodedline: a "PATH:" line opens each file's rows "NAME LINE 0xADDR ...";
	# addresses are zero-padded for a textual sort (mawk has no strtonum)
	readelf --debug-dump=decodedline "$1" 2>/dev/null | awk '
		/:$/ { tcp = ($0 ~ /\/drivers\/nvme\/host\/tcp\.c:$/); next }
		NF >= 3 && $3 ~ /^0x[0-9a-f]+$/ {
			a = substr($3, 3)
			while (length(a) < 16) a = "0" a
			printf "%s %d %d\n", a, (tcp && $1 == "tcp.c") ? $2 : 0, NR
		}' | LC_ALL=C sort -k1,1 -k3,3n | awk '
		# at one address the last row is the line there; a repeated line adds nothing
		BEGIN { n = 0 }
		{ if (n && $1 == addr[n - 1]) n--; addr[n] = $1; line[n] = $2; n++ }
		END {
			m = 0
			for (i = 0; i < n; i++)
				if (!m || line[i] != kl[m - 1]) { ka[m] = addr[i]; kl[m] = line[i]; m++ }
			print "/* Generated by kernel/kbuild.sh: drivers/nvme/host/tcp.c lines by link address (0: other files). */"
			print "#include <stdint.h>"
			print "const unsigned nvtsim_linetab_n = " m ";"
			printf("const uint64_t nvtsim_linetab_addr[%d] = {\n", (m > 0 ? m : 1))
			for (i = 0; i < m; i++) printf "\t0x%s,\n", ka[i]
			print "};"
			printf("const uint32_t nvtsim_linetab_line[%d] = {\n", (m > 0 ? m : 1))
			for (i = 0; i < m; i++) printf "\t%d,\n", kl[i]
			print "};"
		}'
}
link() { # out objs...
	out=$1
	shift
	# shellcheck disable=SC2086
	if ! "$CC" $ldflags -o "$out" "$@" >"$tmp/link.log" 2>&1; then
		msg=$(grep -m 1 'undefined reference\|error' "$tmp/link.log" | sed 's/^.*: //')
		die "$SRC: link: ${msg:-$(head -n 1 "$tmp/link.log")}"
	fi
}
# pass 1 links an empty table to learn the functions' addresses
{
	echo '#include <stdint.h>'
	echo 'const unsigned nvtsim_symtab_n = 0;'
	echo 'const uint64_t nvtsim_symtab_addr[1];'
	echo 'const uint32_t nvtsim_symtab_name[1];'
	echo 'const char nvtsim_symtab_str[] = "";'
} >"$tmp/symtab.c"
{
	echo '#include <stdint.h>'
	echo 'const unsigned nvtsim_linetab_n = 0;'
	echo 'const uint64_t nvtsim_linetab_addr[1];'
	echo 'const uint32_t nvtsim_linetab_line[1];'
} >"$tmp/linetab.c"
compile "$tmp/symtab.o" "$tmp/symtab.c" "$tmp/symtab.log"
compile "$tmp/linetab.o" "$tmp/linetab.c" "$tmp/linetab.log"
# shellcheck disable=SC2086
link "$tmp/pass1.so" $objs "$tmp/symtab.o" "$tmp/linetab.o"
gen_symtab "$tmp/pass1.so" >"$tmp/symtab.c"
gen_linetab "$tmp/pass1.so" >"$tmp/linetab.c"
compile "$tmp/symtab.o" "$tmp/symtab.c" "$tmp/symtab.log"
compile "$tmp/linetab.o" "$tmp/linetab.c" "$tmp/linetab.log"
# shellcheck disable=SC2086
link "$tmp/out/driver.so" $objs "$tmp/symtab.o" "$tmp/linetab.o"
# the tables must describe the final layout: code does not move when only data grows
gen_symtab "$tmp/out/driver.so" | cmp -s - "$tmp/symtab.c" ||
	die "$SRC: link: function addresses moved between the two links (symbol table stale)"
gen_linetab "$tmp/out/driver.so" | cmp -s - "$tmp/linetab.c" ||
	die "$SRC: link: code moved between the two links (line table stale)"

# every symbol left undefined must be one the world (or libc) provides
nm -D --undefined-only "$tmp/out/driver.so" | awk '{ print $NF }' | sed 's/@.*//' |
	LC_ALL=C sort -u | LC_ALL=C comm -23 - "$provided" | grep -v '^_\|^$' >"$tmp/unres.syms"
# (a coverage build's libgcov brings its own needs from the C library)
if [ -s "$tmp/unres.syms" ] && [ -z "$cov" ]; then
	die "$SRC: link: '$(head -n 1 "$tmp/unres.syms")' is neither defined nor in kernel/world.syms"
fi
nm -D --defined-only "$tmp/out/driver.so" | awk '$2 !~ /^[AUw]$/ { print $3 }' |
	grep -qx sim_kernel_driver ||
	die "$SRC: link: driver.so does not export sim_kernel_driver"

cp "$tmp/stubs.c" "$tmp/out/stubs.c"
cp "$tmp/missing.syms" "$tmp/out/stubs.syms"
# (globbing is off: the logs by name)
logs="$tmp/glue.log $tmp/tsan.log $tmp/stubs.log $tmp/symtab.log $tmp/linetab.log"
# shellcheck disable=SC2086
nwarn=$(cat $logs | grep -c ': warning: ')
if [ "$nwarn" != 0 ]; then
	# shellcheck disable=SC2086
	printf 'nvtsim: %s: note: %s compiler warning(s), the first: %s\n' "$SRC" "$nwarn" \
		"$(cat $logs | grep -m 1 ': warning: ' | sed -e "s|^$stage/||" -e "s|^$top/||")" >&2
fi
info="so=$entry/driver.so name=$name tcp_sha=$tcp_sha stubs=$nstubs headers=$nheaders warnings=$nwarn"
echo "$info" >"$tmp/out/info"
if [ -n "$cov" ]; then
	printf '%s\n' "$SRC" >"$tmp/src"
	echo "$info"
	exit 0
fi
if ! mv -T "$tmp/out" "$entry" 2>/dev/null; then
	# another build of the same key got there first: it is the same build
	[ -f "$entry/info" ] || die "$entry: cannot move the build into place"
	info=$(cat "$entry/info")
fi
remember_src
echo "$info"
