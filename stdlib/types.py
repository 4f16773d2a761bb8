"""Names for the interpreter's built-in types, and SimpleNamespace, written
in the language.

Follows the types chapter of the Python 3.11 library reference. Each type
is taken from an object of that type, so the names are exactly gilvm's own
classes. Types gilvm does not have yet are left out, so using one fails
with an AttributeError that names it: TracebackType and FrameType (no
__traceback__ objects), the slot-wrapper and descriptor types (gilvm's
builtin methods are all builtin_function_or_method), AsyncGeneratorType,
UnionType and GenericAlias. MappingProxyType is written here as a class
(gilvm's class __dict__ is a plain dict).
"""

import sys as _sys

__all__ = ['FunctionType', 'LambdaType', 'CodeType', 'MappingProxyType', 'SimpleNamespace',
           'CellType', 'GeneratorType', 'CoroutineType', 'MethodType',
           'BuiltinFunctionType', 'BuiltinMethodType', 'ModuleType', 'NoneType',
           'EllipsisType', 'NotImplementedType', 'new_class', 'resolve_bases',
           'prepare_class']


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)


def _cell_holder():
    a = 1

    def inner():
        return a
    return inner


try:
    CellType = type(_cell_holder().__closure__[0])
except (AttributeError, TypeError, IndexError):
    pass


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_coro = _c()
CoroutineType = type(_coro)
_coro.close()
del _coro


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)

del _f, _g, _c, _C, _cell_holder


class SimpleNamespace:
    """A simple attribute-based namespace: SimpleNamespace(**kwargs)."""

    def __init__(self, /, **kwargs):
        vars(self).update(kwargs)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        parts = ['{}={!r}'.format(k, v) for k, v in vars(self).items()]
        return '{}({})'.format(name, ', '.join(parts))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return vars(self) == vars(other)
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self):
        # Unhashable, with CPython's message, which names the C type
        # 'types.SimpleNamespace' (a subclass by its own name).
        name = 'types.SimpleNamespace' if type(self) is SimpleNamespace else type(self).__name__
        raise TypeError("unhashable type: '{}'".format(name))

    def __reduce__(self):
        return type(self), (), dict(vars(self))


class MappingProxyType:
    """A read-only view of a mapping: lookups go to the mapping, which it
    keeps (so later changes to the mapping show through)."""

    def __init__(self, mapping):
        if not hasattr(mapping, '__getitem__') or isinstance(mapping, (list, tuple)):
            raise TypeError('mappingproxy() argument must be a mapping, not {}'.format(
                type(mapping).__name__))
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __eq__(self, other):
        return self._mapping == other

    def __ne__(self, other):
        return self._mapping != other

    def __or__(self, other):
        return dict(self._mapping) | (other._mapping if isinstance(other, MappingProxyType) else other)

    def __reversed__(self):
        return reversed(self._mapping)

    def __repr__(self):
        return 'mappingproxy({!r})'.format(self._mapping)

    def __str__(self):
        return str(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()


MappingProxyType.__name__ = 'mappingproxy'
MappingProxyType.__qualname__ = 'mappingproxy'
MappingProxyType.__module__ = 'builtins'


def resolve_bases(bases):
    """Resolve bases via __mro_entries__ (none of gilvm's types have one, so
    only user classes can change them)."""
    result = []
    changed = False
    for base in bases:
        if isinstance(base, type) or not hasattr(base, '__mro_entries__'):
            result.append(base)
            continue
        new = base.__mro_entries__(bases)
        changed = True
        if not isinstance(new, tuple):
            raise TypeError('__mro_entries__ must return a tuple')
        result.extend(new)
    return tuple(result) if changed else bases


def prepare_class(name, bases=(), kwds=None):
    """(metaclass, namespace, kwds) as a class statement would compute them;
    gilvm has no metaclasses, so the metaclass is type (or the first base's)."""
    kwds = dict(kwds) if kwds else {}
    meta = kwds.pop('metaclass', type(bases[0]) if bases else type)
    return meta, {}, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class dynamically: exec_body(ns) fills the namespace."""
    resolved = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(ns)
    if len(resolved) > 1:
        raise TypeError('multiple inheritance is not supported by gilvm')
    if meta is not type or kwds:
        raise TypeError('metaclasses and class keywords are not supported by gilvm')
    base = resolved[0] if resolved else object

    # gilvm has no 3-argument type() yet: a class statement, renamed.
    class cls(base):
        pass
    for key, value in ns.items():
        setattr(cls, key, value)
    cls.__name__ = name
    cls.__qualname__ = ns.get('__qualname__', name)
    if resolved is not bases:
        cls.__orig_bases__ = bases
    return cls
