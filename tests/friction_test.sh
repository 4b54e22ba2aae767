#!/usr/bin/env bash
# Issue 11's friction list, one section per item: each check failed on the
# behaviour a first-time user hit.
set -u
nvtsim=$1
top=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

fail() {
	echo "FAIL $*"
	failed=$((failed + 1))
}

check() {	# check NAME WANT_EXIT WANT_TEXT -- command...
	local name=$1 want=$2 text=$3
	shift 4
	"$@" >"$tmp/out" 2>"$tmp/err"
	local got=$?
	if [ "$got" != "$want" ]; then
		fail "$name: exit $got, wanted $want"; cat "$tmp/out" "$tmp/err" | head -5
		return
	fi
	if [ -n "$text" ] && ! grep -qF -- "$text" "$tmp/out" "$tmp/err"; then
		fail "$name: no '$text' in output"; cat "$tmp/out" "$tmp/err" | head -5
		return
	fi
	passed=$((passed + 1))
}

# FRICTION_ONLY=ab runs those sections only
only=${FRICTION_ONLY:-abcdefg}
variants=$("$nvtsim" variants | awk 'NR > 1 { print $1 }')
seed=$top/scenarios/seed-race.nvt

# A trace's events as "STEP<tab>CONTEXT<tab>EVENT" (the timeline's event
# column, from --trace-format json so the columns around it do not matter).
events() {
	python3 -c '
import json, sys
for l in open(sys.argv[1]):
    e = json.loads(l)
    print("%d\t%s\t%s" % (e["step"], e["ctx"], e["event"]))' "$1"
}

# A scenario's workload without its schedule and expect lines.
workload() {
	grep -vE '^[[:space:]]*([0-9]+\.|schedule|expect)' "$1"
}

# The call an event line starts with, as a schedule names it: "sendmsg"
# prints its length and flags, not its object (sk).
call_of() {
	sed -nE 's/^([A-Za-z_>-]+\([^)]*\)).*/\1/p' | sed -E 's/^sendmsg\(.*/sendmsg/'
}


# ---- a) what the timeline prints reads back as a schedule ----
if [[ $only == *a* ]]; then

