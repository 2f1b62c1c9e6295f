#!/usr/bin/env python3
"""layers_test.py ROOT - the rules of docs/HACKING.md the linker cannot see:
a file includes headers of its own layer and the layers below only (a
header-only use, a struct or a macro, never reaches the linker); no two
modules include each other, directly or round a longer loop; no source
file is longer than 600 lines."""
import os
import re
import sys

ROOT = sys.argv[1]


def layer_rules():
    """What each layer may include besides itself: meson.build's layer_below
    (the rules the linker checks), with the curses layer and the commands,
    which are not libraries, on top."""
    text = open(os.path.join(ROOT, "meson.build"), encoding="utf-8").read()
    block = re.search(r"layer_below = \{(.*?)\n\}", text, re.S).group(1)
    below = {
        layer: re.findall(r"'(\w+)'", deps)
        for layer, deps in re.findall(r"'(\w+)' : \[(.*?)\]", block)
    }
    below["ui"] = [layer for layer in below if layer not in ("cmd", "import")]
    below["cmd"] = [layer for layer in below if layer != "cmd"]
    return below


BELOW = layer_rules()
MAX_LINES = 600
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)

failures = []
edges = {}


def layer_of(path):
    parts = path.split("/")
    if parts[0] == "src":
        return parts[1] if len(parts) > 2 else "cmd"
    return parts[2] if len(parts) > 3 else "cmd"


def module_of(path):
    return layer_of(path) + "/" + os.path.splitext(os.path.basename(path))[0]


files = []
for top in ("src", "include/ankekort"):
    for d, _, names in os.walk(os.path.join(ROOT, top)):
        for n in names:
            if n.endswith((".c", ".h")):
                files.append(os.path.relpath(os.path.join(d, n), ROOT))

for f in sorted(files):
    text = open(os.path.join(ROOT, f), encoding="utf-8").read()
    layer, mod = layer_of(f), module_of(f)
    if f.endswith(".c") and text.count("\n") > MAX_LINES:
        failures.append(f"{f}: {text.count(chr(10))} lines (at most {MAX_LINES})")
    for inc in INCLUDE.findall(text):
        if not inc.startswith("ankekort/"):
            if inc.endswith(".h") and "/" not in inc and f.startswith("src/ui/"):
                edges.setdefault(mod, set()).add("ui/" + inc[:-2])
            continue
        target = "include/" + inc
        tl = layer_of(target)
        if tl != layer and tl not in BELOW[layer]:
            failures.append(f"{f}: includes {inc} ({layer} may not use {tl})")
        tm = module_of(target)
        if tm != mod:
            edges.setdefault(mod, set()).add(tm)

# a cycle: depth-first search with colours
state = {}


def visit(m, stack):
    state[m] = 1
    stack.append(m)
    for n in sorted(edges.get(m, ())):
        if state.get(n) == 1:
            loop = stack[stack.index(n):] + [n]
            failures.append("include cycle: " + " -> ".join(loop))
        elif n not in state:
            visit(n, stack)
    stack.pop()
    state[m] = 2


for m in sorted(edges):
    if m not in state:
        visit(m, [])

for f in failures:
    print("not ok - " + f)
print(f"{0 if failures else 1} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
