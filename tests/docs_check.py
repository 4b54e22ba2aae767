#!/usr/bin/env python3
"""The man page and the bash completion against nvtsim's --help texts.

  docs_check.py NVTSIM SOURCE_DIR VERSION

Every command `nvtsim --help` lists has a section in doc/nvtsim.1 and is
completed; every option a command's --help lists (and --kernel where the
main help says it goes) is in that command's man section and is what the
completion offers after `nvtsim CMD -`, no more, no less; the values the
command line accepts for --strategy, --policy, --check and --trace-format
(from its own error messages) are completed and in the man page; variant
names are completed as `nvtsim variants` lists them; scenario files are
completed. The man page renders with no groff or man warning, and its
version, debian/changelog's and project(VERSION) agree. Each check is also
run on a doctored copy missing one option, which it must catch.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def main_help(nvtsim):
    text = run([nvtsim, "--help"]).stdout
    block = text.split("commands:\n", 1)[1].split("\n\n", 1)[0]
    cmds = re.findall(r"^  ([a-z][a-z-]*)\b", block, re.M)
    m = re.search(r"--kernel PATH \(([^)]*)\)", text)
    kernel_cmds = [c.strip() for c in m.group(1).split(",")] if m else []
    return text, cmds, kernel_cmds


def options_of(text, cmd, cmds):
    """The --options in a help text, less those named as another command's
    (`nvtsim explore --shard` in merge's help is explore's option) or as
    nvtsim's own (`nvtsim --version`)."""
    found = set()
    for m in re.finditer(r"(?<![\w-])(--[a-z][a-z-]*)", text):
        before = text[:m.start()]
        if re.search(r"nvtsim\s+$", before):
            continue
        other = re.search(r"nvtsim\s+([a-z-]+)\s+$", before)
        if other and other.group(1) in cmds and other.group(1) != cmd:
            continue
        found.add(m.group(1))
    return found


def expected_options(nvtsim, cmds, kernel_cmds):
    want = {}
    for c in cmds:
        if c == "help":
            continue
        text = run([nvtsim, c, "--help"]).stdout
        want[c] = options_of(text, c, cmds) | {"--help"}
        if c in kernel_cmds:
            want[c].add("--kernel")
    return want


def man_sections(path):
    """{command: its .SS section's text, escapes undone}"""
    text = open(path).read()
    text = text.replace("\\-", "-")
    text = re.sub(r"\\f[BIRP]", "", text)
    text = text.replace("\\&", "")
    secs = {}
    cur = None
    for line in text.splitlines():
        m = re.match(r'^\.SS "nvtsim ([a-z-]+)"$', line)
        if m:
            cur = m.group(1)
            secs[cur] = ""
        elif line.startswith(".SS") or line.startswith(".SH"):
            cur = None
        elif cur:
            secs[cur] += line + "\n"
    return secs


def check_man(path, cmds, want, values):
    problems = []
    secs = man_sections(path)
    for c in cmds:
        if c not in secs:
            problems.append("%s: no section for '%s'" % (path, c))
    for c in secs:
        if c not in cmds:
            problems.append("%s: a section for '%s', which nvtsim --help does not list" % (path, c))
    for c, opts in want.items():
        if c not in secs:
            continue
        have = options_of(secs[c], c, cmds)
        for o in sorted(opts - {"--help"} - have):
            problems.append("%s: nvtsim %s's section does not mention %s" % (path, c, o))
        for o in sorted(have - opts):
            problems.append("%s: nvtsim %s's section has %s, which its --help does not list" % (path, c, o))
    for (c, opt), vals in values.items():
        for v in vals:
            if not re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(v), secs.get(c, "")):
                problems.append("%s: nvtsim %s's section does not mention %s value %s" % (path, c, opt, v))
    return problems


