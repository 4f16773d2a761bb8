# printf-style %s %r %a: str(), repr(), ascii(); precision truncates them.
print("%s|%r|%a" % ("héllo", "héllo", "héllo"))  # expect: héllo|'héllo'|'h\xe9llo'
print("%s|%r" % (None, None), "%s" % [1, "a"])  # expect: None|None [1, 'a']
print("[%.2s]" % "héllo", "[%.3r]" % "abc", "[%.0s]" % "x")  # expect: [hé] ['ab] []
print("[%6s][%-6s][%6.2s]" % ("日本", "é", "abcdef"))  # expect: [    日本][é     ][    ab]
print("[%05s][%+s][% s]" % ("a", "b", "c"))  # expect: [    a][b][c]
print("%s|%s|%s" % (1.5, 10**20, True))  # expect: 1.5|100000000000000000000|True
print("%a" % "\U0001f600\n")  # expect: '\U0001f600\n'
print("%s%%" % 50, "100%%" % ())  # expect: 50% 100%
