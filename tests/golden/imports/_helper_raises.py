# Helper that fails while being imported.
x = 1
raise ValueError("raised during import")
