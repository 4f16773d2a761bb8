"""Heap queue (priority queue) algorithms on plain lists, written in the
language.

A heap here is a list with heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2]
for every k, so heap[0] is the smallest item; only `<` is used to compare.
The results match CPython's item for item, which needs its exact sifting:
popping moves the hole at the root down to a leaf along the smaller
children without comparing against the moved item, then sifts that item back
up (fewer comparisons on average, Knuth 5.2.3 ex. 18), and heapify sifts
every parent from the last one back to the root. nsmallest/nlargest keep a
bounded heap of (item, order) pairs, so among equal items the earlier ones
win, and n == 1 and n >= len take CPython's min/max and sorted shortcuts.
The max-heaps that nsmallest and merge(reverse=True) need are min-heaps of
_Reversed wrappers.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _siftdown(heap, startpos, pos):
    # Move heap[pos] up towards startpos while it is smaller than its parent.
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


class _Reversed:
    """An item with its order reversed: a min-heap of these is a max-heap of
    the items, making exactly the comparisons CPython's *_max helpers make
    (a < b here is b.item < a.item)."""

    def __init__(self, item):
        self.item = item

    def __lt__(self, other):
        return other.item < self.item

    def __eq__(self, other):
        # Lists of these (merge's entries) compare item by item with ==
        # first, so equal keys fall through to the input order.
        return self.item == other.item


def _check_list(heap, name):
    if not isinstance(heap, list):
        raise TypeError('{}() argument 1 must be list, not {}'.format(name, type(heap).__name__))


def heappush(heap, item, /):
    """Push item onto heap, keeping the heap invariant."""
    _check_list(heap, 'heappush')
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap, /):
    """Pop the smallest item off the heap, keeping the heap invariant."""
    _check_list(heap, 'heappop')
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return smallest
    return last


def heapreplace(heap, item, /):
    """Pop the smallest item, then push item (the heap's size is unchanged)."""
    _check_list(heap, 'heapreplace')
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return smallest


def heappushpop(heap, item, /):
    """Push item, then pop and return the smallest item, in one step."""
    _check_list(heap, 'heappushpop')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x, /):
    """Turn list x into a heap, in place, in linear time."""
    _check_list(x, 'heapify')
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator; among equal items, those
    from earlier inputs come first."""
    # Entries are [key, order, value, iterator]; order breaks ties by input
    # position (negated for a max-heap, so earlier inputs still win).
    # Entries are [key, order, value, iterator]; order breaks ties by input
    # position, so earlier inputs win; reverse wraps keys in _Reversed.
    wrap = _Reversed if reverse else None
    h = []
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            h.append(_entry(value, key, wrap, order, it))
            break
    heapify(h)
    while len(h) > 1:
        entry = h[0]
        yield entry[2]
        for value in entry[3]:
            entry[0] = _merge_key(value, key, wrap)
            entry[2] = value
            heapreplace(h, entry)
            break
        else:
            heappop(h)
    if h:
        entry = h[0]
        yield entry[2]
        yield from entry[3]


def _merge_key(value, key, wrap):
    k = value if key is None else key(value)
    return k if wrap is None else wrap(k)


def _entry(value, key, wrap, order, it):
    return [_merge_key(value, key, wrap), order, value, it]


def _identity(x):
    return x


def _unwrap(r):
    return r.item


def _select(n, iterable, key, largest):
    """The n smallest (or largest) items by a bounded heap of
    (key, order, item) triples; order is unique, so items are never
    compared and among equal keys the first seen wins."""
    keyf = _identity if key is None else key
    it = iter(iterable)
    if largest:
        # A min-heap of the n largest so far; orders count down so that,
        # sorted in reverse, earlier items come first.
        wrap = unwrap = _identity
        entries = [(keyf(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
        order, step = -n, -1
    else:
        wrap, unwrap = _Reversed, _unwrap
        entries = [_Reversed((keyf(elem), i, elem)) for i, elem in zip(range(n), it)]
        order, step = n, 1
    if not entries:
        return []
    heapify(entries)
    top = unwrap(entries[0])[0]
    for elem in it:
        k = keyf(elem)
        if (top < k) if largest else (k < top):
            heapreplace(entries, wrap((k, order, elem)))
            top = unwrap(entries[0])[0]
            order += step
    return [elem for k, order, elem in sorted(map(unwrap, entries), reverse=largest)]


def _shortcut(n, iterable, key, largest):
    """CPython's shortcuts: min/max for n == 1, sorted when n covers a
    sized input; None when neither applies."""
    if n == 1:
        missing = object()
        pick = max if largest else min
        result = pick(iter(iterable), default=missing, key=key)
        return [[] if result is missing else [result]]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        return None
    if n >= size:
        return [sorted(iterable, key=key, reverse=largest)[:n]]
    return None


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable (as sorted(iterable, key=key)[:n])."""
    quick = _shortcut(n, iterable, key, False)
    return quick[0] if quick is not None else _select(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """The n largest items of iterable (as sorted(iterable, key=key,
    reverse=True)[:n])."""
    quick = _shortcut(n, iterable, key, True)
    return quick[0] if quick is not None else _select(n, iterable, key, True)
