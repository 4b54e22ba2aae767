#!/usr/bin/env bash
# nvtsim explore --sweep (issue 10): what a narrow sweep finds, that --jobs
# and --shard/merge change nothing but the time, that bad specs, options and
# shard files get one line and exit 2, and that a build whose write_space no
# longer kicks io_work is told apart from the real one.
set -u
nvtsim=$1
mutant=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

# expect NAME RC PATTERN -- CMD...: exit code and a line matching PATTERN
expect() {
	local name=$1 want=$2 pattern=$3
	shift 4
	"$@" >"$tmp/out" 2>&1
	local rc=$?
	if [ "$rc" = "$want" ] && grep -qE -- "$pattern" "$tmp/out"; then
		ok
	else
		bad "$name: exit $rc (want $want), no line /$pattern/:"
		head -20 "$tmp/out"
	fi
}

# times are the only thing a rerun may change
norm() { sed -E 's/ +/ /g; s/[0-9]+\.[0-9]+ ?s\b/T s/g; s/"seconds(_to_first)?":[0-9.]+/"seconds":T/g' "$1"; }

# six configs: w512, w8192, w16384, each as the base and with ->commit_rqs
small='tier 2 off; tier 3 off; tier 1 kinds=w512,w8192,w16384 deviations=1; cpus 0; sndbuf 16384; r2t 0; policy fair; budget 5000'
sw() { "$nvtsim" explore --sweep "$small" --no-progress "$@"; }

expect old-variant 1 '^  known:     msg-more-stall$' -- sw --variant 122e5b9f3d37 --out "$tmp/cex"
for bug in maxh2cdata-overrun direct-send-race; do
	grep -q "^  known:     $bug$" "$tmp/out" && ok || bad "122e5b9f3d37: $bug not reported"
done
grep -q '^  searched:  6 configs:' "$tmp/out" && ok || bad "122e5b9f3d37: not 6 configs"
grep -q "^    scenario: $tmp/cex/122e5b9f3d37-stall-msg-more-stall.nvt" "$tmp/out" &&
	"$nvtsim" run "$tmp/cex/122e5b9f3d37-stall-msg-more-stall.nvt" --quiet >/dev/null &&
	ok || bad "the msg-more-stall counterexample does not replay to its verdict"
expect mainline-clean 0 '^  searched:  6 configs: 6 complete and clean' -- sw --variant mainline --out "$tmp/cex"
grep -q '^  found:     nothing' "$tmp/out" && ok || bad "mainline: not 'found: nothing'"

# --jobs: the same report, whatever N
# (minimising is the same code either way, and costs most of a narrow sweep)
sw --all-variants --jobs 1 --no-minimize --out "$tmp/j1" >"$tmp/j1.txt" 2>&1
sw --all-variants --jobs 2 --no-minimize --out "$tmp/j2" >"$tmp/j2.txt" 2>&1
if cmp -s <(norm "$tmp/j1.txt" | sed "s|$tmp/j1|CEX|g") <(norm "$tmp/j2.txt" | sed "s|$tmp/j2|CEX|g"); then
	ok
else
	bad "--jobs 1 and --jobs 2 differ:"
	diff <(norm "$tmp/j1.txt" | sed "s|$tmp/j1|CEX|g") <(norm "$tmp/j2.txt" | sed "s|$tmp/j2|CEX|g") | head
fi
diff -r "$tmp/j1" "$tmp/j2" >/dev/null && ok || bad "--jobs 1 and 2 wrote different counterexamples"

# one config's --all-variants table, a variant per worker: the same table
printf 'env quota_steps=64\nrequest w1 write 8192\nsteps_max 1000\n' >"$tmp/w8.nvt"
for j in 1 2; do
	"$nvtsim" explore "$tmp/w8.nvt" --all-variants --jobs $j --executions 2000 \
		--no-progress --out "$tmp/t$j" >"$tmp/t$j.txt" 2>&1
done
if cmp -s <(norm "$tmp/t1.txt" | sed "s|$tmp/t1|CEX|g") <(norm "$tmp/t2.txt" | sed "s|$tmp/t2|CEX|g") &&
   grep -q '^db5ad6b7f8cd .*direct-send-race' "$tmp/t2.txt"; then
	ok
else
	bad "explore CONFIG --all-variants: --jobs 1 and 2 differ"
fi
expect jobs-one-config 2 "--jobs applies to a sweep" -- "$nvtsim" explore "$tmp/w8.nvt" --jobs 2

# --shard K/N and merge: the report and exit code of one unsharded run
sw --all-variants --jobs 1 --out "$tmp/u" --results "$tmp/whole.json" >"$tmp/whole.txt" 2>&1
want_rc=$?
for k in 1 2 3; do
	expect shard-$k 0 "^shard $k/3: " -- sw --all-variants --shard $k/3 --results "$tmp/s$k.json"
