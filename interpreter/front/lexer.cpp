// The scanner (front/lexer.h has the design). This file follows CPython
// 3.11's Parser/tokenizer.c closely for the two places where programs most
// often go wrong and error messages matter: numbers (tok_get's number
// section, verify_end_of_number) and indentation. Error columns follow
// CPython's convention of pointing at the last character consumed.
#include "front/lexer.h"
#include "front/utf8.h"

#include <fmt/format.h>

#include <algorithm>

namespace gilvm::front {

const char* tok_spelling(Tok kind) {
  switch (kind) {
#define GILVM_TOKEN_CASE(name, spelling) \
  case Tok::name:                        \
    return spelling;
    GILVM_TOKEN_KINDS(GILVM_TOKEN_CASE)
#undef GILVM_TOKEN_CASE
  }
  return "?";
}

namespace {

bool is_ascii_ident_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_ascii_ident_char(int c) { return is_ascii_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
// What may not directly follow a number (CPython's
// is_potential_identifier_char; a non-ASCII letter after a number is left
// to the parser, which reports "invalid syntax", as CPython 3.11 does).
bool is_potential_identifier_char(int c) { return is_ascii_ident_char(c); }

// Decodes one UTF-8 sequence at s[i] (i < s.size()). Returns its length;
// an invalid byte decodes as U+FFFD of length 1 (the source was validated
// line by line by validate_upto, so this only guards robustness).
int decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  int len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size()) {
    cp = 0xFFFD;
    return 1;
  }
  char32_t v = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (b & 0x3F);
  }
  cp = v;
  return len;
}

