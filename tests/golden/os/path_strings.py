# os.path's string operations (posixpath), as CPython's.
import os
import os.path

print(os.path is os.path, os.sep)
for parts in [("a", "b"), ("a/", "b"), ("a", "/b", "c"), ("", "x"), ("/",)]:
    print(parts, os.path.join(*parts))
for p in ["/a/b/c.txt", "a/b/", "/", "", "file", "//x/y", "a/.bashrc", "a.tar.gz", "a/..b"]:
    print(repr(p), os.path.split(p), os.path.basename(p), os.path.dirname(p), os.path.splitext(p))
for p in ["", ".", "/a/./b/../c//d/", "../x/../../y", "//a//b", "///a", "a/b/.."]:
    print(repr(p), os.path.normpath(p), os.path.isabs(p))
print(os.path.abspath("x/../y") == os.path.join(os.getcwd(), "y"))

# The expected output (CPython 3.11's):
# expect: True /
# expect: ('a', 'b') a/b
# expect: ('a/', 'b') a/b
# expect: ('a', '/b', 'c') /b/c
# expect: ('', 'x') x
# expect: ('/',) /
# expect: '/a/b/c.txt' ('/a/b', 'c.txt') c.txt /a/b ('/a/b/c', '.txt')
# expect: 'a/b/' ('a/b', '')  a/b ('a/b/', '')
# expect: '/' ('/', '')  / ('/', '')
# expect: '' ('', '')   ('', '')
# expect: 'file' ('', 'file') file  ('file', '')
# expect: '//x/y' ('//x', 'y') y //x ('//x/y', '')
# expect: 'a/.bashrc' ('a', '.bashrc') .bashrc a ('a/.bashrc', '')
# expect: 'a.tar.gz' ('', 'a.tar.gz') a.tar.gz  ('a.tar', '.gz')
# expect: 'a/..b' ('a', '..b') ..b a ('a/..b', '')
# expect: '' . False
# expect: '.' . False
# expect: '/a/./b/../c//d/' /a/c/d True
# expect: '../x/../../y' ../../y False
# expect: '//a//b' //a/b True
# expect: '///a' /a True
# expect: 'a/b/..' a False
# expect: True
