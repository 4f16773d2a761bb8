"""Shallow and deep copy operations, written in the language.

Follows the copy chapter of the Python 3.11 library reference. A class
controls its copies with __copy__ / __deepcopy__(memo), else with the
pickle protocol (__reduce_ex__(4) or __reduce__, then __setstate__ or a
__dict__ update). Immutable atoms are returned as they are; lists, dicts,
sets and tuples are copied directly. deepcopy's memo maps id(original) to
its copy, so shared and cyclic structure is reproduced, and memo[id(memo)]
keeps every original alive until the copy is done (else an id could be
reused by a new object half way through).

For an instance of a user class that defines none of these, the copy is
made as object.__reduce_ex__(4) would describe it: cls.__new__(cls) and
the instance __dict__ as the state.
"""

import types as _types

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error


_ATOMIC = {type(None), int, float, bool, str, bytes, type, range,
           type(Ellipsis), type(NotImplemented), property, frozenset, tuple,
           _types.FunctionType, _types.BuiltinFunctionType, _types.CodeType}
try:
    _ATOMIC.add(complex)
except NameError:      # gilvm has no complex numbers yet
    pass


def _user_defines(cls, name):
    """The method cls (or a base other than object) defines as name, or None."""
    for klass in cls.__mro__:
        if klass is object:
            return None
        d = vars(klass)
        if name in d:
            return d[name]
    return None


def _reduce(x, kind):
    """(callable, args, state, listitems, dictitems) for x, as pickle sees it."""
    cls = type(x)
    method = _user_defines(cls, '__reduce_ex__')
    if method is not None:
        return method(x, 4)
    method = _user_defines(cls, '__reduce__')
    if method is not None:
        return method(x)
    if isinstance(x, BaseException):
        state = vars(x)
        return cls, x.args, (state or None)
    try:
        state = vars(x)
    except TypeError:
        raise TypeError("cannot pickle '{}' object".format(cls.__name__)) from None
    getnewargs = getattr(x, '__getnewargs__', None)
    args = getnewargs() if getnewargs is not None else ()
    return _newobj, (cls,) + tuple(args), (dict(state) or None)


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def copy(x):
    """Shallow copy of x."""
    cls = type(x)
    if cls in _ATOMIC or isinstance(x, type):
        return x
    if cls is list or cls is dict or cls is set or cls.__name__ == 'bytearray':
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, 'shallow')
    if isinstance(rv, str):
        return x
    if not isinstance(rv, tuple):
        raise Error('un(shallow)copyable object of type {}'.format(cls))
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy of x; memo is the id-to-copy dictionary shared by the
    recursive calls (pass one to share it across calls)."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _DEEP.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif cls in _ATOMIC or isinstance(x, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, 'deep')
            if isinstance(rv, str):
                y = x
            elif not isinstance(rv, tuple):
                raise Error('un(deep)copyable object of type {}'.format(cls))
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    for item in x:
        y.append(deepcopy(item, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(item, memo) for item in x]
    # A tuple inside itself (through a list) was copied while recursing.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for i in range(len(x)):
        if x[i] is not y[i]:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    items = deepcopy(list(x), memo)
    try:
        return memo[id(x)]
    except KeyError:
        pass
    return type(x)(items)


def _deepcopy_bytearray(x, memo):
    return bytearray(x)


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_DEEP = {list: _deepcopy_list, tuple: _deepcopy_tuple, dict: _deepcopy_dict,
         set: _deepcopy_set, frozenset: _deepcopy_set,
         _types.MethodType: _deepcopy_method}
try:
    _DEEP[bytearray] = _deepcopy_bytearray
except NameError:      # gilvm has no bytearray yet
    pass


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, '__setstate__', None)
        if setstate is not None:
            setstate(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                vars(y).update(state)
            if slotstate:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
