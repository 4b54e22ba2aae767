#!/usr/bin/env bash
# nvtsim's command line: exit codes 0/1/2, file:line errors, deterministic output.
set -u
nvtsim=$1
top=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

check() {	# check NAME WANT_EXIT WANT_TEXT -- command...
	local name=$1 want=$2 text=$3
	shift 4
	"$@" >"$tmp/out" 2>"$tmp/err"
	local got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL $name: exit $got, wanted $want"; cat "$tmp/out" "$tmp/err" | head -5
		failed=$((failed + 1)); return
	fi
	if [ -n "$text" ] && ! grep -qF -- "$text" "$tmp/out" "$tmp/err"; then
		echo "FAIL $name: no '$text' in output"; cat "$tmp/out" "$tmp/err" | head -5
		failed=$((failed + 1)); return
	fi
	passed=$((passed + 1))
}

seed=$top/scenarios/seed-race.nvt
check help 0 "usage: nvtsim COMMAND" -- "$nvtsim" --help
check run-help 0 "--all-variants" -- "$nvtsim" run --help
check no-args 2 "usage: nvtsim" -- "$nvtsim"
check help-unknown 2 "nvtsim help: unknown command 'bogus'" -- "$nvtsim" help bogus
check help-help 0 "usage: nvtsim COMMAND" -- "$nvtsim" help help
check seed-negative 2 "--seed '-1': expected a number from" -- "$nvtsim" explore --default --strategy random --seed -1
check seed-missing 2 "--seed needs a number" -- "$nvtsim" explore --default --strategy random --seed
check unknown-command 2 "unknown command 'fly'" -- "$nvtsim" fly
check variants 0 "5c11f7d9f843   send-all" -- "$nvtsim" variants
check seed-db5ad 0 "HANG: w1" -- "$nvtsim" run "$seed" --variant db5ad6b7f8cd
check seed-5c11 0 "PASS: all 1 requests completed" -- "$nvtsim" run "$seed" --variant 5c11f7d9f843
check short-id 0 "on 5c11f7d9f843" -- "$nvtsim" run "$seed" --variant 5c11f7d
check unknown-variant 2 "unknown variant 'deadbeef99'" -- "$nvtsim" run "$seed" --variant deadbeef99
check missing-file 2 "nope.nvt: cannot read: No such file" -- "$nvtsim" run "$tmp/nope.nvt"
check bad-seed 2 "--seed 'x1'" -- "$nvtsim" run "$seed" --seed x1
check bad-steps 2 "--steps-max must be at least 1" -- "$nvtsim" run "$seed" --steps-max 0
# settings Linux cannot have are input errors, named by file and line
printf 'request w1 write 4096\nenv sndbuf_bytes=2048\n' >"$tmp/small-sndbuf.nvt"
check sndbuf-floor 2 "small-sndbuf.nvt:2: sndbuf_bytes=2048 out of range 4608..262144" -- "$nvtsim" run "$tmp/small-sndbuf.nvt"
printf 'env rcvbuf_bytes=64\nrequest w1 write 4096\n' >"$tmp/small-rcvbuf.nvt"
check rcvbuf-floor 2 "small-rcvbuf.nvt:1: rcvbuf_bytes=64 out of range 2304..131072" -- "$nvtsim" run "$tmp/small-rcvbuf.nvt"
printf 'env sndbuf_bytes=4608 mss_bytes=9000\nrequest w1 write 4096\n' >"$tmp/big-mss.nvt"
check mss-over-sndbuf 2 "big-mss.nvt:1: mss_bytes=9000 is larger than sndbuf_bytes=4608" -- "$nvtsim" run "$tmp/big-mss.nvt"
check replay-sndbuf-floor 2 "sndbuf" -- "$nvtsim" replay 'nvt1:mainline:sndbuf=2048,mss=1460,maxh2cdata=8192,ioccsz=260,r2t=0,c2h=0,rcvbuf=65536,quota=64,io_cpu=0:sub0@0:w0=write/4096/sub0/last:4000:a1'
check both-variant-opts 2 "do not go together" -- "$nvtsim" run "$seed" --variant mainline --all-variants
check unknown-opt 2 "unknown option '--frob'" -- "$nvtsim" run "$seed" --frob

