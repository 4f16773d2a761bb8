# The reprs of loggers and handlers name their level, stream or file.
import logging
import sys

print(repr(logging.getLogger()))  # expect: <RootLogger root (WARNING)>
log = logging.getLogger('svc')
log.setLevel(logging.DEBUG)
print(repr(log))  # expect: <Logger svc (DEBUG)>
print(repr(logging.StreamHandler(sys.stdout)))  # expect: <StreamHandler <stdout> (NOTSET)>
print(repr(logging.NullHandler()))  # expect: <NullHandler (NOTSET)>
h = logging.FileHandler('out.log', delay=True)
print(repr(h).replace(h.baseFilename, 'PATH'), h.stream)  # expect: <FileHandler PATH (NOTSET)> None
h.setLevel('ERROR')
print(h.level, logging.getLogger(__name__).name)  # expect: 40 __main__
print(logging.getLogger('') is logging.getLogger() is logging.root, logging.getLogger('root') is logging.root)  # expect: True True
