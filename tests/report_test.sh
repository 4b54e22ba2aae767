#!/usr/bin/env bash
# --format json, --junit and --sarif (issue 11): the JSON document is the only
# stdout, parses with python3 -m json.tool and is valid against
# docs/nvtsim-report.schema.json; junitparser (python3-junitparser, what CI
# test reporters read) reads the JUnit file; the SARIF log is valid against
# the SARIF 2.1.0 schema (from npm's @microsoft/jest-sarif, fetched at test
# time, never committed) and its code flows land on the tcp.c lines that do
# each step. Each check also says what the report must hold: verdict kind,
# variant, request, replay string. Exit codes stay what they are without.
#
# usage: report_test.sh NVTSIM SRCDIR [CACHEDIR]
# NVTSIM_SARIF_SCHEMA=FILE uses that copy of sarif-2.1.0 instead of fetching.
set -u
nvtsim=$1
src=$2
cache=${3:-$(dirname "$nvtsim")}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

# Debian's python3 has python3-jsonschema and python3-junitparser
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if ! "$py" -c 'import jsonschema, junitparser' 2>/dev/null; then
	echo "FAIL: $py lacks jsonschema or junitparser (scripts/install-deps installs python3-jsonschema python3-junitparser)"
	exit 1
fi
check() { "$py" "$src/tests/report_check.py" "$@"; }
schema=$src/docs/nvtsim-report.schema.json

# The SARIF 2.1.0 schema (rtm.5, the OASIS standard's) as the npm package
# @microsoft/jest-sarif ships it, cached in the build tree.
sarif_schema=${NVTSIM_SARIF_SCHEMA:-$cache/sarif-schema/sarif-2.1.0-rtm.5.json}
if [ ! -s "$sarif_schema" ]; then
	mkdir -p "$tmp/npm" "$(dirname "$sarif_schema")"
	if ! (cd "$tmp/npm" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1 &&
		tar -xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json); then
		echo "FAIL: cannot fetch the SARIF 2.1.0 schema with npm pack @microsoft/jest-sarif@1.0.0-beta.0 (or set NVTSIM_SARIF_SCHEMA)"
		exit 1
	fi
	mv "$tmp/npm/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$sarif_schema"
fi
"$py" -c 'import json,sys; s=json.load(open(sys.argv[1])); assert s["properties"]["version"]["enum"]==["2.1.0"]' "$sarif_schema" ||
	{ echo "FAIL: $sarif_schema is not the SARIF 2.1.0 schema"; exit 1; }

# is NAME GOT WANT
is() {
	if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', want '$3'"; fi
}

race=$src/scenarios/found/db5ad6b7f8cd-hang-direct-send-race.nvt

# ---- run --all-variants: one case per variant, the expected hang ----
"$nvtsim" run "$race" --all-variants >"$tmp/text" 2>&1
text_rc=$?
"$nvtsim" run "$race" --all-variants --format json --junit "$tmp/run.xml" \
	--sarif "$tmp/run.sarif" >"$tmp/run.json" 2>"$tmp/err"
is "run --all-variants exit" $? $text_rc
"$py" -m json.tool "$tmp/run.json" >/dev/null && ok || bad "run: python3 -m json.tool refuses stdout"
check json "$tmp/run.json" "$schema" && ok || bad "run: not valid against the schema"
# stderr: at most the count of variants the schedule does not apply to
is "run: nothing else on stderr" "$(grep -v '^[0-9]* variants\? not applicable' "$tmp/err")" ""
is "run: a result per variant" "$(check get "$tmp/run.json" 'len(d["results"])')" \
	"$("$nvtsim" variants | tail -n +2 | wc -l)"
sel='[r for r in d["results"] if r["variant"]["id"]=="db5ad6b7f8cd"][0]'
is "run: verdict kind" "$(check get "$tmp/run.json" "$sel[\"verdict\"][\"kind\"]")" hang
is "run: ok" "$(check get "$tmp/run.json" "$sel[\"ok\"]")" True
is "run: request" "$(check get "$tmp/run.json" "$sel[\"verdict\"][\"request\"][\"name\"]")" w1
is "run: pdu" "$(check get "$tmp/run.json" "$sel[\"verdict\"][\"pdu\"]")" H2CData
is "run: where" "$(check get "$tmp/run.json" "$sel[\"verdict\"][\"where\"]")" send_list
is "run: why names io_work" "$(check get "$tmp/run.json" "any(l.startswith(\"io_work:\") for l in $sel[\"verdict\"][\"why\"])")" True
is "run: replay string" "$(check get "$tmp/run.json" "$sel[\"replay\"].split(\":\")[0:2]")" "['nvt1', 'db5ad6b7f8cd']"
is "run: the version" "$(check get "$tmp/run.json" 'd["version"]')" \
	"$(sed -n 's/^project(nvtsim VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")"
