# format() with specs for ints, floats and strings.
print(format(42, '05d'), format(-3.5, '+.2f'))  # expect: 00042 -3.50
print(format('hi', '^6') + '|')  # expect:   hi  |
print(format(1e6, ',.1f'), format(10, 'b'))  # expect: 1,000,000.0 1010
print(format(0.5, '%'), format(0.5, '.0%'))  # expect: 50.000000% 50%
print(format(True), format(None), format([1]))  # expect: True None [1]
