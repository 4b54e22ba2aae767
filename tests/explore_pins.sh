#!/usr/bin/env bash
# Pins upstream's record: each race is found on the variants that had it, within a
# fixed budget, and the variants that fixed it come out clean from a search that
# completes at preemption bound 1 on the built-in default config.
set -u
nvtsim=$1
top=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

found() {	# found VARIANT KIND BUDGET [extra explore args]
	local v=$1 kind=$2 budget=$3
	shift 3
	"$nvtsim" explore --variant "$v" --check "$kind" --executions "$budget" \
		--no-minimize --no-progress --out "$tmp" "$@" >"$tmp/out" 2>&1
	local rc=$?
	if [ $rc = 1 ] && grep -qi "^found:       $kind" "$tmp/out"; then
		passed=$((passed + 1))
	else
		echo "FAIL: $kind not found on $v within $budget executions (exit $rc)"
		head -12 "$tmp/out"
		failed=$((failed + 1))
	fi
}

clean() {	# clean VARIANT KIND [extra explore args]: searched to the end of bound 1, nothing
	local v=$1 kind=$2
	shift 2
	"$nvtsim" explore --variant "$v" --check "$kind" --no-minimize --no-progress \
		--out "$tmp" "$@" >"$tmp/out" 2>&1
	local rc=$?
	if [ $rc = 0 ] && grep -q "^search:      complete at preemption bound 1" "$tmp/out" &&
	   grep -q "^found:       nothing" "$tmp/out"; then
		passed=$((passed + 1))
	else
		echo "FAIL: $v is not clean of $kind at preemption bound 1 (exit $rc)"
		head -12 "$tmp/out"
		failed=$((failed + 1))
	fi
}

# the seed race (5c11f7d9f843 fixed it): one try_send from queue_rq
found db5ad6b7f8cd hang 5000
found 122e5b9f3d37 hang 5000
# an R2T queued after nvme_tcp_send_all's last look (a0fdd1418007 fixed it)
found 5c11f7d9f843 hang 60000
clean a0fdd1418007 hang
clean 70f437fb4395 hang
clean 3770a42bb8ce hang
clean mainline hang
# the MSG_MORE stall of queue->more_requests (3770a42bb8ce fixed it)
for v in 122e5b9f3d37 5c11f7d9f843 a0fdd1418007 70f437fb4395; do
	found $v stall 1000
done
clean 3770a42bb8ce stall
clean mainline stall
# io_work's priority inversion (70f437fb4395 fixed it), under strict priority
found a0fdd1418007 livelock 5000 --policy prio
clean 70f437fb4395 livelock --policy prio
clean 3770a42bb8ce livelock --policy prio
# nvtsim's own finding: f42d4796ee10 keeps io_work going while requests wait,
# which spins the same way (see README, "What the simulator has shown")
found v6.12.36 livelock 5000 --policy prio
found mainline livelock 5000 --policy prio
# before direct send, nothing of the kind
clean v5.7 hang

# two submitters on two CPUs, small sndbuf: default pb (bound 1) must find the
# hang, with at most one preemption (sub1's steps on cpu 1 take no CPU from
# sub0: see sim_step_cost). It is direct-send-race, known: the search goes on.
"$nvtsim" explore "$top/bench/two-cpus.nvt" --variant 122e5b9f3d37 --no-minimize \
	--no-progress --out "$tmp" >"$tmp/out" 2>&1
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
