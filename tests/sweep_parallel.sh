#!/usr/bin/env bash
# Sharded == unsharded, the way a cluster runs it: four shards of one sweep
# (every variant) run by GNU parallel, merged, against one unsharded run.
# Skipped (77) where GNU parallel is not installed; CI installs it.
set -u
nvtsim=$1
command -v parallel >/dev/null || { echo "GNU parallel not installed: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
spec='tier 3 off; tier 1 kinds=w8192,w16384 deviations=1; tier 2 kinds=w4096 deviations=1; cpus 0,0+1; sndbuf 16384,4608; r2t 0; policy fair; budget 3000'
norm() { sed -E 's/ +/ /g; s/[0-9]+\.[0-9]+ ?s\b/T s/g; s/"seconds(_to_first)?":[0-9.]+/"seconds":T/g' "$1"; }

"$nvtsim" explore --sweep "$spec" --all-variants --jobs 2 --no-progress \
	--out "$tmp/cex" --results "$tmp/whole.json" >"$tmp/whole.txt" 2>&1
want=$?
parallel --jobs 2 --halt now,fail=1 "$nvtsim" explore --sweep "'$spec'" --all-variants \
	--jobs 1 --no-progress --shard {}/4 --results "$tmp/shard-{}.json" ::: 1 2 3 4 \
	>"$tmp/parallel.txt" 2>&1 || { echo "FAIL: a shard failed:"; cat "$tmp/parallel.txt"; exit 1; }
"$nvtsim" merge "$tmp"/shard-*.json --jobs 2 --out "$tmp/cex" \
	--results "$tmp/merged.json" >"$tmp/merged.txt" 2>&1
got=$?
fail=0
[ "$got" = "$want" ] || { echo "FAIL: merge exit $got, unsharded $want"; fail=1; }
grep -q '^  known: ' "$tmp/whole.txt" || { echo "FAIL: the sweep found nothing to compare"; fail=1; }
cmp -s <(norm "$tmp/whole.txt") <(norm "$tmp/merged.txt") ||
	{ echo "FAIL: reports differ:"; diff <(norm "$tmp/whole.txt") <(norm "$tmp/merged.txt") | head -20; fail=1; }
cmp -s <(norm "$tmp/whole.json") <(norm "$tmp/merged.json") ||
	{ echo "FAIL: results differ"; fail=1; }
[ $fail = 0 ] && echo "sharded (4, GNU parallel) == unsharded: $(grep -c '"task"' "$tmp/merged.json") tasks, exit $got"
exit $fail
