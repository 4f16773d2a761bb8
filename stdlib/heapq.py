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
The *_max helpers are the same algorithms with the comparisons reversed.
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


def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


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


def _heapify_max(x):
    for i in reversed(range(len(x) // 2)):
        _siftup_max(x, i)


def _heappop_max(heap):
    last = heap.pop()
    if heap:
        largest = heap[0]
        heap[0] = last
        _siftup_max(heap, 0)
        return largest
    return last


def _heapreplace_max(heap, item):
    largest = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return largest


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator; among equal items, those
    from earlier inputs come first."""
    # Entries are [key, order, value, iterator]; order breaks ties by input
    # position (negated for a max-heap, so earlier inputs still win).
    push, pop, replace, heapit = ((_max_push, _heappop_max, _heapreplace_max, _heapify_max)
                                  if reverse else
                                  (heappush, heappop, heapreplace, heapify))
    direction = -1 if reverse else 1
    h = []
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            h.append([value if key is None else key(value), order * direction, value, it])
            break
    heapit(h)
    while len(h) > 1:
        entry = h[0]
        yield entry[2]
        for value in entry[3]:
            entry[0] = value if key is None else key(value)
            entry[2] = value
            replace(h, entry)
            break
        else:
            pop(h)
    if h:
        entry = h[0]
        yield entry[2]
        yield from entry[3]


def _max_push(heap, item):
    heap.append(item)
    _siftdown_max(heap, 0, len(heap) - 1)


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable (as sorted(iterable, key=key)[:n])."""
    if n == 1:
        missing = object()
        result = min(iter(iterable), default=missing, key=key)
        return [] if result is missing else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(n), it)]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        for elem in it:
            if elem < top:
                _heapreplace_max(result, (elem, order))
                top = result[0][0]
                order += 1
        result.sort()
        return [elem for elem, order in result]
    result = [(key(elem), i, elem) for i, elem in zip(range(n), it)]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace_max(result, (k, order, elem))
            top = result[0][0]
            order += 1
    result.sort()
    return [elem for k, order, elem in result]


def nlargest(n, iterable, key=None):
    """The n largest items of iterable (as sorted(iterable, key=key,
    reverse=True)[:n])."""
    if n == 1:
        missing = object()
        result = max(iter(iterable), default=missing, key=key)
        return [] if result is missing else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        for elem in it:
            if top < elem:
                heapreplace(result, (elem, order))
                top = result[0][0]
                order -= 1
        result.sort(reverse=True)
        return [elem for elem, order in result]
    result = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [elem for k, order, elem in result]
