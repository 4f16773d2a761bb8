# contextlib.chdir changes the working directory for the block and restores it after
# xfail: gilvm's os module has no chdir yet
import os
from contextlib import chdir
start = os.getcwd()
os.mkdir('sub')
with chdir('sub'):
    print(os.path.basename(os.getcwd()))
print(os.getcwd() == start)

# expect: sub
# expect: True
