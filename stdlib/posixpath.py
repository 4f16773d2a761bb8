"""os.path on Linux: pure string operations on '/'-separated paths, written
in the language (as CPython's Lib/posixpath.py), plus the existence tests,
which ask the native os module what a path names."""

sep = "/"
curdir = "."
pardir = ".."


def join(a, *p):
    path = a
    for b in p:
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path = path + b
        else:
            path = path + sep + b
    return path


def split(p):
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def basename(p):
    return p[p.rfind(sep) + 1:]


def dirname(p):
    return split(p)[0]


def splitext(p):
    sep_index = p.rfind(sep)
    dot_index = p.rfind(".")
    if dot_index > sep_index:
        # Leading dots of the last component do not start an extension.
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != ".":
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def isabs(s):
    return s.startswith(sep)


def normpath(path):
    if path == "":
        return curdir
    initial_slashes = 1 if path.startswith(sep) else 0
    if initial_slashes and path.startswith(sep * 2) and not path.startswith(sep * 3):
        initial_slashes = 2
    new_comps = []
    for comp in path.split(sep):
        if comp == "" or comp == curdir:
            continue
        if comp != pardir or (not initial_slashes and not new_comps) or (new_comps and new_comps[-1] == pardir):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = sep.join(new_comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or curdir


def abspath(path):
    import os
    if not isabs(path):
        path = join(os.getcwd(), path)
    return normpath(path)


def exists(path):
    import os
    return os._stat_kind(path) is not None


def isfile(path):
    import os
    return os._stat_kind(path) == "file"


def isdir(path):
    import os
    return os._stat_kind(path) == "dir"
