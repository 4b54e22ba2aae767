#!/usr/bin/env bash
# scripts/coverage without running it: its options (one line, exit 2, before
# any build) and its summary, model/tcp.c first whatever order gcovr lists.
set -uo pipefail
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
bad() { echo "FAIL: $*"; failed=1; }

usage() { # want-text args...
	local want=$1 rc
	shift
	NVTSIM_COVERAGE_EXECUTIONS=${EXECS:-10} bash "$src/scripts/coverage" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc != 2 ] || [ "$(wc -l <"$tmp/err")" != 1 ] || [ -s "$tmp/out" ] ||
		! grep -qF -- "$want" "$tmp/err"; then
		bad "scripts/coverage $*: exit $rc, stdout '$(cat "$tmp/out")', stderr '$(cat "$tmp/err")'"
	fi
}
usage "--variant needs a value" --variant
usage "--variant needs a value" --variant ""
usage "unknown option '--bogus'" --bogus
usage "exclude each other" --variant mainline --kernel /usr/src/linux-source-6.1.tar.xz
usage "--min-model-lines 'x'" --min-model-lines x
EXECS=lots usage "NVTSIM_COVERAGE_EXECUTIONS 'lots'" --variant mainline

# gcovr lists files by path: model/tcp.c came last of the model files
cat >"$tmp/s.json" <<'JSON'
{"files": [
 {"filename": "cli/nvtsim.c", "line_covered": 50, "line_total": 100, "branch_covered": 1, "branch_total": 4},
 {"filename": "harness/sim/sched.c", "line_covered": 90, "line_total": 100, "branch_covered": 3, "branch_total": 4},
 {"filename": "model/glue.c", "line_covered": 10, "line_total": 20, "branch_covered": 0, "branch_total": 0},
 {"filename": "model/tcp.c", "line_covered": 85, "line_total": 100, "branch_covered": 8, "branch_total": 10}
], "line_covered": 235, "line_total": 320}
JSON
python3 "$src/scripts/coverage_summary.py" "$tmp/s.json" "variant mainline:" >"$tmp/sum" ||
	bad "coverage_summary.py: exit $?"
awk '{ print $1 }' "$tmp/sum" | paste -sd ' ' >"$tmp/order"
want="variant model/tcp.c model/glue.c cli/nvtsim.c harness/sim/sched.c model/ cli/ harness/"
[ "$(cat "$tmp/order")" = "$want" ] || bad "summary order: $(cat "$tmp/order"), want $want"
grep -q '^model/tcp.c  *lines  85.0% (85/100)  branches  80.0% (8/10)$' "$tmp/sum" ||
	bad "model/tcp.c's line: $(grep '^model/tcp.c' "$tmp/sum")"
grep -q '^model/  *lines  79.2% (95/120)' "$tmp/sum" || bad "model/ total: $(grep '^model/ ' "$tmp/sum")"
echo '{"files": 3}' >"$tmp/bad.json"
python3 "$src/scripts/coverage_summary.py" "$tmp/bad.json" >"$tmp/out" 2>&1
rc=$?
[ $rc = 2 ] && [ "$(wc -l <"$tmp/out")" = 1 ] || bad "a bad summary: exit $rc, $(cat "$tmp/out")"
[ $failed = 0 ] && echo "coverage: options and summary order as documented"
exit $failed
