#!/usr/bin/env python3
"""Fails when prose in the repository points at something that is not in it.

Scans the comments (and Python docstrings) of interpreter/, stdlib/, tests/,
bench/, cmake/, the Makefile and CMakeLists.txt, and the whole text of the
Markdown and HTML files there, for

  - repository paths: `vm/heap.h`, `interpreter/vm/heap.h`, `docs/design.md`,
    `tests/golden/README.md`, `modules/asyncio/`. A path that starts with a
    folder of interpreter/ (front, compiler, vm, runtime, modules, trace,
    debug, cli) is taken relative to interpreter/ and must end in a file
    name with an extension or in a slash (so "read/write" prose is not a
    path); one that starts with a top-level folder (interpreter, docs,
    tests, stdlib, bench, samples, cmake) is taken from the repository root.
    `*` and example names (modules/NAME.cpp, tests/X/test_Y.py, stdlib/a/b.py)
    match any name.
  - documents that are not in the repository: the style guide and the spec
    the project was written from (their file names are built below, so this
    file does not mention them), and the ../shared folder.

Each failure is printed as FILE:LINE: what is wrong; the exit status is 1 if
there is any. docs/style.md §16 says what comments may cite.

Usage: check_references.py [REPO_ROOT]   (default: two folders above this file)
"""
import glob
import io
import os
import re
import sys
import tokenize

SCAN_DIRS = ["interpreter", "stdlib", "tests", "bench", "cmake"]
SCAN_FILES = ["Makefile", "CMakeLists.txt"]
INTERP_DIRS = ["front", "compiler", "vm", "runtime", "modules", "trace", "debug", "cli"]
ROOT_DIRS = ["interpreter", "docs", "tests", "stdlib", "bench", "samples", "cmake"]

FORBIDDEN = re.compile(r"\b(?:STYLE|SPEC)" r"\.md\b|\.\./shared\b")
PATH = re.compile(r"(?<![\w./\-~$])((?:%s)/[\w.*/\-]*)" % "|".join(INTERP_DIRS + ROOT_DIRS))
EXTENSION = re.compile(r"\.[A-Za-z]{1,5}$")
# Example names: NAME in modules/NAME.cpp, X and Y in tests/X/test_Y.py (at
# most 4 capitals), a and b in stdlib/a/b.py (one small letter).
PLACEHOLDER = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][A-Z0-9]{0,3}|[a-z])(?![A-Za-z0-9])")


def cpp_comments(text):
    """(line, text) of each // and /* */ comment, skipping string and char literals."""
    out, i, n, line = [], 0, len(text), 1
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append((line, text[i + 2:j]))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j
            for k, part in enumerate(text[i + 2:j].split("\n")):
                out.append((line + k, part))
            line += text.count("\n", i, j)
            i = j + 2
        elif c == "R" and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                i += 1
                continue
            end = text.find(")" + m.group(1) + '"', i)
            end = n if end < 0 else end
            line += text.count("\n", i, end)
            i = end + len(m.group(1)) + 2
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        else:
            i += 1
    return out


def hash_comments(text):
    """(line, text) after a # that starts a line or follows a space (CMake, make, shell)."""
    out = []
    for k, l in enumerate(text.split("\n"), 1):
        m = re.search(r"(?:^|\s)#(.*)$", l)
        if m:
            out.append((k, m.group(1)))
    return out


def python_comments(text):
    """Comments and docstrings of a Python file (regex fallback if it does not tokenize)."""
    out = []
    try:
        prev = tokenize.NEWLINE
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.COMMENT:
                out.append((tok.start[0], tok.string[1:]))
            elif tok.type == tokenize.STRING and prev in (tokenize.NEWLINE, tokenize.INDENT,
                                                          tokenize.DEDENT, tokenize.NL):
                for k, part in enumerate(tok.string.split("\n")):
                    out.append((tok.start[0] + k, part))
            if tok.type not in (tokenize.COMMENT, tokenize.NL):
                prev = tok.type
            elif tok.type == tokenize.NL and prev in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
                pass
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return hash_comments(text)
    return out


def whole_text(text):
    return list(enumerate(text.split("\n"), 1))


def golden_data(comment):
    """A golden test's markers carry expected output, not prose."""
    return re.match(r"\s*(?:expect|error|stdin|args|exit|xfail)\b", comment) is not None


def path_exists(root, path):
    first = path.split("/")[0]
    parts = [PLACEHOLDER.sub("*", p) for p in path.split("/")]
    candidates = []
    if first in ROOT_DIRS:
        candidates.append(os.path.join(root, *parts))
    if first in INTERP_DIRS:
        candidates.append(os.path.join(root, "interpreter", *parts))
    for c in candidates:
        if "*" in c or "?" in c:
            if glob.glob(c):
                return True
        elif os.path.exists(c):
            return True
    return False


def check_path(root, raw):
    """None if fine, else the path as cited."""
    path = raw.rstrip(".,:;)'\"`")
    if path.endswith("..."):
        path = path[:-3]
    first, _, rest = path.partition("/")
    if not rest and first in ROOT_DIRS + INTERP_DIRS:
        return None if path_exists(root, first) else path  # "vm/": the folder itself
    if first not in ROOT_DIRS and not (EXTENSION.search(path) or raw.endswith("/")):
        return None  # "trace/timeline" prose, not a file name
    return None if path_exists(root, path.rstrip("/")) else path


def files_to_scan(root):
    for d in SCAN_DIRS:
        for dirpath, dirnames, files in os.walk(os.path.join(root, d)):
            dirnames[:] = [x for x in dirnames if x not in ("__pycache__",) and not x.startswith(".")]
            for f in sorted(files):
                yield os.path.join(dirpath, f)
    for f in SCAN_FILES:
        yield os.path.join(root, f)


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".."))
    me = os.path.abspath(__file__)
    errors, nfiles = [], 0
    for path in files_to_scan(root):
        if os.path.abspath(path) == me:
            continue
        name = os.path.basename(path)
        ext = os.path.splitext(name)[1]
        if ext in (".cpp", ".h", ".inc", ".c", ".cc"):
            extract = cpp_comments
        elif ext == ".py":
            extract = python_comments
        elif ext in (".cmake", ".sh") or name in ("Makefile", "CMakeLists.txt"):
            extract = hash_comments
        elif ext in (".md", ".html"):
            extract = whole_text
        else:
            continue
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (UnicodeDecodeError, OSError):
            continue
        nfiles += 1
        rel = os.path.relpath(path, root)
        golden = rel.startswith(os.path.join("tests", "golden") + os.sep)
        for m in FORBIDDEN.finditer(text):
            errors.append(f"{rel}:{text.count(chr(10), 0, m.start()) + 1}: cites {m.group(0)}, "
                          "which is not in the repository (cite docs/design.md or docs/style.md)")
        for line, comment in extract(text):
            if golden and ext == ".py" and golden_data(comment):
                continue
            for m in PATH.finditer(comment):
                bad = check_path(root, m.group(1))
                if bad:
                    errors.append(f"{rel}:{line}: names {bad}, which does not exist")
    for e in errors:
        print(e)
    if errors:
        print(f"check_references: {len(errors)} reference(s) to what is not in the repository")
        return 1
    print(f"check_references: {nfiles} files, every cited path exists")
    return 0


if __name__ == "__main__":
    sys.exit(main())
