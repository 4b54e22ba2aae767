#!/usr/bin/env bash
# The bare sweep finds the whole record (issue 10): `nvtsim explore
# --all-variants`, as a user types it, must name every known bug on exactly
# the variants in its range (harness/check/knownbugs.c, pinned one config at a
# time by tests/explore_pins.sh), find the seed race on two CPUs where it
# exists, and find nothing new. It runs the whole default sweep (minutes on
# 2 cores), so CI runs it as a step of its own, on the default build.
# usage: sweep_record.sh NVTSIM [JOBS]
set -u
nvtsim=$1
jobs=${2:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
start=$(date +%s)
"$nvtsim" explore --all-variants --jobs "$jobs" --no-progress --out "$tmp/cex" >"$tmp/out" 2>&1
rc=$?
secs=$(($(date +%s) - start))
failed=0
[ "$rc" = 1 ] || { echo "FAIL: exit $rc, want 1 (known bugs found)"; failed=1; }

want() {	# want VARIANT BUG...: exactly these known bugs on VARIANT
	local v=$1 got
	shift
	got=$(awk -v v="$v" '$1 == v && NF >= 9 { for (i = 9; i <= NF; i++) print $i }' "$tmp/out" |
		sed 's/#.*//' | sort | paste -sd ' ')
	local exp
	exp=$(printf '%s\n' "$@" | sort | paste -sd ' ')
	if [ "$got" != "$exp" ]; then
		echo "FAIL: $v: found [$got], want [$exp]"
		failed=1
	fi
}
ws=write-space-lost-to-trylock
want v5.7 maxh2cdata-overrun
want db5ad6b7f8cd direct-send-race maxh2cdata-overrun $ws
want 122e5b9f3d37 direct-send-race maxh2cdata-overrun msg-more-stall $ws
want 5c11f7d9f843 send-all-race maxh2cdata-overrun msg-more-stall $ws
want a0fdd1418007 maxh2cdata-overrun msg-more-stall io-work-priority-inversion \
	h2cdata-offset-from-data-sent $ws
want 70f437fb4395 maxh2cdata-overrun msg-more-stall h2cdata-offset-from-data-sent $ws
want 3770a42bb8ce $ws
want v6.12.36 io-work-writable-spin $ws
want mainline io-work-writable-spin $ws
# the seed race across two CPUs (queue_rq on one, io_work on the io_cpu)
for v in db5ad6b7f8cd 122e5b9f3d37; do
	grep -Eq "^$v .* direct-send-race#[0-9]+,2cpu#[0-9]+" "$tmp/out" ||
		{ echo "FAIL: $v: the seed race not found on two CPUs"; failed=1; }
done
! grep -q '^  NEW:' "$tmp/out" || { echo "FAIL: a new signature:"; grep -A3 '^  NEW:' "$tmp/out"; failed=1; }
sed -n '/^variant /,/^$/p' "$tmp/out"
echo "sweep record: $([ $failed = 0 ] && echo ok || echo FAILED), ${secs} s with --jobs $jobs"
exit $failed
