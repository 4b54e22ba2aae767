#!/usr/bin/env python3
"""Checks nvtsim's machine-readable traces.

  trace_check.py pcap TRACE.jsonl TSHARK_FIELDS.csv
      every PDU tshark decoded from the pcap is the PDU the JSON trace says
      went on the wire: same order in each direction, same type, hlen, plen,
      cid, ttag, offset and length.
  trace_check.py chrome TRACE.json CONTEXTS...
      valid Trace Event JSON: the fields every event needs, B/E slices that
      nest per track, a named track per context, PDU instants, one verdict.
"""
import json
import sys


def fail(msg):
    print("trace_check: " + msg)
    sys.exit(1)


def num(s):
    return int(s, 16) if s.startswith("0x") else int(s)


def trace_pdus(path):
    pdus = {"host->ctrl": [], "ctrl->host": []}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            try:
                e = json.loads(line)
            except ValueError as err:
                fail("%s:%d: not JSON: %s" % (path, n, err))
            for key in ("step", "ctx", "cpu", "fn", "op", "event"):
                if key not in e:
                    fail("%s:%d: no '%s'" % (path, n, key))
            p = e.get("pdu")
            if p:
                pdus[p["dir"]].append((p["type_code"], p["hlen"], p["plen"],
                                       p.get("cid"), p.get("ttag"),
                                       p.get("offset"), p.get("length")))
    return pdus


def find(tree, key):
    """The first value of key anywhere in a tshark -T json subtree."""
    if isinstance(tree, dict):
        if key in tree:
            v = tree[key]
            return v[0] if isinstance(v, list) else v
        for v in tree.values():
            r = find(v, key)
            if r is not None:
                return r
    elif isinstance(tree, list):
        for v in tree:
            r = find(v, key)
            if r is not None:
                return r
    return None


def as_list(x):
    if x is None:
        return []
    return x if isinstance(x, list) else [x]


def tshark_pdus(path):
    """PDUs from tshark -T json -j "tcp nvme-tcp nvme", per direction in frame order."""
    pdus = {"host->ctrl": [], "ctrl->host": []}
    with open(path) as f:
        frames = json.load(f)
    for fr in frames:
        layers = fr["_source"]["layers"]
        direction = "host->ctrl" if find(layers.get("tcp"), "tcp.srcport") == "49152" else "ctrl->host"
        # the NVMe layer (commands, completions) comes once per CapsuleCmd/CapsuleResp, in order
        nvme = [n for n in as_list(layers.get("nvme")) if isinstance(n, dict)]
        for t in as_list(layers.get("nvme-tcp")):
            if not isinstance(t, dict) or find(t, "nvme-tcp.type") is None:
                continue

            def get(k):
                v = find(t, k)
                return num(v) if v is not None else None
            typ = get("nvme-tcp.type")
            cid = get("nvme-tcp.cmd.cid")
            if cid is None and typ in (4, 5) and nvme:
                n = nvme.pop(0)
                v = find(n, "nvme.cmd.cid") if typ == 4 else find(n, "nvme.cqe.cid")
                cid = num(v) if v is not None else None
            off, ln = get("nvme-tcp.data.offset"), get("nvme-tcp.data.length")
            if off is None:
                off, ln = get("nvme-tcp.r2t.offset"), get("nvme-tcp.r2t.length")
            pdus[direction].append((typ, get("nvme-tcp.hlen"), get("nvme-tcp.plen"),
                                    cid, get("nvme-tcp.ttag"), off, ln))
    return pdus


def check_pcap(trace, fields):
    want, got = trace_pdus(trace), tshark_pdus(fields)
    total = 0
    for d in want:
        if len(want[d]) != len(got[d]):
            fail("%s: the trace has %d PDUs, tshark decoded %d" % (d, len(want[d]), len(got[d])))
        for i, (w, g) in enumerate(zip(want[d], got[d])):
            # the dissector shows no cid/ttag/offset for ICReq/ICResp: compare what it shows
            g = tuple(gv if gv is not None else wv for wv, gv in zip(w, g))
            if w != g:
                fail("%s PDU %d: trace %s, tshark %s "
                     "(type, hlen, plen, cid, ttag, offset, length)" % (d, i, w, g))
        total += len(want[d])
    if total < 4:
        fail("only %d PDUs: expected the IC exchange and a command at least" % total)
    print("pcap: tshark decodes all %d PDUs as the trace says" % total)


def check_chrome(path, contexts):
    try:
        with open(path) as f:
            doc = json.load(f)
    except ValueError as err:
        fail("%s: not JSON: %s" % (path, err))
    events = doc.get("traceEvents")
    if not isinstance(events, list) or not events:
        fail("%s: no traceEvents list" % path)
    names, stacks, pdus, verdicts, last_ts = {}, {}, 0, 0, {}
    for i, e in enumerate(events):
        for key in ("ph", "pid", "tid", "name"):
            if key not in e:
                fail("event %d: no '%s': %s" % (i, key, e))
        ph, tid = e["ph"], e["tid"]
        if ph == "M":
            if e["name"] == "thread_name":
                names[e["args"]["name"]] = tid
            continue
        if not isinstance(e.get("ts"), int):
            fail("event %d: no integer ts: %s" % (i, e))
        if e["ts"] < last_ts.get(tid, 0):
            fail("event %d: time goes backwards on track %d" % (i, tid))
        last_ts[tid] = e["ts"]
        if ph == "B":
            stacks.setdefault(tid, []).append(e["name"])
        elif ph == "E":
            if not stacks.get(tid) or stacks[tid].pop() != e["name"]:
                fail("event %d: E '%s' closes no open slice" % (i, e["name"]))
        elif ph == "i":
            if e.get("cat") == "pdu":
                pdus += 1
            if e.get("cat") == "verdict":
                verdicts += 1
        else:
            fail("event %d: unexpected phase '%s'" % (i, ph))
    for tid, st in stacks.items():
        if st:
            fail("track %d: slices left open: %s" % (tid, st))
    for c in contexts:
        if c not in names:
            fail("no track for context '%s' (tracks: %s)" % (c, sorted(names)))
    if not pdus or verdicts != 1:
        fail("%d PDU instants, %d verdicts: expected some and one" % (pdus, verdicts))
    print("chrome: %d events, %d tracks, %d PDUs, slices balanced" % (len(events), len(names), pdus))


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "pcap":
        check_pcap(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "chrome":
        check_chrome(sys.argv[2], sys.argv[3:])
    else:
        print(__doc__)
        sys.exit(2)