# Every call form any timeline prints (every scenario, every variant) is
# accepted as 'through FORM' in the scenario that printed it.
for s in "$top"/scenarios/*.nvt "$top"/tests/pins/*.nvt; do
	for v in $variants; do
		"$nvtsim" run "$s" --variant "$v" --trace "$tmp/t.json" --trace-format json >/dev/null 2>&1
		events "$tmp/t.json" | cut -f 3 | call_of | sed "s|^|$s\t|"
	done
done | sort -t $'\t' -k 2,2 -u >"$tmp/forms"
[ "$(wc -l <"$tmp/forms")" -gt 20 ] || fail "a-printed-op: only $(wc -l <"$tmp/forms") call forms in the timelines"
while IFS=$'\t' read -r s form; do
	{ workload "$s"; printf 'schedule\n1. sub0 through %s\n' "$form"; } >"$tmp/form.nvt"
	"$nvtsim" run "$tmp/form.nvt" --quiet --steps-max 1 >"$tmp/out" 2>&1
	[ $? != 2 ] || fail "a-printed-op: '$form' from $(basename "$s") refused: $(head -1 "$tmp/out")"
done <"$tmp/forms"
passed=$((passed + 1))

# The timeline, fed back step by step as a schedule, is the same run.
roundtrip() {	# roundtrip NAME SCENARIO VARIANT
	local name=$1 s=$2 v=$3
	"$nvtsim" run "$s" --variant "$v" --trace "$tmp/t1.json" --trace-format json >/dev/null 2>&1
	{
		workload "$s"
		echo schedule
		events "$tmp/t1.json" | awk -F '\t' '$2 != "--" && $2 != "setup" && $2 != "checker" && $1 != last {
			last = $1; print $2 "\t" $3 }' |
		while IFS=$'\t' read -r ctx text; do
			form=$(printf '%s\n' "$text" | call_of)
			if [ -n "$form" ]; then
				echo "$ctx through $form"
			else
				echo "$ctx steps 1"
			fi
		done | awk '{ print NR ". " $0 }'
	} >"$tmp/rt.nvt"
	if [ "$(grep -cE '^[0-9]+\.' "$tmp/rt.nvt")" -gt 64 ]; then
		fail "$name: more than 64 steps"; return
	fi
	"$nvtsim" run "$tmp/rt.nvt" --variant "$v" --trace "$tmp/t2.json" --trace-format json >"$tmp/out" 2>&1
	if [ $? = 2 ] || grep -q SCHEDULE "$tmp/out"; then
		fail "$name: the schedule was not followed: $(grep -E 'SCHEDULE|rt.nvt' "$tmp/out" | head -2)"; return
	fi
	if ! diff <(events "$tmp/t1.json" | grep -v $'\t--\t') \
		  <(events "$tmp/t2.json" | grep -v $'\t--\t') >"$tmp/diff"; then
		fail "$name: a different run:"; head -6 "$tmp/diff"; return
	fi
	passed=$((passed + 1))
}
roundtrip a-roundtrip-seed "$seed" db5ad6b7f8cd
roundtrip a-roundtrip-stall "$top/scenarios/msg-more-stall.nvt" 122e5b9f3d37

# An object no scheduling point names is an input error, not a run-time verdict.
printf 'request w1 write 8192\nschedule\n1. sub0 through sendmsg(nope)\n' >"$tmp/obj.nvt"
check a-unknown-object 2 "obj.nvt:3: unknown object 'nope' for sendmsg (known: sk)" -- "$nvtsim" run "$tmp/obj.nvt"
printf 'request w1 write 8192\nschedule\n1. sub0 until READ_ONCE(queue->nope)\n' >"$tmp/obj2.nvt"
check a-unknown-field 2 "obj2.nvt:3: unknown object 'nope' for READ_ONCE (known: request, more_requests" -- "$nvtsim" run "$tmp/obj2.nvt"
printf 'request w1 write 8192\nschedule\n1. sub0 through ->queue_rq(w9)\n' >"$tmp/obj3.nvt"
check a-unknown-request 2 "obj3.nvt:3: unknown object 'w9' for ->queue_rq (known: w1, commit_rqs)" -- "$nvtsim" run "$tmp/obj3.nvt"
# ... and the README lists every object the parser knows
for o in send_mutex lock req_list send_list entry request more_requests rd_enabled flags io_work pool sk ctrl commit_rqs; do
	sed -n '/^## Scenario files/,/^## Verdicts/p' "$top/README.md" | grep -qF "\`$o\`" ||
		fail "a-readme-objects: README's Scenario files section does not name \`$o\`"
done
passed=$((passed + 1))
fi

# ---- b) --help says what the code does ----
if [[ $only == *b* ]]; then

# Options a parse function accepts: its strcmp(a, "--...") arms.
parser_opts() {	# parser_opts FILE FUNCTION
	sed -n "/^static int $2(/,/^}/p" "$1" | grep -oE 'strcmp\((a|argv\[i\]), "--[a-z-]+"\)' |
		grep -oE -- '--[a-z-]+' | grep -vx -- '--help' | sort -u
}
synopsis() {	# the usage lines before the first blank line
	"$nvtsim" "$1" --help | sed '/^$/q'
}
for o in $(parser_opts "$top/cli/cmd_explore.c" parse_explore) --kernel; do
	synopsis explore | grep -qE -- "$o([] |]|$)" || fail "b-usage: explore --help's usage does not show $o"
done
for o in $(parser_opts "$top/cli/nvtsim.c" parse_run) $(grep -oE 'strcmp\(a, "--[a-z-]+"\)' "$top/cli/cli_trace.c" | grep -oE -- '--[a-z-]+') --kernel; do
	synopsis run | grep -qE -- "$o([] |]|$)" || fail "b-usage: run --help's usage does not show $o"
done
passed=$((passed + 1))

# The defaults explore reports it ran with are the ones --help states.
help=$("$nvtsim" explore --help | tr -s ' \n' '  ')
printf 'request f1 flush\n' >"$tmp/tiny.nvt"
"$nvtsim" explore "$tmp/tiny.nvt" --out "$tmp/cex" >"$tmp/out" 2>&1
ran=$(grep '^strategy ' "$tmp/out")
strategy=$(sed -nE 's/^strategy ([a-z]+) .*/\1/p' <<<"$ran")
bound=$(sed -nE 's/.* up to ([0-9]+) preemptions?,.*/\1/p' <<<"$ran")
policy=$(sed -nE 's/.*, policy ([a-z]+),.*/\1/p' <<<"$ran")
budget=$(sed -nE 's/.*, budget ([0-9]+) executions.*/\1/p' <<<"$ran")
if [ -z "$strategy" ] || [ -z "$bound" ] || [ -z "$policy" ] || [ -z "$budget" ]; then
	fail "b-defaults: explore did not say what it ran with: '$ran'"
