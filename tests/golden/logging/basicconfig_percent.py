# The default basicConfig format (levelname:name:message) and %-style formats with arguments.
import logging
import sys

logging.basicConfig(stream=sys.stdout)
logging.warning('plain')  # expect: WARNING:root:plain
log = logging.getLogger('pkg.mod')
log.error('%s has %d items (%.1f%%)', 'cart', 3, 12.5)  # expect: ERROR:pkg.mod:cart has 3 items (12.5%)
log.critical('%(user)s logged in', {'user': 'ann'})  # expect: CRITICAL:pkg.mod:ann logged in
logging.basicConfig(format='%(name)-8s %(levelno)3d %(message)r', stream=sys.stdout, force=True)
log.warning('quoted')  # expect: pkg.mod   30 'quoted'
