#!/usr/bin/env bash
# Counterexamples name operations, not step counts (issue 8, item 8). The explorer
# writes fresh ones; each must replay to its verdict on nvtsim, and also on a
# test-only build whose model has one more read-only scheduling point
# (NVTSIM_MUTANT_extra_point: a READ_ONCE in nvme_tcp_try_send), where a
# "steps K" schedule would drift.
set -u
nvtsim=$1
extra=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

fail() {
	echo "FAIL: $*"
	failed=$((failed + 1))
}

write() {	# write VARIANT KIND [explore args]: a fresh counterexample in $tmp/cex
	local v=$1 kind=$2
	shift 2
	timeout 300 "$nvtsim" explore --variant "$v" --check "$kind" --no-progress \
		--out "$tmp/cex" "$@" >"$tmp/out" 2>&1
	local rc=$?
	if [ $rc != 1 ]; then
		fail "explore found no $kind on $v (exit $rc)"
		head -12 "$tmp/out"
	fi
}

# configs whose failures do not rest on how the fake socket handles ACKs:
# the MSG_MORE stall with nothing in flight (upstream's 3770a42bb8ce record),
# the write_space hang, the seed race, and the prio livelock
printf 'env sndbuf_bytes=65536 ioccsz=1024\nrequest w1 write 512 last=0 commit\n' >"$tmp/stall.nvt"
printf 'env sndbuf_bytes=8192\nrequest w1 write 4096\nrequest w2 write 4096\n' >"$tmp/ws.nvt"
write 122e5b9f3d37 stall --executions 1000 "$tmp/stall.nvt"
write mainline hang --executions 20000 "$tmp/ws.nvt"
# on the default config, as found: minimising takes up to 200,000 more
# executions (100 s each under ASan), and a longer schedule replays no easier
write db5ad6b7f8cd hang --executions 20000 --default --no-minimize
write f42d4796ee10 livelock --executions 20000 --policy prio --default --no-minimize

n=0
for f in "$tmp"/cex/*.nvt; do
	[ -e "$f" ] || continue
	n=$((n + 1))
	if grep -qE '^[0-9]+\. [a-z0-9_]+ steps [0-9]+' "$f"; then
		fail "$(basename "$f") has a step count in its schedule:"
		grep -E '^[0-9]+\. [a-z0-9_]+ steps ' "$f" | head -3
	fi
	for bin in "$nvtsim" "$extra"; do
		out=$(timeout 60 "$bin" run "$f" --quiet 2>&1)
		rc=$?
		if [ $rc = 0 ] && grep -q -- '-> as expected' <<<"$out"; then
			passed=$((passed + 1))
		else
			fail "$(basename "$f") does not replay on $(basename "$bin") (exit $rc):"
			head -5 <<<"$out"
		fi
	done
done
[ "$n" = 4 ] || fail "expected 4 counterexamples, got $n"

# the mutant is a real change: a step count that was exact is not any more
f=$tmp/cex/db5ad6b7f8cd-hang.nvt
if [ -e "$f" ]; then
	a=$("$nvtsim" run "$f" --trace "$tmp/a.txt" >/dev/null 2>&1; wc -l <"$tmp/a.txt")
	b=$("$extra" run "$f" --trace "$tmp/b.txt" >/dev/null 2>&1; wc -l <"$tmp/b.txt")
	if [ "$a" = "$b" ]; then
		fail "the extra_point mutant runs the same trace ($a lines): it adds no scheduling point"
	else
		passed=$((passed + 1))
	fi
fi

echo "cex replay: $passed passed, $failed failed"
[ "$failed" = 0 ]
