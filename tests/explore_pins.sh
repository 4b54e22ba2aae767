#!/usr/bin/env bash
# Pins the known-bugs list (harness/check/knownbugs.c) to what the explorer finds.
# For each bug, a small config that reaches it (tests/pins/NAME.nvt) is
# explored on every variant: inside the bug's range the explorer must name it
# as known; outside, the search must run to the end of preemption bound 1
# with no failure of that name and nothing new. So each range is the one the
# explorer measures, not one read off upstream's history.
set -u
nvtsim=$1
top=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
variants=$("$nvtsim" variants | awk 'NR > 1 { print $1 }')

pin() {	# pin NAME VARIANT...: the variants that have it
	local name=$1 v rc want
	shift
	for v in $variants; do
		"$nvtsim" explore "$top/tests/pins/$name.nvt" --variant "$v" --no-minimize \
			--no-progress --require-complete --out "$tmp/cex" >"$tmp/out" 2>&1
		rc=$?
		want=out
		case " $* " in *" $v "*) want=in ;; esac
		if [ $want = in ] && grep -q "^known: *$name after" "$tmp/out"; then
			passed=$((passed + 1))
		elif [ $want = out ] && { [ $rc = 0 ] || [ $rc = 1 ]; } &&
		     ! grep -Eq "^known: *$name " "$tmp/out" &&
		     grep -Eq "^(new: *none|found: *nothing)" "$tmp/out" &&
		     grep -q "^search: *complete at preemption bound 1" "$tmp/out"; then
			passed=$((passed + 1))
		else
			echo "FAIL: $name on $v: wanted $want of its range (exit $rc)"
			grep -E "^(search|found|known|new|inconclusive):" "$tmp/out" | head -8
			failed=$((failed + 1))
		fi
	done
}

pin maxh2cdata-overrun v5.7 db5ad6b7f8cd 122e5b9f3d37 5c11f7d9f843 a0fdd1418007 70f437fb4395
pin direct-send-race db5ad6b7f8cd 122e5b9f3d37
pin send-all-race 5c11f7d9f843
pin msg-more-stall 122e5b9f3d37 5c11f7d9f843 a0fdd1418007 70f437fb4395
pin h2cdata-offset-from-data-sent a0fdd1418007 70f437fb4395
pin io-work-priority-inversion a0fdd1418007
pin write-space-lost-to-trylock db5ad6b7f8cd 122e5b9f3d37 5c11f7d9f843 a0fdd1418007 \
	70f437fb4395 3770a42bb8ce v6.12.36 mainline
pin io-work-writable-spin v6.12.36 mainline

# two submitters on two CPUs, small sndbuf: default pb (bound 1) must find the
# hang, with at most one preemption (sub1's steps on cpu 1 take no CPU from
# sub0: see sim_step_cost). It is direct-send-race, known: the search goes on.
"$nvtsim" explore "$top/bench/two-cpus.nvt" --variant 122e5b9f3d37 --no-minimize \
	--no-progress --out "$tmp/cex" >"$tmp/out" 2>&1
rc=$?
if [ $rc = 1 ] && grep -q "^found:       HANG" "$tmp/out" &&
   grep -q "^known:       direct-send-race after" "$tmp/out" &&
   grep -Eq "^  as found:  [01] preemptions?, [01] CPU switch" "$tmp/out" &&
   grep -q "^search:      complete at preemption bound 1" "$tmp/out"; then
	passed=$((passed + 1))
else
	echo "FAIL: bench/two-cpus.nvt: no hang on 122e5b9f3d37 at preemption bound <= 1 (exit $rc)"
	head -12 "$tmp/out"
	failed=$((failed + 1))
fi

echo "explore pins: $passed passed, $failed failed"
[ "$failed" = 0 ]
