#!/usr/bin/env python3
"""layers_test.py ROOT - the rules of docs/HACKING.md the linker cannot see:
a file includes headers of its own layer and the layers below only (a
header-only use, a struct or a macro, never reaches the linker); a private
header beside the sources (src/import/cells.h, src/ui/ui_int.h) is included
only from its own folder; no two modules include each other, directly or
round a longer loop (a private header is a module of its folder, so two
stage headers of the importer that include each other are a cycle); no
source file is longer than 600 lines.
layers_test.py --self-test - shows that a private header included from
another folder and a cycle between private headers are caught."""
import os
import re
import shutil
import sys
import tempfile

MAX_LINES = 600
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layer_rules(root):
    """What each layer may include besides itself: meson.build's layer_below
    (the rules the linker checks), with the curses layer and the commands,
    which are not libraries, on top."""
    text = open(os.path.join(root, "meson.build"), encoding="utf-8").read()
    block = re.search(r"layer_below = \{(.*?)\n\}", text, re.S).group(1)
    below = {
        layer: re.findall(r"'(\w+)'", deps)
        for layer, deps in re.findall(r"'(\w+)' : \[(.*?)\]", block)
    }
    below["ui"] = [layer for layer in below if layer not in ("cmd", "import")]
    below["cmd"] = [layer for layer in below if layer != "cmd"]
    return below


def layer_of(path):
    parts = path.split("/")
    if parts[0] == "src":
        return parts[1] if len(parts) > 2 else "cmd"
    return parts[2] if len(parts) > 3 else "cmd"


def module_of(path):
    return layer_of(path) + "/" + os.path.splitext(os.path.basename(path))[0]


def check(root):
    """The failures of the tree at root, as messages."""
    below = layer_rules(root)
    failures = []
    edges = {}
    files = []
    for top in ("src", "include/ankekort"):
        for d, _, names in os.walk(os.path.join(root, top)):
            for n in names:
                if n.endswith((".c", ".h")):
                    files.append(os.path.relpath(os.path.join(d, n), root))

    for f in sorted(files):
        text = open(os.path.join(root, f), encoding="utf-8").read()
        layer, mod = layer_of(f), module_of(f)
        if f.endswith(".c") and text.count("\n") > MAX_LINES:
            failures.append(f"{f}: {text.count(chr(10))} lines (at most {MAX_LINES})")
        for inc in INCLUDE.findall(text):
            if not inc.startswith("ankekort/"):
                # a header beside the sources: private to its folder
                target = os.path.normpath(os.path.join(os.path.dirname(f), inc))
                if not target.startswith("src/") or not os.path.isfile(
                    os.path.join(root, target)
                ):
                    continue
                if os.path.dirname(target) != os.path.dirname(f):
                    failures.append(
                        f"{f}: includes {target}, private to {os.path.dirname(target)}/"
                    )
                tm = module_of(target)
                if tm != mod:
                    edges.setdefault(mod, set()).add(tm)
                continue
            target = "include/" + inc
            tl = layer_of(target)
            if tl != layer and tl not in below[layer]:
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
    return failures


def self_test():
    """A small tree with each fault, checked: each must be reported, and the
    tree without them must pass."""
    def tree(files):
        d = tempfile.mkdtemp(prefix="layers_test.")
        with open(os.path.join(d, "meson.build"), "w", encoding="utf-8") as out:
            out.write("layer_below = {\n  'base' : [],\n  'import' : ['base'],\n"
                      "  'cmd' : ['import', 'base'],\n}\n")
        for name, text in files.items():
            os.makedirs(os.path.join(d, os.path.dirname(name)), exist_ok=True)
            with open(os.path.join(d, name), "w", encoding="utf-8") as out:
                out.write(text)
        return d

    clean = {
        "src/import/cells.h": '#include "values.h"\n',
        "src/import/cells.c": '#include "cells.h"\n#include "values.h"\n',
        "src/import/values.h": "",
        "src/cmd/import.c": '#include "ankekort/import/import.h"\n',
        "include/ankekort/import/import.h": "",
    }
    cases = [
        ("a clean tree", clean, None),
        ("a stage header from another folder",
         dict(clean, **{"src/cmd/import.c": '#include "../import/cells.h"\n'}),
         "src/cmd/import.c: includes src/import/cells.h, private to src/import/"),
        ("two stage headers that include each other",
         dict(clean, **{"src/import/values.h": '#include "cells.h"\n'}),
         "include cycle: import/cells -> import/values -> import/cells"),
    ]
    fails = 0
    for what, files, expected in cases:
        d = tree(files)
        got = check(d)
        shutil.rmtree(d)
        ok = got == [] if expected is None else expected in got
        print(("ok - " if ok else "not ok - ") + what + ("" if ok else f": {got}"))
        fails += not ok
    print(f"{len(cases) - fails} passed, {fails} failed")
    return 1 if fails else 0


def main():
    if sys.argv[1] == "--self-test":
        return self_test()
    failures = check(sys.argv[1])
    for f in failures:
        print("not ok - " + f)
    print(f"{0 if failures else 1} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
