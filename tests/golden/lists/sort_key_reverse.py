# sort with key and reverse; sort is stable, also when reversed.
words = ["bb", "a", "ccc", "dd", "e"]
words.sort(key=len)
print(words)  # expect: ['a', 'e', 'bb', 'dd', 'ccc']
words.sort(key=len, reverse=True)
print(words)  # expect: ['ccc', 'bb', 'dd', 'a', 'e']
nums = [3, -1, 2, -5]
nums.sort(key=abs)
print(nums)  # expect: [-1, 2, 3, -5]
nums.sort(reverse=True)
print(nums)  # expect: [3, 2, -1, -5]
print(nums.sort())  # expect: None
