#!/usr/bin/env bash
# tshark decodes each scenario's pcap PDU for PDU as nvtsim's JSON trace says.
# usage: pcap_test.sh NVTSIM SOURCE_DIR; exit 77 (skipped) without tshark.
set -euo pipefail
nvtsim=$1 src=$2
command -v tshark >/dev/null || { echo "tshark not installed: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for run in "seed-race.nvt db5ad6b7f8cd" "seed-race.nvt 5c11f7d9f843" \
	   "mixed-io.nvt mainline" "maxh2cdata-chunking.nvt mainline"; do
	set -- $run
	"$nvtsim" run "$src/scenarios/$1" --variant "$2" --quiet \
		--trace "$tmp/t.jsonl" --trace-format json --pcap "$tmp/t.pcap" >/dev/null || true
	tshark -r "$tmp/t.pcap" -Y nvme-tcp -T json --no-duplicate-keys -j "tcp nvme-tcp nvme" \
		>"$tmp/pdus.json" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
	echo -n "$1 on $2: "
	python3 "$src/tests/trace_check.py" pcap "$tmp/t.jsonl" "$tmp/pdus.json"
done
