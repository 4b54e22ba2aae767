#!/usr/bin/env bash
# No progress is a verdict (issue 8, item 7). Two seeded bugs, each in a test-only
# build of model/tcp.c (NVTSIM_MUTANT_*): a bare `nvtsim explore` must fail with a
# livelock and exit 1, under the fair policy and under prio, never "found: nothing".
#   fetch_skips_req_list: nvme_tcp_fetch_request never drains req_list, so from
#     f42d4796ee10 on io_work spins while requests wait and nothing is ever sent;
#     on the llist variants before it (15ec928a65e0 on) io_work gives up and the
#     request hangs in req_list.
#   busy_io_work: io_work requeues itself even with nothing to do, so the world
#     never goes idle after every request completed (a CPU spinning for ever).
# The unmutated nvtsim must stay clean of livelock under the fair policy.
set -u
nvtsim=$1
fetch=$2
busy=$3
src=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

expect() {	# expect NAME RC PATTERN -- CMD...
	local name=$1 want_rc=$2 pattern=$3
	shift 4
	timeout 300 "$@" >"$tmp/out" 2>&1
	local rc=$?
	if [ "$rc" = "$want_rc" ] && grep -qE -- "$pattern" "$tmp/out"; then
		passed=$((passed + 1))
	else
		echo "FAIL: $name: exit $rc (want $want_rc), output without /$pattern/:"
		head -20 "$tmp/out"
		failed=$((failed + 1))
	fi
}

# a budget: a livelock matching a known bug's signature does not stop the search
ex() { echo explore --default --no-progress --no-minimize --executions 20000 --out "$tmp/cex" "$@"; }

# the issue's reproducer, as a user types it (with the minimizer on)
expect fetch-mainline 1 '^found: +LIVELOCK: the world comes back to the same state every [0-9]+ steps' -- \
	"$fetch" explore --default --variant mainline --no-progress --out "$tmp/cex"
expect fetch-mainline-cycle 1 'nvme_tcp_io_work +sk_stream_is_writeable' -- \
	"$fetch" explore --default --variant mainline --no-progress --out "$tmp/cex"
expect fetch-mainline-cex 0 'expected: livelock -> as expected' -- \
	"$fetch" run "$(ls "$tmp"/cex/mainline-livelock*.nvt | head -1)"
expect fetch-v6.12.36 1 '^found: +LIVELOCK' -- "$fetch" $(ex --variant v6.12.36)
expect fetch-mainline-prio 1 '^found: +LIVELOCK' -- "$fetch" $(ex --variant mainline --policy prio)
# before f42d4796ee10 (v6.12.36) io_work stops when it has nothing to send: a hang, not a spin
expect fetch-70f4-hangs 1 '^found: +HANG' -- "$fetch" $(ex --variant 70f437fb4395 --check hang)
expect fetch-dfs 1 '^found: +LIVELOCK' -- "$fetch" $(ex --variant mainline --strategy dfs)
expect fetch-random 1 '^found: +LIVELOCK' -- "$fetch" $(ex --variant mainline --strategy random --executions 50)

expect busy-mainline 1 '^found: +LIVELOCK: every request has completed, but the world never goes idle' -- \
	"$busy" $(ex --variant mainline)
expect busy-v5.7 1 '^found: +LIVELOCK: every request has completed' -- "$busy" $(ex --variant v5.7)
expect busy-3770 1 '^found: +LIVELOCK: every request has completed' -- \
	"$busy" $(ex --variant 3770a42bb8ce --policy prio)
expect busy-run 1 'LIVELOCK: every request has completed' -- \
	"$busy" run "$src/scenarios/mixed-io.nvt" --variant mainline

# the unmutated driver: no livelock under the fair policy where upstream has none
# (exit 4: a few executions still make progress at steps_max 1000)
expect mainline-fair-clean 4 '^found: +nothing' -- \
	"$nvtsim" $(ex --variant mainline --check livelock --executions 20000)
expect 3770-fair-clean 0 '^found: +nothing' -- \
	"$nvtsim" $(ex --variant 3770a42bb8ce --check livelock --executions 20000)

echo "mutants: $passed passed, $failed failed"
[ "$failed" = 0 ]
