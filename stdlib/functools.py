"""Higher-order functions and operations on callables, written in the language.

Follows the functools chapter of the Python 3.11 library reference name for
name. partial and lru_cache are native (C) in CPython; here they are Python
for now, which costs speed, not behaviour.

lru_cache keeps its entries in a dict from key to link, and the links in a
circular doubly linked list of [prev, next, key, result] lists around a
root sentinel: the root's next is the least recently used entry, its prev
the most recently used. A hit moves the link to just before the root; a
miss past maxsize reuses the oldest link. One lock per cached function
guards the dict and the list, so concurrent callers never see a half-moved
link (the user function itself runs outside the lock, as in CPython, so two
threads may both compute a missing value).

gilvm has single inheritance only and no abc, so singledispatch dispatches
along type(arg).__mro__ (the first registered class wins) and knows nothing
of virtual subclasses registered with an ABC.
"""

try:
    from _thread import allocate_lock as _allocate_lock
except ImportError:  # a build without threads: no lock needed
    _allocate_lock = None

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)

_MISSING = object()


class _NullLock:
    """Stands in for a lock where the build has none."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _new_lock():
    return _allocate_lock() if _allocate_lock is not None else _NullLock()


# ---------------------------------------------------------------- wrappers

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the assigned attributes, merge the
    updated dicts, and point __wrapped__ at wrapped."""
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        try:
            target = getattr(wrapper, name)
        except AttributeError:
            # gilvm's functions take attributes but do not all expose them
            # as __dict__ yet; what cannot be merged is left out.
            continue
        target.update(getattr(wrapped, name, {}))
    # Set last, so a __wrapped__ copied in through __dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# ---------------------------------------------------------------- reduce

def reduce(function, sequence, initial=_MISSING, /):
    """Apply a two-argument function cumulatively to the items of sequence,
    from left to right, reducing it to a single value."""
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if initial is _MISSING:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for item in it:
        value = function(value, item)
    return value


# ---------------------------------------------------------------- partial

def _partial_repr(self, type_name):
    parts = [repr(self.func)]
    for a in self.args:
        parts.append(repr(a))
    for k, v in self.keywords.items():
        parts.append(str(k) + '=' + repr(v))
    return type_name + '(' + ', '.join(parts) + ')'


class partial:
    """New function with partial application of the given arguments and
    keywords."""

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        # A plain partial of a partial collapses into one, as CPython's does
        # when the inner one carries no extra attributes.
        if isinstance(func, partial) and len(vars(func)) == 3:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = object.__new__(cls)
        self.func = func
        self.args = tuple(args)
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        # CPython 3.11 prints the type's tp_name: "functools.partial" for
        # partial itself, the bare class name for a subclass.
        cls = type(self)
        return _partial_repr(self, 'functools.partial' if cls is partial else cls.__name__)

    def __reduce__(self):
        return type(self), (self.func,), (self.func, self.args,
                                          self.keywords or None, None)

    def __setstate__(self, state):
        func, args, kwds, namespace = state
        if namespace:
            vars(self).update(namespace)
        self.func = func
        self.args = tuple(args)
        self.keywords = dict(kwds) if kwds else {}


