# Round-tripping numbers through a file.
nums = [3, 14, 159, 2653]
with open("nums.txt", "w") as f:
    for n in nums:
        f.write(str(n) + "\n")
with open("nums.txt") as f:
    back = [int(line) for line in f]
print(back == nums, sum(back))  # expect: True 2829