# the replay string reruns the same verdict
r=$(check get "$tmp/run.json" "$sel[\"replay\"]")
"$nvtsim" replay "$r" --quiet 2>&1 | grep -q '^HANG: w1 .* queued on send_list' && ok ||
	bad "run: the replay string does not give the hang again"
check junit "$tmp/run.xml" >"$tmp/junit" && ok || bad "run: junitparser refuses the JUnit file"
is "run: JUnit testcases" "$(wc -l <"$tmp/junit")" "$(check get "$tmp/run.json" 'len(d["results"])')"
# a found scenario's schedule fits its own variant only: where it does not
# happen it is n/a (a skipped testcase), else as in the text
is "run: JUnit failures as in the text" "$(grep -Evc '\|(pass|skipped)$' "$tmp/junit")" "$(grep -c ' FAIL ' "$tmp/text")"
is "run: JUnit skipped as the text's n/a" "$(grep -c '|skipped$' "$tmp/junit")" "$(grep -c ' n/a ' "$tmp/text")"
is "run: JSON not_applicable as the text's n/a" \
	"$(check get "$tmp/run.json" 'sum(1 for r in d["results"] if r.get("not_applicable"))')" \
	"$(grep -c ' n/a ' "$tmp/text")"
[ "$(grep -c ' n/a ' "$tmp/text")" -ge 1 ] && ok || bad "run: the found scenario should be n/a somewhere"
grep -q '^[^|]*|db5ad6b7f8cd (direct-send)|nvtsim.run.db5ad6b7f8cd|pass$' "$tmp/junit" && ok ||
	bad "run: db5ad6b7f8cd's testcase should pass"
check sarif "$tmp/run.sarif" "$sarif_schema" "$src" >"$tmp/sarif" && ok || bad "run: SARIF not valid"
is "run: a SARIF result per unexpected verdict" "$(wc -l <"$tmp/sarif")" "$(grep -c ' FAIL ' "$tmp/text")"

# ---- a run that is not as expected: a JUnit failure, a SARIF result on model/tcp.c ----
grep -v '^expect' "$race" >"$tmp/noexpect.nvt"
"$nvtsim" run "$tmp/noexpect.nvt" --variant db5ad6b7f8cd --format json \
	--junit "$tmp/fail.xml" --sarif "$tmp/fail.sarif" >"$tmp/fail.json" 2>"$tmp/err"
is "unexpected hang: exit" $? 1
check json "$tmp/fail.json" "$schema" && ok || bad "unexpected hang: not valid against the schema"
is "unexpected hang: ok" "$(check get "$tmp/fail.json" 'd["results"][0]["ok"]')" False
is "unexpected hang: exit_code in the document" "$(check get "$tmp/fail.json" 'd["exit_code"]')" 1
check junit "$tmp/fail.xml" >"$tmp/junit" && ok || bad "unexpected hang: junitparser refuses it"
grep -qE '^[^|]*noexpect.nvt\|db5ad6b7f8cd \(direct-send\)\|[^|]*\|hang\|expected pass .*got HANG: w1 ' "$tmp/junit" && ok ||
	{ bad "unexpected hang: JUnit failure"; cat "$tmp/junit"; }
check sarif "$tmp/fail.sarif" "$sarif_schema" "$src" >"$tmp/sarif" && ok || bad "unexpected hang: SARIF"
grep -qE '^hang\|db5ad6b7f8cd\|[1-9][0-9]*\|' "$tmp/sarif" && ok || { bad "unexpected hang: SARIF result"; cat "$tmp/sarif"; }
is "unexpected hang: primary location" \
	"$(check get "$tmp/fail.sarif" 'd["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]')" model/tcp.c
