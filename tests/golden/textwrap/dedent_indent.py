# textwrap.dedent removes the common margin; indent prefixes non-blank lines (or by predicate)
import textwrap
block = '''
    def f():
        return 1
      \t
    # end
'''
print(repr(textwrap.dedent(block)))
print(repr(textwrap.dedent('  a\n\tb\n')), repr(textwrap.dedent(' \t x\n \t  y')))
print(repr(textwrap.dedent('no margin\n  here')))
print(repr(textwrap.indent('one\n\ntwo\n  \nthree', '> ')))
print(repr(textwrap.indent('a\nb\n', '+ ', lambda line: True)))
print(repr(textwrap.indent('x\r\ny', '# ')))

# expect: '\ndef f():\n    return 1\n\n# end\n'
# expect: '  a\n\tb\n' 'x\n y'
# expect: 'no margin\n  here'
# expect: '> one\n\n> two\n  \n> three'
# expect: '+ a\n+ b\n'
# expect: '# x\r\n# y'
