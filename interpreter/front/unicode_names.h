// Unicode character names for "\N{NAME}" string escapes (Python Language
// Reference §2.4.1.1, "Escape sequences").
//
// A subset of the Unicode name database: the blocks listed in
// front/gen_unicode_names.py (Latin, Greek, Cyrillic, combining marks,
// punctuation, symbols, arrows, maths, box drawing, braille, dingbats,
// common emoji; about 5,600 names) with the control character aliases,
// stored in front/unicode_names.inc; plus the names
// Unicode defines by algorithm, which are computed: "CJK UNIFIED
// IDEOGRAPH-4E00", "CJK COMPATIBILITY IDEOGRAPH-F900", "HANGUL SYLLABLE GA".
#pragma once

#include <optional>
#include <string_view>

namespace gilvm::front {

// The code point called `name` (matched without regard to case, as
// unicodedata.lookup does), or nullopt when gilvm does not know the name.
[[nodiscard]] std::optional<char32_t> lookup_unicode_name(std::string_view name);

}  // namespace gilvm::front
