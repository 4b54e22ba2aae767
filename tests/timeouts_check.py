#!/usr/bin/env python3
"""Every ctest has a TIMEOUT, bounded: a spinning model must not hang ctest."""
import json
import subprocess
import sys

LIMIT_S = 3600

ctest, build = sys.argv[1], sys.argv[2]
out = subprocess.run([ctest, "--show-only=json-v1"], cwd=build, check=True,
                     capture_output=True, text=True).stdout
tests = json.loads(out)["tests"]
bad = []
for t in tests:
    props = {p["name"]: p["value"] for p in t.get("properties", [])}
    tmo = float(props.get("TIMEOUT", 0))
    if not 0 < tmo <= LIMIT_S:
        bad.append(f"{t['name']}: TIMEOUT {props.get('TIMEOUT', 'unset')}")
for b in bad:
    print(f"FAIL: {b}")
print(f"timeouts: {len(tests) - len(bad)} of {len(tests)} tests bounded (<= {LIMIT_S} s)")
sys.exit(1 if bad or not tests else 0)
