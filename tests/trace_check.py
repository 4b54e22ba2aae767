#!/usr/bin/env python3
"""Checks nvtsim's machine-readable traces.

  trace_check.py pcap TRACE.jsonl TSHARK_FIELDS.csv
      every PDU tshark decoded from the pcap is the PDU the JSON trace says
      went on the wire: same order in each direction, same type, hlen, plen,
      cid, ttag, offset and length.
  trace_check.py chrome TRACE.json [--cpus N,M] [--nested CTX:OUTER/INNER]... CONTEXTS...
      valid Trace Event JSON: the fields every event needs, B/E slices that
      nest per track (every E closes the innermost open B of its pid and
      tid, never before it), a named track per context, a track per CPU
      named cpuN whose slices are contexts one at a time, INNER opened
      directly inside OUTER on CTX's track, PDU instants, one verdict.
  trace_check.py text TIMELINE ROOT [CTX=CPU]...
      the timeline's columns: step, context, cpu, function, source, event;
      CTX's lines show CPU; every source FILE:LINE names a line of the
      source (ROOT/model/FILE, or ROOT itself when it is a file: a kernel
      tree's tcp.c) that makes the call the event is about.
"""
import re
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


def check_chrome(path, args):
    cpus, nested, contexts = [], [], []
    while args:
        a = args.pop(0)
        if a == "--cpus":
            cpus = ["cpu" + c for c in args.pop(0).split(",")]
        elif a == "--nested":
            ctx, pair = args.pop(0).split(":")
            nested.append((ctx,) + tuple(pair.split("/")))
        else:
            contexts.append(a)
    try:
        with open(path) as f:
            doc = json.load(f)
    except ValueError as err:
        fail("%s: not JSON: %s" % (path, err))
    events = doc.get("traceEvents")
    if not isinstance(events, list) or not events:
        fail("%s: no traceEvents list" % path)
    names, procs, stacks, pdus, verdicts, last_ts = {}, {}, {}, 0, 0, {}
    seen_nested, max_depth = set(), 0
    for i, e in enumerate(events):
        for key in ("ph", "pid", "tid", "name"):
            if key not in e:
                fail("event %d: no '%s': %s" % (i, key, e))
        ph, track = e["ph"], (e["pid"], e["tid"])
        if ph == "M":
            if e["name"] == "thread_name":
                names[e["args"]["name"]] = track
            elif e["name"] == "process_name":
                procs[e["pid"]] = e["args"]["name"]
            continue
        if not isinstance(e.get("ts"), int):
            fail("event %d: no integer ts: %s" % (i, e))
        if e["ts"] < last_ts.get(track, 0):
            fail("event %d: time goes backwards on track %s" % (i, track))
        last_ts[track] = e["ts"]
        st = stacks.setdefault(track, [])
        if ph == "B":
            if st:
                seen_nested.add((track, st[-1][0], e["name"]))
            st.append((e["name"], e["ts"]))
            max_depth = max(max_depth, len(st))
        elif ph == "E":
            if not st:
                fail("event %d: E '%s' on %s closes no open slice" % (i, e["name"], track))
            name, ts = st.pop()
            if name != e["name"]:
                fail("event %d: E '%s' on %s, but the innermost open slice is '%s'"
                     % (i, e["name"], track, name))
            if e["ts"] < ts:
                fail("event %d: E '%s' before its B" % (i, name))
        elif ph == "i":
            if e.get("cat") == "pdu":
                pdus += 1
            if e.get("cat") == "verdict":
                verdicts += 1
        else:
            fail("event %d: unexpected phase '%s'" % (i, ph))
    for track, st in stacks.items():
        if st:
            fail("track %s: slices left open: %s" % (track, st))
    for c in contexts:
        if c not in names:
            fail("no track for context '%s' (tracks: %s)" % (c, sorted(names)))
    for c in cpus:
        if c not in names:
            fail("no track for CPU '%s' (tracks: %s)" % (c, sorted(names)))
        track = names[c]
        if procs.get(track[0]) != "CPUs":
            fail("track %s is not in the CPUs process" % c)
        for e in events:
            if (e["pid"], e["tid"]) == track and e["ph"] == "B" and e["name"] not in contexts:
                fail("CPU track %s runs '%s', not a context" % (c, e["name"]))
    # a CPU runs one context at a time: no slice inside another there
    for track, outer, inner in seen_nested:
        if procs.get(track[0]) == "CPUs":
            fail("CPU track %s: '%s' opened inside '%s'" % (track, inner, outer))
    for ctx, outer, inner in nested:
        if (names.get(ctx), outer, inner) not in seen_nested:
            fail("%s: no slice '%s' directly inside '%s'" % (ctx, inner, outer))
    if not pdus or verdicts != 1:
        fail("%d PDU instants, %d verdicts: expected some and one" % (pdus, verdicts))
    print("chrome: %d events, %d tracks, %d PDUs, slices nest (depth up to %d)"
          % (len(events), len(names), pdus, max_depth))


