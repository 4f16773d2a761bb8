"""C-style command-line option parsing, written in the language.

Follows the getopt chapter of the Python 3.11 library reference. Short
options are letters in shortopts, a ':' after one meaning it takes an
argument (attached, -ofile, or the next word, -o file); long options are
names in longopts, a trailing '=' meaning they take one (--name=value or
--name value), and any unambiguous prefix of a long name is accepted.
getopt stops at the first non-option; gnu_getopt lets options and
arguments mix unless shortopts starts with '+' or POSIXLY_CORRECT is set.
Each result is (option, value) with value '' for an option without one.
"""

import os

__all__ = ['GetoptError', 'error', 'getopt', 'gnu_getopt']


class GetoptError(Exception):
    """A bad command line: msg says why, opt names the option ('' if none)."""
    opt = ''
    msg = ''

    def __init__(self, msg, opt=''):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def _long_list(longopts):
    return [longopts] if isinstance(longopts, str) else list(longopts)


def getopt(args, shortopts, longopts=[]):
    """Parse args (without the program name); returns (options, rest)."""
    longopts = _long_list(longopts)
    opts = []
    args = list(args)
    while args and args[0].startswith('-') and args[0] != '-':
        word = args.pop(0)
        if word == '--':
            break
        if word.startswith('--'):
            args = _parse_long(opts, word[2:], longopts, args)
        else:
            args = _parse_shorts(opts, word[1:], shortopts, args)
    return opts, args


def gnu_getopt(args, shortopts, longopts=[]):
    """getopt that also finds options after the first non-option word."""
    longopts = _long_list(longopts)
    opts = []
    rest = []
    if shortopts.startswith('+'):
        shortopts = shortopts[1:]
        options_first = True
    else:
        options_first = bool(os.environ.get('POSIXLY_CORRECT'))
    args = list(args)
    while args:
        word = args[0]
        if word == '--':
            rest.extend(args[1:])
            break
        if word.startswith('--'):
            args = _parse_long(opts, word[2:], longopts, args[1:])
        elif word.startswith('-') and word != '-':
            args = _parse_shorts(opts, word[1:], shortopts, args[1:])
        elif options_first:
            rest.extend(args)
            break
        else:
            rest.append(word)
            args = args[1:]
    return opts, rest


def _parse_long(opts, text, longopts, args):
    name, eq, value = text.partition('=')
    if not eq:
        value = None
    takes_arg, name = _lookup_long(name, longopts)
    if takes_arg:
        if value is None:
            if not args:
                raise GetoptError('option --{} requires argument'.format(name), name)
            value = args[0]
            args = args[1:]
    elif value is not None:
        raise GetoptError('option --{} must not have an argument'.format(name), name)
    opts.append(('--' + name, value or ''))
    return args


def _lookup_long(name, longopts):
    """(takes an argument, full name) for name or a unique prefix of one."""
    candidates = [o for o in longopts if o.startswith(name)]
    if not candidates:
        raise GetoptError('option --{} not recognized'.format(name), name)
    if name in candidates:
        return False, name
    if name + '=' in candidates:
        return True, name
    if len(candidates) > 1:
        raise GetoptError('option --{} not a unique prefix'.format(name), name)
    full = candidates[0]
    if full.endswith('='):
        return True, full[:-1]
    return False, full


def _parse_shorts(opts, letters, shortopts, args):
    while letters:
        opt = letters[0]
        letters = letters[1:]
        if _short_takes_arg(opt, shortopts):
            if not letters:
                if not args:
                    raise GetoptError('option -{} requires argument'.format(opt), opt)
                letters = args[0]
                args = args[1:]
            value = letters
            letters = ''
        else:
            value = ''
        opts.append(('-' + opt, value))
    return args


def _short_takes_arg(opt, shortopts):
    for i, c in enumerate(shortopts):
        if c == opt and c != ':':
            return shortopts.startswith(':', i + 1)
    raise GetoptError('option -{} not recognized'.format(opt), opt)
