#!/usr/bin/env python3
"""One line per source file from a gcovr JSON summary, model/tcp.c first.

  coverage_summary.py SUMMARY.json [LABEL]

model/tcp.c is the driver under test: its line comes first, then the rest
of model/, then every other file by path, then a total per top directory
(model/, harness/, cli/). LABEL (e.g. "variant mainline") heads the table.
Exit 2 with one line when the file is not a gcovr JSON summary.
"""
import json
import sys

FIRST = "model/tcp.c"


def pct(covered, total):
    return 100.0 * covered / total if total else 100.0


def row(name, lc, lt, bc, bt):
    return "%-34s lines %5.1f%% (%d/%d)  branches %5.1f%% (%d/%d)" % (
        name, pct(lc, lt), lc, lt, pct(bc, bt), bc, bt)


def order(names):
    """model/tcp.c, then the rest of model/, then everything else, by path."""
    return sorted(names, key=lambda n: (n != FIRST, not n.startswith("model/"), n))


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip())
        return 2
    try:
        with open(argv[1]) as f:
            doc = json.load(f)
        files = {f["filename"]: f for f in doc["files"]}
    except (OSError, ValueError, KeyError, TypeError) as err:
        print("%s: not a gcovr JSON summary (%s)" % (argv[1], err), file=sys.stderr)
        return 2
    if len(argv) > 2:
        print(argv[2])
    totals = {}
    for name in order(files):
        f = files[name]
        counts = (f["line_covered"], f["line_total"], f["branch_covered"], f["branch_total"])
        print(row(name, *counts))
        top = name.split("/", 1)[0] + "/"
        t = totals.setdefault(top, [0, 0, 0, 0])
        for i, c in enumerate(counts):
            t[i] += c
    for top in order(totals):
        print(row(top, *totals[top]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