# What a source line must call for each event the timeline shows there.
CALLS = {
    "sendmsg": ("kernel_sendpage", "sock_no_sendpage", "kernel_sendmsg", "sock_sendmsg"),
    "list_add": ("list_add(",), "list_add_tail": ("list_add_tail(",),
    "list_del": ("list_del(",), "list_del_init": ("list_del_init(",),
}


def check_text(path, root, want_cpu):
    import os
    head = re.compile(r"^\s+step  context  cpu  function\s+source\s+event$")
    line_re = re.compile(r"^\s*(\d+)  (\S+)\s+(\d*)  (\S*)\s+(\S*)\s+(.*)$")
    rows, checked, cpus = 0, 0, {}
    with open(path) as f:
        lines = f.read().splitlines()
    if not any(head.match(l) for l in lines):
        fail("%s: no timeline head with a cpu and a source column" % path)
    for l in lines:
        # columns by position: step 6, context 8, cpu 3, function 30, source 15
        if not re.match(r"^\s*\d+  ", l) or len(l) < 68:
            continue
        step, ctx, cpu = l[:6].strip(), l[8:16].strip(), l[17:20].strip()
        fn, src, event = l[22:52].strip(), l[53:68].strip(), l[69:]
        rows += 1
        if cpu:
            cpus.setdefault(ctx, set()).add(cpu)
        if not src:
            continue
        m = re.match(r"^([\w.-]+):(\d+)$", src)
        if not m:
            fail("%s: step %s: source '%s' is not FILE:LINE" % (path, step, src))
        fname, n = m.group(1), int(m.group(2))
        sfile = root if os.path.isfile(root) else os.path.join(root, "model", fname)
        with open(sfile) as f:
            text = f.read().splitlines()
        if not 0 < n <= len(text):
            fail("%s: step %s: %s has no line %d" % (path, step, sfile, n))
        code = text[n - 1]
        op = re.split(r"[ (]", event, 1)[0]
        if op in ("load", "store"):
            calls = (event.split()[1],)		# the field: queue->request
        else:
            calls = CALLS.get(op, (op,))
        if not any(c in code for c in calls):
            fail("%s: step %s: '%s' at %s:%d, but that line is: %s"
                 % (path, step, event, sfile, n, code.strip()))
        checked += 1
    for spec in want_cpu:
        ctx, cpu = spec.split("=")
        if cpus.get(ctx) != {cpu}:
            fail("%s: %s runs on CPU %s, the timeline says %s" % (path, ctx, cpu, sorted(cpus.get(ctx, []))))
    if not checked:
        fail("%s: no line with a source" % path)
    print("text: %d lines, %d sources match their lines, cpus %s" % (rows, checked,
          " ".join("%s=%s" % (c, ",".join(sorted(v))) for c, v in sorted(cpus.items()))))


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "pcap":
        check_pcap(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "chrome":
        check_chrome(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) >= 4 and sys.argv[1] == "text":
        check_text(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        print(__doc__)
        sys.exit(2)
