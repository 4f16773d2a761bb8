"""Common string constants, capwords, Template and Formatter, written in the
language.

Follows the string chapter of the Python 3.11 library reference.

Template finds its placeholders by scanning (gilvm has no re module yet)
with the grammar of the default pattern: after the delimiter come either
the delimiter again (an escaped one), an identifier ([_a-zA-Z][_a-zA-Z0-9]*,
ASCII only), or {identifier}; anything else there is an invalid
placeholder. A subclass may change delimiter; one that sets idpattern,
braceidpattern, flags or pattern needs the re module and is refused.

Formatter parses replacement fields itself (CPython uses the C helpers
behind str.format): literal text with {{ and }} doubled, then
{field_name!conversion:format_spec}, where the spec may hold nested fields.
"""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Formatter', 'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s by sep (whitespace runs by default), capitalize each word and
    join them with sep (a space by default)."""
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


# ---------------------------------------------------------------- Template

_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits
_MISSING = object()


class _Placeholder:
    """One match of the placeholder grammar: kind is 'escaped', 'named',
    'braced' or 'invalid'; start/end bound the whole match and invalid_at is
    where an invalid one was detected (just past the delimiter)."""

    def __init__(self, kind, start, end, name=None):
        self.kind = kind
        self.start = start
        self.end = end
        self.name = name


def _scan_identifier(text, i):
    """End of the identifier starting at text[i], or i if there is none."""
    if i < len(text) and text[i] in _ID_START:
        i += 1
        while i < len(text) and text[i] in _ID_CHARS:
            i += 1
    return i


class Template:
    """A string with $-substitutions: $name, ${name}, $$ for a dollar."""

    delimiter = '$'

    def __init__(self, template):
        for attr in ('idpattern', 'braceidpattern', 'flags', 'pattern'):
            if attr in vars(type(self)) or any(attr in vars(k) for k in type(self).__mro__[1:-2]):
                raise NotImplementedError(
                    'Template.{} needs the re module, which gilvm does not have yet'.format(attr))
        self.template = template

    def _placeholders(self):
        text = self.template
        delim = self.delimiter
        n = len(delim)
        i = text.find(delim)
        while i >= 0:
            j = i + n
            if text.startswith(delim, j):
                yield _Placeholder('escaped', i, j + n)
                i = text.find(delim, j + n)
                continue
            end = _scan_identifier(text, j)
            if end > j:
                yield _Placeholder('named', i, end, text[j:end])
                i = text.find(delim, end)
                continue
            if j < len(text) and text[j] == '{':
                end = _scan_identifier(text, j + 1)
                if end > j + 1 and end < len(text) and text[end] == '}':
                    yield _Placeholder('braced', i, end + 1, text[j + 1:end])
                    i = text.find(delim, end + 1)
                    continue
            yield _Placeholder('invalid', i, j)
            i = text.find(delim, j)

    def _invalid(self, ph):
        i = ph.end
        lines = self.template[:i].splitlines(True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line {}, col {}'.format(lineno, colno))

    def _substitute(self, mapping, kws, safe):
        if mapping is _MISSING:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)
        out = []
        pos = 0
        for ph in self._placeholders():
            out.append(self.template[pos:ph.start])
            pos = ph.end
            if ph.kind == 'escaped':
                out.append(self.delimiter)
            elif ph.kind == 'invalid':
                if not safe:
                    self._invalid(ph)
                out.append(self.template[ph.start:ph.end])
            elif safe:
                try:
                    out.append(str(mapping[ph.name]))
                except KeyError:
                    out.append(self.template[ph.start:ph.end])
            else:
                out.append(str(mapping[ph.name]))
        out.append(self.template[pos:])
        return ''.join(out)

    def substitute(self, mapping=_MISSING, /, **kws):
        """Substitute every placeholder; a missing key raises KeyError, an
        invalid placeholder ValueError."""
        return self._substitute(mapping, kws, False)

    def safe_substitute(self, mapping=_MISSING, /, **kws):
        """Like substitute, but leaves missing and invalid placeholders as
        they are."""
        return self._substitute(mapping, kws, True)

    def is_valid(self):
        """False if the template has an invalid placeholder."""
        return all(ph.kind != 'invalid' for ph in self._placeholders())

    def get_identifiers(self):
        """The placeholder names, in order of first appearance."""
        ids = []
        for ph in self._placeholders():
            if ph.kind == 'invalid':
                self._invalid_identifiers(ph)
            if ph.name is not None and ph.name not in ids:
                ids.append(ph.name)
        return ids

    def _invalid_identifiers(self, ph):
        raise ValueError('Unrecognized named group in pattern', self.template)


class _Chain:
    """Lookups in the keywords first, then in the mapping (a ChainMap)."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


# ---------------------------------------------------------------- Formatter

def _parse_format(s):
    """(literal_text, field_name, format_spec, conversion) tuples, as
    str.format's parser yields them."""
    result = []
    literal = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == '}':
            if i + 1 < n and s[i + 1] == '}':
                # A doubled brace ends the literal run, as CPython's parser
                # reports it: the text so far plus one brace.
                literal.append('}')
                result.append((''.join(literal), None, None, None))
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        if c != '{':
            literal.append(c)
            i += 1
            continue
        if i + 1 < n and s[i + 1] == '{':
            literal.append('{')
            result.append((''.join(literal), None, None, None))
            literal = []
            i += 2
            continue
        if i + 1 == n:
            raise ValueError("Single '{' encountered in format string")
        # A replacement field: find its matching close brace.
        depth = 1
        j = i + 1
        while j < n:
            if s[j] == '{':
                depth += 1
            elif s[j] == '}':
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if j >= n:
            if depth > 1 or '{' in s[i + 1:]:
                raise ValueError("unmatched '{' in format spec")
            raise ValueError("expected '}' before end of string")
        field = s[i + 1:j]
        name, conversion, spec = _split_field(field)
        result.append((''.join(literal), name, spec, conversion))
        literal = []
        i = j + 1
    if literal:
        result.append((''.join(literal), None, None, None))
    return result


def _split_field(field):
    """field_name, conversion, format_spec of the text between braces."""
    # The name ends at the first '!' or ':' outside brackets.
    i = 0
    n = len(field)
    while i < n and field[i] not in '!:':
        if field[i] == '[':
            while i < n and field[i] != ']':
                i += 1
        i += 1
    name = field[:i]
    conversion = None
    spec = ''
    if i < n and field[i] == '!':
        if i + 1 >= n:
            raise ValueError('end of string while looking for conversion specifier')
        conversion = field[i + 1]
        i += 2
        if i < n and field[i] != ':':
            raise ValueError('expected \':\' after conversion specifier')
    if i < n and field[i] == ':':
        spec = field[i + 1:]
    return name, conversion, spec


def _split_field_name(name):
    """The first part of a field name (an int if all digits) and the rest as
    (is_attribute, key) pairs."""
    i = 0
    while i < len(name) and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < len(name):
        if name[i] == '.':
            j = i + 1
            while j < len(name) and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError('Empty attribute in format string')
            rest.append((True, attr))
            i = j
        elif name[i] == '[':
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError('Empty attribute in format string')
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < len(name) and name[i] not in '.[':
                raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
        else:
            raise ValueError('Only \'.\' or \'[\' may follow \']\' in format field specifier')
    return first, rest


class Formatter:
    """str.format's machinery, with hooks to override: get_value, get_field,
    check_unused_args, format_field, convert_field and parse."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field specification '
                                     'to automatic field numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field specification '
                                     'to automatic field numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier {0!s}'.format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