else
	for want in "--strategy S $strategy (default)" "--preemptions (default $bound)" \
		    "--policy P $policy (default)" "--executions N budget (default $budget;"; do
		grep -qF -- "$want" <<<"$help" || fail "b-defaults: explore ran with '$ran' but --help does not say '$want'"
	done
fi
sweep_budget=$("$nvtsim" explore --show-sweep | sed -nE 's/^budget ([0-9]+)$/\1/p')
sweep_bound=$("$nvtsim" explore --show-sweep | sed -nE 's/^preemptions ([0-9]+)$/\1/p')
grep -qF -- "a sweep's is per config, $sweep_budget)" <<<"$help" ||
	fail "b-defaults: the sweep's budget is $sweep_budget, --help does not say so"
[ "$sweep_bound" = "$bound" ] || grep -qF -- "sweep's preemptions $sweep_bound" <<<"$help" ||
	fail "b-defaults: the sweep's preemption bound is $sweep_bound, --help says $bound"
passed=$((passed + 1))
fi

# ---- c) a schedule that does not happen on a variant is not applicable there ----
if [[ $only == *c* ]]; then
found=$top/scenarios/found/db5ad6b7f8cd-hang-direct-send-race.nvt
check c-found-all 1 "not applicable" -- "$nvtsim" run "$found" --all-variants
grep -q "FAIL schedule" "$tmp/out" && fail "c-found-all: a schedule that does not happen is a FAIL: $(grep -m1 'FAIL schedule' "$tmp/out")"
grep -qE '^v5.7 +n/a +schedule .*the schedule does not apply here: SCHEDULE: step' "$tmp/out" ||
	fail "c-found-all: no n/a row with its reason for v5.7"
check c-found-own 0 "as expected" -- "$nvtsim" run "$found" --quiet
check c-found-other 3 "not applicable: the schedule does not happen on v5.7" -- "$nvtsim" run "$found" --variant v5.7 --quiet
# applies nowhere: not applicable on the other variants, but on its own one
# (no variant line: mainline, where run runs it) a schedule that cannot be
# followed is a failure
printf 'request w1 write 4k\nschedule\n1. kworker through sendmsg\nexpect * pass\n' >"$tmp/nowhere.nvt"
check c-nowhere 1 "8 variants not applicable" -- "$nvtsim" run "$tmp/nowhere.nvt" --all-variants
grep -qE '^mainline +FAIL +schedule' "$tmp/out" || fail "c-nowhere: its own variant (mainline) is not a FAIL"
printf 'variant db5ad6b7f8cd\nrequest w1 write 4k\nschedule\n1. kworker through sendmsg\n' >"$tmp/home.nvt"
check c-home 1 "db5ad6b7f8cd   FAIL schedule" -- "$nvtsim" run "$tmp/home.nvt" --all-variants
check c-home-one 1 "SCHEDULE" -- "$nvtsim" run "$tmp/home.nvt" --quiet
# ... unless the file names the variant: then it is a failure
printf 'request w1 write 4k\nschedule\n1. kworker through sendmsg\nexpect from 3770a42bb8ce pass\n' >"$tmp/named.nvt"
check c-named 1 "mainline       FAIL schedule" -- "$nvtsim" run "$tmp/named.nvt" --all-variants
# expect ranges: every variant before X, from X
{ workload "$top/scenarios/msg-more-stall.nvt"
  printf 'expect before 122e5b9f3d37 pass\nexpect from 122e5b9f3d37 stall CapsuleCmd w1\nexpect from 3770a42bb8ce pass\n'; } >"$tmp/ranges.nvt"
check c-ranges 0 "" -- "$nvtsim" run "$tmp/ranges.nvt" --all-variants
[ "$(grep -c '  ok  ' "$tmp/out")" = 9 ] || { fail "c-ranges: not 9 ok rows"; cat "$tmp/out"; }
printf 'request w1 write 4k\nexpect from 5c11f7d9f843 pass\nexpect before 3770a42bb8ce hang\n' >"$tmp/cross.nvt"
check c-ranges-cross 2 "cross.nvt:3: expect: before 3770a42bb8ce and line 2 overlap" -- "$nvtsim" run "$tmp/cross.nvt"
fi