// Code points that print as nothing or as space: named by number in the
// error, as CPython does ("invalid non-printable character U+00A0").
bool is_nonprintable(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD ||
         cp == 0x1680 || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
         cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

// The "simple rule" for non-ASCII identifier characters: everything except
// the blocks that hold punctuation, symbols, spaces, private use and emoji.
bool is_identifier_cp(char32_t cp) {
  if (cp < 0x80) return is_ascii_ident_char(static_cast<int>(cp));
  if (cp <= 0xBF) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (is_nonprintable(cp)) return false;
  if (cp >= 0x2010 && cp <= 0x205E) return false;  // general punctuation
  if (cp >= 0x20A0 && cp <= 0x20CF) return false;  // currency symbols
  if (cp >= 0x2190 && cp <= 0x2BFF) return false;  // arrows, maths, technical, boxes, dingbats
  if (cp >= 0x2E00 && cp <= 0x2E7F) return false;  // supplemental punctuation
  if ((cp >= 0x3001 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020)) return false;  // CJK punctuation
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;  // private use
  if (cp >= 0xFE10 && cp <= 0xFE6F) return false;  // vertical forms, small forms
  if ((cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
    return false;  // fullwidth punctuation
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;    // specials
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji, pictographs
  if (cp >= 0xF0000) return false;                   // private use planes
  return true;
}

std::string encode_utf8(char32_t cp) { return utf8::encode(cp); }

// Keywords (§2.3.1), looked up by length and first letter.
Tok keyword_kind(std::string_view s) {
  struct Entry {
    std::string_view text;
    Tok kind;
  };
  static constexpr Entry kKeywords[] = {
      {"False", Tok::False},   {"None", Tok::None},         {"True", Tok::True},
      {"and", Tok::And},       {"as", Tok::As},             {"assert", Tok::Assert},
      {"async", Tok::Async},   {"await", Tok::Await},       {"break", Tok::Break},
      {"class", Tok::Class},   {"continue", Tok::Continue}, {"def", Tok::Def},
      {"del", Tok::Del},       {"elif", Tok::Elif},         {"else", Tok::Else},
      {"except", Tok::Except}, {"finally", Tok::Finally},   {"for", Tok::For},
      {"from", Tok::From},     {"global", Tok::Global},     {"if", Tok::If},
      {"import", Tok::Import}, {"in", Tok::In},             {"is", Tok::Is},
      {"lambda", Tok::Lambda}, {"nonlocal", Tok::Nonlocal}, {"not", Tok::Not},
      {"or", Tok::Or},         {"pass", Tok::Pass},         {"raise", Tok::Raise},
      {"return", Tok::Return}, {"try", Tok::Try},           {"while", Tok::While},
      {"with", Tok::With},     {"yield", Tok::Yield},
  };
  if (s.size() < 2 || s.size() > 8) return Tok::Name;
  for (const Entry& e : kKeywords) {
    if (e.text.size() == s.size() && e.text[0] == s[0] && e.text == s) return e.kind;
  }
  return Tok::Name;
}

// The string prefix letters (§2.4.1) of src[start, start+len), or -1 when
// they are not a valid prefix: r u b f br rb fr rf, in any case.
int prefix_flags(std::string_view letters) {
  int flags = 0;
  bool u = false;
  for (char ch : letters) {
    int f = 0;
    switch (ch | 0x20) {
      case 'r': f = kStrRaw; break;
      case 'b': f = kStrBytes; break;
      case 'f': f = kStrFormat; break;
      case 'u': u = true; break;
      default: return -1;
    }
    if (flags & f) return -1;
    flags |= f;
  }
  if (u && letters.size() != 1) return -1;
  if ((flags & kStrBytes) && (flags & kStrFormat)) return -1;
  return flags;
}

}  // namespace

Lexer::Lexer(std::string_view source) : src_(source), end_(source.size()) {}

Lexer::Lexer(std::string_view source, std::uint32_t begin, std::uint32_t end, int line,
             std::uint32_t line_start)
    : src_(source),
      pos_(begin),
      end_(end),
      mode_(Mode::FStringExpr),
      line_(line),
      line_start_(line_start),
      at_line_start_(false),
      validated_to_(end) {}  // the enclosing module's lexer has checked it

int Lexer::column_of(std::string_view source, std::size_t line_start, std::size_t pos) {
  int col = 0;
  for (std::size_t i = line_start; i < pos && i < source.size(); ++i) {
    if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

// The checks CPython makes while decoding the file: valid UTF-8, no NUL
// bytes. Like CPython, which decodes line by line as it tokenizes, a line is
// checked when the scanner reaches it, so an earlier syntax error wins.
bool Lexer::validate_upto(std::size_t pos) {
  while (validated_to_ <= pos && validated_to_ < end_) {
    std::size_t i = validated_to_;
    std::size_t line_start = i;
    for (;;) {
      if (i >= end_) break;
      auto b = static_cast<unsigned char>(src_[i]);
      if (b == '\n' || b == '\r') {
        ++i;
        if (b == '\r' && i < end_ && src_[i] == '\n') ++i;
        break;
      }
      if (b == 0) {
        int col = Lexer::column_of(src_, line_start, i);
        fail("SyntaxError", "source code cannot contain null bytes", validated_line_, col, col + 1);
        return false;
      }
      if (b < 0x80) {
        ++i;
        continue;
      }
      int len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? (b <= 0xEF ? 3 : 0) : b >= 0xC2 ? 2 : 0;
      const char* why = "invalid start byte";
      bool ok = len != 0;
      for (int k = 1; ok && k < len; ++k) {
        if (i + k >= end_) {
          ok = false;
          why = "unexpected end of data";
          break;
        }
        auto c = static_cast<unsigned char>(src_[i + k]);
        bool cont = (c & 0xC0) == 0x80;
        // reject overlong forms, surrogates and code points above U+10FFFF
        if (k == 1 && ((b == 0xE0 && c < 0xA0) || (b == 0xED && c > 0x9F) ||
                       (b == 0xF0 && c < 0x90) || (b == 0xF4 && c > 0x8F)))
          cont = false;
        if (!cont) {
          ok = false;
          why = "invalid continuation byte";
        }
      }
      if (!ok) {
        int col = Lexer::column_of(src_, line_start, i);
        fail("SyntaxError",
             fmt::format("(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {}", b,
                         i - line_start, why),
             validated_line_, col, col + 1);
        return false;
      }
      i += len;
    }
    validated_to_ = i;
    ++validated_line_;
  }
  return true;
}

int Lexer::col_at(std::size_t pos) {
  if (cache_line_start_ != line_start_ || pos < cache_pos_) {
    cache_line_start_ = line_start_;
    cache_pos_ = line_start_;
    cache_col_ = 0;
  }
  while (cache_pos_ < pos) {
    if ((static_cast<unsigned char>(src_[cache_pos_]) & 0xC0) != 0x80) ++cache_col_;
    ++cache_pos_;
  }
  return cache_col_;
}

void Lexer::newline_consumed(std::size_t next_line_start) {
  ++line_;
  line_start_ = next_line_start;
}

Token Lexer::make(Tok kind, std::size_t start, std::size_t end, std::uint8_t flags) {
  Token t;
  t.kind = kind;
  t.flags = flags;
  int col = col_at(start);
  t.loc = {line_, col, line_, col_at(end)};
  t.offset = static_cast<std::uint32_t>(start);
  t.text = src_.substr(start, end - start);
  return t;
}

Token Lexer::synthetic(Tok kind) {
  Token t;
  t.kind = kind;
  int col = col_at(pos_);
  t.loc = {line_, col, line_, col};
  t.offset = static_cast<std::uint32_t>(pos_);
  if (pos_ >= end_ && mode_ == Mode::Module) t.flags = kAtEof;
  return t;
}

Token Lexer::fail(std::string type, std::string message, int line, int col, int end_col,
                  bool incomplete) {
  failed_ = true;
  error_.type = std::move(type);
  error_.message = std::move(message);
  error_.line = line;
  error_.col = col;
  error_.end_col = end_col;
  error_.incomplete = incomplete;
  Token t;
  t.kind = Tok::Error;
  t.loc = {line, col, line, end_col};
  t.offset = static_cast<std::uint32_t>(std::min(pos_, end_));
  return t;
}

// A SyntaxError with the caret under the character at byte offset `pos` of
// the current line.
Token Lexer::fail_at(std::string message, std::size_t pos) {
  int col = col_at(std::max(pos, line_start_));
  return fail("SyntaxError", std::move(message), line_, col, col + 1);
}

Token Lexer::error_token() const {
  Token t;
  t.kind = Tok::Error;
  t.loc = {error_.line, error_.col, error_.line, error_.end_col};
  return t;
}

Token Lexer::next() {
  if (failed_) return error_token();
  if (ended_) return synthetic(Tok::EndMarker);
  return scan();
}

Token Lexer::scan() {
  if (!validate_upto(pos_)) return error_token();
  if (pending_dedents_ > 0) {
    --pending_dedents_;
    return synthetic(Tok::Dedent);
  }
  if (at_line_start_ && mode_ == Mode::Module) {
    Token t;
    if (indentation(t)) return t;
  }
  for (;;) {
    while (pos_ < end_) {
      char c = src_[pos_];
      if (c == ' ' || c == '\t' || c == '\f') {
        ++pos_;
      } else {
        break;
      }
    }
    if (pos_ >= end_) return at_end();
    char c = src_[pos_];
    if (c == '#') {
      comment_at_ = pos_;
      while (pos_ < end_ && src_[pos_] != '\n' && src_[pos_] != '\r') ++pos_;
      continue;
    }
    if (c == '\n' || c == '\r') {
      std::size_t nl = pos_;
      int nl_line = line_;
      int nl_col = col_at(nl);
      // As in CPython, a NEWLINE after a comment spans the comment.
      int start_col = comment_at_ != kNoComment ? col_at(comment_at_) : nl_col;
      int end_col = comment_at_ != kNoComment ? nl_col : nl_col + 1;
      comment_at_ = kNoComment;
      pos_ += (c == '\r' && pos_ + 1 < end_ && src_[pos_ + 1] == '\n') ? 2 : 1;
      newline_consumed(pos_);
      if (!brackets_.empty() || mode_ == Mode::FStringExpr) {  // implicit joining
        if (!validate_upto(pos_)) return error_token();
        continue;
      }
      at_line_start_ = true;
      Token t;
      t.kind = Tok::Newline;
      t.loc = {nl_line, start_col, nl_line, end_col};
      t.offset = static_cast<std::uint32_t>(nl);
      t.text = src_.substr(nl, pos_ - nl);
      return t;
    }
    if (c == '\\') {  // explicit line joining, §2.1.5
      std::size_t p = pos_ + 1;
      if (p >= end_) {
        if (!brackets_.empty()) return at_end();  // "'(' was never closed"
        int col = col_at(pos_) + 1;
        weak_error_ = true;
        return fail("SyntaxError", "unexpected EOF while parsing", line_, col, col + 1, true);
      }
      if (src_[p] == '\n' || src_[p] == '\r') {
        pos_ = p + ((src_[p] == '\r' && p + 1 < end_ && src_[p + 1] == '\n') ? 2 : 1);
        int bs_col = col_at(p - 1) + 1;
        int bs_line = line_;
        newline_consumed(pos_);
        if (!validate_upto(pos_)) return error_token();
        if (pos_ >= end_ && mode_ == Mode::Module) {
          if (!brackets_.empty()) return at_end();  // "'(' was never closed"
          weak_error_ = true;
          return fail("SyntaxError", "unexpected EOF while parsing", bs_line, bs_col, bs_col + 1,
                      true);
        }
        continue;
      }
      weak_error_ = true;
      return fail_at("unexpected character after line continuation character", p);
    }
    break;
  }
  auto c = static_cast<unsigned char>(src_[pos_]);
  if (is_ascii_ident_start(c) || c >= 0x80) return name_or_string();
  if (is_digit(c)) return number();
  if (c == '.' && pos_ + 1 < end_ && is_digit(src_[pos_ + 1])) return number();
  if (c == '"' || c == '\'') return string(pos_, 0);
  return op();
}

// Measures the indentation of the next non-blank line (§2.1.8) and
// produces INDENT or the first DEDENT; returns false when the level is
// unchanged (or at end of input, where at_end() closes the blocks).
bool Lexer::indentation(Token& out) {
  for (;;) {
    if (!validate_upto(pos_)) {
      out = error_token();
      return true;
    }
    std::size_t p = pos_;
    int col = 0;
    int alt = 0;
    int cont_col = -1;  // indentation where a backslash continued the line
    int cont_alt = -1;
    while (p < end_) {
      char c = src_[p];
      if (c == ' ') {
        ++col;
        ++alt;
      } else if (c == '\t') {
        col = (col / 8 + 1) * 8;
        ++alt;
      } else if (c == '\f') {
        col = alt = 0;
      } else if (c == '\\' && p + 1 < end_ && (src_[p + 1] == '\n' || src_[p + 1] == '\r')) {
        // Indentation cannot be split over lines with a backslash: the
        // first backslash decides the level (tokenizer.c).
        if (cont_col < 0) {
          cont_col = col;
          cont_alt = alt;
        }
        p += (src_[p + 1] == '\r' && p + 2 < end_ && src_[p + 2] == '\n') ? 3 : 2;
        newline_consumed(p);
        if (!validate_upto(p)) {
          out = error_token();
          return true;
        }
        continue;
      } else {
        break;
      }
      ++p;
    }
    if (cont_col >= 0) {
      col = cont_col;
      alt = cont_alt;
    }
    if (p >= end_) {
      pos_ = p;
      return false;
    }
    char c = src_[p];
    if (c == '#' || c == '\n' || c == '\r') {  // blank line, §2.1.7
      while (p < end_ && src_[p] != '\n' && src_[p] != '\r') ++p;
      if (p >= end_) {
        pos_ = p;
        return false;
      }
      p += (src_[p] == '\r' && p + 1 < end_ && src_[p + 1] == '\n') ? 2 : 1;
      pos_ = p;
      newline_consumed(p);
      continue;
    }
    pos_ = p;
    at_line_start_ = false;
    auto tab_error = [&] {
      out = fail("TabError", "inconsistent use of tabs and spaces in indentation", line_, 0, 1);
      weak_error_ = true;
      return true;
    };
    int cur = indents_.back();
    int cur_alt = alt_indents_.back();
    if (col == cur) {
      if (alt != cur_alt) return tab_error();
      return false;
    }
    if (col > cur) {
      if (alt <= cur_alt) return tab_error();
      if (indents_.size() >= 100) {
        out = fail("IndentationError", "too many levels of indentation", line_, 0, 1);
        weak_error_ = true;
        return true;
      }
      indents_.push_back(col);
      alt_indents_.push_back(alt);
      out.kind = Tok::Indent;
      out.flags = 0;
      out.loc = {line_, 0, line_, col_at(p)};
      out.offset = static_cast<std::uint32_t>(line_start_);
      out.text = src_.substr(line_start_, p - line_start_);
      return true;
    }
    int n = 0;
    while (indents_.size() > 1 && col < indents_.back()) {
      indents_.pop_back();
      alt_indents_.pop_back();
      ++n;
    }
    if (col != indents_.back()) {
      // CPython puts the caret at the end of the offending line.
      std::size_t eol = p;
      while (eol < end_ && src_[eol] != '\n' && src_[eol] != '\r') ++eol;
      int ecol = col_at(eol);
      out = fail("IndentationError", "unindent does not match any outer indentation level", line_,
                 ecol, ecol + 1);
      weak_error_ = true;
      return true;
    }
    if (alt != alt_indents_.back()) return tab_error();
    pending_dedents_ = n - 1;
    out = synthetic(Tok::Dedent);
    return true;
  }
}

Token Lexer::at_end() {
  if (!brackets_.empty()) {
    const Bracket& b = brackets_.back();
    unclosed_bracket_line_ = b.line;
    return fail("SyntaxError", fmt::format("'{}' was never closed", b.ch), b.line, b.col, b.col + 1,
                true);
  }
  if (mode_ == Mode::FStringExpr) {
    ended_ = true;
    return synthetic(Tok::EndMarker);
  }
  if (!at_line_start_) {
    // The last line has no newline: CPython's tokenizer supplies one.
    at_line_start_ = true;
    Token t = synthetic(Tok::Newline);
    t.flags = 0;
    t.loc.end_col = t.loc.col + 1;
    if (comment_at_ != kNoComment) {
      t.loc.end_col = t.loc.col;
      t.loc.col = col_at(comment_at_);
      comment_at_ = kNoComment;
    }
    return t;
  }
  if (indents_.size() > 1) {
    pending_dedents_ = static_cast<int>(indents_.size()) - 2;
    indents_.resize(1);
    alt_indents_.resize(1);
    return synthetic(Tok::Dedent);
  }
  ended_ = true;
  return synthetic(Tok::EndMarker);
}

Token Lexer::name_or_string() {
  std::size_t start = pos_;
  // A string prefix is one or two letters directly followed by a quote.
  for (std::size_t len = 1; len <= 2 && start + len < end_; ++len) {
    char q = src_[start + len];
    if (q == '\'' || q == '"') {
      int flags = prefix_flags(src_.substr(start, len));
      if (flags >= 0) {
        pos_ = start + len;
        return string(start, flags);
      }
      break;
    }
    if (!is_ascii_ident_start(static_cast<unsigned char>(src_[start + len]))) break;
  }
  std::size_t p = start;
  bool ascii = true;
  while (p < end_) {
    auto c = static_cast<unsigned char>(src_[p]);
    if (is_ascii_ident_char(c)) {
      ++p;
    } else if (c >= 0x80) {
      char32_t cp;
      int len = decode_utf8(src_, p, cp);
      if (!is_identifier_cp(cp)) break;
      ascii = false;
      p += len;
    } else {
      break;
    }
  }
  if (p == start) {
    char32_t cp;
    decode_utf8(src_, p, cp);
    int col = col_at(p);
    std::string msg =
        is_nonprintable(cp)
            ? fmt::format("invalid non-printable character U+{:04X}", static_cast<std::uint32_t>(cp))
            : fmt::format("invalid character '{}' (U+{:04X})", encode_utf8(cp),
                          static_cast<std::uint32_t>(cp));
    return fail("SyntaxError", std::move(msg), line_, col, col + 1);
  }
  pos_ = p;
  Tok kind = ascii ? keyword_kind(src_.substr(start, p - start)) : Tok::Name;
  return make(kind, start, p);
}

Token Lexer::number() {
  std::size_t start = pos_;
  std::size_t p = pos_;
  auto at = [&](std::size_t i) -> int {
    return i < end_ ? static_cast<unsigned char>(src_[i]) : -1;
  };
  // The error position convention of tokenizer.c: the last character read.
  auto error_before = [&](std::string msg, std::size_t q) {
    return fail_at(std::move(msg), q > start ? q - 1 : start);
  };
  // verify_end_of_number: a number may be followed directly by one of the
  // keywords that can follow it in valid code, but not by other letters.
  auto bad_end = [&](std::size_t q) -> bool {
    int c = at(q);
    auto ahead = [&](std::string_view rest) {
      return src_.substr(q + 1, rest.size()) == rest;
    };
    bool keyword = false;
    switch (c) {
      case 'a': keyword = ahead("nd"); break;
      case 'e': keyword = ahead("lse"); break;
      case 'f': keyword = ahead("or"); break;
      case 'i': keyword = at(q + 1) == 'f' || at(q + 1) == 'n' || at(q + 1) == 's'; break;
      case 'o': keyword = ahead("r"); break;
      case 'n': keyword = ahead("ot"); break;
      default: break;
    }
    return !keyword && is_potential_identifier_char(c);
  };
  // tok_decimal_tail: digits with single underscores between them.
  auto decimal_tail = [&](std::size_t& q) -> bool {
    for (;;) {
      while (is_digit(at(q))) ++q;
      if (at(q) != '_') return true;
      ++q;
      if (!is_digit(at(q))) return false;
    }
  };
  std::uint8_t kind = kNumInt;
  auto finish = [&](std::size_t q) {
    pos_ = q;
    return make(Tok::Number, start, q, kind);
  };

  // fraction / exponent / imaginary tails shared by all decimal forms
  auto exponent_and_rest = [&](std::size_t q) -> Token {
    if (at(q) == 'e' || at(q) == 'E') {
      std::size_t e = q;
      ++q;
      if (at(q) == '+' || at(q) == '-') {
        ++q;
        if (!is_digit(at(q))) return error_before("invalid decimal literal", q);
      } else if (!is_digit(at(q))) {
        // not an exponent after all: "1else", or an error "1e"
        if (bad_end(e)) return error_before("invalid decimal literal", e);
        return finish(e);
      }
      kind = kNumFloat;
      if (!decimal_tail(q)) return error_before("invalid decimal literal", q);
    }
    if (at(q) == 'j' || at(q) == 'J') {
      kind = kNumImaginary;
      ++q;
      if (bad_end(q)) return error_before("invalid imaginary literal", q);
      return finish(q);
    }
    if (bad_end(q)) return error_before("invalid decimal literal", q);
    return finish(q);
  };
  auto fraction = [&](std::size_t q) -> Token {  // q is just past the '.'
    kind = kNumFloat;
    if (is_digit(at(q)) && !decimal_tail(q)) return error_before("invalid decimal literal", q);
    return exponent_and_rest(q);
  };

  if (at(p) == '.') return fraction(p + 1);

  if (at(p) == '0') {
    int x = at(p + 1) | 0x20;
    if (x == 'x' || x == 'o' || x == 'b') {
      const char* name = x == 'x' ? "hexadecimal" : x == 'o' ? "octal" : "binary";
      auto ok_digit = [&](int c) {
        return x == 'x' ? is_hex_digit(c) : x == 'o' ? (c >= '0' && c <= '7') : (c == '0' || c == '1');
      };
      p += 2;
      do {
        if (at(p) == '_') ++p;
        if (!ok_digit(at(p))) {
          if (x != 'x' && is_digit(at(p)))
            return fail_at(fmt::format("invalid digit '{}' in {} literal", char(at(p)), name), p);
          return error_before(fmt::format("invalid {} literal", name), p);
        }
        while (ok_digit(at(p))) ++p;
      } while (at(p) == '_');
      if (x != 'x' && is_digit(at(p)))
        return fail_at(fmt::format("invalid digit '{}' in {} literal", char(at(p)), name), p);
      if (bad_end(p)) return error_before(fmt::format("invalid {} literal", name), p);
      return finish(p);
    }
    // zeros, possibly followed by the digits of a (refused) old-style octal
    ++p;
    for (;;) {
      if (at(p) == '_') {
        ++p;
        if (!is_digit(at(p))) return error_before("invalid decimal literal", p);
      }
      if (at(p) != '0') break;
      ++p;
    }
    std::size_t nonzero = 0;
    if (is_digit(at(p))) {
      nonzero = p;
      if (!decimal_tail(p)) return error_before("invalid decimal literal", p);
    }
    if (at(p) == '.') return fraction(p + 1);
    if (at(p) == 'e' || at(p) == 'E' || at(p) == 'j' || at(p) == 'J') return exponent_and_rest(p);
    if (nonzero) {
      int col = col_at(start);
      return fail("SyntaxError",
                  "leading zeros in decimal integer literals are not permitted; "
                  "use an 0o prefix for octal integers",
                  line_, col, col_at(nonzero));
    }
    if (bad_end(p)) return error_before("invalid decimal literal", p);
    return finish(p);
  }
  if (!decimal_tail(p)) return error_before("invalid decimal literal", p);
  if (at(p) == '.') return fraction(p + 1);
  return exponent_and_rest(p);
}

// A string literal (§2.4.1) whose prefix starts at `start` and whose
// opening quote is at pos_. Only finds the end: escapes are decoded by
// the parser. A backslash escapes any character here, also in raw strings
// (r"\"" is a complete literal), as in Python.
Token Lexer::string(std::size_t start, int prefix) {
  char q = src_[pos_];
  bool triple = pos_ + 2 < end_ && src_[pos_ + 1] == q && src_[pos_ + 2] == q;
  int start_line = line_;
  int start_col = col_at(start);
  std::size_t p = pos_ + (triple ? 3 : 1);
  for (;;) {
    if (p >= end_) {
      if (triple) {
        // the end of input is not a line of its own
        int detected = (line_start_ == end_ && line_ > 1) ? line_ - 1 : line_;
        return fail("SyntaxError",
                    fmt::format("unterminated triple-quoted string literal (detected at line {})",
                                detected),
                    start_line, start_col, start_col + 1, true);
      }
      return fail("SyntaxError",
                  fmt::format("unterminated string literal (detected at line {})", line_),
                  start_line, start_col, start_col + 1);
    }
    char c = src_[p];
    if (c == q) {
      if (!triple) {
        ++p;
        break;
      }
      if (p + 2 < end_ && src_[p + 1] == q && src_[p + 2] == q) {
        p += 3;
        break;
      }
      ++p;
      continue;
    }
    if (c == '\\') {
      ++p;
      if (p < end_) {
        if (src_[p] == '\n' || src_[p] == '\r') {
          p += (src_[p] == '\r' && p + 1 < end_ && src_[p + 1] == '\n') ? 2 : 1;
          newline_consumed(p);
          if (!validate_upto(p)) return error_token();
        } else {
          ++p;
        }
      }
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (!triple) {
        return fail("SyntaxError",
                    fmt::format("unterminated string literal (detected at line {})", line_),
                    start_line, start_col, start_col + 1);
      }
      p += (c == '\r' && p + 1 < end_ && src_[p + 1] == '\n') ? 2 : 1;
      newline_consumed(p);
      if (!validate_upto(p)) return error_token();
      continue;
    }
    ++p;
  }
  pos_ = p;
  Token t;
  t.kind = Tok::String;
  t.flags = static_cast<std::uint8_t>(prefix | (triple ? kStrTriple : 0));
  t.loc = {start_line, start_col, line_, col_at(p)};
  t.offset = static_cast<std::uint32_t>(start);
  t.text = src_.substr(start, p - start);
  return t;
}

Token Lexer::op() {
  std::size_t s = pos_;
  auto at = [&](std::size_t i) -> char { return i < end_ ? src_[i] : '\0'; };
  char c = src_[s];
  char c1 = at(s + 1);
  char c2 = at(s + 2);
  Tok kind = Tok::Unknown;
  std::size_t len = 1;
  // X, X= pairs
  auto with_eq = [&](Tok plain, Tok eq) {
    if (c1 == '=') {
      len = 2;
      return eq;
    }
    return plain;
  };
  switch (c) {
    case '(':
    case '[':
    case '{': {
      if (brackets_.size() >= 200) return fail_at("too many nested parentheses", s);
      brackets_.push_back({c, line_, col_at(s)});
      kind = c == '(' ? Tok::LParen : c == '[' ? Tok::LBracket : Tok::LBrace;
      break;
    }
    case ')':
    case ']':
    case '}': {
      if (brackets_.empty()) return fail_at(fmt::format("unmatched '{}'", c), s);
      Bracket open = brackets_.back();
      char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
      if (c != want) {
        std::string msg =
            open.line != line_
                ? fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                              c, open.ch, open.line)
                : fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}'", c,
                              open.ch);
        return fail_at(std::move(msg), s);
      }
      brackets_.pop_back();
      kind = c == ')' ? Tok::RParen : c == ']' ? Tok::RBracket : Tok::RBrace;
      break;
    }
    case ':': kind = with_eq(Tok::Colon, Tok::ColonEqual); break;
    case ',': kind = Tok::Comma; break;
    case ';': kind = Tok::Semi; break;
    case '~': kind = Tok::Tilde; break;
    case '+': kind = with_eq(Tok::Plus, Tok::PlusEqual); break;
    case '%': kind = with_eq(Tok::Percent, Tok::PercentEqual); break;
    case '&': kind = with_eq(Tok::Amper, Tok::AmperEqual); break;
    case '|': kind = with_eq(Tok::VBar, Tok::VBarEqual); break;
    case '^': kind = with_eq(Tok::Circumflex, Tok::CircumflexEqual); break;
    case '@': kind = with_eq(Tok::At, Tok::AtEqual); break;
    case '=': kind = with_eq(Tok::Equal, Tok::EqEqual); break;
    case '-':
      if (c1 == '>') {
        kind = Tok::RArrow;
        len = 2;
      } else {
        kind = with_eq(Tok::Minus, Tok::MinEqual);
      }
      break;
    case '*':
      if (c1 == '*') {
        kind = c2 == '=' ? Tok::DoubleStarEqual : Tok::DoubleStar;
        len = c2 == '=' ? 3 : 2;
      } else {
        kind = with_eq(Tok::Star, Tok::StarEqual);
      }
      break;
    case '/':
      if (c1 == '/') {
        kind = c2 == '=' ? Tok::DoubleSlashEqual : Tok::DoubleSlash;
        len = c2 == '=' ? 3 : 2;
      } else {
        kind = with_eq(Tok::Slash, Tok::SlashEqual);
      }
      break;
    case '<':
      if (c1 == '<') {
        kind = c2 == '=' ? Tok::LeftShiftEqual : Tok::LeftShift;
        len = c2 == '=' ? 3 : 2;
      } else {
        kind = with_eq(Tok::Less, Tok::LessEqual);
      }
      break;
    case '>':
      if (c1 == '>') {
        kind = c2 == '=' ? Tok::RightShiftEqual : Tok::RightShift;
        len = c2 == '=' ? 3 : 2;
      } else {
        kind = with_eq(Tok::Greater, Tok::GreaterEqual);
      }
      break;
    case '!':
      if (c1 == '=') {
        kind = Tok::NotEqual;
        len = 2;
      }
      break;
    case '.':
      if (c1 == '.' && c2 == '.') {
        kind = Tok::Ellipsis;
        len = 3;
      } else {
        kind = Tok::Dot;
      }
      break;
    default: {
      auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u == 0x7F) {
        return fail_at(fmt::format("invalid non-printable character U+{:04X}", unsigned(u)), s);
      }
      break;  // '$', '?', '`', a lone '!': the parser reports "invalid syntax" there
    }
  }
  pos_ = s + len;
  return make(kind, s, s + len);
}

std::vector<Token> tokenize(std::string_view source, SyntaxErrorInfo* error) {
  Lexer lexer(source);
  std::vector<Token> out;
  for (;;) {
    Token t = lexer.next();
    out.push_back(t);
    if (t.kind == Tok::EndMarker) break;
    if (t.kind == Tok::Error) {
      if (error) *error = lexer.error();
      break;
    }
  }
  return out;
}

}  // namespace gilvm::front