class partialmethod:
    """A partial for methods: a descriptor that binds like the function it
    wraps, then applies the stored arguments after self."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('{!r} is not callable or a descriptor'.format(func))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        cls = type(self)
        return _partial_repr(self, cls.__module__ + '.' + cls.__qualname__)

    def _unbound(self):
        pm = self

        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**pm.keywords, **keywords}
            return pm.func(cls_or_self, *pm.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, '__get__', None)
        result = None
        if get is not None and not isinstance(self.func, partial):
            bound = get(obj, cls)
            if bound is not self.func:
                result = partial(bound, *self.args, **self.keywords)
                try:
                    result.__self__ = bound.__self__
                except AttributeError:
                    pass
        if result is None:
            result = self._unbound().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---------------------------------------------------------------- lru_cache

class _CacheInfo:
    """cache_info()'s result. CPython's is a namedtuple; gilvm's classes cannot
    subclass tuple yet, so this one prints, compares, indexes and unpacks as
    that namedtuple does (but isinstance(info, tuple) is False)."""

    _fields = ('hits', 'misses', 'maxsize', 'currsize')

    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def _astuple(self):
        return (self.hits, self.misses, self.maxsize, self.currsize)

    def __repr__(self):
        return 'CacheInfo(hits={!r}, misses={!r}, maxsize={!r}, currsize={!r})'.format(
            *self._astuple())

    def __iter__(self):
        return iter(self._astuple())

    def __len__(self):
        return 4

    def __getitem__(self, index):
        return self._astuple()[index]

    def __hash__(self):
        return hash(self._astuple())

    def __eq__(self, other):
        if isinstance(other, _CacheInfo):
            other = other._astuple()
        if isinstance(other, tuple):
            return self._astuple() == other
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def _asdict(self):
        return dict(zip(self._fields, self._astuple()))

    def _replace(self, **changes):
        values = self._asdict()
        for name in changes:
            if name not in values:
                raise ValueError("Got unexpected field names: {!r}".format(list(changes)))
        values.update(changes)
        return _CacheInfo(**values)


_CacheInfo.__name__ = 'CacheInfo'
_CacheInfo.__qualname__ = 'CacheInfo'


class _HashedSeq:
    """An argument key with its hash computed once (a key is hashed on every
    lookup, and hashing a long tuple is not free)."""

    def __init__(self, items):
        self.items = items
        self.hashvalue = hash(items)

    def __hash__(self):
        return self.hashvalue

    def __eq__(self, other):
        if isinstance(other, _HashedSeq):
            return self.items == other.items
        return NotImplemented


_KWD_MARK = object()     # separates positional from keyword arguments in a key
_FAST_TYPES = (int, str)


def _make_key(args, kwds, typed):
    if not kwds and not typed and len(args) == 1 and type(args[0]) in _FAST_TYPES:
        return args[0]
    key = args
    if kwds:
        key += (_KWD_MARK,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple([type(v) for v in args])
        if kwds:
            key += tuple([type(v) for v in kwds.values()])
    return _HashedSeq(key)


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator: @lru_cache, @lru_cache(),
    @lru_cache(maxsize=N, typed=True); maxsize=None grows without bound."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used bare: @lru_cache with the function as maxsize.
        user_function, maxsize = maxsize, 128
        wrapper = _lru_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    return decorating_function


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]                 # hits, misses
    lock = _new_lock()
    root = []                      # the sentinel of the circular list
    root[:] = [root, root, None, None]
    full = [False]
    PREV, NEXT, KEY, RESULT = 0, 1, 2, 3

    if maxsize == 0:
        def wrapper(*args, **kwds):
            # Nothing is stored: every call is a miss.
            stats[1] += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, _MISSING)
            if result is not _MISSING:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        def wrapper(*args, **kwds):
            nonlocal root
            key = _make_key(args, kwds, typed)
            with lock:
                link = cache.get(key)
                if link is not None:
                    # Move the hit to the most recently used end.
                    link_prev, link_next, _key, result = link
                    link_prev[NEXT] = link_next
                    link_next[PREV] = link_prev
                    last = root[PREV]
                    last[NEXT] = root[PREV] = link
                    link[PREV] = last
                    link[NEXT] = root
                    stats[0] += 1
                    return result
                stats[1] += 1
            result = user_function(*args, **kwds)
            with lock:
                if key in cache:
                    # Another thread (or a recursive call) stored this key
                    # while the function ran; its link is already current.
                    pass
                elif full[0]:
                    # Reuse the root as the new entry and make the oldest
                    # link the new root.
                    oldroot = root
                    oldroot[KEY] = key
                    oldroot[RESULT] = result
                    newroot = oldroot[NEXT]
                    oldkey = newroot[KEY]
                    newroot[KEY] = newroot[RESULT] = None
                    del cache[oldkey]
                    cache[key] = oldroot
                    root = newroot
                else:
                    last = root[PREV]
                    link = [last, root, key, result]
                    last[NEXT] = root[PREV] = cache[key] = link
                    full[0] = len(cache) >= maxsize
            return result

    def cache_info():
        with lock:
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        nonlocal root
        with lock:
            cache.clear()
            root = []
            root[:] = [root, root, None, None]
            stats[0] = stats[1] = 0
            full[0] = False

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    """Unbounded cache: lru_cache(maxsize=None)."""
    return lru_cache(maxsize=None)(user_function)


# ---------------------------------------------------------------- cached_property

class cached_property:
    """A property computed once per instance and then kept in the instance's
    __dict__ (which, being a non-data descriptor, it then stands behind)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = getattr(func, '__module__', None)

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                'Cannot assign the same cached_property to two different names '
                '({!r} and {!r}).'.format(self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                'Cannot use cached_property instance without calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError(
                "No '__dict__' attribute on {!r} instance to cache {!r} property.".format(
                    type(instance).__name__, self.attrname)) from None
        value = cache.get(self.attrname, _MISSING)
        if value is _MISSING:
            value = self.func(instance)
            cache[self.attrname] = value
        return value


# ---------------------------------------------------------------- total_ordering

def _gt_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _le_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other


def _ge_from_lt(self, other):
    r = type(self).__lt__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _ge_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _lt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other


def _gt_from_le(self, other):
    r = type(self).__le__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _lt_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r and self != other