# ---- e) the MAXH2CDATA overrun says what it is ----
if [[ $only == *e* ]]; then
printf 'request w1 write 16k\n' >"$tmp/big-write.nvt"
check e-hint-one 1 "hint: upstream's MAXH2CDATA overrun" -- "$nvtsim" run "$tmp/big-write.nvt" --variant 5c11f7d9f843 --quiet
grep -qF "maxh2cdata_bytes=65536" "$tmp/out" || fail "e-hint-one: the hint does not say how to avoid it"
check e-hint-all 1 "hint: upstream's MAXH2CDATA overrun" -- "$nvtsim" run "$tmp/big-write.nvt" --all-variants
[ "$(grep -c '^hint:' "$tmp/out")" = 1 ] || fail "e-hint-all: not one hint line"
check e-no-hint-fixed 0 "" -- "$nvtsim" run "$tmp/big-write.nvt" --variant mainline --quiet
grep -q hint "$tmp/out" && fail "e-no-hint-fixed: a hint on a variant with c2700d2886a8"
# following the hint clears it
printf 'env maxh2cdata_bytes=65536\nrequest w1 write 16k\n' >"$tmp/big-write-ok.nvt"
check e-hint-followed 0 "" -- "$nvtsim" run "$tmp/big-write-ok.nvt" --all-variants
# an expect naming a PDU needs hang or stall, said when the file is read
printf 'request w1 write 16k\nexpect 5c11f7d9f843 protocol H2CData\n' >"$tmp/pdu-protocol.nvt"
check e-expect-pdu 2 "pdu-protocol.nvt:2: expect: a PDU or request goes only with hang or stall" -- "$nvtsim" run "$tmp/pdu-protocol.nvt"
scen=$(sed -n '/^## Scenario files/,/^## How it works/p' "$top/README.md" | tr -s ' \n' '  ')
grep -qF "goes only with \`hang\` or \`stall\`" <<<"$scen" || fail "e-doc: README does not say a PDU in expect needs hang or stall"
grep -qiF "writes above 8 KiB" <<<"$scen" || fail "e-doc: README does not say writes above 8 KiB fail before c2700d2886a8"
fi

# ---- d) output files: checked before the run, all or nothing ----
if [[ $only == *d* ]]; then
one_line() {	# one_line NAME: stderr is exactly one line
	[ "$(wc -l <"$tmp/err")" = 1 ] || { fail "$1: stderr is not one line:"; cat "$tmp/err"; }
}
d=$tmp/d
mkdir -p "$d/sub"
touch "$d/afile"
# --out is checked before the search: nothing searched, exit 2, one line
check d-out-missing-parent 2 "--out $d/nodir/cex: cannot create it: $d/nodir: No such file or directory" -- \
	"$nvtsim" explore --default --out "$d/nodir/cex"
one_line d-out-missing-parent
grep -q executions "$tmp/out" && fail "d-out-missing-parent: searched before checking --out"
check d-out-a-file 2 "--out $d/afile: not a directory" -- "$nvtsim" explore --default --out "$d/afile"
one_line d-out-a-file
check d-out-sweep 2 "--out $d/afile: not a directory" -- "$nvtsim" explore --sweep --out "$d/afile"
check d-out-merge 2 "--out $d/afile: not a directory" -- "$nvtsim" merge "$d/r.json" --out "$d/afile"
# a second output that cannot be opened leaves no first one behind
check d-pcap-bad 2 "nvtsim run: --pcap $d/nodir/x.pcap: cannot write: $d/nodir: No such file or directory" -- \
	"$nvtsim" run "$seed" --trace "$d/ok.txt" --pcap "$d/nodir/x.pcap"
