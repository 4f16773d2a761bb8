# getopt.getopt / gnu_getopt: short and long options, prefixes, option arguments, errors
import getopt
argv = ['-a', '-bval', '--alpha', '--beta=3', '--alphab', 'file', '-a']
print(getopt.getopt(argv, 'ab:', ['alpha', 'beta=', 'alphabet']))
print(getopt.gnu_getopt(argv, 'ab:', ['alpha', 'beta=', 'alphabet']))
print(getopt.getopt(['-ab', 'x', '--', '-a'], 'ab:'))
print(getopt.gnu_getopt(['x', '-a', 'y'], '+a'))
for args, longs in [(['-z'], []), (['-b'], []), (['--gam'], ['gamma', 'gammb']),
                    (['--alpha=1'], ['alpha']), (['--beta'], ['beta=']), (['--nope'], ['alpha'])]:
    try:
        getopt.getopt(args, 'ab:', longs)
    except getopt.GetoptError as e:
        print('GetoptError:', e, repr(e.opt), e.args)
print(getopt.error is getopt.GetoptError)

# expect: ([('-a', ''), ('-b', 'val'), ('--alpha', ''), ('--beta', '3'), ('--alphabet', '')], ['file', '-a'])
# expect: ([('-a', ''), ('-b', 'val'), ('--alpha', ''), ('--beta', '3'), ('--alphabet', ''), ('-a', '')], ['file'])
# expect: ([('-a', ''), ('-b', 'x')], ['-a'])
# expect: ([], ['x', '-a', 'y'])
# expect: GetoptError: option -z not recognized 'z' ('option -z not recognized', 'z')
# expect: GetoptError: option -b requires argument 'b' ('option -b requires argument', 'b')
# expect: GetoptError: option --gam not a unique prefix 'gam' ('option --gam not a unique prefix', 'gam')
# expect: GetoptError: option --alpha must not have an argument 'alpha' ('option --alpha must not have an argument', 'alpha')
# expect: GetoptError: option --beta requires argument 'beta' ('option --beta requires argument', 'beta')
# expect: GetoptError: option --nope not recognized 'nope' ('option --nope not recognized', 'nope')
# expect: True
