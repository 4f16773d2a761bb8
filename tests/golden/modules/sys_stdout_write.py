# sys.stdout.write writes text without a newline and returns its length.
import sys
n = sys.stdout.write("abc")
sys.stdout.write("def\n")
print(n)
# expect: abcdef
# expect: 3
sys.stdout.write("é\n")  # expect: é
sys.stdout.flush()