def complete(comp, words, bash_completion=False, cwd=None):
    """COMPREPLY for the command line `words` (the last one being completed)."""
    script = ""
    if bash_completion:
        script += "source /usr/share/bash-completion/bash_completion\n"
    script += 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))\n'
    script += 'COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; _nvtsim\n'
    script += 'printf "%s\\n" "${COMPREPLY[@]}"\n'
    r = run(["bash", "-c", script, "_", comp] + words, cwd=cwd)
    return set(x for x in r.stdout.split("\n") if x)


def check_completion(comp, nvtsim, cmds, want, values, variants):
    problems = []
    got = complete(comp, [nvtsim, ""])
    top = set(cmds) | {"--help", "--version"}
    if got != top:
        problems.append("%s: nvtsim <TAB> offers %s, wanted %s" % (comp, sorted(got), sorted(top)))
    got = complete(comp, [nvtsim, "help", ""])
    if got != set(cmds):
        problems.append("%s: nvtsim help <TAB> offers %s, wanted %s" % (comp, sorted(got), sorted(cmds)))
    for c, opts in want.items():
        got = complete(comp, [nvtsim, c, "-"])
        for o in sorted(opts - got):
            problems.append("%s: nvtsim %s - does not complete %s" % (comp, c, o))
        for o in sorted(got - opts):
            problems.append("%s: nvtsim %s - completes %s, which its --help does not list" % (comp, c, o))
    for (c, opt), vals in values.items():
        got = complete(comp, [nvtsim, c, opt, ""])
        if got != set(vals):
            problems.append("%s: nvtsim %s %s <TAB> offers %s, wanted %s" % (comp, c, opt, sorted(got), sorted(vals)))
    for c in ("run", "explore", "import-crash"):
        if c not in want or "--variant" not in want[c]:
            continue
        got = complete(comp, [nvtsim, c, "--variant", ""])
        if got != variants:
            problems.append("%s: nvtsim %s --variant <TAB> offers %s, wanted %s" % (comp, c, sorted(got), sorted(variants)))
    return problems


def accepted_values(nvtsim):
    """What the command line accepts, as its one-line errors list it."""
    probes = {
        ("explore", "--strategy"): [nvtsim, "explore", "--default", "--strategy", "bogus"],
        ("explore", "--policy"): [nvtsim, "explore", "--default", "--policy", "bogus"],
        ("explore", "--check"): [nvtsim, "explore", "--default", "--check", "bogus"],
        ("run", "--trace-format"): [nvtsim, "run", "x.nvt", "--trace-format", "bogus"],
        ("replay", "--trace-format"): [nvtsim, "replay", "x", "--trace-format", "bogus"],
    }
    values = {}
    for key, args in probes.items():
        r = run(args)
        line = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""
        if r.returncode != 2 or "'bogus'" not in line:
            fail("%s: exit %d, '%s' (wanted exit 2 naming 'bogus')" % (" ".join(args[1:]), r.returncode, line))
            continue
        tail = line.split("'bogus'", 1)[1]
        words = [w for w in re.split(r"[\s,():]+", tail) if w]
        words = [w for w in words if re.fullmatch(r"[a-z][a-z-]*", w) and w not in ("or", "expected")]
        values[key] = words
    return values


def check_renders(man):
    if not shutil.which("groff") or not shutil.which("man"):
        fail("groff or man not found: scripts/install-deps installs groff-base and man-db")
        return
    r = run(["groff", "-man", "-ww", "-z", man])
    if r.returncode or r.stderr:
        fail("groff -man -ww -z %s: exit %d: %s" % (man, r.returncode, r.stderr.strip()))
    env = dict(os.environ, LC_ALL="C.UTF-8", MANROFFSEQ="", MANWIDTH="80")
    r = run(["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", man], env=env)
    if r.returncode or r.stderr:
        fail("man --warnings -l %s: exit %d: %s" % (man, r.returncode, r.stderr.strip()))
    env["MANPAGER"] = "cat"
    r = run(["man", "-l", man], env=env)
    if r.returncode or "nvtsim - deterministic simulator" not in r.stdout:
        fail("man -l %s: exit %d, no NAME line in what it shows" % (man, r.returncode))