printf 'request w1 write 8192\nschedule\n1. sub0 through sendmsg\n2. sub0 wiggle\n' >"$tmp/bad.nvt"
check bad-scenario 2 "bad.nvt:4: schedule: unknown directive 'wiggle'" -- "$nvtsim" run "$tmp/bad.nvt"
printf 'request w1 write 8192\nexpect * hang\n' >"$tmp/wrong.nvt"
check unexpected-verdict 1 "expected: hang -> NOT as expected" -- "$nvtsim" run "$tmp/wrong.nvt"
check unexpected-all 1 "FAIL" -- "$nvtsim" run "$tmp/wrong.nvt" --all-variants
printf 'request w1 write 8192\nsteps_max 5\nexpect * step-bound\n' >"$tmp/bound.nvt"
check step-bound 0 "STEP BOUND" -- "$nvtsim" run "$tmp/bound.nvt"

# explore and replay
check explore-help 0 "--strategy S" -- "$nvtsim" explore --help
check explore-bad-strategy 2 "unknown strategy 'bfs'" -- "$nvtsim" explore --strategy bfs
check explore-bad-check 2 "--check 'nope'" -- "$nvtsim" explore --check nope
check explore-bad-number 2 "--executions '0': expected a number from 1" -- "$nvtsim" explore --executions 0
check explore-prio-dpor 2 "--policy prio needs --strategy pb" -- "$nvtsim" explore --default --policy prio --strategy dpor
check explore-bad-config 2 "bad.nvt:4:" -- "$nvtsim" explore "$tmp/bad.nvt"
check explore-finds 1 "found:       HANG: w1" -- "$nvtsim" explore "$seed" --variant db5ad6b7f8cd --strategy pct --executions 3000 --no-progress --out "$tmp/cex"
check explore-names-known 1 "known:       direct-send-race after" -- "$nvtsim" explore "$seed" --variant db5ad6b7f8cd --no-progress --out "$tmp/cex"
check explore-no-new 1 "new:         none: every failure matched a known bug of db5ad6b7f8cd" -- "$nvtsim" explore "$seed" --variant db5ad6b7f8cd --no-progress --out "$tmp/cex"
check explore-table-known 1 "0   complete<=1  partial<=1" -- "$nvtsim" explore "$seed" --all-variants --executions 2000 --no-minimize --no-progress --out "$tmp/tab"
cp "$tmp/out" "$tmp/table"
check explore-table-known-name 0 "send-all-race" -- grep "^5c11f7d9f843 " "$tmp/table"
check explore-table-inconclusive 0 "inconclusive" -- grep "^mainline " "$tmp/table"
check explore-writes-cex 0 "expect db5ad6b7f8cd hang H2CData w1" -- cat "$tmp/cex/db5ad6b7f8cd-hang-direct-send-race.nvt"
check cex-replays 0 "expected: hang H2CData w1 -> as expected" -- "$nvtsim" run "$tmp/cex/db5ad6b7f8cd-hang-direct-send-race.nvt"
replay=$(grep -o "nvt1:[^']*" "$tmp/cex/db5ad6b7f8cd-hang-direct-send-race.nvt")
check replay 0 "HANG: w1" -- "$nvtsim" replay "$replay"
check replay-truncated 2 "replay string: truncated" -- "$nvtsim" replay "${replay%%:*}:db5ad6b7f8cd"
check replay-diverges 2 "left the recorded interleaving" -- "$nvtsim" replay "${replay}a"
check explore-clean 0 "found:       nothing" -- "$nvtsim" explore "$seed" --variant 3770a42bb8ce --no-progress --out "$tmp/cex"
check explore-help-complete 0 "--require-complete" -- "$nvtsim" explore --help
check explore-clean-complete 0 "search:      complete at preemption bound 1" -- "$nvtsim" explore "$seed" --variant 3770a42bb8ce --no-progress --require-complete --out "$tmp/cex"
# every execution cut at steps_max: inconclusive, never complete, and not exit 0
check explore-truncated 4 "search:      inconclusive at preemption bound 1" -- "$nvtsim" explore --default --steps-max 1 --no-progress --out "$tmp/cex"
check explore-truncated-require 3 "search:      inconclusive" -- "$nvtsim" explore --default --steps-max 1 --no-progress --require-complete --out "$tmp/cex"
check explore-truncated-dfs 4 "search:      inconclusive: " -- "$nvtsim" explore --default --steps-max 1 --strategy dfs --no-progress --out "$tmp/cex"
check explore-sampled-require 3 "never exhaustive" -- "$nvtsim" explore "$seed" --variant 3770a42bb8ce --strategy random --executions 50 --no-progress --require-complete --out "$tmp/cex"
check explore-budget-require 3 "not complete at preemption bound 0" -- "$nvtsim" explore "$seed" --variant 3770a42bb8ce --executions 2 --no-progress --require-complete --out "$tmp/cex"
check explore-table-truncated 4 "inconclusive" -- "$nvtsim" explore "$seed" --all-variants --steps-max 1 --no-progress --out "$tmp/cex"

