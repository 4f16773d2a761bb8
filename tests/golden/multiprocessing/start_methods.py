# Start methods and contexts.
import multiprocessing as mp

if __name__ == "__main__":
    print(mp.get_all_start_methods()[:1])  # expect: ['fork']
    print(mp.get_start_method())  # expect: fork
    ctx = mp.get_context("spawn")
    print(ctx.get_start_method(), mp.get_start_method())  # expect: spawn fork
    try:
        mp.set_start_method("fork")
    except RuntimeError as e:
        print(e)  # expect: context has already been set
    mp.set_start_method("spawn", force=True)
    print(mp.get_start_method())  # expect: spawn
    try:
        mp.get_context("teleport")
    except ValueError as e:
        print(e)  # expect: cannot find context for 'teleport'
    print(mp.cpu_count() >= 1)  # expect: True
