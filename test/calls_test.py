#!/usr/bin/env python3
"""calls_test.py BUILDDIR - no two files of one layer call each other, directly
or round a longer loop. The include test (layers_test.py) cannot see a call
cycle: two files may share a layer's private header and still call each
other. Here the calls are read from the objects of each layer's library
(nm: what a file defines, what it uses), so a cycle is what the linker sees."""
import collections
import glob
import os
import subprocess
import sys


def symbols(obj):
    defined, used = set(), set()
    out = subprocess.run(["nm", obj], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDBR":
            defined.add(parts[2])
        elif len(parts) == 2 and parts[0] == "U":
            used.add(parts[1])
    return defined, used


def cycles(graph):
    """The strongly connected components of more than one file (Tarjan)."""
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
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
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def main():
    build = sys.argv[1]
    libs = sorted(glob.glob(os.path.join(build, "libankekort_*.a.p")))
    passes = fails = 0
    for lib in libs:
        layer = os.path.basename(lib)[len("libankekort_"):-len(".a.p")]
        defs, uses = {}, {}
        for obj in sorted(glob.glob(os.path.join(lib, "*.o"))):
            name = os.path.basename(obj)[:-len(".c.o")]
            for prefix in ("src_%s_" % layer, "src_"):
                if name.startswith(prefix):
                    name = name[len(prefix):]
                    break
            defs[name], uses[name] = symbols(obj)
        owner = {s: n for n, d in defs.items() for s in d}
        graph = collections.defaultdict(set)
        for n in defs:
            graph[n]
            for s in uses[n]:
                if s in owner and owner[s] != n:
                    graph[n].add(owner[s])
        found = cycles(graph)
        for comp in found:
            calls = []
            for a in comp:
                for b in comp:
                    if b in graph[a]:
                        syms = sorted(s for s in uses[a] if owner.get(s) == b)
                        calls.append("%s -> %s (%s)" % (a, b, ", ".join(syms[:4])))
            print("not ok - layer %s: files that call each other: %s" % (layer, "; ".join(calls)))
            fails += 1
        if not found:
            print("ok - layer %s: no call cycle between its %d files" % (layer, len(defs)))
            passes += 1
    if not libs:
        print("not ok - no layer libraries under %s" % build)
        fails += 1
    print("%d passed, %d failed" % (passes, fails))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
