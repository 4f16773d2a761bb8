# from __future__ import annotations imports; annotations naming undefined names are not evaluated
from __future__ import annotations
import __future__
def f(x: UndefinedName) -> AlsoUndefined:
    return x * 2
print(f(21))
print(__future__.annotations)
print(__future__.annotations.getOptionalRelease(), __future__.annotations.getMandatoryRelease())
print(__future__.all_feature_names)
print(__future__.division.compiler_flag == __future__.CO_FUTURE_DIVISION, __future__.generator_stop)

# expect: 42
# expect: _Feature((3, 7, 0, 'beta', 1), None, 16777216)
# expect: (3, 7, 0, 'beta', 1) None
# expect: ['nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function', 'unicode_literals', 'barry_as_FLUFL', 'generator_stop', 'annotations']
# expect: True _Feature((3, 5, 0, 'beta', 1), (3, 7, 0, 'alpha', 0), 8388608)
