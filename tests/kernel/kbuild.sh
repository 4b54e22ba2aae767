#!/usr/bin/env bash
# kernel/kbuild.sh on its own: both Debian trees build into a driver.so
# that exports sim_kernel_driver (and its access counts) and needs only the world's
# and libc's symbols; a rerun is a cache hit with the same line; the data
# path never lands on a generated stub; bad input gives one line and exit
# 2 and leaves no cache entry behind. Prints the stub counts per tree.
# usage: kbuild.sh NVTSIM TOP
set -u
nvtsim=$1
top=$2
. "$top/tests/kernel/lib.sh"
failed=0

fail() {
	echo "FAIL: $*"
	failed=$((failed + 1))
}

# what nvtsim exports for a driver: every name in kernel/world.syms
exported=$(nm -D --defined-only "$nvtsim" | awk '{ print $3 }')
while read -r s; do
	grep -qx "$s" <<<"$exported" ||
		fail "kernel/world.syms names $s, which nvtsim does not export"
done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$top/kernel/world.syms")

[ "$failed" = 0 ] || exit 1
ktrees_or_skip 6.1 6.12
kb="$top/kernel/kbuild.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cache=${NVTSIM_CACHE_DIR:-$(dirname "$nvtsim")/kcache}

field() {	# field KEY LINE
	sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$2"
}

# Functions the send and receive paths call outside tcp.c: each must be a
# real shim (kernel/glue.c, kernel/include or the world), never a stub.
datapath="nvme_setup_cmd nvme_complete_rq nvme_fail_nonready_command
nvme_change_ctrl_state nvme_cleanup_cmd blk_mq_start_request
blk_mq_complete_request_remote page_frag_alloc queue_work queue_work_on
kernel_sendpage kernel_sendmsg sock_sendmsg nvtsim_kernel_sendmsg
nvtsim_sock_sendmsg nvtsim_arena_alloc skb_copy_bits skb_copy_datagram_iter
iov_iter_bvec iov_iter_advance lock_sock release_sock sk_stream_is_writeable"

for ver in 6.1 6.12; do
	src=$(ktree "$ver")
	out=$(sh "$kb" "$src" "$cache" 2>"$tmp/err")
	rc=$?
	line=$(tail -n 1 <<<"$out")
	if [ $rc != 0 ] || [ -s "$tmp/err" ]; then
		fail "linux-source-$ver: exit $rc: $(cat "$tmp/err")"
		continue
	fi
	so=$(field so "$line")
	name=$(field name "$line")
	stubs=$(field stubs "$line")
	sha=$(tar -xJOf "$src" --wildcards '*/drivers/nvme/host/tcp.c' | sha256sum | cut -c1-12)
	[[ "$name" == linux-$ver.* ]] || fail "$ver: name=$name"
	[ "$(field warnings "$line")" = 0 ] || fail "$ver: the unmodified tree builds with warnings: $line"
	[ "$(field tcp_sha "$line")" = "$sha" ] || fail "$ver: tcp_sha is not tcp.c's ($sha): $line"
	[ -f "$so" ] || fail "$ver: no $so"
	[ "$(sh "$kb" "$src" "$cache" 2>&1 | tail -n 1)" = "$line" ] ||
		fail "$ver: a rerun is not the same cache entry"
	exports=$(nm -D --defined-only "$so" | awk '{ print $3 }' | LC_ALL=C sort | paste -sd ' ')
	[ "$exports" = "sim_kernel_access_counts sim_kernel_driver" ] ||
		fail "$ver: driver.so exports '$exports'"
	nm -D --undefined-only "$so" | awk '{ print $NF }' | sed 's/@.*//' | grep -v '^_' |
		while read -r s; do
			grep -qx "$s" "$top/kernel/world.syms" "$top/kernel/libc.syms" ||
				echo "$s"
		done >"$tmp/extra"
	[ -s "$tmp/extra" ] && fail "$ver: driver.so needs $(paste -sd ' ' "$tmp/extra")"
	for f in $datapath; do
		grep -qx "$f" "$(dirname "$so")/stubs.syms" &&
			fail "$ver: $f is a generated stub (the data path calls it)"
	done
	echo "linux-source-$ver: $name tcp.c $sha: $stubs generated stubs, $(field headers "$line") empty headers"
done

# bad input: one line on stderr, exit 2, nothing on stdout, no cache entry
expect_error() {	# expect_error WHAT PATTERN SRC
	local what=$1 pat=$2 src=$3 out rc n
	n=$(find "$tmp/c" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
	out=$(sh "$kb" "$src" "$tmp/c" 2>"$tmp/err")
	rc=$?
	if [ $rc != 2 ] || [ -n "$out" ] || [ "$(wc -l <"$tmp/err")" != 1 ] ||
		! grep -q "^nvtsim: .*$pat" "$tmp/err"; then
		fail "$what: exit $rc, stdout '$out', stderr: $(cat "$tmp/err")"
	fi
	[ "$(find "$tmp/c" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)" = "$n" ] ||
		fail "$what: left something in the cache: $(ls -a "$tmp/c")"
}
mkdir -p "$tmp/c" "$tmp/empty"
expect_error "missing source" "no such file" "$tmp/none.tar.xz"
expect_error "tree without tcp.c" "no drivers/nvme/host/tcp.c in this tree" "$tmp/empty"
echo "not a tarball" >"$tmp/junk.tar.xz"
expect_error "not a tarball" "not a tar archive" "$tmp/junk.tar.xz"
kstage 6.1 "$tmp/t61" || fail "kstage 6.1"
printf '\nstatic int nvtsim_probe(void)\n{\n\treturn foo_bar_undeclared();\n}\n' \
	>>"$tmp/t61/drivers/nvme/host/tcp.c"
n=$(wc -l <"$tmp/t61/drivers/nvme/host/tcp.c")
expect_error "unshimmed call" \
	"drivers/nvme/host/tcp.c:$((n - 1)): 'foo_bar_undeclared' undeclared (no shim for it)" "$tmp/t61"
sed -i '/^SUBLEVEL/d' "$tmp/t61/Makefile"
expect_error "no SUBLEVEL" "Makefile: no numeric VERSION, PATCHLEVEL and SUBLEVEL" "$tmp/t61"

echo "kbuild: $failed failed"
[ "$failed" = 0 ]
