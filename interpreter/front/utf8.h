// front/utf8.h — the one UTF-8 encoder. The lexer (error messages), the
// parser (\N{...}, \u and \U escapes), chr() and every str method that
// builds text (through text::utf8_append, runtime/unicode.h) append code
// points with it. It lives in front/, the lowest layer, so that all of them
// can include it.
//
// Surrogates U+D800..U+DFFF are encoded as three bytes like any other code
// point ("WTF-8", see runtime/unicode.h), so Python's '\ud800' can exist;
// a value above U+10FFFF, which no caller should pass, becomes U+FFFD.
#pragma once

#include <string>

namespace gilvm::utf8 {

inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp <= 0x10FFFF) {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out += "\xEF\xBF\xBD";  // U+FFFD
  }
}

// cp as a new string.
inline std::string encode(char32_t cp) {
  std::string out;
  append(out, cp);
  return out;
}

}  // namespace gilvm::utf8
