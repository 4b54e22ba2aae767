#!/usr/bin/env bash
# Traces of a kernel tree's own tcp.c: every source line the timeline gives
# (shim calls, and the loads and stores of watched fields that tsan.c turns
# into points) is the line of the tree's tcp.c that makes that call, and
# the chrome trace nests the real functions' slices.
set -u
nvtsim=$1
top=$2
. "$top/tests/kernel/lib.sh"
ksetup "$nvtsim" 6.1
fail() { echo "FAIL: $*"; exit 1; }

kstage 6.1 "$tmp/linux" || fail "cannot extract 6.1's tcp.c"
k=$(ktree 6.1)
"$nvtsim" run "$top/scenarios/seed-race.nvt" --kernel "$k" \
	--trace "$tmp/t.chrome" --trace-format chrome >"$tmp/t.txt" 2>&1 ||
	[ $? = 1 ] || fail "nvtsim run --kernel: $(tail -1 "$tmp/t.txt")"
grep -q 'load queue->request' "$tmp/t.txt" || fail "no watched-field load in the timeline"
python3 "$top/tests/trace_check.py" text "$tmp/t.txt" "$tmp/linux/drivers/nvme/host/tcp.c" \
	sub0=0 kworker=0 || exit 1
# the loads of queue->request carry their line too (the generated line table)
grep -E '^ +[0-9]+  \S+ +[0-9]+  nvme_tcp_queue_request +tcp\.c:[0-9]+ +load queue->request' \
	"$tmp/t.txt" >/dev/null || fail "a load of queue->request has no source line"
python3 "$top/tests/trace_check.py" chrome "$tmp/t.chrome" --cpus 0 \
	--nested sub0:nvme_tcp_queue_rq/nvme_tcp_queue_request \
	--nested sub0:nvme_tcp_try_send/nvme_tcp_try_send_cmd_pdu \
	sub0 kworker net_tx net_rx ctrl || exit 1
echo "kernel trace: sources are 6.1's tcp.c lines, slices nest"
