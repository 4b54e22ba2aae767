#!/usr/bin/env bash
# --sarif under --kernel (issue 11): the seed race found in a copy of
# Debian's 6.1 tcp.c with queue_rq's nvme_tcp_send_all() reverted to one
# nvme_tcp_try_send() (as tests/kernel/patched_seed_race.sh reverts it) is a
# SARIF 2.1.0 result whose code flow walks the kernel tree's own
# drivers/nvme/host/tcp.c, every located step on a line that does what the
# step says; the JSON document names the kernel tree.
set -u
nvtsim=$1
top=$2
. "$top/tests/kernel/lib.sh"
ksetup "$nvtsim" 6.1
fail() { echo "FAIL: $*"; sed 's/^/  | /' "$tmp/out" | head -30; exit 1; }
: >"$tmp/out"

py=/usr/bin/python3
[ -x "$py" ] || py=python3
"$py" -c 'import jsonschema' 2>/dev/null ||
	fail "$py lacks jsonschema (scripts/install-deps installs python3-jsonschema)"
check() { "$py" "$top/tests/report_check.py" "$@"; }
sarif_schema=${NVTSIM_SARIF_SCHEMA:-$(dirname "$nvtsim")/sarif-schema/sarif-2.1.0-rtm.5.json}
if [ ! -s "$sarif_schema" ]; then
	mkdir -p "$tmp/npm" "$(dirname "$sarif_schema")"
	(cd "$tmp/npm" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null 2>&1 &&
		tar -xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json) ||
		fail "cannot fetch the SARIF 2.1.0 schema with npm pack @microsoft/jest-sarif@1.0.0-beta.0"
	mv "$tmp/npm/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$sarif_schema"
fi

kstage 6.1 "$tmp/linux" || fail "cannot extract 6.1's tcp.c"
tcp=$tmp/linux/drivers/nvme/host/tcp.c
perl -0pi -e 's/\t\tnvme_tcp_send_all\(queue\);\n(\t\tmutex_unlock\(&queue->send_mutex\);\n\t\})\n\n\tif \(last && nvme_tcp_queue_more\(queue\)\)\n/\t\tnvme_tcp_try_send(queue);\n$1 else if (last) {\n/' "$tcp"
perl -0pi -e 's/(\} else if \(last\) \{\n\t\tqueue_work_on\(queue->io_cpu, nvme_tcp_wq, &queue->io_work\);\n)\}/$1\t}\n}/' "$tcp"
grep -c '^		nvme_tcp_try_send(queue);$' "$tcp" | grep -qx 1 ||
	fail "the revert did not apply to nvme_tcp_queue_request()"

"$nvtsim" explore "$top/tests/pins/direct-send-race.nvt" --kernel "$tmp/linux" --no-progress \
	--out "$tmp/cex" --format json --sarif "$tmp/k.sarif" >"$tmp/k.json" 2>"$tmp/out"
rc=$?
[ $rc = 1 ] || fail "explore --kernel exited $rc, wanted 1 (found)"
check json "$tmp/k.json" "$top/docs/nvtsim-report.schema.json" || fail "the JSON document is not valid"
[ "$(check get "$tmp/k.json" 'd["kernel"]["kernel"]["path"]')" = "$tmp/linux" ] || fail "the document does not name the tree"
[ "$(check get "$tmp/k.json" 'd["results"][0]["failures"][0]["bug"]')" = direct-send-race ] ||
	fail "the JSON result is not the seed race"
check sarif "$tmp/k.sarif" "$sarif_schema" "$tmp/linux" >"$tmp/sarif" || fail "the SARIF log: $(cat "$tmp/sarif")"
grep -qE '^hang\|linux-6\.1\.[0-9]+\|[1-9][0-9]*\|' "$tmp/sarif" || fail "no hang result with located steps: $(cat "$tmp/sarif")"
[ "$(check get "$tmp/k.sarif" 'd["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]')" = drivers/nvme/host/tcp.c ] ||
	fail "the primary location is not the kernel tree's tcp.c"
[ "$(check get "$tmp/k.sarif" 'd["runs"][0]["originalUriBaseIds"]["KERNEL"]["uri"]')" = "file://$tmp/linux/" ] ||
	fail "KERNEL is not the tree's file URI"
echo "1 passed, 0 failed"