def _ge_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return r or self == other


def _le_from_gt(self, other):
    r = type(self).__gt__(self, other)
    if r is NotImplemented:
        return r
    return not r


def _le_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r or self == other


def _gt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return r and self != other


def _lt_from_ge(self, other):
    r = type(self).__ge__(self, other)
    if r is NotImplemented:
        return r
    return not r


_CONVERT = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}


def _defines(cls, name):
    """True when cls or a base other than object defines the method."""
    for klass in cls.__mro__:
        if klass is object:
            return False
        if name in vars(klass):
            return vars(klass)[name] is not None
    return False


def total_ordering(cls):
    """Class decorator that fills in the missing rich comparisons from one
    of __lt__, __le__, __gt__, __ge__ (and __eq__)."""
    roots = [op for op in _CONVERT if _defines(cls, op)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)       # prefer __lt__, then __le__, __gt__, __ge__
    for opname, opfunc in _CONVERT[root]:
        if opname not in roots:
            def method(self, other, _f=opfunc):
                return _f(self, other)
            method.__name__ = opname
            method.__qualname__ = cls.__qualname__ + '.' + opname
            setattr(cls, opname, method)
    return cls


# ---------------------------------------------------------------- cmp_to_key

class _KeyWrapper:
    """The key cmp_to_key makes: compares by calling the old-style cmp."""

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        return self._cmp(self.obj, _key_obj(other)) < 0

    def __gt__(self, other):
        return self._cmp(self.obj, _key_obj(other)) > 0

    def __eq__(self, other):
        return self._cmp(self.obj, _key_obj(other)) == 0

    def __le__(self, other):
        return self._cmp(self.obj, _key_obj(other)) <= 0

    def __ge__(self, other):
        return self._cmp(self.obj, _key_obj(other)) >= 0

    __hash__ = None


def _key_obj(other):
    if not isinstance(other, _KeyWrapper):
        raise TypeError('other argument must be K instance')
    return other.obj


def cmp_to_key(mycmp):
    """Convert a cmp= function (negative, zero, positive) into a key=."""
    class K(_KeyWrapper):
        _cmp = staticmethod(mycmp)
    return K


# ---------------------------------------------------------------- singledispatch

def _is_class(obj):
    return isinstance(obj, type)


def _first_annotation(func):
    ann = getattr(func, '__annotations__', None) or {}
    for argname, hint in ann.items():
        if argname == 'return':
            continue
        if isinstance(hint, str):
            # `from __future__ import annotations` leaves the hint a string;
            # resolve a plain (possibly dotted) name as get_type_hints would.
            hint = _resolve_name(func, hint)
        return argname, hint
    raise TypeError(
        "Invalid first argument to `register()`: {!r}. Use either "
        "`@register(some_class)` or plain `@register` on an annotated function.".format(func))


def _resolve_name(func, text):
    import builtins
    scope = getattr(func, '__globals__', {})
    parts = text.split('.')
    if parts[0] in scope:
        value = scope[parts[0]]
    elif hasattr(builtins, parts[0]):
        value = getattr(builtins, parts[0])
    else:
        raise NameError("name '{}' is not defined".format(parts[0]))
    for p in parts[1:]:
        value = getattr(value, p)
    return value


def singledispatch(func):
    """Single-dispatch generic function decorator: the implementation is
    chosen by the class of the first argument."""
    registry = {object: func}
    dispatch_cache = {}

    def dispatch(cls):
        impl = dispatch_cache.get(cls)
        if impl is not None:
            return impl
        for klass in cls.__mro__:
            if klass in registry:
                impl = registry[klass]
                break
        else:
            impl = registry[object]
        dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        if _is_class(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    'Invalid first argument to `register()`. '
                    '{!r} is not a class or union type.'.format(cls))
            ann = getattr(cls, '__annotations__', None)
            if not ann:
                raise TypeError(
                    "Invalid first argument to `register()`: {!r}. Use either "
                    "`@register(some_class)` or plain `@register` on an "
                    "annotated function.".format(cls))
            func = cls
            argname, cls = _first_annotation(func)
            if not _is_class(cls):
                raise TypeError(
                    'Invalid annotation for {!r}. {!r} is not a class.'.format(argname, cls))
        registry[cls] = func
        dispatch_cache.clear()
        return func

    funcname = getattr(func, '__name__', 'singledispatch function')

    def wrapper(*args, **kw):
        if not args:
            raise TypeError('{} requires at least 1 positional argument'.format(funcname))
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first argument after
    self (or cls)."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('{!r} is not callable or a descriptor'.format(func))
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatcher = self.dispatcher
        func = self.func

        def _method(*args, **kwargs):
            method = dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.register = self.register
        update_wrapper(_method, func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)
