# Second helper, imported by _helper_chain_a.
base = 10

def name():
    return "b"