is "unexpected hang: the race's trylock is a step" \
	"$(check get "$tmp/fail.sarif" 'any("mutex_trylock(send_mutex) in nvme_tcp_queue_request" in l["location"]["message"]["text"] and l["location"]["physicalLocation"]["artifactLocation"]["uri"]=="model/tcp.c" for l in d["runs"][0]["results"][0]["codeFlows"][0]["threadFlows"][0]["locations"])')" True

# ---- explore --all-variants --format json (issue 11's "done when") ----
"$nvtsim" explore "$race" --all-variants --jobs 2 --no-progress --out "$tmp/cex" \
	--format json --junit "$tmp/ex.xml" --sarif "$tmp/ex.sarif" >"$tmp/ex.json" 2>"$tmp/err"
ex_rc=$?
is "explore --all-variants: exit" $ex_rc 1
"$py" -m json.tool "$tmp/ex.json" >/dev/null && ok || bad "explore --all-variants: python3 -m json.tool refuses stdout"
check json "$tmp/ex.json" "$schema" && ok || bad "explore --all-variants: not valid against the schema"
grep -q '^variant ' "$tmp/err" && ok || bad "explore --all-variants: the table should go to stderr"
is "explore: a result per variant and policy" "$(check get "$tmp/ex.json" 'len(d["results"])')" \
	$((2 * $("$nvtsim" variants | tail -n +2 | wc -l)))
sel='[r for r in d["results"] if r["variant"]["id"]=="db5ad6b7f8cd" and r["config"]["policy"]=="fair"][0]'
is "explore: verdict" "$(check get "$tmp/ex.json" "$sel[\"verdict\"][\"kind\"]")" hang
is "explore: known bug" "$(check get "$tmp/ex.json" "$sel[\"failures\"][0][\"bug\"]")" direct-send-race
is "explore: search complete" "$(check get "$tmp/ex.json" "$sel[\"search\"][\"complete\"]")" True
cex=$(check get "$tmp/ex.json" "$sel[\"counterexample\"]")
[ -f "$cex" ] && ok || bad "explore: counterexample '$cex' not written"
r=$(check get "$tmp/ex.json" "$sel[\"failures\"][0][\"replay\"]")
"$nvtsim" replay "$r" --quiet 2>&1 | grep -q '^HANG: w1 ' && ok || bad "explore: its replay string does not hang"
is "explore: mainline prio livelock" \
	"$(check get "$tmp/ex.json" '[r["verdict"]["kind"] for r in d["results"] if r["variant"]["id"]=="mainline" and r["config"]["policy"]=="prio"][0]')" livelock
check junit "$tmp/ex.xml" >"$tmp/junit" && ok || bad "explore: junitparser refuses it"
is "explore: JUnit failures" "$(grep -vc '|pass$' "$tmp/junit")" \
	"$(check get "$tmp/ex.json" 'sum(not r["ok"] for r in d["results"])')"
check sarif "$tmp/ex.sarif" "$sarif_schema" "$src" >"$tmp/sarif" && ok || bad "explore: SARIF"
is "explore: a SARIF result per failure" "$(wc -l <"$tmp/sarif")" \
	"$(check get "$tmp/ex.json" 'sum(len(r["failures"]) for r in d["results"])')"

# ---- explore CONFIG on one variant ----
"$nvtsim" explore "$race" --variant db5ad6b7f8cd --no-progress --out "$tmp/cex1" \
	--format json >"$tmp/one.json" 2>/dev/null
is "explore CONFIG: exit" $? 1
check json "$tmp/one.json" "$schema" && ok || bad "explore CONFIG: schema"
is "explore CONFIG: mode" "$(check get "$tmp/one.json" 'd["mode"]')" config

# ---- a sweep ----
small='tier 2 off; tier 3 off; tier 1 kinds=w512,w8192 deviations=0; cpus 0; sndbuf 16384; r2t 0; policy fair; budget 5000'
"$nvtsim" explore --sweep "$small" --variant 122e5b9f3d37 --jobs 1 --no-progress \
	--out "$tmp/cex2" --format json --junit "$tmp/sw.xml" --sarif "$tmp/sw.sarif" >"$tmp/sw.json" 2>/dev/null
is "sweep: exit" $? 1
check json "$tmp/sw.json" "$schema" && ok || bad "sweep: schema"
is "sweep: a result per config" "$(check get "$tmp/sw.json" 'len(d["results"])')" \
	"$(check get "$tmp/sw.json" 'd["sweep"]["configs"]')"
