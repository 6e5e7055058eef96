#!/usr/bin/env python3
"""The layers of telex, read from its object files.

Each source file is a node; file A depends on file B when A's object
uses a symbol that B's defines (nm).  Prints TAP: no file depends on
itself through others (no loops), ui/ calls no cli_ function, and only
the faces (main.c, cli-*.c, ui/) write to stdout.  With --graph, prints
the loops found instead.
"""
import os
import subprocess
import sys


def objects(top):
    found = []
    for sub in ("src", "feeds", "ui"):
        d = os.path.join(top, sub)
        for name in sorted(os.listdir(d)):
            if name.endswith(".o") and not name.startswith("tests"):
                found.append(os.path.join(sub, name))
    return found


def symbols(top, obj):
    out = subprocess.run(["nm", "-P", os.path.join(top, obj)],
                         capture_output=True, text=True, check=True).stdout
    defined, used = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        name, kind = parts[0], parts[1]
        if kind == "U":
            used.add(name)
        elif kind in "TDBRC" and kind.isupper():
            defined.add(name)
    return defined, used


def source_name(obj):
    base = os.path.basename(obj)[:-2]
    # automake may prefix objects of a target: telex-main.o, libtelex_a-x.o
    for prefix in ("telex-", "libtelex_a-"):
        if base.startswith(prefix):
            base = base[len(prefix):]
    return os.path.join(os.path.dirname(obj), base + ".c")


def graph(top):
    defs, uses = {}, {}
    for obj in objects(top):
        src = source_name(obj)
        d, u = symbols(top, obj)
        defs[src], uses[src] = d, u
    owner = {}
    for src, d in defs.items():
        for name in d:
            owner[name] = src
    edges = {src: set() for src in defs}
    for src, u in uses.items():
        for name in u:
            if name in owner and owner[name] != src:
                edges[src].add(owner[name])
    return edges, uses


def loops(edges):
    """Strongly connected components of more than one file (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def is_face(src):
    base = os.path.basename(src)
    return (src.startswith("ui/") or base == "main.c" or
            base.startswith("cli-"))


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else "."
    edges, uses = graph(top)
    found = loops(edges)
    if "--graph" in sys.argv:
        for comp in found:
            print("loop: " + " ".join(comp))
        return 0
    checks = []
    checks.append(("no loops between files", not found,
                   ["loop: " + " ".join(c) for c in found]))
    bad = sorted(f"{src} -> {dst}" for src in edges for dst in edges[src]
                 if src.startswith("ui/") and
                 (os.path.basename(dst).startswith("cli") or
                  dst.endswith("main.c")))
    checks.append(("the reader calls no command-line code", not bad, bad))
    bad = sorted(f"{src} -> {dst}" for src in edges for dst in edges[src]
                 if not is_face(src) and is_face(dst))
    checks.append(("the core calls no face", not bad, bad))
    printers = ("printf", "puts", "putchar", "stdout", "exit")
    bad = sorted(f"{src}: {name}" for src, u in uses.items()
                 if not is_face(src) for name in u if name in printers)
    checks.append(("the core neither prints to stdout nor exits", not bad,
                   bad))
    print(f"1..{len(checks)}")
    failed = 0
    for i, (name, ok, why) in enumerate(checks, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        for line in why:
            print(f"# {line}")
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
