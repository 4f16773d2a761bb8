"""Bisection algorithms for sorted lists, written in the language.

Follows the bisect chapter of the Python 3.11 library reference: the
searches narrow [lo, hi) by halving with only `<` comparisons (so they work
on any ordered items), key= is applied to the list's items and not to x,
and insort finds the place by key(x) and inserts x itself.
"""

__all__ = ['bisect', 'bisect_left', 'bisect_right', 'insort', 'insort_left', 'insort_right']


def _bounds(a, lo, hi):
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None:
        hi = len(a)
    return lo, hi


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Index where x would go in sorted a, before any items equal to x."""
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Index where x would go in sorted a, after any items equal to x."""
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def _insort(search, a, x, lo, hi, key):
    # The place is found by key(x) among the keys of the items; x itself
    # is what goes in.
    if key is None:
        lo = search(a, x, lo, hi)
    else:
        lo = search(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x into sorted a, before any items equal to it."""
    _insort(bisect_left, a, x, lo, hi, key)


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x into sorted a, after any items equal to it."""
    _insort(bisect_right, a, x, lo, hi, key)


bisect = bisect_right
insort = insort_right
