#!/usr/bin/env python3
"""make layers: the layers import only downward and no module imports itself
back (docs/architecture.md, issue #14).

A file's layer is its folder under src/ or include/samkalk/; its module is its
path inside that folder without the extension (src/read/scenario.c and
include/samkalk/read/scenario.h are the module read/scenario; a .def file of
rows is a module of its own). Every
#include "samkalk/..." line is an edge. Fails when
  - a file lies outside the layer folders,
  - a file includes a header of a higher layer,
  - the modules' edges make a circle (the circle is printed).
Prints one line per finding and exits 1, or says ok.
"""
import os
import re
import sys

LAYERS = ["base", "read", "model", "vary", "report", "cli"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"samkalk/([^"]+)"', re.M)


def module_of(rel):
    """'read/scenario.h' -> ('read', 'read/scenario'); a table of rows
    ('read/inputs.def') is a module of its own, included where it is
    expanded."""
    layer = rel.split("/", 1)[0]
    return layer, rel if rel.endswith(".def") else os.path.splitext(rel)[0]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    files = []
    for top, prefix in (("src", "src/"), ("include/samkalk", "include/samkalk/")):
        for d, _, names in os.walk(os.path.join(root, top)):
            for n in names:
                if n.endswith((".c", ".h", ".def")):
                    path = os.path.join(d, n)
                    files.append((path, os.path.relpath(path, os.path.join(root, top))))
    bad = []
    edges = {}
    for path, rel in sorted(files):
        layer, mod = module_of(rel)
        if layer not in LAYERS or "/" not in rel:
            bad.append(f"{path}: outside the layer folders ({', '.join(LAYERS)})")
            continue
        edges.setdefault(mod, set())
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for m in INCLUDE.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            to_layer, to_mod = module_of(m.group(1))
            if to_layer not in LAYERS:
                bad.append(f"{path}:{line}: includes samkalk/{m.group(1)}, in no layer")
            elif LAYERS.index(to_layer) > LAYERS.index(layer):
                bad.append(f"{path}:{line}: {layer} includes samkalk/{m.group(1)} of the "
                           f"higher layer {to_layer}")
            elif to_mod != mod:
                edges[mod].add(to_mod)
    # a circle among modules: depth-first search with colours
    colour = {}
    stack = []

    def visit(m):
        colour[m] = 1
        stack.append(m)
        for n in sorted(edges.get(m, ())):
            if colour.get(n) == 1:
                cycle = stack[stack.index(n):] + [n]
                bad.append("import circle: " + " -> ".join(cycle))
            elif n not in colour:
                visit(n)
        stack.pop()
        colour[m] = 2

    for m in sorted(edges):
        if m not in colour:
            visit(m)
    for b in bad:
        print("FAIL", b)
    if bad:
        return 1
    print(f"ok   layers: {len(files)} files, {len(edges)} modules, "
          f"{sum(len(e) for e in edges.values())} imports, all downward, no circle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
