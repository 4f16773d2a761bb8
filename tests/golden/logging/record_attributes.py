# Every LogRecord attribute: where it was logged from, when, by which thread and process.
import logging
import os
import threading
import time

records = []

class Keep(logging.Handler):
    def emit(self, record):
        records.append(record)

log = logging.getLogger('attrs')
log.addHandler(Keep())
log.propagate = False

def helper():
    before = time.time()
    log.warning('msg {}', 'arg')
    return before

before = helper()
r = records[0]
print(r.name, r.levelno, r.levelname, r.msg, r.args)  # expect: attrs 30 WARNING msg {} ('arg',)
print(r.pathname == __file__, r.filename == os.path.basename(__file__), r.module == 'record_attributes')  # expect: True True True
print(r.funcName, r.lineno)  # expect: helper 19
print(r.thread == threading.get_ident(), r.threadName, r.processName, r.process == os.getpid())  # expect: True MainThread MainProcess True
print(before <= r.created <= time.time(), r.msecs == int((r.created - int(r.created)) * 1000), 0 <= r.msecs < 1000)  # expect: True True True
print(r.relativeCreated > 0, r.exc_info, r.exc_text, r.stack_info)  # expect: True None None None
t = threading.Thread(target=lambda: log.error('x'), name='Worker-7')
t.start()
t.join()
print(records[1].threadName, records[1].funcName)  # expect: Worker-7 <lambda>
rec = logging.makeLogRecord({'name': 'made', 'msg': 'hi', 'levelno': 20})
print(rec.name, rec.getMessage(), rec.levelno)  # expect: made hi 20
