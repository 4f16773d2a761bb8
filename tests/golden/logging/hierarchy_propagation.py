# Records propagate up the dotted-name tree to each ancestor's handlers until propagate is False.
import logging
import sys

def handler(tag):
    h = logging.StreamHandler(sys.stdout)
    h.setFormatter(logging.Formatter(tag + ' {name}:{message}', style='{'))
    return h

child = logging.getLogger('app.db.pool')   # created before its parents: PlaceHolders in between
app = logging.getLogger('app')
db = logging.getLogger('app.db')
print(child.parent.name, db.parent.name, app.parent.name)  # expect: app.db app root
app.addHandler(handler('[app]'))
db.addHandler(handler('[db]'))
logging.getLogger().addHandler(handler('[root]'))
child.warning('full')
# expect: [db] app.db.pool:full
# expect: [app] app.db.pool:full
# expect: [root] app.db.pool:full
db.propagate = False
child.warning('stops at db')  # expect: [db] app.db.pool:stops at db
print(logging.getLogger('app.db') is db, app.getChild('db') is db)  # expect: True True
print(child.hasHandlers(), logging.getLogger('other').hasHandlers())  # expect: True True
