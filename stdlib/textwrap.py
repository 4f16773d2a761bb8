"""Text wrapping and filling, written in the language.

Follows the textwrap chapter of the Python 3.11 library reference, and
wraps exactly as CPython does, which depends on how the text is cut into
chunks before lines are filled. CPython cuts with a regular expression;
gilvm has no re module yet, so _split_hyphenated below walks the text with
the same rules (CPython's Lib/textwrap.py, TextWrapper.wordsep_re):

- a run of whitespace is one chunk;
- two or more hyphens between a word character or one of !"'&.,? before
  and a word character after are an em-dash chunk of their own;
- otherwise a chunk is the shortest run of non-whitespace that ends
  - just after a hyphen that has two letters before it (or letter, hyphen,
    letter) and a letter, an optional hyphen and a letter after it,
  - before whitespace or the end of the text, or
  - before an em-dash, when it ends with a word character or !"'&.,?.
"Letter" is a word character that is not a digit. With
break_on_hyphens=False only whitespace separates chunks.

Lines are then filled greedily from the chunks; a chunk longer than a
whole line is cut (at its last hyphen that fits, with break_on_hyphens),
and max_lines cuts the text with a placeholder.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '
_WORD_PUNCT = '!"\'&.,?'


def _is_word(c):
    return c.isalnum() or c == '_'


def _is_letter(c):
    return (c.isalnum() or c == '_') and not c.isdecimal()


def _is_word_punct(c):
    return _is_word(c) or c in _WORD_PUNCT


def _at(text, i):
    """text[i], or '' outside the text (so tests on it fail)."""
    return text[i] if 0 <= i < len(text) else ''


def _letter_at(text, i):
    c = _at(text, i)
    return c != '' and _is_letter(c)


def _emdash_at(text, i):
    """True when text[i:] starts with two or more hyphens and a word
    character after them."""
    j = i
    while j < len(text) and text[j] == '-':
        j += 1
    return j - i >= 2 and j < len(text) and _is_word(text[j])


def _split_hyphenated(text):
    chunks = []
    n = len(text)
    p = 0
    while p < n:
        if text[p] in _whitespace:
            e = p + 1
            while e < n and text[e] in _whitespace:
                e += 1
        elif p > 0 and _is_word_punct(text[p - 1]) and _emdash_at(text, p):
            e = p
            while text[e] == '-':
                e += 1
        else:
            e = p + 1
            while True:
                c = _at(text, e)
                if (c == '-'
                        and (_letter_at(text, e - 1) and _letter_at(text, e - 2)
                             or _letter_at(text, e - 1) and _at(text, e - 2) == '-'
                             and _letter_at(text, e - 3))
                        and _letter_at(text, e + 1)
                        and (_letter_at(text, e + 2)
                             or _at(text, e + 2) == '-' and _letter_at(text, e + 3))):
                    e += 1
                    break
                if c == '' or c in _whitespace:
                    break
                if _is_word_punct(text[e - 1]) and _emdash_at(text, e):
                    break
                e += 1
        chunks.append(text[p:e])
        p = e
    return chunks


def _split_simple(text):
    chunks = []
    n = len(text)
    p = 0
    while p < n:
        space = text[p] in _whitespace
        e = p + 1
        while e < n and (text[e] in _whitespace) == space:
            e += 1
        chunks.append(text[p:e])
        p = e
    return chunks


def _ends_sentence(chunk):
    # A lowercase letter, then . ! or ?, then an optional quote, at the end.
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in '.!?' and 'a' <= chunk[-2] <= 'z'


class TextWrapper:
    """Wraps and fills text; the keyword arguments become attributes of the
    same name, which may be changed between calls."""

    def __init__(self, width=70, initial_indent='', subsequent_indent='',
                 expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False,
                 break_long_words=True, drop_whitespace=True, break_on_hyphens=True,
                 tabsize=8, *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in _whitespace:
                if c != ' ':
                    text = text.replace(c, ' ')
        return text

    def _split(self, text):
        if self.break_on_hyphens:
            return _split_hyphenated(text)
        return _split_simple(text)

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == ' ' and _ends_sentence(chunks[i]):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Break after the last hyphen that fits, unless the chunk
                # is hyphens up to there.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError('invalid width {!r} (must be > 0)'.format(self.width))
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError('placeholder too large for max width')
        chunks.reverse()       # popping from the end is cheap
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            # Whitespace at the start of a line other than the first goes.
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                size = len(chunks[-1])
                if cur_len + size <= width:
                    cur_line.append(chunks.pop())
                    cur_len += size
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if not cur_line:
                continue
            if (self.max_lines is None or len(lines) + 1 < self.max_lines
                    or ((not chunks or self.drop_whitespace and len(chunks) == 1
                         and not chunks[0].strip()) and cur_len <= width)):
                lines.append(indent + ''.join(cur_line))
                continue
            # The last allowed line: end it with the placeholder, dropping
            # chunks until it fits.
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + ''.join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """The lines of text wrapped to width, without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """text wrapped to width, as one string."""
        return '\n'.join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap text into lines of at most width characters."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Fill text into a paragraph of lines of at most width characters."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse the whitespace of text and cut it to fit one line of width,
    ending with the placeholder if anything was cut."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove the whitespace (spaces and tabs) common to the start of every
    non-blank line; lines of only spaces and tabs become empty."""
    lines = text.split('\n')
    for i, line in enumerate(lines):
        if line and not line.strip(' \t'):
            lines[i] = ''
    margin = None
    for line in lines:
        if not line:
            continue
        stripped = line.lstrip(' \t')
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            for i, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:i]
                    break
    if margin:
        n = len(margin)
        lines = [line[n:] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the lines of text for which predicate(line) is true (by
    default, the lines that are not only whitespace)."""
    out = []
    for line in text.splitlines(True):
        if (line.strip() if predicate is None else predicate(line)):
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