done
"$nvtsim" merge "$tmp/s3.json" "$tmp/s1.json" "$tmp/s2.json" --out "$tmp/u" \
	--results "$tmp/merged.json" >"$tmp/merged.txt" 2>&1
rc=$?
[ "$rc" = "$want_rc" ] && [ "$rc" = 1 ] && ok || bad "merge exit $rc, unsharded $want_rc"
cmp -s <(norm "$tmp/whole.txt") <(norm "$tmp/merged.txt") && ok ||
	{ bad "merged report differs:"; diff <(norm "$tmp/whole.txt") <(norm "$tmp/merged.txt") | head; }
cmp -s <(norm "$tmp/whole.json") <(norm "$tmp/merged.json") && ok || bad "merged results differ"
python3 -m json.tool "$tmp/merged.json" >/dev/null && ok || bad "merged results are not JSON"

# merge refuses what is not one whole sweep
expect merge-missing 2 'shard 2/3 is missing' -- "$nvtsim" merge "$tmp/s1.json" "$tmp/s3.json"
expect merge-twice 2 's1.json: shard 1/3 given twice' -- "$nvtsim" merge "$tmp/s1.json" "$tmp/s1.json" "$tmp/s2.json"
head -c 300 "$tmp/s2.json" >"$tmp/cut.json"
expect merge-truncated 2 "cut.json: line [0-9]+: " -- "$nvtsim" merge "$tmp/s1.json" "$tmp/cut.json" "$tmp/s3.json"
sw --variant mainline --shard 2/3 --results "$tmp/other.json" >/dev/null 2>&1
expect merge-foreign 2 'other.json: a shard of another sweep' -- "$nvtsim" merge "$tmp/s1.json" "$tmp/other.json" "$tmp/s3.json"
expect merge-none 2 'which results files' -- "$nvtsim" merge

# bad input: one line, exit 2, nothing half-written
printf 'tier 3 off\n# fine\nsndbuf 4608,huge\n' >"$tmp/bad.sweep"
expect spec-file 2 "^$tmp/bad.sweep:3: sndbuf: 4608 .* not 'huge'$" -- "$nvtsim" explore --sweep "$tmp/bad.sweep"
expect spec-inline 2 "^--sweep:1: unknown key" -- "$nvtsim" explore --sweep 'colour blue'
expect spec-missing 2 "--sweep 'nosuch.sweep': no such file" -- "$nvtsim" explore --sweep nosuch.sweep
expect jobs-zero 2 "--jobs '0': expected a number from 1 to 256" -- "$nvtsim" explore --jobs 0
expect shard-range 2 "--shard '3/2': K/N" -- "$nvtsim" explore --shard 3/2 --results "$tmp/x.json"
expect shard-results 2 "--shard needs --results FILE" -- "$nvtsim" explore --shard 1/2
expect one-config-opt 2 "--steps-max applies to one config" -- "$nvtsim" explore --steps-max 5
expect sweep-config 2 "no CONFIG or --default with it" -- "$nvtsim" explore --sweep x.nvt --default
expect results-dir 2 "cannot write $tmp/nodir/r.json" -- sw --variant mainline --results "$tmp/nodir/r.json"
[ ! -e "$tmp/nodir" ] && ok || bad "a results file was half-written"

# write_space that no longer kicks io_work: a lost wakeup on one request,
# where the real build is clean; and on v5.7 (no direct send) it is new
ws='tier 2 off; tier 3 off; tier 1 kinds=w8192 deviations=1; batch last; cpus 0; sndbuf 16384,4608; r2t 0; policy fair; budget 5000'
"$nvtsim" explore --sweep "$ws" --all-variants --no-progress --out "$tmp/wr" >"$tmp/real.txt" 2>&1
"$mutant" explore --sweep "$ws" --all-variants --no-progress --out "$tmp/wm" >"$tmp/mut.txt" 2>&1
rc=$?
[ "$rc" = 1 ] && grep -A1 '^v5.7 ' "$tmp/mut.txt" | grep -q '^  NEW:       HANG' && ok ||
	bad "the mutant's sweep shows no new hang on v5.7 (exit $rc)"
grep -A2 '^mainline ' "$tmp/mut.txt" | grep -q '^  known:     write-space-lost-to-trylock' && ok ||
	bad "the mutant's sweep shows no write_space hang on mainline"
! grep -q 'write-space-lost-to-trylock\|^  NEW:' "$tmp/real.txt" && ok ||
	bad "the real build shows a write_space hang on one request"

echo "sweep: $passed passed, $failed failed"
[ "$failed" = 0 ]
