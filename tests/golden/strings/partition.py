# partition and rpartition.
print("key=value=x".partition("="))  # expect: ('key', '=', 'value=x')
print("key=value=x".rpartition("="))  # expect: ('key=value', '=', 'x')
print("novalue".partition("="))  # expect: ('novalue', '', '')
print("novalue".rpartition("="))  # expect: ('', '', 'novalue')
