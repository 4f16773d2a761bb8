# except Exception does not catch KeyboardInterrupt.
try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print("wrong handler")
except BaseException as e:
    print("base caught", type(e).__name__)  # expect: base caught KeyboardInterrupt
