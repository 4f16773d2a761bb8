# A helper that imports another helper.
import _helper_chain_a
print(_helper_chain_a.combined())  # expect: a+b+10
print(_helper_chain_a._helper_chain_b.base)  # expect: 10
import _helper_chain_b
print(_helper_chain_b is _helper_chain_a._helper_chain_b)  # expect: True
