# Level names and numbers, effective levels through the tree, the per-logger cache and logging.disable.
import logging

print(logging.getLevelName(10), logging.getLevelName('ERROR'), logging.getLevelName(25))  # expect: DEBUG 40 Level 25
logging.addLevelName(25, 'NOTICE')
print(logging.getLevelName(25), logging.getLevelName('NOTICE'))  # expect: NOTICE 25
a = logging.getLogger('lv')
b = logging.getLogger('lv.sub')
print(b.getEffectiveLevel(), b.isEnabledFor(logging.INFO))  # expect: 30 False
a.setLevel('DEBUG')
print(b.getEffectiveLevel(), b.isEnabledFor(logging.INFO))  # expect: 10 True
logging.disable(logging.INFO)
print(b.isEnabledFor(logging.INFO), b.isEnabledFor(logging.WARNING))  # expect: False True
logging.disable(logging.NOTSET)
print(b.isEnabledFor(logging.INFO))  # expect: True
for bad in ('LOUD', 1.5):
    try:
        a.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
# expect: ValueError Unknown level: 'LOUD'
# expect: TypeError Level not an integer or a valid string: 1.5
print(logging.WARN, logging.FATAL, logging.NOTSET)  # expect: 30 50 0
