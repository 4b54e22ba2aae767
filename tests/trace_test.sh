#!/usr/bin/env bash
# The trace files: chrome is valid Trace Event JSON with a track per context,
# and every format (and the pcap) is byte-identical when the run is repeated.
set -euo pipefail
nvtsim=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() {
	"$nvtsim" run "$src/scenarios/seed-race.nvt" --variant db5ad6b7f8cd --quiet \
		--trace "$tmp/$1" --trace-format "$2" --pcap "$tmp/$1.pcap" >/dev/null
}
for fmt in text json chrome; do
	run a.$fmt $fmt
	run b.$fmt $fmt
	cmp "$tmp/a.$fmt" "$tmp/b.$fmt"
	cmp "$tmp/a.$fmt.pcap" "$tmp/b.$fmt.pcap"
	echo "$fmt: identical on rerun"
done
grep -q 'HANG: w1' "$tmp/a.text"
python3 "$src/tests/trace_check.py" chrome "$tmp/a.chrome" sub0 kworker net_tx net_rx ctrl
# bad options: one line, exit 2
for bad in "--trace-format yaml" "--trace-format json" "--trace" "--pcap"; do
	set +e
	"$nvtsim" run "$src/scenarios/seed-race.nvt" $bad >/dev/null 2>"$tmp/err"
	rc=$?
	set -e
	[ "$rc" = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ] ||
		{ echo "run $bad: exit $rc, $(cat "$tmp/err")"; exit 1; }
done
echo "bad trace options: one-line errors, exit 2"