check get "$tmp/sw.json" '[f["bug"] for f in d["sweep"]["variants"][0]["failures"]]' | grep -q "'direct-send-race'" && ok ||
	bad "sweep: direct-send-race not among 122e5b9f3d37's failures"
is "sweep: its counterexample" "$(check get "$tmp/sw.json" 'os.path.exists(d["sweep"]["variants"][0]["failures"][0]["counterexample"])')" True
check junit "$tmp/sw.xml" >"$tmp/junit" && ok || bad "sweep: junitparser refuses it"
grep -q '^nvtsim explore --sweep|config #1: w512 on 122e5b9f3d37|' "$tmp/junit" && ok || bad "sweep: JUnit testcase names"
check sarif "$tmp/sw.sarif" "$sarif_schema" "$src" >"$tmp/sarif" && ok || bad "sweep: SARIF"
is "sweep: a SARIF result per distinct failure" "$(wc -l <"$tmp/sarif")" \
	"$(check get "$tmp/sw.json" 'len(d["sweep"]["variants"][0]["failures"])')"

# ---- replay ----
"$nvtsim" replay "$r" --format json --junit "$tmp/rp.xml" >"$tmp/rp.json" 2>"$tmp/err"
is "replay: exit" $? 0
check json "$tmp/rp.json" "$schema" && ok || bad "replay: schema"
is "replay: verdict" "$(check get "$tmp/rp.json" 'd["results"][0]["verdict"]["kind"]')" hang
is "replay: the string" "$(check get "$tmp/rp.json" 'd["results"][0]["replay"]')" "$r"
check junit "$tmp/rp.xml" | grep -q '|hang|HANG: w1 ' && ok || bad "replay: JUnit failure"

# ---- variants ----
"$nvtsim" variants --format json >"$tmp/v.json"
check json "$tmp/v.json" "$schema" && ok || bad "variants: schema"
is "variants: ids" "$(check get "$tmp/v.json" '" ".join(v["id"] for v in d["variants"])')" \
	"$("$nvtsim" variants | tail -n +2 | awk '{print $1}' | tr '\n' ' ' | sed 's/ $//')"

# ---- bad input: one line, exit 2, nothing written ----
"$nvtsim" run "$race" --format xml >"$tmp/out" 2>"$tmp/err"
is "--format xml: exit" $? 2
is "--format xml: one line" "$(wc -l <"$tmp/err")" 1
"$nvtsim" explore "$race" --variant db5ad6b7f8cd --junit "$tmp/nodir/x.xml" >/dev/null 2>"$tmp/err"
is "--junit in a missing directory: exit" $? 2
is "--junit in a missing directory: the line" "$(cat "$tmp/err")" \
	"nvtsim explore: --junit $tmp/nodir/x.xml: cannot write: $tmp/nodir: No such file or directory"
"$nvtsim" variants --sarif "$tmp/v.sarif" >/dev/null 2>&1
is "variants --sarif: exit" $? 2
[ ! -e "$tmp/v.sarif" ] && ok || bad "variants --sarif wrote a file"

# ---- the report files are outputs like --trace and --pcap ----
seed=$src/scenarios/seed-race.nvt
o=$tmp/o
mkdir -p "$o/sub" "$o/adir"
# two outputs naming one file, however spelt: refused before the run, one line
"$nvtsim" run "$seed" --quiet --junit "$o/x.out" --trace "$o/x.out" >"$tmp/out" 2>"$tmp/err"
is "--junit and --trace on one file: exit" $? 2
is "--junit and --trace on one file: the line" "$(cat "$tmp/err")" \
	"nvtsim run: --junit $o/x.out and --trace $o/x.out name the same file"
[ ! -e "$o/x.out" ] && ok || bad "--junit and --trace on one file: wrote $o/x.out"
(cd "$o" && "$nvtsim" run "$seed" --quiet --junit a.xml --sarif ./a.xml) >"$tmp/out" 2>"$tmp/err"
is "--junit a.xml --sarif ./a.xml: exit" $? 2
is "--junit a.xml --sarif ./a.xml: the line" "$(cat "$tmp/err")" \
	"nvtsim run: --junit a.xml and --sarif ./a.xml name the same file"
