#!/usr/bin/env bash
# "Check your patch", as a test: a copy of Debian's 6.1 tcp.c with
# queue_rq's nvme_tcp_send_all() reverted to a single nvme_tcp_try_send(),
# as before 5c11f7d9f843. On the real code the explorer must find the seed
# race again (known bug direct-send-race) and its counterexample must
# replay with nvtsim run; the unpatched file must not have it.
set -u
nvtsim=$1
top=$2
. "$top/tests/kernel/lib.sh"
ksetup "$nvtsim" 6.1
fail() { echo "FAIL: $*"; sed 's/^/  | /' "$tmp/out" | head -30; exit 1; }

kstage 6.1 "$tmp/linux" || fail "cannot extract 6.1's tcp.c"
tcp=$tmp/linux/drivers/nvme/host/tcp.c
# nvme_tcp_queue_request() back to its shape before 5c11f7d9f843: one
# nvme_tcp_try_send() under send_mutex, and io_work kicked only when the
# direct send was not taken (70f437fb4395's kick after it goes too)
perl -0pi -e 's/\t\tnvme_tcp_send_all\(queue\);\n(\t\tmutex_unlock\(&queue->send_mutex\);\n\t\})\n\n\tif \(last && nvme_tcp_queue_more\(queue\)\)\n/\t\tnvme_tcp_try_send(queue);\n$1 else if (last) {\n/' "$tcp"
perl -0pi -e 's/(\} else if \(last\) \{\n\t\tqueue_work_on\(queue->io_cpu, nvme_tcp_wq, &queue->io_work\);\n)\}/$1\t}\n}/' "$tcp"
grep -q '^	} else if (last) {$' "$tcp" && grep -c '^		nvme_tcp_try_send(queue);$' "$tcp" | grep -qx 1 ||
	fail "the revert did not apply to nvme_tcp_queue_request()"

cfg=$top/tests/pins/direct-send-race.nvt
"$nvtsim" explore "$cfg" --kernel "$tmp/linux" --no-progress --out "$tmp/cex" >"$tmp/out" 2>&1
rc=$?
[ $rc = 1 ] || fail "explore on the reverted tcp.c exited $rc, wanted 1 (found)"
grep -q '^known: *direct-send-race after' "$tmp/out" ||
	fail "the seed race (direct-send-race) was not found on the reverted tcp.c"
grep -q '^nvtsim explore: .* on linux-6.1.192' "$tmp/out" ||
	fail "the search does not name the tree"
grep -q '^  signature: hang H2CData subs=[a-z_,]*nvme_tcp_' "$tmp/out" ||
	fail "the signature names no kernel function of the submitter"
cex=$(ls "$tmp"/cex/*direct-send-race*.nvt 2>/dev/null | head -1)
[ -n "$cex" ] || fail "no counterexample file written"
"$nvtsim" run "$cex" --kernel "$tmp/linux" >"$tmp/out" 2>&1
rc=$?
[ $rc = 0 ] || fail "the counterexample does not replay on the reverted tcp.c (exit $rc)"
grep -q '^HANG: .*H2CData PDU' "$tmp/out" || fail "the replay is not the seed race's hang"
grep -q 'nvme_tcp_queue_rq' "$tmp/out" || fail "the timeline does not show kernel functions"
# the same counterexample on a different tcp.c is refused
"$nvtsim" replay "$(grep -o "nvt1:linux[^']*" "$cex" | head -1)" \
	--kernel "$(ktree 6.1)" >"$tmp/out" 2>&1
rc=$?
[ $rc = 2 ] && grep -q 'sha256' "$tmp/out" ||
	fail "a replay string of the reverted tcp.c ran on the unmodified one (exit $rc)"

# the unmodified file: the same search finds no direct-send-race
"$nvtsim" explore "$cfg" --kernel "$(ktree 6.1)" --no-progress --out "$tmp/cex2" >"$tmp/out" 2>&1
grep -q '^known: *direct-send-race' "$tmp/out" &&
	fail "unmodified 6.1.192 has the seed race?"
grep -q '^search: *complete' "$tmp/out" || fail "the search on unmodified 6.1.192 did not complete"
echo "ok: the reverted 6.1 tcp.c has the seed race again; the unmodified one does not"
