# The helper's __main__ block does not run on import; the script's does.
import _helper_shapes

def main():
    print("script main ran")

if __name__ == "__main__":
    main()  # expect: script main ran
