# The main script is known by its absolute path (CPython 3.9+): __file__,
# co_filename, tracebacks and modules imported from its folder, the current
# directory joined to the path as typed (not normalised); sys.argv[0] stays
# as typed. A child run by a relative path shows it.
# args: a1
import os, subprocess, sys
print(os.path.isabs(__file__), os.path.basename(__file__))  # expect: True main_file_absolute.py
print(sys.argv[0] == __file__, sys.argv[1:])  # expect: True ['a1']

os.mkdir("d")
with open("d/helper.py", "w") as f:
    f.write("def name():\n    return __file__\n")
with open("d/child.py", "w") as f:
    f.write("import os, sys, helper\n"
            "here = os.getcwd()\n"
            "print(sys.argv)\n"
            "print(__file__ == here + '/' + sys.argv[0], os.path.isabs(__file__))\n"
            "print(sys.path[0] == here + '/d', helper.name() == here + '/d/helper.py')\n"
            "print(helper.name.__code__.co_filename == helper.__file__)\n"
            "raise KeyError(__file__[len(here):])\n")
for typed in ("d/child.py", "./d/child.py", "d//child.py"):
    r = subprocess.run([sys.executable, typed, "x"], capture_output=True, text=True)
    print(r.stdout, end="")
    print(f'File "{os.getcwd()}/{typed}", line 7, in <module>' in r.stderr, r.stderr.splitlines()[-1])
# expect: ['d/child.py', 'x']
# expect: True True
# expect: True True
# expect: True
# expect: True KeyError: '/d/child.py'
# expect: ['./d/child.py', 'x']
# expect: True True
# expect: True True
# expect: True
# expect: True KeyError: '/./d/child.py'
# expect: ['d//child.py', 'x']
# expect: True True
# expect: True True
# expect: True
# expect: True KeyError: '/d//child.py'