def check_versions(top, man, version):
    m = re.search(r'^\.TH NVTSIM 1 \S+ "nvtsim ([^"]*)"', open(man).read(), re.M)
    if not m or m.group(1) != version:
        fail("%s: .TH says version %s, project(VERSION) is %s" % (man, m and m.group(1), version))
    cl = os.path.join(top, "debian", "changelog")
    first = open(cl).readline()
    m = re.match(r"^nvtsim \(([^)]*)\)", first)
    if not m or m.group(1) != version:
        fail("%s: version %s, project(VERSION) is %s" % (cl, m and m.group(1), version))


def main():
    nvtsim, top, version = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    man = os.path.join(top, "doc", "nvtsim.1")
    comp = os.path.join(top, "doc", "nvtsim.bash-completion")
    text, cmds, kernel_cmds = main_help(nvtsim)
    if not cmds or "run" not in cmds or "version" not in cmds:
        fail("nvtsim --help: no command list (%s)" % cmds)
        sys.exit(1)
    if "--version" not in text:
        fail("nvtsim --help does not mention --version")
    want = expected_options(nvtsim, cmds, kernel_cmds)
    values = accepted_values(nvtsim)
    vr = run([nvtsim, "variants"]).stdout.splitlines()[1:]
    variants = set(w for line in vr for w in line.split()[:2])

    for p in check_man(man, cmds, want, values):
        fail(p)
    for p in check_completion(comp, nvtsim, cmds, want, values, variants):
        fail(p)
    check_renders(man)
    check_versions(top, man, version)

    # scenario files: *.nvt and directories, with and without bash-completion
    with tempfile.TemporaryDirectory() as tmp:
        for f in ("a.nvt", "b.txt"):
            open(os.path.join(tmp, f), "w").close()
        os.mkdir(os.path.join(tmp, "sub"))
        for bc in (False, True):
            if bc and not os.path.exists("/usr/share/bash-completion/bash_completion"):
                fail("no /usr/share/bash-completion/bash_completion: scripts/install-deps installs bash-completion")
                continue
            got = complete(comp, [nvtsim, "run", ""], bash_completion=bc, cwd=tmp)
            if got != {"a.nvt", "sub"}:
                fail("%s: nvtsim run <TAB> in a directory with a.nvt, b.txt, sub/ offers %s%s"
                     % (comp, sorted(got), " (with bash-completion)" if bc else ""))

        # the checks must catch a missing option: drop run's --pcap from copies
        bad_man = os.path.join(tmp, "nvtsim.1")
        src = open(man).read()
        head, sec = src.split('.SS "nvtsim run"', 1)
        sec, rest = sec.split('.SS "nvtsim explore"', 1)
        sec = re.sub(r"\.[A-Z]+ \\-\\-pcap.*\n|.*\\-\\-pcap.*\n", "", sec)
        open(bad_man, "w").write(head + '.SS "nvtsim run"' + sec + '.SS "nvtsim explore"' + rest)
        probs = check_man(bad_man, cmds, want, values)
        if not any("nvtsim run's section does not mention --pcap" in p for p in probs):
            fail("check_man did not catch run's --pcap missing from a copy: %s" % probs)
        bad_comp = os.path.join(tmp, "completion")
        text = open(comp).read()
        i = text.index("\trun)")
        text = text[:i] + text[i:].replace("--pcap ", "", 1)
        open(bad_comp, "w").write(text)
        probs = check_completion(bad_comp, nvtsim, cmds, want, values, variants)
        if not any("nvtsim run - does not complete --pcap" in p for p in probs):
            fail("check_completion did not catch run's --pcap missing from a copy: %s" % probs)

    n = sum(len(o) for o in want.values())
    print("docs: %d commands, %d options, %d value lists, %d variants: %s"
          % (len(cmds), n, len(values), len(variants),
             "%d problem(s)" % len(failures) if failures else "man page and completion agree with --help"))
    sys.exit(1 if failures else 0)


main()
