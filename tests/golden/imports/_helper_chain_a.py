# Helper that imports another helper.
import _helper_chain_b
from _helper_chain_b import base

def combined():
    return "a+" + _helper_chain_b.name() + "+" + str(base)
