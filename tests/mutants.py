#!/usr/bin/env python3
"""
telex's mutation runner: break the code on purpose, one mutant at a time,
and check that the test group named for it fails.  The mutants are listed
in tests/mutants.txt; `make mutants` (ONLY=3,17 for a few) runs them.

The tree is copied to WORK/telex (its tracked and new files, only those
that changed since the last run), configured there once and built
incrementally: each mutant is applied, built with make -j2, its groups run
with make check TESTS=..., and the file put back.  One line per mutant:
killed or SURVIVED (BROKEN when the mutant does not apply or build).
"""
import argparse
import filecmp
import os
import shutil
import signal
import subprocess
import sys
import time


def parse(path):
    """Mutants from path: a list of dicts (id, file, tests, find, repl)."""
    mutants, cur = [], None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#") or not line.strip():
                continue
            if line.startswith("- ") or line.startswith("+ "):
                if cur is None:
                    sys.exit("%s:%d: text before a mutant line" % (path, n))
                key = "find" if line[0] == "-" else "repl"
                cur[key] = line[2:].replace("\\n", "\n").replace(
                    "\\t", "\t")
                continue
            words = line.split()
            if len(words) < 3:
                sys.exit("%s:%d: want ID FILE TEST..." % (path, n))
            cur = {"id": words[0], "file": words[1], "tests": words[2:],
                   "line": n}
            mutants.append(cur)
    for m in mutants:
        if "find" not in m or "repl" not in m:
            sys.exit("%s:%d: mutant %s wants a - line and a + line" %
                     (path, m["line"], m["id"]))
    return mutants


def sync(top, dst):
    """Copy the tree's tracked and new files to dst, those that differ."""
    out = subprocess.run(["git", "-C", top, "ls-files", "-co",
                          "--exclude-standard", "-z"],
                         check=True, capture_output=True).stdout
    for rel in out.decode().split("\0"):
        if not rel:
            continue
        src, to = os.path.join(top, rel), os.path.join(dst, rel)
        if not os.path.isfile(src) or os.path.islink(src):
            continue
        if os.path.exists(to) and filecmp.cmp(src, to, shallow=False):
            continue
        os.makedirs(os.path.dirname(to), exist_ok=True)
        shutil.copy2(src, to)
        os.utime(to)        # newer than what was built from the old one


def run(cmd, cwd, log, timeout=None):
    """Run cmd in a process group of its own, all of it ended on timeout."""
    with open(log, "a") as f:
        f.write("$ %s\n" % " ".join(cmd))
        f.flush()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=f, stderr=f,
                             stdin=subprocess.DEVNULL,
                             start_new_session=True)
        try:
            return p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            f.write("timed out after %d s\n" % timeout)
            return 124
        finally:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait()


def prepare(top, work, log):
    tree = os.path.join(work, "telex")
    os.makedirs(tree, exist_ok=True)
    shared = os.path.realpath(os.path.join(top, "..", "shared"))
    link = os.path.join(work, "shared")
    if os.path.isdir(shared) and not os.path.lexists(link):
        os.symlink(shared, link)
    sync(top, tree)
    if not os.path.exists(os.path.join(tree, "Makefile")):
        print("mutants: configuring a copy in %s" % tree, flush=True)
        if run(["autoreconf", "-fi"], tree, log) != 0 or \
           run(["./configure", "-q"], tree, log) != 0:
            sys.exit("mutants: cannot configure the copy (see %s)" % log)
    print("mutants: building the copy", flush=True)
    if run(["make", "-j2"], tree, log) != 0 or \
       run(["make", "-j2", "check", "TESTS="], tree, log) != 0:
        sys.exit("mutants: the unmutated copy does not build (see %s)" % log)
    return tree


def baseline(tree, groups, log):
    """The groups must pass unmutated, or no mutant says anything."""
    rc = run(["make", "check", "TESTS=" + " ".join(groups)], tree, log, 1200)
    if rc != 0:
        sys.exit("mutants: %s fail without a mutant (see %s)" %
                 (" ".join(groups), log))


def one(tree, m, log, timeout):
    path = os.path.join(tree, m["file"])
    try:
        with open(path, encoding="utf-8") as f:
            orig = f.read()
    except OSError:
        return "BROKEN (no file %s)" % m["file"]
    n = orig.count(m["find"])
    if n != 1:
        return "BROKEN (text found %d times in %s)" % (n, m["file"])
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(orig.replace(m["find"], m["repl"]))
        if run(["make", "-j2"], tree, log) != 0 or \
           run(["make", "-j2", "check", "TESTS="], tree, log) != 0:
            return "BROKEN (does not build)"
        rc = run(["make", "check", "TESTS=" + " ".join(m["tests"])],
                 tree, log, timeout)
        if rc == 124:
            return "killed (timed out)"
        return "killed" if rc != 0 else "SURVIVED"
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(orig)
        os.utime(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--top", default=os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    ap.add_argument("--list", default=None)
    ap.add_argument("--work", default=None)
    ap.add_argument("--only", default="", help="ids, comma-separated")
    ap.add_argument("--timeout", type=int, default=300)
    a = ap.parse_args()
    top = os.path.abspath(a.top)
    listing = a.list or os.path.join(top, "tests", "mutants.txt")
    work = os.path.abspath(a.work or os.path.join(top, "mutants.d"))
    mutants = parse(listing)
    if a.only:
        want = [w.strip() for w in a.only.split(",") if w.strip()]
        unknown = set(want) - {m["id"] for m in mutants}
        if unknown:
            sys.exit("mutants: no mutant %s" % ", ".join(sorted(unknown)))
        mutants = [m for m in mutants if m["id"] in want]
    os.makedirs(work, exist_ok=True)
    log = os.path.join(work, "mutants.log")
    open(log, "w").close()
    tree = prepare(top, work, log)
    groups = sorted({t for m in mutants for t in m["tests"]})
    print("mutants: checking that %d groups pass unmutated" % len(groups),
          flush=True)
    baseline(tree, groups, log)
    killed = broken = 0
    for m in mutants:
        t0 = time.time()
        with open(log, "a") as f:
            f.write("\n=== mutant %s: %s\n" % (m["id"], m["file"]))
        verdict = one(tree, m, log, a.timeout)
        killed += verdict.startswith("killed")
        broken += verdict.startswith("BROKEN")
        print("%-4s %-9s %-24s %-34s %3.0fs" % (
            m["id"], verdict.split(" ")[0], m["file"], " ".join(
                os.path.basename(t) for t in m["tests"]), time.time() - t0),
            flush=True)
        if verdict.startswith("BROKEN"):
            print("     " + verdict, flush=True)
    # Put the copy back as the tree has it, built.
    run(["make", "-j2"], tree, log)
    print("%d mutants, %d killed%s" % (len(mutants), killed,
          ", %d broken" % broken if broken else ""))
    return 0 if killed == len(mutants) else 1


if __name__ == "__main__":
    sys.exit(main())