# the same scenario and seed give a byte-identical trace
"$nvtsim" run "$top/scenarios/mixed-io.nvt" --seed 42 >"$tmp/a" 2>&1
"$nvtsim" run "$top/scenarios/mixed-io.nvt" --seed 42 >"$tmp/b" 2>&1
if cmp -s "$tmp/a" "$tmp/b" && [ "$(wc -l <"$tmp/a")" -gt 100 ]; then
	passed=$((passed + 1))
else
	echo "FAIL determinism: two runs with seed 42 differ (or printed nothing)"
	failed=$((failed + 1))
fi

# --kernel: input errors need no tree (tests/kernel/ run the real ones)
check kernel-missing 2 "nvtsim: $tmp/nolinux: no such file or directory" -- \
	"$nvtsim" run "$seed" --kernel "$tmp/nolinux"
check kernel-no-value 2 "--kernel needs a kernel tree" -- "$nvtsim" run "$seed" --kernel
check kernel-twice 2 "one --kernel at a time" -- "$nvtsim" explore --kernel a --kernel b
mkdir -p "$tmp/notree"
check kernel-no-tcp 2 "no drivers/nvme/host/tcp.c in this tree" -- \
	env NVTSIM_CACHE_DIR="$tmp/kc" "$nvtsim" run "$seed" --kernel "$tmp/notree"
[ -z "$(ls -A "$tmp/kc" 2>/dev/null | grep -v '^by-src$')" ] ||
	{ echo "FAIL kernel-no-tcp: left something in the cache"; failed=$((failed + 1)); }
check kernel-replay-needs-tree 2 "recorded on linux-6.1.192's own tcp.c (sha256 22271fcbced7...): give that tree with --kernel" -- \
	"$nvtsim" replay 'nvt1:linux-6.1.192@22271fcbced7:sndbuf=8192,mss=1460,maxh2cdata=8192,ioccsz=260,r2t=0,c2h=0,rcvbuf=65536,quota=64,io_cpu=0:sub0@0:w1=write/4096/sub0/last:1000:0'
printf 'variant linux-6.1.192\nrequest w1 write 4096\n' >"$tmp/kv.nvt"
check kernel-scenario-needs-tree 2 "kv.nvt:1: variant 'linux-6.1.192' is a kernel tree's own tcp.c: give the tree with --kernel" -- \
	"$nvtsim" run "$tmp/kv.nvt"

echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