[ ! -e "$o/a.xml" ] && ok || bad "--junit a.xml --sarif ./a.xml: wrote a.xml"
echo old >"$o/h1" && ln "$o/h1" "$o/h2"
"$nvtsim" run "$seed" --quiet --sarif "$o/h1" --pcap "$o/h2" >"$tmp/out" 2>"$tmp/err"
is "--sarif and --pcap on one inode: exit" $? 2
is "--sarif and --pcap on one inode: kept" "$(cat "$o/h1")" old
rp=$(grep -oE "nvt1:[^' ]+" "$race" | head -1)
"$nvtsim" replay "$rp" --quiet --trace "$o/y" --junit "$o/sub/../y" >"$tmp/out" 2>"$tmp/err"
is "replay --trace and --junit on one file: exit" $? 2
grep -q "name the same file" "$tmp/err" && ok || bad "replay --trace and --junit on one file: $(cat "$tmp/err")"
# a report file that cannot be written stops the command before any work
"$nvtsim" run "$seed" --junit "$o/adir" >"$tmp/out" 2>"$tmp/err"
is "--junit DIR: exit" $? 2
is "--junit DIR: the line" "$(cat "$tmp/err")" "nvtsim run: --junit $o/adir: cannot write: Is a directory"
is "--junit DIR: ran nothing" "$(wc -c <"$tmp/out")" 0
"$nvtsim" explore "$race" --variant db5ad6b7f8cd --no-progress --out "$o/cex" \
	--sarif "$o/adir" >"$tmp/out" 2>"$tmp/err"
is "explore --sarif DIR: exit" $? 2
is "explore --sarif DIR: the line" "$(cat "$tmp/err")" "nvtsim explore: --sarif $o/adir: cannot write: Is a directory"
[ ! -s "$tmp/out" ] && [ ! -e "$o/cex" ] && ok || bad "explore --sarif DIR: searched before checking it"
# all or nothing: a SARIF log that cannot be written (past ulimit -f) leaves
# no JUnit file either, and an existing one keeps its bytes
grep -v '^expect' "$seed" >"$o/nox.nvt"
echo before >"$o/keep.xml"
(trap '' XFSZ; ulimit -f 64; exec "$nvtsim" run "$o/nox.nvt" --variant mainline --quiet \
	--junit "$o/keep.xml" --sarif "$o/big.sarif" >/dev/null 2>"$tmp/err")
is "a SARIF write fails: exit" $? 2
is "a SARIF write fails: the line" "$(cat "$tmp/err")" "nvtsim run: --sarif $o/big.sarif: cannot write: File too large"
is "a SARIF write fails: the JUnit file keeps its bytes" "$(cat "$o/keep.xml")" before
[ ! -e "$o/big.sarif" ] && ok || bad "a SARIF write fails: left $o/big.sarif"
# the temporary file is a fresh one (mkstemp), never a link planted beside the target
echo victim >"$o/victim"
bash -c 'ln -s "$1" "$2.tmp.$$" && exec "$3" run "$4" --quiet --junit "$2"' _ \
	"$o/victim" "$o/j.xml" "$nvtsim" "$seed" >/dev/null 2>&1
is "a planted link: exit" $? 0
is "a planted link: its target kept" "$(cat "$o/victim")" victim
[ -f "$o/j.xml" ] && [ ! -L "$o/j.xml" ] && ok || bad "a planted link: $o/j.xml is not a file of its own"
rm -f "$o"/j.xml.tmp.*
is "no temporary file left" "$(find "$o" -name '.*' -type f)" ""

