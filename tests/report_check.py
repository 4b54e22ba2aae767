#!/usr/bin/python3
"""Checks nvtsim's machine-readable reports (tests/report_test.sh).

  report_check.py json FILE SCHEMA      FILE is one JSON document valid against
                                        docs/nvtsim-report.schema.json
  report_check.py get FILE EXPR         prints EXPR, a Python expression on d
                                        (the parsed FILE)
  report_check.py junit FILE            reads FILE with junitparser (what CI
                                        test reporters read), checks the counts
                                        add up, prints one line a testcase:
                                        SUITE|NAME|CLASSNAME|pass or TYPE|MESSAGE
  report_check.py sarif FILE SCHEMA ROOT...
                                        FILE is valid SARIF 2.1.0; every code
                                        flow location in a tcp.c points at a
                                        line of ROOT/uri that does what the step
                                        says; prints RULE|VARIANT|N-LOCATED|N-STEPS
Exits 1 with the reason on a failed check.
"""
import json
import os
import re
import sys


def die(msg):
    print("report_check: " + msg)
    sys.exit(1)


def load_strict(path):
    def no_dupes(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            die(f"{path}: a member given twice in {keys}")
        return dict(pairs)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        return json.loads(text, object_pairs_hook=no_dupes)
    except ValueError as e:
        die(f"{path}: not JSON: {e}")


def validate(doc, schema_path, what):
    import jsonschema
    schema = load_strict(schema_path)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        die(f"{what}: {len(errors)} schema error(s); first at "
            f"/{'/'.join(map(str, e.path))}: {e.message[:300]}")


def cmd_json(path, schema):
    validate(load_strict(path), schema, path)


def cmd_get(path, expr):
    d = load_strict(path)
    print(eval(expr, {"d": d, "len": len, "all": all, "any": any, "sorted": sorted,
                      "set": set, "os": os}))


def cmd_junit(path):
    from junitparser import JUnitXml, TestSuite, Failure, Skipped
    xml = JUnitXml.fromfile(path)
    suites = [xml] if isinstance(xml, TestSuite) else list(xml)
    total = fails = skips = 0
    for s in suites:
        n = f = k = 0
        for case in s:
            n += 1
            bad = [r for r in case.result if isinstance(r, Failure)]
            skip = [r for r in case.result if isinstance(r, Skipped)]
            if skip:
                k += 1
                if bad or not skip[0].message:
                    die(f"{path}: {case.name}: a skipped testcase with a failure, or without a message")
                print(f"{s.name}|{case.name}|{case.classname}|skipped")
            elif bad:
                f += 1
                if not bad[0].message or not (bad[0].text or "").strip():
                    die(f"{path}: {case.name}: a failure without message or text")
                print(f"{s.name}|{case.name}|{case.classname}|{bad[0].type}|{bad[0].message}")
            else:
                print(f"{s.name}|{case.name}|{case.classname}|pass")
        if s.tests != n or s.failures != f or (s.skipped or 0) != k:
            die(f"{path}: suite {s.name} says tests={s.tests} failures={s.failures} skipped={s.skipped}, has {n}, {f} and {k}")
        total += n
        fails += f
        skips += k
    if not isinstance(xml, TestSuite) and (xml.tests != total or xml.failures != fails):
        die(f"{path}: testsuites says tests={xml.tests} failures={xml.failures}, has {total} and {fails}")


# what a step's source line must hold, by the operation the step names
OP_TEXT = {"submit": None, "xmit": None, "deliver": None, "process": None,
           "run_work": None, "load": None, "store": None,
           "sendmsg": r"send(msg|page)", "list_first_entry": r"list_first_entry"}


def cmd_sarif(path, schema, roots):
    doc = load_strict(path)
    validate(doc, schema, path)
    run = doc["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for res in run["results"]:
        if rules[res["ruleIndex"]] != res["ruleId"]:
            die(f"{path}: ruleIndex {res['ruleIndex']} is not {res['ruleId']}")
        steps = res["codeFlows"][0]["threadFlows"][0]["locations"]
        located = 0
        for st in steps:
            loc = st["location"]
            text = loc["message"]["text"]
            m = re.match(r"(\S+)( on CPU \d+)?: (\w+)", text)
            if not m:
                die(f"{path}: step '{text}' does not say context: op")
            phys = loc.get("physicalLocation")
            if not phys:
                continue
            uri = phys["artifactLocation"]["uri"]
            line = phys["region"]["startLine"]
            if not uri.endswith("tcp.c"):
                continue
            src = None
            for root in roots:
                p = os.path.join(root, uri)
                if os.path.exists(p):
                    with open(p, encoding="utf-8", errors="replace") as f:
                        src = f.read().split("\n")
                    break
            if src is None:
                die(f"{path}: {uri} is under none of {roots}")
            if line < 1 or line > len(src):
                die(f"{path}: {uri}:{line} is past its end")
            op = m.group(3)
            want = OP_TEXT.get(op, re.escape(op))
            if want and not re.search(want, src[line - 1]):
                die(f"{path}: step '{text}' at {uri}:{line}, which reads: {src[line - 1].strip()}")
            located += 1
        print(f"{res['ruleId']}|{res['properties']['variant']}|{located}|{len(steps)}")


def main():
    a = sys.argv[1:]
    if len(a) == 3 and a[0] == "json":
        cmd_json(a[1], a[2])
    elif len(a) == 3 and a[0] == "get":
        cmd_get(a[1], a[2])
    elif len(a) == 2 and a[0] == "junit":
        cmd_junit(a[1])
    elif len(a) >= 4 and a[0] == "sarif":
        cmd_sarif(a[1], a[2], a[3:])
    else:
        die("usage: see the top of this file")


if __name__ == "__main__":
    main()
