# Triple-quoted strings keep newlines; a trailing backslash joins lines.
s = """line1
line2\
 joined
"""
print(repr(s))  # expect: 'line1\nline2 joined\n'
print(s.count("\n"))  # expect: 2
