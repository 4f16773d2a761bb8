#!/usr/bin/env python3
"""Fails on an #include against the layering of interpreter/ (docs/design.md
§4, "Layers").

Each folder of interpreter/ belongs to a layer, and a layer may include
its own headers and those of the layers it builds on, never one above it:

    cli  ->  debug  ->  modules  ->  trace  ->  compiler  ->  vm  ->  front

(an arrow: "may include"; it is transitive, so cli may include anything and
front nothing but itself). vm/ and runtime/ are one layer, "vm": the object
model and the builtin types' methods call each other both ways. The headers
at interpreter/'s top (config.h) belong to no layer and may be included
anywhere. CMakeLists.txt builds one library per layer from the same table,
in the same order (checked here too).

The includes that go up today are listed in KNOWN, each with why; one not
in that list fails the check, naming the file, line and header. A KNOWN
entry that no longer occurs is reported (remove it) but does not fail,
since the fix and this list may arrive on different branches.

Usage: check_includes.py [REPO_ROOT]   (default: two folders above this file)
"""
import os
import re
import sys

# Layers from the bottom up; a layer may include any layer before it.
LAYERS = ["front", "vm", "compiler", "trace", "modules", "debug", "cli"]

# Folder (first path component under interpreter/) -> layer.
FOLDER_LAYER = {
    "front": "front",
    "vm": "vm",
    "runtime": "vm",
    "compiler": "compiler",
    "trace": "trace",
    "modules": "modules",
    "debug": "debug",
    "cli": "cli",
}

# (including file, included header): why the include goes up. Each is a
# debt with a way out, written beside it.
KNOWN = {
    ("vm/interp.h", "compiler/code.h"):
        "the eval loop runs CodeObjects: the struct is the VM's data, kept "
        "beside the compiler that builds it (could move to vm/)",
    ("vm/objects.cpp", "compiler/code.h"):
        "CodeObject's trace() and destructor, as vm/interp.h",
    ("vm/import.cpp", "compiler/compiler.h"):
        "import, exec() and eval() compile source: one call that a hook set "
        "at start-up could replace",
    ("vm/import.cpp", "modules/registry.h"):
        "the importer consults the table of native modules (CPython's "
        "inittab); a table handed to the Interpreter would invert it",
    ("runtime/file.cpp", "modules/registry.h"):
        "print() and the standard streams need sys before anything imported "
        "it: sys_module_dict() makes the module with init_sys_module",
    ("vm/interp.cpp", "trace/recorder.h"):
        "the Interpreter owns the recorder (destroyed with it)",
    ("vm/shutdown.cpp", "trace/reports.h"):
        "at exit the interpreter writes --gil-stats / --gil-timeline",
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
CMAKE_LAYER = re.compile(r"^gilvm_layer\((\w+)\s+FOLDERS\s+([\w\s]+?)(?:\s+(?:EXTRA|USES)\b|\))", re.M)


def cmake_layers(root):
    """The layers CMakeLists.txt builds, in its order: [(layer, [folders])]."""
    with open(os.path.join(root, "CMakeLists.txt"), encoding="utf-8") as f:
        return [(m.group(1), m.group(2).split()) for m in CMAKE_LAYER.finditer(f.read())]


def layer_of(rel):
    """Layer of a path relative to interpreter/, None for top-level files."""
    parts = rel.split("/")
    if len(parts) == 1:
        return None
    return FOLDER_LAYER.get(parts[0], "?")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    src = os.path.join(root, "interpreter")
    rank = {name: i for i, name in enumerate(LAYERS)}
    errors, seen = [], set()
    built = cmake_layers(root)
    mine = [(layer, sorted(f for f, l in FOLDER_LAYER.items() if l == layer)) for layer in LAYERS]
    if [(layer, sorted(folders)) for layer, folders in built] != mine:
        errors.append(f"CMakeLists.txt builds the layers {built}, but this check knows {mine}: "
                      "keep the two tables the same (layers bottom up, and their folders)")
    nfiles = 0
    for dirpath, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith((".cpp", ".h", ".inc")):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, src).replace(os.sep, "/")
            nfiles += 1
            mine = layer_of(rel)
            if mine == "?":
                errors.append(f"interpreter/{rel}: folder {rel.split('/')[0]}/ is in no layer "
                              "(add it to FOLDER_LAYER here and to CMakeLists.txt)")
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                for lineno, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    target = m.group(1)
                    if "/" not in target:
                        continue  # same folder, or config.h at the top
                    theirs = layer_of(target)
                    if theirs is None or mine is None:
                        continue
                    if theirs == "?":
                        errors.append(f"interpreter/{rel}:{lineno}: includes {target}, "
                                      "in a folder that is in no layer")
                        continue
                    if rank[theirs] <= rank[mine]:
                        continue
                    if (rel, target) in KNOWN:
                        seen.add((rel, target))
                        continue
                    errors.append(f"interpreter/{rel}:{lineno}: includes {target}: "
                                  f"layer {mine} may not include layer {theirs} "
                                  f"(docs/design.md §4)")
    for key in sorted(set(KNOWN) - seen):
        print(f"note: known exception {key[0]} -> {key[1]} no longer occurs; "
              "remove it from KNOWN in tests/layering/check_includes.py")
    for e in errors:
        print(e)
    if errors:
        print(f"check_includes: {len(errors)} problem(s) with the layering")
        return 1
    print(f"check_includes: {nfiles} files, layering respected "
          f"({len(seen)} known exceptions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
