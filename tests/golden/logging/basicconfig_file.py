# basicConfig(filename=, filemode='w') logs to a file through a FileHandler; shutdown closes it.
import logging
import os

with open('app.log', 'w') as f:
    f.write('old contents\n')
logging.basicConfig(filename='app.log', filemode='w', format='{levelname}:{message}', style='{', level=logging.DEBUG)
h = logging.getLogger().handlers[0]
print(type(h).__name__, h.baseFilename == os.path.abspath('app.log'), h.mode)  # expect: FileHandler True w
logging.debug('first')
logging.getLogger('m').info('second')
logging.shutdown()
with open('app.log') as f:
    print(f.read(), end='')
# expect: DEBUG:first
# expect: INFO:second
print(h.stream)  # expect: None
