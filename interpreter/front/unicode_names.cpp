// Lookup of Unicode character names (front/unicode_names.h): a binary
// search in the generated table, and the algorithmic names of Unicode
// §4.8 "Name" (CJK ideographs, Hangul syllables, §3.12).
#include "front/unicode_names.h"

#include <algorithm>
#include <array>
#include <string>

namespace gilvm::front {
namespace {

struct NameEntry {
  std::string_view name;
  char32_t code_point;
};

constexpr NameEntry kNames[] = {
#include "front/unicode_names.inc"
};

// The ranges whose names are "CJK UNIFIED IDEOGRAPH-<hex>" (Unicode 14).
constexpr std::array<std::pair<char32_t, char32_t>, 8> kUnifiedIdeographs{{
    {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0x20000, 0x2A6DF}, {0x2A700, 0x2B738},
    {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1}, {0x2CEB0, 0x2EBE0}, {0x30000, 0x3134A},
}};
constexpr std::array<std::pair<char32_t, char32_t>, 3> kCompatibilityIdeographs{{
    {0xF900, 0xFA6D}, {0xFA70, 0xFAD9}, {0x2F800, 0x2FA1D},
}};

template <std::size_t N>
std::optional<char32_t> ideograph(std::string_view hex,
                                  const std::array<std::pair<char32_t, char32_t>, N>& ranges) {
  if (hex.size() < 4 || hex.size() > 5) return std::nullopt;
  char32_t v = 0;
  for (char c : hex) {
    int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (d < 0) return std::nullopt;
    v = v * 16 + d;
  }
  for (auto [lo, hi] : ranges) {
    if (v >= lo && v <= hi) return v;
  }
  return std::nullopt;
}

// Hangul syllables: "HANGUL SYLLABLE " + the short names of the leading
// consonant, vowel and optional trailing consonant jamo.
constexpr std::array<std::string_view, 19> kLeading{
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
constexpr std::array<std::string_view, 21> kVowel{
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE",
    "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
constexpr std::array<std::string_view, 28> kTrailing{
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT",
    "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"};

// The longest jamo short name at the start of `s` (CPython's find_syllable).
template <std::size_t N>
int longest_jamo(std::string_view& s, const std::array<std::string_view, N>& names) {
  int best = -1;
  std::size_t best_len = 0;
  for (std::size_t i = 0; i < N; ++i) {
    std::string_view n = names[i];
    if (s.substr(0, n.size()) == n && (best < 0 || n.size() > best_len)) {
      best = static_cast<int>(i);
      best_len = n.size();
    }
  }
  if (best >= 0) s.remove_prefix(best_len);
  return best;
}

std::optional<char32_t> hangul(std::string_view s) {
  int l = longest_jamo(s, kLeading);
  int v = longest_jamo(s, kVowel);
  int t = longest_jamo(s, kTrailing);
  if (l < 0 || v < 0 || t < 0 || !s.empty()) return std::nullopt;
  return static_cast<char32_t>(0xAC00 + (l * 21 + v) * 28 + t);
}

}  // namespace

std::optional<char32_t> lookup_unicode_name(std::string_view name) {
  std::string upper(name);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  std::string_view key = upper;
  auto it = std::lower_bound(std::begin(kNames), std::end(kNames), key,
                             [](const NameEntry& e, std::string_view k) { return e.name < k; });
  if (it != std::end(kNames) && it->name == key) return it->code_point;
  constexpr std::string_view kUnified = "CJK UNIFIED IDEOGRAPH-";
  constexpr std::string_view kCompat = "CJK COMPATIBILITY IDEOGRAPH-";
  constexpr std::string_view kHangul = "HANGUL SYLLABLE ";
  if (key.substr(0, kUnified.size()) == kUnified) return ideograph(key.substr(kUnified.size()), kUnifiedIdeographs);
  if (key.substr(0, kCompat.size()) == kCompat) return ideograph(key.substr(kCompat.size()), kCompatibilityIdeographs);
  if (key.substr(0, kHangul.size()) == kHangul) return hangul(key.substr(kHangul.size()));
  return std::nullopt;
}

}  // namespace gilvm::front
