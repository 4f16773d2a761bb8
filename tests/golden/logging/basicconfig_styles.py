# basicConfig with format/style '{' and '$', level and stream; later calls do nothing unless force=True.
import logging
import sys

logging.basicConfig(format='{levelname:<8}|{name}|{message}', style='{', level=logging.INFO, stream=sys.stdout)
logging.info('one')  # expect: INFO    |root|one
logging.debug('hidden')
logging.basicConfig(format='ignored {message}', style='{', stream=sys.stdout)
logging.getLogger('x.y').warning('two')  # expect: WARNING |x.y|two
logging.basicConfig(format='$levelname-${name}: $message $$', style='$', stream=sys.stdout, force=True)
logging.error('three')  # expect: ERROR-root: three $
print(len(logging.getLogger().handlers))  # expect: 1
for kwargs in ({'style': '#'}, {'stream': sys.stdout, 'filename': 'f.log'}, {'colour': 1}):
    try:
        logging.basicConfig(force=True, **kwargs)
    except ValueError as e:
        print(e)
# expect: Style must be one of: %,{,$
# expect: 'stream' and 'filename' should not be specified together
# expect: Unrecognised argument(s): colour