one_line d-pcap-bad
[ ! -e "$d/ok.txt" ] || fail "d-pcap-bad: left $(stat -c %s "$d/ok.txt")-byte $d/ok.txt"
# ... and an existing file keeps what it had
echo before >"$d/keep.txt"
check d-pcap-bad-keep 2 "nvtsim run: --pcap $d/nodir/x.pcap: cannot write" -- "$nvtsim" run "$seed" --trace "$d/keep.txt" --pcap "$d/nodir/x.pcap"
[ "$(cat "$d/keep.txt")" = before ] || fail "d-pcap-bad-keep: $d/keep.txt was overwritten"
# two outputs naming one file, however spelt, are refused before anything is written
check d-same-file 2 "name the same file" -- "$nvtsim" run "$seed" --trace "$d/x" --pcap "$d/sub/../x"
one_line d-same-file
[ ! -e "$d/x" ] || fail "d-same-file: wrote $d/x"
echo old >"$d/a" && ln "$d/a" "$d/b"
check d-same-inode 2 "name the same file" -- "$nvtsim" run "$seed" --trace "$d/a" --pcap "$d/b"
check d-same-replay 2 "name the same file" -- "$nvtsim" replay \
	"$(grep -oE "nvt1:[^' ]+" "$top/scenarios/found/db5ad6b7f8cd-hang-direct-send-race.nvt" | head -1)" \
	--trace "$d/y" --pcap "$d/sub/../y"
# a write that fails removes what the run wrote, and exits 2
check d-write-fails 2 "nvtsim run: --trace /dev/full: cannot write: No space left on device" -- \
	"$nvtsim" run "$seed" --quiet --pcap "$d/p.pcap" --trace /dev/full
[ ! -e "$d/p.pcap" ] || fail "d-write-fails: left $d/p.pcap"
# a good run puts both in place, no temporary file beside them
check d-both 0 "" -- "$nvtsim" run "$seed" --quiet --trace "$d/t.txt" --pcap "$d/t.pcap"
[ -s "$d/t.txt" ] && [ -s "$d/t.pcap" ] || fail "d-both: missing or empty output"
[ -z "$(find "$d" -name '.*' -type f)" ] || fail "d-both: temporary files left: $(find "$d" -name '.*' -type f)"
check d-devnull 0 "" -- "$nvtsim" run "$seed" --quiet --trace /dev/null --pcap /dev/null
fi

# ---- g) limits are documented, and explore says when it lowers steps_max ----
if [[ $only == *g* ]]; then
printf 'request f1 flush\nsteps_max 20000\n' >"$tmp/deep.nvt"
check g-steps-lowered 0 "" -- "$nvtsim" explore "$tmp/deep.nvt" --out "$tmp/cex"
[ "$(cat "$tmp/err")" = "nvtsim explore: $tmp/deep.nvt: steps_max 20000 lowered to 4096, the explorer's depth limit" ] ||
	fail "g-steps-lowered: stderr was '$(cat "$tmp/err")'"
printf 'request f1 flush\n' >"$tmp/shallow.nvt"
check g-steps-default 0 "" -- "$nvtsim" explore "$tmp/shallow.nvt" --out "$tmp/cex"
[ ! -s "$tmp/err" ] || fail "g-steps-default: a file without steps_max got '$(cat "$tmp/err")'"
# each limit the parser enforces is in the README's Scenario files section
scen=$(sed -n '/^## Scenario files/,/^## Verdicts/p' "$top/README.md" | tr -s ' \n' '  ')
limit() {	# limit NAME FILE README_TEXT_WITH_N: N from the parser's error
	local n
	"$nvtsim" run "$2" >"$tmp/out" 2>"$tmp/err"
	n=$(grep -oE '(at most|larger than|0\.\.)[ ]?[0-9]+' "$tmp/err" | grep -oE '[0-9]+$' | head -1)
	[ -n "$n" ] || { fail "g-limit-$1: no limit in '$(cat "$tmp/err")'"; return; }
	grep -qF -- "${3//N/$n}" <<<"$scen" || fail "g-limit-$1: the parser's limit is $n; README does not say '${3//N/$n}'"
}
for i in $(seq 17); do echo "request r$i read 4096"; done >"$tmp/reqs.nvt"
limit requests "$tmp/reqs.nvt" "at most N requests"
for i in $(seq 5); do echo "submitter s$i"; done >"$tmp/subs.nvt"
limit submitters "$tmp/subs.nvt" "N submitters"
printf 'submitter s1 cpu=8\nrequest r1 read 4096\n' >"$tmp/cpu.nvt"
limit cpus "$tmp/cpu.nvt" "CPUs 0-N"
{ echo "request w1 write 4096"; echo schedule; for i in $(seq 65); do echo "$i. sub0 steps 1"; done; } >"$tmp/steps.nvt"
limit steps "$tmp/steps.nvt" "N schedule steps"
head -c 300000 /dev/zero | tr '\0' '#' >"$tmp/big.nvt"
"$nvtsim" run "$tmp/big.nvt" 2>&1 | grep -q "larger than 262144 bytes" || fail "g-limit-size: no 256 KiB limit"
grep -qF "files of 256 KiB" <<<"$scen" || fail "g-limit-size: README does not say 256 KiB"
grep -qF 'steps_max` from the file to 4096' <<<"$scen" || fail "g-steps-doc: README does not say explore lowers steps_max"
# the slow test can be skipped, and the README says how
grep -qE 'NAME explore_pins' "$top/tests/CMakeLists.txt" &&
	grep -qE 'explore_pins PROPERTIES LABELS explore' "$top/tests/CMakeLists.txt" ||
	fail "g-label: explore_pins has no label explore"
grep -qF 'ctest --preset default -LE explore' "$top/README.md" || fail "g-label: README does not mention ctest -LE explore"
passed=$((passed + 1))
fi

echo "friction: $passed passed, $failed failed"
[ "$failed" = 0 ]
