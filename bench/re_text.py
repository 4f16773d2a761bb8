# re: findall and sub over ~10 MB of generated text (words, numbers, e-mail
# addresses, a few non-ASCII words) with a handful of patterns.
# Runs under gilvm and python3 alike; prints a checksum, measures nothing itself.
import re

WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "The", "café", "Naïve", "data",
         "regular", "expression", "engine", "Python", "and", "of", "to", "in"]


def make_block():
    # A deterministic pseudo-random block (an LCG: no dependence on random).
    x = 12345
    parts = []
    for i in range(20000):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        k = x % 23
        if k < 20:
            parts.append(WORDS[k])
        elif k == 20:
            parts.append(str(x % 100000))
        elif k == 21:
            parts.append(WORDS[x % 20] + "@" + WORDS[(x >> 8) % 20] + ".com")
        else:
            parts.append(WORDS[x % 20] + ",\n ")
    return " ".join(parts) + "\n"


def main():
    text = make_block() * 85
    total = len(text)
    total += len(re.findall(r"\b\w+@\w+\.com\b", text))
    total += sum(len(s) for s in re.findall(r"\d+", text))
    total += len(re.findall(r"[A-Z][a-z]+", text))
    total += len(re.findall(r"\bthe\b", text, re.IGNORECASE))
    total += len(re.sub(r"\s+", " ", text))
    total += len(re.sub(r"(\w+)@(\w+)", r"\2 at \1", text))
    total += len(re.split(r"[,.]\s*", text))
    print("re_text checksum", total, len(text) // 1000000)


main()
