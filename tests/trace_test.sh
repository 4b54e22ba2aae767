#!/usr/bin/env bash
# The trace files: chrome is valid Trace Event JSON with a track per context
# whose slices nest as calls, and a track per CPU; the timeline has a CPU
# column and the source line of each step (checked against model/tcp.c);
# every format (and the pcap) is byte-identical when the run is repeated.
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
python3 "$src/tests/trace_check.py" text "$tmp/a.text" "$src" sub0=0 kworker=0 net_rx=0
python3 "$src/tests/trace_check.py" chrome "$tmp/a.chrome" --cpus 0 \
	--nested sub0:nvme_tcp_queue_rq/nvme_tcp_queue_request \
	--nested sub0:nvme_tcp_try_send_cmd_pdu/nvme_tcp_done_send_req \
	sub0 kworker net_tx net_rx ctrl
# two CPUs: the submitters on theirs, the kworker and the network on io_cpu
"$nvtsim" run "$src/bench/two-cpus.nvt" --variant mainline >"$tmp/two.text"
python3 "$src/tests/trace_check.py" text "$tmp/two.text" "$src" sub0=0 sub1=1 kworker=0 net_tx=0
"$nvtsim" run "$src/bench/two-cpus.nvt" --variant mainline --quiet \
	--trace "$tmp/two.chrome" --trace-format chrome >/dev/null
python3 "$src/tests/trace_check.py" chrome "$tmp/two.chrome" --cpus 0,1 \
	--nested kworker:nvme_tcp_io_work/nvme_tcp_try_send \
	sub0 sub1 kworker net_tx net_rx ctrl
# a line the timeline names, read back: queue_rq's test_bit, the trylock
for call in 'nvme_tcp_queue_rq .*test_bit' 'nvme_tcp_queue_request .*mutex_trylock'; do
	n=$(grep -E "^ +[0-9]+  sub0 +0  $call" "$tmp/a.text" | head -1 |
		sed -E 's/.* tcp\.c:([0-9]+) .*/\1/')
	[ -n "$n" ] && sed -n "${n}p" "$src/model/tcp.c" | grep -q "${call##* }(" ||
		{ echo "timeline: '$call' at model/tcp.c:$n, which is: $(sed -n "${n}p" "$src/model/tcp.c")"; exit 1; }
done
# json: each event's file and line
grep -q '"file":"model/tcp.c","line":[0-9]' "$tmp/a.json"
echo "timeline, json and chrome: CPUs, source lines and call nesting as the model has them"
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
