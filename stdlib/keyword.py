"""Python's keywords, as the keyword chapter of the 3.11 library reference
lists them: kwlist (the hard keywords) and softkwlist (names that are
keywords only in some places: match statements)."""

__all__ = ['iskeyword', 'issoftkeyword', 'kwlist', 'softkwlist']

kwlist = [
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
    'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally',
    'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda',
    'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while',
    'with', 'yield',
]

softkwlist = ['_', 'case', 'match']

_KEYWORDS = frozenset(kwlist)
_SOFT = frozenset(softkwlist)


def iskeyword(s):
    """True if s is a Python keyword."""
    return s in _KEYWORDS


def issoftkeyword(s):
    """True if s is a Python soft keyword."""
    return s in _SOFT