# ---- a step-bound run's code flow: the last steps and each context's first ----
"$nvtsim" run "$o/nox.nvt" --variant mainline --quiet --sarif "$o/sb.sarif" >/dev/null 2>&1
is "step bound: exit" $? 1
check sarif "$o/sb.sarif" "$sarif_schema" "$src" >"$tmp/sarif" && ok || bad "step bound: SARIF not valid"
res='d["runs"][0]["results"][0]'
locs="$res[\"codeFlows\"][0][\"threadFlows\"][0][\"locations\"]"
is "step bound: the rule" "$(check get "$o/sb.sarif" "$res[\"ruleId\"]")" step-bound
n=$(check get "$o/sb.sarif" "len($locs)")
m=$(check get "$o/sb.sarif" "$res[\"properties\"][\"codeFlowSteps\"]")
[ "$n" -le 1000 ] && ok || bad "step bound: $n thread flow locations, more than 1000"
[ "$m" -gt 1000 ] && ok || bad "step bound: only $m steps: the test needs more than 1000"
is "step bound: left out" "$(check get "$o/sb.sarif" "$res[\"properties\"][\"codeFlowStepsLeftOut\"]")" $((m - n))
check get "$o/sb.sarif" "$res[\"message\"][\"text\"]" |
	grep -qE "; code flow: the last [0-9]+ of $m steps and each context's first \($((m - n)) left out\)" && ok ||
	bad "step bound: the message does not say what the code flow leaves out: $(check get "$o/sb.sarif" "$res[\"message\"][\"text\"]")"
is "step bound: the last step is there" "$(check get "$o/sb.sarif" "$locs[-1][\"executionOrder\"]")" "$m"
is "step bound: the first step is there" "$(check get "$o/sb.sarif" "$locs[0][\"executionOrder\"]")" 1
is "step bound: every context's first step" \
	"$(check get "$o/sb.sarif" "len(set(l[\"location\"][\"message\"][\"text\"].split(\":\")[0].split(\" \")[0] for l in $locs[:8]))")" \
	"$(check get "$o/sb.sarif" "len(set(l[\"location\"][\"message\"][\"text\"].split(\":\")[0].split(\" \")[0] for l in $locs))")"

# ---- out of memory, and a worker's search that fails: what is said ----
# A preloaded allocator that fails: realloc everywhere, or calloc in the
# forked workers. Not under a sanitizer's runtime, which must come first.
cc=${CC:-cc}
if ldd "$nvtsim" 2>/dev/null | grep -q 'lib[a-z]*san'; then
	echo "note: $nvtsim has a sanitizer runtime: out-of-memory checks skipped"
elif ! command -v "$cc" >/dev/null; then
	bad "no C compiler ($cc) for the out-of-memory checks"
else
	cat >"$tmp/failalloc.c" <<'C'
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_realloc(void *p, size_t n);
static int mode;	/* 1: every realloc fails; 2: every calloc in a forked child */
static pid_t parent;

__attribute__((constructor)) static void init(void)
{
	const char *m = getenv("FAILALLOC");

	parent = getpid();
	mode = !m ? 0 : !strcmp(m, "realloc") ? 1 : !strcmp(m, "child-calloc") ? 2 : 0;
}

void *realloc(void *p, size_t n)
{
	if (mode == 1) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_realloc(p, n);
}

void *calloc(size_t n, size_t size)
{
	size_t t;
	void *p;

	if ((mode == 2 && getpid() != parent) || __builtin_mul_overflow(n, size, &t)) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(t);
	if (p)
		memset(p, 0, t);
	return p;
}
C
	if ! "$cc" -shared -fPIC -o "$tmp/failalloc.so" "$tmp/failalloc.c"; then
		bad "cannot build the failing allocator"
	else
		# a passing run whose case cannot be added: out of memory, not a report without it
		FAILALLOC=realloc LD_PRELOAD=$tmp/failalloc.so "$nvtsim" run "$seed" --quiet \
			--junit "$o/oom.xml" >/dev/null 2>"$tmp/err"
		is "out of memory adding an ok case: exit" $? 2
		is "out of memory adding an ok case: the line" "$(cat "$tmp/err")" "nvtsim: out of memory"
		[ ! -e "$o/oom.xml" ] && ok || bad "out of memory adding an ok case: wrote a JUnit file without it"
		# a worker whose search fails says so; its report is not "unreadable" too
		FAILALLOC=child-calloc LD_PRELOAD=$tmp/failalloc.so "$nvtsim" explore "$race" \
			--all-variants --jobs 2 --no-progress --out "$o/cex" --junit "$o/w.xml" >/dev/null 2>"$tmp/err"
		is "a worker's search fails: exit" $? 2
		grep -q "out of memory" "$tmp/err" && ok || bad "a worker's search fails: $(head -3 "$tmp/err")"
		is "a worker's search fails: no 'unreadable'" "$(grep -c 'came back unreadable' "$tmp/err")" 0
		[ ! -e "$o/w.xml" ] && ok || bad "a worker's search fails: wrote $o/w.xml"
	fi
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
