// modules/re.cpp — `_re`, the native half of the re module: the pattern
// translator, the matching loops and the Match type (stdlib/re.py is the
// Python half: Pattern, error, the flags, the template parser and the cache).
//
// The engine: PCRE2 (Debian's libpcre2-8, with its JIT) behind a translation
// layer, not a backtracking engine written here. Decided by the differential
// corpus tests/re/corpus.txt (run by tests/re/run_corpus.py against python3):
// both designs need the same parser of Python's syntax — CPython's error
// messages and positions, `(?P<name>)`, `\Z`, octal-vs-backreference, `{,n}`,
// VERBOSE — and once that parser exists, emitting PCRE2 syntax is a few lines
// per construct, while a second engine would be thousands of lines to make as
// fast as PCRE2's JIT on 10 MB subjects. PCRE2 already has every construct
// Python 3.11 has (lookarounds, atomic groups, possessive quantifiers,
// conditionals, backreferences), with the same leftmost-first backtracking
// semantics, the same "$ before a final newline", and Unicode \d \w \s \b
// under PCRE2_UCP.
//
// The translation. The parser below follows the grammar and the checks of
// CPython's Lib/re/_parser.py (same messages, same positions, in code
// points) and emits PCRE2 syntax as it goes:
//   * every literal as \x{HEX} (ASCII letters and digits as themselves), so
//     no Python literal is read as PCRE2 syntax;
//   * named groups as plain numbered groups (names stay here: PCRE2's names
//     are narrower than Python identifiers), (?P=name) and \N as \g{N};
//   * \Z as \z; `^` with PCRE2_ALT_CIRCUMFLEX (MULTILINE's ^ also matches
//     after a final newline, as sre); \B as (?!\A\z)\B (sre's \B never
//     matches in an empty string);
//   * \s in Unicode mode adds U+001C..U+001F (str.isspace() is true for
//     them, PCRE2's \s is not); \d \w \s under ASCII (re.ASCII, bytes, or a
//     scoped (?a:...)) as explicit ASCII classes;
//   * scoped flags i, m, s as PCRE2's (?i-ms:...); x is applied by the
//     parser itself; global flags become compile options.
// Offsets: str is UTF-8 inside gilvm (vm/object.h), PCRE2 runs in UTF mode
// (PCRE2_MATCH_INVALID_UTF: a str holding lone surrogates still matches)
// and byte offsets are turned into code-point positions by a cursor that
// moves forward with the scan (O(n) for a whole findall, not O(n) per hit).
//
// Iteration (findall, finditer, sub, split) is CPython's since 3.7: after an
// empty match the next one may not be empty at the same position
// (PCRE2_NOTEMPTY_ATSTART is exactly sre's must_advance).
//
// The GIL stays held while matching, as CPython's re does.
//
// Known differences (the KNOWN cases of tests/re/corpus.txt): PCRE2's
// limits (a repeat count above 65535; a backreference inside a look-behind)
// raise re.error naming PCRE2; a lone surrogate in a pattern is refused the
// same way, and one in a subject matches nothing (not even `.`); case
// folding is PCRE2's Unicode folding (CPython's also folds U+0130 and
// U+0131 to i); a match that exhausts PCRE2's backtracking budget raises
// RuntimeError instead of running for hours.

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "front/unicode_names.h"
#include "modules/registry.h"
#include "runtime/unicode.h"
#include "vm/api.h"

namespace gilvm {

namespace {

// Flag values of Lib/re/_constants.py (SRE_FLAG_*).
constexpr std::int64_t kTemplate = 1, kIgnoreCase = 2, kLocale = 4, kMultiline = 8, kDotAll = 16,
                       kUnicode = 32, kVerbose = 64, kAscii = 256;
constexpr std::int64_t kTypeFlags = kAscii | kLocale | kUnicode;
constexpr std::int64_t kGlobalFlags = kTemplate;  // 3.11: (?t) is not an inline flag, DEBUG neither
constexpr std::int64_t kMaxRepeat = 4294967295LL;  // _sre.MAXREPEAT on 64-bit
constexpr std::int64_t kMaxGroups = 1073741823LL;  // _sre.MAXGROUPS (2**31-1)/2
constexpr int kMaxNesting = 450;                   // groups inside groups (see parse_sub)

// ---------------------------------------------------------------------------
// The translator
// ---------------------------------------------------------------------------

struct ParseError {
  std::string msg;
  std::int64_t pos;  // -1: none
  Type* exc = nullptr;  // null: re.error; else raised as this type (ValueError, OverflowError)
};

struct Width {
  std::int64_t lo = 0, hi = 0;
};

Width add_w(Width a, Width b) { return {std::min(a.lo + b.lo, kMaxRepeat), std::min(a.hi + b.hi, kMaxRepeat)}; }

enum class ItemKind { Unit, At, Group, Repeat, Other };

// One parsed element of a sequence, already in PCRE2 syntax.
struct Item {
  std::string text;
  ItemKind kind;
  Width w;
  bool single;  // one PCRE2 atom: a quantifier may follow it directly
};

std::vector<char32_t> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) out.push_back(text::utf8_decode_at(s, i));
  return out;
}

// The code points for which str.isspace() is true, and the others.
constexpr const char* kUnicodeSpace =
    "\\x{9}-\\x{d}\\x{1c}-\\x{20}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}"
    "\\x{3000}";
constexpr const char* kUnicodeNonSpace =
    "\\x{0}-\\x{8}\\x{e}-\\x{1b}\\x{21}-\\x{84}\\x{86}-\\x{9f}\\x{a1}-\\x{167f}\\x{1681}-\\x{1fff}\\x{200b}-\\x{2027}"
    "\\x{202a}-\\x{202e}\\x{2030}-\\x{205e}\\x{2060}-\\x{2fff}\\x{3001}-\\x{10ffff}";

std::string hex_lit(char32_t c) { return fmt::format("\\x{{{:x}}}", static_cast<std::uint32_t>(c)); }

bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_octdigit(char32_t c) { return c >= '0' && c <= '7'; }
bool is_hexdigit(char32_t c) { return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A token of the pattern: one character, or a backslash and the next one
// (as _parser.py's Tokenizer). `none` at the end.
struct Tok {
  char32_t c = 0;
  bool esc = false;
  bool none = true;
  std::size_t len() const { return none ? 0 : esc ? 2 : 1; }
  bool is(char32_t ch) const { return !none && !esc && c == ch; }
};

class Translator {
 public:
  Translator(std::vector<char32_t> pat, bool istext, std::int64_t flags)
      : flags_(flags), p_(std::move(pat)), istext_(istext) {}

  // Parses the whole pattern; false with err_ set on an error.
  bool run() {
    if (!advance()) return false;
    Width w;
    std::string body;
    if (!parse_sub(body, w, (flags_ & kVerbose) != 0, 0, flags_)) return false;
    if (!fix_flags()) return false;
    if (!next_.none) return fail("unbalanced parenthesis", 0);
    for (auto& [g, pos] : grouprefpos_)
      if (g >= groups()) {
        err_ = {fmt::format("invalid group reference {}", g), static_cast<std::int64_t>(pos)};
        return false;
      }
    if (bad_lookbehind_) {
      err_ = {"look-behind requires fixed-width pattern", -1};
      return false;
    }
    out_ = std::move(body);
    return true;
  }

  ParseError err_;
  std::string out_;
  std::int64_t flags_;
  std::vector<std::pair<std::string, std::int64_t>> groupdict_;  // in definition order
  std::vector<std::int64_t> parent_;                             // enclosing group of each group (0: none)

  std::int64_t groups() const { return static_cast<std::int64_t>(widths_.size()); }

 private:
  std::vector<char32_t> p_;
  bool istext_;
  std::size_t index_ = 0;
  Tok next_;
  std::vector<Width> widths_{Width{}};  // per group, index 0 = the whole match
  std::vector<bool> closed_{true};
  std::int64_t lookbehindgroups_ = -1;
  std::vector<std::pair<std::int64_t, std::size_t>> grouprefpos_;
  std::vector<std::int64_t> open_stack_;
  bool bad_lookbehind_ = false;

  // --- tokenizer ---
  bool advance() {
    std::size_t i = index_;
    if (i >= p_.size()) {
      next_ = Tok{};
      return true;
    }
    Tok t;
    t.none = false;
    t.c = p_[i];
    if (t.c == '\\') {
      ++i;
      if (i >= p_.size()) {
        err_ = {"bad escape (end of pattern)", static_cast<std::int64_t>(p_.size()) - 1};
        return false;
      }
      t.esc = true;
      t.c = p_[i];
    }
    index_ = i + 1;
    next_ = t;
    return true;
  }
  std::size_t tell() const { return index_ - next_.len(); }
  bool fail(std::string msg, std::size_t offset) {
    std::string m = std::move(msg);
    if (!istext_) {
      // msg.encode('ascii', 'backslashreplace')
      std::string o;
      for (char32_t c : decode_utf8(m)) {
        if (c < 0x80) o += static_cast<char>(c);
        else if (c < 0x100) o += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
        else o += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
      }
      m = std::move(o);
    }
    err_ = {std::move(m), static_cast<std::int64_t>(tell()) - static_cast<std::int64_t>(offset)};
    return false;
  }
  // get(): the current token, moving on.
  bool get(Tok& t) {
    t = next_;
    return advance();
  }
  bool match(char32_t c, bool& ok) {
    ok = next_.is(c);
    if (ok) return advance();
    return true;
  }
  std::string tok_text(const Tok& t) const {
    std::string s;
    if (t.esc) s += '\\';
    text::utf8_append(s, t.c);
    return s;
  }
  // getuntil(terminator, name)
  bool getuntil(char32_t term, const char* name, std::u32string& result) {
    result.clear();
    for (;;) {
      Tok c = next_;
      if (!advance()) return false;
      if (c.none) {
        if (result.empty()) return fail(fmt::format("missing {}", name), 0);
        std::string t;
        text::utf8_append(t, term);
        return fail(fmt::format("missing {}, unterminated name", t), result.size());
      }
      if (c.is(term)) {
        if (result.empty()) return fail(fmt::format("missing {}", name), 1);
        break;
      }
      if (c.esc) result += U'\\';
      result += c.c;
    }
    return true;
  }
  std::string u8(const std::u32string& s) const {
    std::string o;
    for (char32_t c : s) text::utf8_append(o, c);
    return o;
  }
  // Python's repr() of a str name (names are short; quotes as repr picks).
  std::string py_repr(const std::u32string& s) const {
    bool has_sq = s.find(U'\'') != std::u32string::npos, has_dq = s.find(U'"') != std::u32string::npos;
    char q = has_sq && !has_dq ? '"' : '\'';
    std::string o(1, q);
    for (char32_t c : s) {
      if (c == '\\') o += "\\\\";
      else if (c == static_cast<char32_t>(q)) o += std::string("\\") + q;
      else if (c == '\n') o += "\\n";
      else if (c == '\t') o += "\\t";
      else if (c == '\r') o += "\\r";
      else if (c < 0x20 || c == 0x7f) o += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
      else text::utf8_append(o, c);
    }
    o += q;
    return o;
  }
  static bool is_identifier(const std::u32string& s) {
    if (s.empty()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      char32_t c = s[i];
      bool ok = c == '_' || is_ascii_letter(c) || c >= 0x80 || (i > 0 && is_ascii_digit(c));
      if (!ok) return false;
    }
    return true;
  }
  bool checkgroupname(const std::u32string& name, std::size_t offset) {
    if (!is_identifier(name)) return fail("bad character in group name " + py_repr(name), name.size() + offset);
    return true;
  }
  bool checkgroup(std::int64_t gid) const { return gid < groups() && closed_[static_cast<std::size_t>(gid)]; }
  bool checklookbehindgroup(std::int64_t gid) {
    if (lookbehindgroups_ >= 0) {
      if (!checkgroup(gid)) return fail("cannot refer to an open group", 0);
      if (gid >= lookbehindgroups_) return fail("cannot refer to group defined in the same lookbehind subpattern", 0);
    }
    return true;
  }

  // --- emission helpers ---
  bool ascii_scope(std::int64_t fl) const { return !istext_ || (fl & kAscii) != 0 || (fl & kLocale) != 0; }
  bool compiled_ascii() const { return !istext_ || (flags_ & kAscii) != 0; }
  std::string lit_text(char32_t c, std::int64_t fl) const {
    std::string t = is_ascii_alnum(c) ? std::string(1, static_cast<char>(c)) : hex_lit(c);
    // re.ASCII|re.IGNORECASE folds ASCII letters only; PCRE2 in UTF mode
    // folds every letter.
    if (istext_ && c >= 0x80 && (fl & kIgnoreCase) && (fl & kAscii)) t = "(?-i:" + t + ")";
    return t;
  }
  std::string max_char_hex() const { return istext_ ? "\\x{10ffff}" : "\\x{ff}"; }
  // Class members (without brackets) for a category escape d D s S w W.
  std::string category_members(char32_t c, std::int64_t fl) const {
    if (ascii_scope(fl)) {
      std::string top = max_char_hex();
      switch (c) {
        case 'd': return "0-9";
        case 'D': return "\\x{0}-\\x{2f}\\x{3a}-" + top;
        case 's': return "\\x{9}-\\x{d}\\x{20}";
        case 'S': return "\\x{0}-\\x{8}\\x{e}-\\x{1f}\\x{21}-" + top;
        case 'w': return "0-9A-Z_a-z";
        case 'W': return "\\x{0}-\\x{2f}\\x{3a}-\\x{40}\\x{5b}-\\x{5e}\\x{60}\\x{7b}-" + top;
        default: break;
      }
    }
    // Unicode \s is str.isspace() (runtime/unicode.h is_space), spelled out:
    // PCRE2's \s lacks U+001C..U+001F and has U+180E.
    switch (c) {
      case 's': return kUnicodeSpace;
      case 'S': return kUnicodeNonSpace;
      default: return std::string("\\") + static_cast<char>(c);
    }
  }
  std::string category_item(char32_t c, std::int64_t fl) const {
    if (!ascii_scope(fl) && c != 's' && c != 'S') return std::string("\\") + static_cast<char>(c);
    return "[" + category_members(c, fl) + "]";
  }
  std::string boundary(bool positive, std::int64_t fl) const {
    if (ascii_scope(fl) == compiled_ascii()) return positive ? "\\b" : "(?:(?!\\A\\z)\\B)";
    std::string w = ascii_scope(fl) ? "[0-9A-Z_a-z]" : "\\w";
    std::string b = "(?:(?<=" + w + ")(?!" + w + ")|(?<!" + w + ")(?=" + w + "))";
    return positive ? b : "(?:(?!\\A\\z)(?!" + b + "))";
  }

  // --- the grammar ---
  bool parse_sub(std::string& out, Width& w, bool verbose, int nested, std::int64_t fl) {
    // CPython's parser recurses in Python and stops with RecursionError
    // somewhere past 400 nested groups; this one stops at kMaxNesting
    // rather than overflow the C++ stack.
    if (nested / 2 > kMaxNesting) {
      err_ = {"maximum recursion depth exceeded", -1, recursion_error_};
      return false;
    }
    std::vector<std::string> alts;
    Width total{kMaxRepeat, 0};
    for (;;) {
      std::string a;
      Width aw;
      // At the top level the flags are the global ones, which a leading
      // (?a) or (?x) of the first branch may have just changed.
      bool top = nested == 0;
      if (top) fl = flags_, verbose = verbose || (flags_ & kVerbose);
      if (!parse_seq(a, aw, verbose, nested + 1, top && alts.empty(), fl)) return false;
      alts.push_back(std::move(a));
      total.lo = std::min(total.lo, aw.lo);
      total.hi = std::max(total.hi, aw.hi);
      bool ok;
      if (!match('|', ok)) return false;
      if (!ok) break;
    }
    out.clear();
    for (std::size_t i = 0; i < alts.size(); ++i) {
      if (i) out += '|';
      out += alts[i];
    }
    w = total;
    return true;
  }

  static std::string join(const std::vector<Item>& items) {
    std::string s;
    for (const Item& it : items) s += it.text;
    return s;
  }
  static Width seq_width(const std::vector<Item>& items) {
    Width w;
    for (const Item& it : items) w = add_w(w, it.w);
    return w;
  }

  // Reads the body of an escape after the backslash: \x, \u, \U, \N, octal.
  // Returns false on error; sets `lit` to the code point; `handled` false
  // when the escape is none of these.
  bool escape_common(Tok esc, bool in_class, char32_t& lit, bool& handled) {
    handled = true;
    char32_t c = esc.c;
    std::u32string text = U"\\";
    text += c;
    auto getwhile = [&](int n, bool (*pred)(char32_t)) -> bool {
      for (int k = 0; k < n; ++k) {
        if (next_.none || next_.esc || !pred(next_.c)) break;
        text += next_.c;
        if (!advance()) return false;
      }
      return true;
    };
    auto value = [&](std::size_t from, int base) {
      char32_t v = 0;
      for (std::size_t k = from; k < text.size(); ++k) {
        char32_t d = text[k];
        int dv = is_ascii_digit(d) ? d - '0' : (d | 0x20) - 'a' + 10;
        v = v * base + dv;
      }
      return v;
    };
    if (c == 'x') {
      if (!getwhile(2, is_hexdigit)) return false;
      if (text.size() != 4) return fail("incomplete escape " + u8(text), text.size());
      lit = value(2, 16);
      return true;
    }
    if ((c == 'u' || c == 'U') && istext_) {
      std::size_t n = c == 'u' ? 4 : 8;
      if (!getwhile(static_cast<int>(n), is_hexdigit)) return false;
      if (text.size() != n + 2) return fail("incomplete escape " + u8(text), text.size());
      std::uint64_t v = 0;
      for (std::size_t k = 2; k < text.size(); ++k) {
        char32_t d = text[k];
        v = v * 16 + static_cast<std::uint64_t>(is_ascii_digit(d) ? d - '0' : (d | 0x20) - 'a' + 10);
      }
      if (v > 0x10FFFF) return fail("bad escape " + u8(text), text.size());
      lit = static_cast<char32_t>(v);
      return true;
    }
    if (c == 'N' && istext_) {
      bool ok;
      if (!match('{', ok)) return false;
      if (!ok) return fail("missing {", 0);
      std::u32string name;
      if (!getuntil('}', "character name", name)) return false;
      auto cp = front::lookup_unicode_name(u8(name));
      if (!cp) return fail("undefined character name " + py_repr(name), name.size() + 4);
      lit = *cp;
      return true;
    }
    if (in_class && is_octdigit(c)) {
      if (!getwhile(2, is_octdigit)) return false;
      lit = value(1, 8);
      if (lit > 0377) return fail("octal escape value " + u8(text) + " outside of range 0-0o377", text.size());
      return true;
    }
    if (!in_class && c == '0') {
      if (!getwhile(2, is_octdigit)) return false;
      lit = value(1, 8);
      return true;
    }
    handled = false;
    return true;
  }

  static bool simple_escape(char32_t c, char32_t& lit) {
    switch (c) {
      case 'a': lit = 7; return true;
      case 'b': lit = 8; return true;
      case 'f': lit = 12; return true;
      case 'n': lit = 10; return true;
      case 'r': lit = 13; return true;
      case 't': lit = 9; return true;
      case 'v': lit = 11; return true;
      case '\\': lit = '\\'; return true;
      default: return false;
    }
  }
  static bool is_category(char32_t c) {
    return c == 'd' || c == 'D' || c == 's' || c == 'S' || c == 'w' || c == 'W';
  }

  // An escape outside a class: appends its item.
  bool parse_escape(Tok esc, std::vector<Item>& items, std::int64_t fl) {
    char32_t c = esc.c;
    std::string text = "\\";
    text::utf8_append(text, c);
    switch (c) {
      case 'A': items.push_back({"\\A", ItemKind::At, {}, true}); return true;
      case 'Z': items.push_back({"\\z", ItemKind::At, {}, true}); return true;
      case 'b': items.push_back({boundary(true, fl), ItemKind::At, {}, true}); return true;
      case 'B': items.push_back({boundary(false, fl), ItemKind::At, {}, true}); return true;
      default: break;
    }
    if (is_category(c)) {
      items.push_back({category_item(c, fl), ItemKind::Unit, {1, 1}, true});
      return true;
    }
    char32_t lit;
    if (simple_escape(c, lit)) {
      items.push_back({lit_text(lit, fl), ItemKind::Unit, {1, 1}, true});
      return true;
    }
    bool handled;
    if (!escape_common(esc, false, lit, handled)) return false;
    if (handled) {
      items.push_back({lit_text(lit, fl), ItemKind::Unit, {1, 1}, true});
      return true;
    }
    if (is_ascii_digit(c)) {
      std::u32string e = U"\\";
      e += c;
      if (!next_.none && !next_.esc && is_ascii_digit(next_.c)) {
        e += next_.c;
        if (!advance()) return false;
        if (is_octdigit(e[1]) && is_octdigit(e[2]) && !next_.none && !next_.esc && is_octdigit(next_.c)) {
          e += next_.c;
          if (!advance()) return false;
          char32_t v = (e[1] - '0') * 64 + (e[2] - '0') * 8 + (e[3] - '0');
          if (v > 0377) return fail("octal escape value " + u8(e) + " outside of range 0-0o377", e.size());
          items.push_back({lit_text(v, fl), ItemKind::Unit, {1, 1}, true});
          return true;
        }
      }
      std::int64_t group = 0;
      for (std::size_t k = 1; k < e.size(); ++k) group = group * 10 + (e[k] - '0');
      if (group < groups()) {
        if (!checkgroup(group)) return fail("cannot refer to an open group", e.size());
        if (!checklookbehindgroup(group)) return false;
        items.push_back({fmt::format("\\g{{{}}}", group), ItemKind::Other, widths_[group], true});
        return true;
      }
      return fail(fmt::format("invalid group reference {}", group), e.size() - 1);
    }
    if (is_ascii_letter(c)) return fail("bad escape " + text, 2);
    items.push_back({lit_text(c, fl), ItemKind::Unit, {1, 1}, true});
    return true;
  }

  // A class escape: a literal (is_lit) or category members.
  bool class_escape(Tok esc, bool& is_lit, char32_t& lit, std::string& members, std::int64_t fl) {
    char32_t c = esc.c;
    is_lit = true;
    if (simple_escape(c, lit)) return true;
    if (is_category(c)) {
      is_lit = false;
      members = category_members(c, fl);
      return true;
    }
    bool handled;
    if (!escape_common(esc, true, lit, handled)) return false;
    if (handled) return true;
    std::string text = "\\";
    text::utf8_append(text, c);
    if (is_ascii_digit(c) || is_ascii_letter(c)) return fail("bad escape " + text, 2);
    lit = c;
    return true;
  }

  std::string class_lit(char32_t c) const { return is_ascii_alnum(c) ? std::string(1, static_cast<char>(c)) : hex_lit(c); }

  bool parse_class(std::vector<Item>& items, std::int64_t fl) {
    std::size_t here = tell() - 1;
    bool negate;
    if (!match('^', negate)) return false;
    std::string body;
    int count = 0;
    for (;;) {
      Tok t;
      if (!get(t)) return false;
      if (t.none) return fail("unterminated character set", tell() - here);
      if (t.is(']') && count > 0) break;
      bool lit1 = true;
      char32_t c1 = t.c;
      std::string mem1;
      if (t.esc && !class_escape(t, lit1, c1, mem1, fl)) return false;
      bool dash;
      if (!match('-', dash)) return false;
      if (dash) {
        Tok that;
        if (!get(that)) return false;
        if (that.none) return fail("unterminated character set", tell() - here);
        if (that.is(']')) {
          body += lit1 ? class_lit(c1) : mem1;
          body += "\\x{2d}";
          count += 2;
          break;
        }
        bool lit2 = true;
        char32_t c2 = that.c;
        std::string mem2;
        if (that.esc && !class_escape(that, lit2, c2, mem2, fl)) return false;
        std::string msg = "bad character range " + tok_text(t) + "-" + tok_text(that);
        if (!lit1 || !lit2 || c2 < c1) return fail(msg, t.len() + 1 + that.len());
        body += class_lit(c1) + "-" + class_lit(c2);
      } else {
        body += lit1 ? class_lit(c1) : mem1;
      }
      ++count;
    }
    std::string text = std::string("[") + (negate ? "^" : "") + body + "]";
    if (istext_ && (fl & kIgnoreCase) && (fl & kAscii)) text = "(?-i:" + text + ")";  // see lit_text
    items.push_back({text, ItemKind::Unit, {1, 1}, true});
    return true;
  }

  // `{...}` after an item: a repeat, or a literal brace.
  bool parse_repeat(Tok t, std::vector<Item>& items, std::int64_t fl) {
    std::size_t here = tell();
    std::int64_t mn = 0, mx = kMaxRepeat;
    std::string qtext;
    if (t.c == '?') { mn = 0; mx = 1; qtext = "?"; }
    else if (t.c == '*') { qtext = "*"; }
    else if (t.c == '+') { mn = 1; qtext = "+"; }
    else {
      if (next_.is('}')) {
        items.push_back({lit_text('{', fl), ItemKind::Unit, {1, 1}, true});
        return true;
      }
      std::string lo, hi;
      while (!next_.none && !next_.esc && is_ascii_digit(next_.c)) {
        lo += static_cast<char>(next_.c);
        if (!advance()) return false;
      }
      bool comma;
      if (!match(',', comma)) return false;
      if (comma) {
        while (!next_.none && !next_.esc && is_ascii_digit(next_.c)) {
          hi += static_cast<char>(next_.c);
          if (!advance()) return false;
        }
      } else {
        hi = lo;
      }
      bool close;
      if (!match('}', close)) return false;
      if (!close) {
        items.push_back({lit_text('{', fl), ItemKind::Unit, {1, 1}, true});
        index_ = here;
        return advance();
      }
      auto num = [&](const std::string& s, std::int64_t& v) {
        if (s.size() > 12) return false;
        v = std::stoll(s);
        return v < kMaxRepeat;
      };
      if (!lo.empty() && !num(lo, mn)) {
        err_ = {"the repetition number is too large", -1, overflow_};
        return false;
      }
      if (!hi.empty()) {
        if (!num(hi, mx)) {
          err_ = {"the repetition number is too large", -1, overflow_};
          return false;
        }
        if (mx < mn) return fail("min repeat greater than max repeat", tell() - here);
      }
      qtext = hi.empty() ? fmt::format("{{{},}}", mn) : mn == mx && comma == false ? fmt::format("{{{}}}", mn)
                                                                                   : fmt::format("{{{},{}}}", mn, mx);
    }
    if (items.empty() || items.back().kind == ItemKind::At)
      return fail("nothing to repeat", tell() - here + t.len());
    if (items.back().kind == ItemKind::Repeat) return fail("multiple repeat", tell() - here + t.len());
    Item& it = items.back();
    bool lazy, poss = false;
    if (!match('?', lazy)) return false;
    if (!lazy && !match('+', poss)) return false;
    if (lazy) qtext += '?';
    if (poss) qtext += '+';
    if (!it.single) it.text = "(?:" + it.text + ")";
    it.text += qtext;
    auto mul = [](std::int64_t a, std::int64_t b) {
      if (a == 0 || b == 0) return std::int64_t{0};
      return a > kMaxRepeat / b ? kMaxRepeat : std::min(a * b, kMaxRepeat);
    };
    it.w = {mul(it.w.lo, mn), mul(it.w.hi, mx)};
    it.kind = ItemKind::Repeat;
    it.single = false;
    return true;
  }

  bool parse_seq(std::string& out, Width& w, bool verbose, int nested, bool first, std::int64_t fl) {
    std::vector<Item> items;
    for (;;) {
      if (next_.none || next_.is('|') || next_.is(')')) break;
      Tok t;
      if (!get(t)) return false;
      if (verbose && !t.esc) {
        if (t.c == ' ' || t.c == '\t' || t.c == '\n' || t.c == '\r' || t.c == '\v' || t.c == '\f') continue;
        if (t.c == '#') {
          for (;;) {
            Tok c;
            if (!get(c)) return false;
            if (c.none || c.is('\n')) break;
          }
          continue;
        }
      }
      if (t.esc) {
        if (!parse_escape(t, items, fl)) return false;
        continue;
      }
      switch (t.c) {
        case '[':
          if (!parse_class(items, fl)) return false;
          break;
        case '?': case '*': case '+': case '{':
          if (!parse_repeat(t, items, fl)) return false;
          break;
        case '.':
          items.push_back({".", ItemKind::Unit, {1, 1}, true});
          break;
        case '^':
          items.push_back({"^", ItemKind::At, {}, true});
          break;
        case '$':
          items.push_back({"$", ItemKind::At, {}, true});
          break;
        case '(': {
          bool consumed_flags = false;
          if (!parse_group(items, verbose, nested, first, fl, consumed_flags)) return false;
          if (consumed_flags) {
            verbose = (flags_ & kVerbose) != 0;
            fl = flags_;
          }
          break;
        }
        default:
          items.push_back({lit_text(t.c, fl), ItemKind::Unit, {1, 1}, true});
      }
    }
    out = join(items);
    w = seq_width(items);
    return true;
  }

  bool parse_flags(Tok ch, std::int64_t& add, std::int64_t& del, bool& global) {
    auto flag_of = [](char32_t c) -> std::int64_t {
      switch (c) {
        case 'i': return kIgnoreCase;
        case 'L': return kLocale;
        case 'm': return kMultiline;
        case 's': return kDotAll;
        case 'x': return kVerbose;
        case 'a': return kAscii;
        case 't': return kTemplate;
        case 'u': return kUnicode;
        default: return 0;
      }
    };
    auto is_flag = [&](const Tok& t) { return !t.none && !t.esc && flag_of(t.c) != 0; };
    auto is_alpha = [](const Tok& t) { return !t.esc && (is_ascii_letter(t.c) || t.c >= 0x80); };
    add = del = 0;
    global = false;
    Tok c = ch;
    if (!c.is('-')) {
      for (;;) {
        std::int64_t f = flag_of(c.c);
        if (istext_ && c.c == 'L') return fail("bad inline flags: cannot use 'L' flag with a str pattern", 0);
        if (!istext_ && c.c == 'u') return fail("bad inline flags: cannot use 'u' flag with a bytes pattern", 0);
        add |= f;
        if ((f & kTypeFlags) && (add & kTypeFlags) != f)
          return fail("bad inline flags: flags 'a', 'u' and 'L' are incompatible", 0);
        if (!get(c)) return false;
        if (c.none) return fail("missing -, : or )", 0);
        if (c.is(')') || c.is('-') || c.is(':')) break;
        if (!is_flag(c)) return fail(is_alpha(c) ? "unknown flag" : "missing -, : or )", c.len());
      }
    }
    if (c.is(')')) {
      flags_ |= add;
      global = true;
      return true;
    }
    if (add & kGlobalFlags) return fail("bad inline flags: cannot turn on global flag", 1);
    if (c.is('-')) {
      if (!get(c)) return false;
      if (c.none) return fail("missing flag", 0);
      if (!is_flag(c)) return fail(is_alpha(c) ? "unknown flag" : "missing flag", c.len());
      for (;;) {
        std::int64_t f = flag_of(c.c);
        if (f & kTypeFlags) return fail("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", 0);
        del |= f;
        if (!get(c)) return false;
        if (c.none) return fail("missing :", 0);
        if (c.is(':')) break;
        if (!is_flag(c)) return fail(is_alpha(c) ? "unknown flag" : "missing :", c.len());
      }
    }
    if (del & kGlobalFlags) return fail("bad inline flags: cannot turn off global flag", 1);
    if (add & del) return fail("bad inline flags: flag turned on and off", 1);
    return true;
  }

  bool close_paren(std::size_t start) {
    bool ok;
    if (!match(')', ok)) return false;
    if (!ok) return fail("missing ), unterminated subpattern", tell() - start);
    return true;
  }

  bool parse_group(std::vector<Item>& items, bool verbose, int nested, bool first, std::int64_t fl,
                   bool& consumed_flags) {
    std::size_t start = tell() - 1;
    bool capture = true, atomic = false;
    std::u32string name;
    bool named = false;
    std::int64_t add = 0, del = 0;
    bool q;
    if (!match('?', q)) return false;
    if (q) {
      Tok ch;
      if (!get(ch)) return false;
      if (ch.none) return fail("unexpected end of pattern", 0);
      if (ch.is('P')) {
        bool lt, eq;
        if (!match('<', lt)) return false;
        if (lt) {
          if (!getuntil('>', "group name", name) || !checkgroupname(name, 1)) return false;
          named = true;
        } else {
          if (!match('=', eq)) return false;
          if (eq) {
            if (!getuntil(')', "group name", name) || !checkgroupname(name, 1)) return false;
            std::int64_t gid = find_name(name);
            if (gid < 0) return fail("unknown group name " + py_repr(name), name.size() + 1);
            if (!checkgroup(gid)) return fail("cannot refer to an open group", name.size() + 1);
            if (!checklookbehindgroup(gid)) return false;
            items.push_back({fmt::format("\\g{{{}}}", gid), ItemKind::Other, widths_[gid], true});
            return true;
          }
          Tok c;
          if (!get(c)) return false;
          if (c.none) return fail("unexpected end of pattern", 0);
          return fail("unknown extension ?P" + tok_text(c), c.len() + 2);
        }
      } else if (ch.is(':')) {
        capture = false;
      } else if (ch.is('#')) {
        for (;;) {
          if (next_.none) return fail("missing ), unterminated comment", tell() - start);
          Tok c;
          if (!get(c)) return false;
          if (c.is(')')) break;
        }
        return true;
      } else if (ch.is('=') || ch.is('!') || ch.is('<')) {
        bool behind = false;
        Tok kind = ch;
        std::int64_t saved_lbg = lookbehindgroups_;
        if (ch.is('<')) {
          if (!get(kind)) return false;
          if (kind.none) return fail("unexpected end of pattern", 0);
          if (!kind.is('=') && !kind.is('!')) return fail("unknown extension ?<" + tok_text(kind), kind.len() + 2);
          behind = true;
          if (lookbehindgroups_ < 0) lookbehindgroups_ = groups();
        }
        std::string body;
        Width w;
        if (!parse_sub(body, w, verbose, nested + 1, fl)) return false;
        if (behind) {
          lookbehindgroups_ = saved_lbg;
          if (w.lo != w.hi) bad_lookbehind_ = true;
        }
        if (!close_paren(start)) return false;
        std::string open = std::string("(?") + (behind ? "<" : "") + (kind.is('=') ? "=" : "!");
        items.push_back({open + body + ")", ItemKind::Other, {}, true});
        return true;
      } else if (ch.is('(')) {
        std::u32string cond;
        if (!getuntil(')', "group name", cond)) return false;
        std::int64_t condgroup;
        if (is_identifier(cond)) {
          if (!checkgroupname(cond, 1)) return false;
          condgroup = find_name(cond);
          if (condgroup < 0) return fail("unknown group name " + py_repr(cond), cond.size() + 1);
        } else {
          bool digits = !cond.empty() && cond.size() < 19;
          for (char32_t c : cond) digits = digits && is_ascii_digit(c);
          if (!digits) return fail("bad character in group name " + py_repr(cond), cond.size() + 1);
          condgroup = std::stoll(u8(cond));
          if (condgroup == 0) return fail("bad group number", cond.size() + 1);
          if (condgroup >= kMaxGroups) return fail(fmt::format("invalid group reference {}", condgroup), cond.size() + 1);
          bool seen = false;
          for (auto& gp : grouprefpos_) seen = seen || gp.first == condgroup;
          if (!seen) grouprefpos_.push_back({condgroup, tell() - cond.size() - 1});
        }
        if (!checklookbehindgroup(condgroup)) return false;
        std::string yes, no;
        Width wy, wn;
        if (!parse_seq(yes, wy, verbose, nested + 1, false, fl)) return false;
        bool bar;
        if (!match('|', bar)) return false;
        if (bar) {
          if (!parse_seq(no, wn, verbose, nested + 1, false, fl)) return false;
          if (next_.is('|')) return fail("conditional backref with more than two branches", 0);
        }
        if (!close_paren(start)) return false;
        Width w = bar ? Width{std::min(wy.lo, wn.lo), std::max(wy.hi, wn.hi)} : Width{0, wy.hi};
        items.push_back({fmt::format("(?({}){}{}{})", condgroup, yes, bar ? "|" : "", no), ItemKind::Other, w, true});
        return true;
      } else if (ch.is('>')) {
        capture = false;
        atomic = true;
      } else if (ch.is('-') || (!ch.esc && std::u32string_view(U"iLmsxatu").find(ch.c) != std::u32string_view::npos)) {
        bool global;
        if (!parse_flags(ch, add, del, global)) return false;
        if (global) {
          if (!first || !items.empty())
            return fail("global flags not at the start of the expression", tell() - start);
          consumed_flags = true;
          return true;
        }
        capture = false;
      } else {
        return fail("unknown extension ?" + tok_text(ch), ch.len() + 1);
      }
    }
    std::int64_t group = -1;
    if (capture) {
      group = groups();
      if (group >= kMaxGroups) {
        err_ = {"too many groups", -1};
        return false;
      }
      if (named) {
        std::int64_t ogid = find_name(name);
        if (ogid >= 0)
          return fail(fmt::format("redefinition of group name {} as group {}; was group {}", py_repr(name), group, ogid),
                      name.size() + 1);
        groupdict_.push_back({u8(name), group});
      }
      widths_.push_back(Width{});
      closed_.push_back(false);
      parent_.push_back(open_stack_.empty() ? 0 : open_stack_.back());
      open_stack_.push_back(group);
    }
    bool sub_verbose = (verbose || (add & kVerbose)) && !(del & kVerbose);
    std::int64_t sub_fl = (fl | add) & ~del;
    std::string body;
    Width w;
    if (!parse_sub(body, w, sub_verbose, nested + 1, sub_fl)) return false;
    if (!close_paren(start)) return false;
    std::string open = "(?:";
    if (capture) {
      open = "(";
      widths_[group] = w;
      closed_[group] = true;
      open_stack_.pop_back();
    } else if (atomic) {
      open = "(?>";
    } else {
      std::string on, off;
      for (auto [f, c] : {std::pair{kIgnoreCase, 'i'}, {kMultiline, 'm'}, {kDotAll, 's'}}) {
        if (add & f) on += c;
        if (del & f) off += c;
      }
      if (!on.empty() || !off.empty()) open = "(?" + on + (off.empty() ? "" : "-" + off) + ":";
    }
    items.push_back({open + body + ")", capture || atomic || add || del ? ItemKind::Group : ItemKind::Group, w, true});
    return true;
  }

  std::int64_t find_name(const std::u32string& name) const {
    std::string n = u8(name);
    for (auto& [k, v] : groupdict_)
      if (k == n) return v;
    return -1;
  }

  bool fix_flags() {
    if (istext_) {
      if (flags_ & kLocale) return value_error("cannot use LOCALE flag with a str pattern");
      if (!(flags_ & kAscii)) flags_ |= kUnicode;
      else if (flags_ & kUnicode) return value_error("ASCII and UNICODE flags are incompatible");
    } else {
      if (flags_ & kUnicode) return value_error("cannot use UNICODE flag with a bytes pattern");
      if ((flags_ & kLocale) && (flags_ & kAscii)) return value_error("ASCII and LOCALE flags are incompatible");
    }
    return true;
  }
  bool value_error(const char* msg) {
    err_ = {msg, -1, value_error_};
    return false;
  }

 public:
  Type* value_error_ = nullptr;  // set by the caller: the interpreter's ValueError
  Type* overflow_ = nullptr;     // and OverflowError
  Type* recursion_error_ = nullptr;
};

// ---------------------------------------------------------------------------
// The compiled pattern
// ---------------------------------------------------------------------------

struct CodeObj : Opaque {
  pcre2_code* code = nullptr;
  bool istext = true;
  std::int64_t groups = 0;
  bool empty = false;                // the pattern is empty (see re_search)
  Dict* groupindex = nullptr;        // name -> group number
  std::vector<std::int64_t> parents;  // the group enclosing each group (0: none)
  Type* match_type = nullptr;        // re.Match, for the matches it makes
  explicit CodeObj(Type* t) : Opaque(t) {}
  ~CodeObj() override { pcre2_code_free(code); }
  void trace(Tracer& t) override {
    Opaque::trace(t);
    t.mark(groupindex);
    t.mark(match_type);
  }
};

// re.Match: one match's spans (code points, -1 for a group that did not
// take part), the subject, and the Pattern that made it. Immutable once
// made: nothing to lock.
struct MatchObj : Opaque {
  CodeObj* code = nullptr;
  Value pattern;   // the re.Pattern (stdlib/re.py)
  Value string;    // the subject
  std::vector<std::int64_t> spans;  // 2 * (groups + 1)
  std::int64_t pos = 0, endpos = 0;  // as clipped for the search
  explicit MatchObj(Type* t) : Opaque(t) {}
  void trace(Tracer& t) override {
    Opaque::trace(t);
    t.mark(code);
    t.mark(pattern);
    t.mark(string);
  }
};

// Per-thread PCRE2 state: a match context with a JIT stack big enough for
// deep backtracking over large subjects (the default 32 KiB is not), and
// scratch match data. Per thread because matches run in parallel under
// the `off` GIL mode.
struct MatchEnv {
  pcre2_match_context* mctx = nullptr;
  pcre2_jit_stack* stack = nullptr;
  MatchEnv() {
    mctx = pcre2_match_context_create(nullptr);
    stack = pcre2_jit_stack_create(64 * 1024, 256 * 1024 * 1024, nullptr);
    pcre2_jit_stack_assign(mctx, nullptr, stack);
    pcre2_set_heap_limit(mctx, 1024 * 1024);  // KiB: 1 GiB for the interpreter's backtracking frames
    pcre2_set_match_limit(mctx, 100000000);
  }
  ~MatchEnv() {
    pcre2_jit_stack_free(stack);
    pcre2_match_context_free(mctx);
  }
};

MatchEnv& env() {
  thread_local MatchEnv e;
  return e;
}

struct MatchData {
  pcre2_match_data* md;
  explicit MatchData(pcre2_code* c) : md(pcre2_match_data_create_from_pattern(c, nullptr)) {}
  ~MatchData() { pcre2_match_data_free(md); }
  MatchData(const MatchData&) = delete;
  MatchData& operator=(const MatchData&) = delete;
};

// v as this module's object T, or null.
template <class T>
T* opaque_as(Value v) {
  return v.is_obj() && v.as_obj()->kind == Kind::Opaque ? dynamic_cast<T*>(v.as_obj()) : nullptr;
}

CodeObj* as_code(ThreadState& ts, Value v) {
  CodeObj* c = opaque_as<CodeObj>(v);
  if (c == nullptr) raise(ts, ts.interp.types.TypeError, "_re: expected a compiled pattern");
  return c;
}

// The subject: its bytes, and the map between code points and bytes.
struct Subject {
  std::string_view s;
  bool istext = true;
  bool ascii = true;
  std::int64_t length = 0;  // in characters
  // The cursor of to_cp / to_byte: a known (byte, code point) pair.
  std::size_t cb = 0;
  std::int64_t cc = 0;

  std::int64_t to_cp(std::size_t b) {
    if (ascii) return static_cast<std::int64_t>(b);
    if (b < cb / 2) cb = 0, cc = 0;
    while (cb < b) {
      ++cb;
      while (cb < b && (static_cast<unsigned char>(s[cb]) & 0xC0) == 0x80) ++cb;
      ++cc;
    }
    while (cb > b) {
      --cb;
      while (cb > b && (static_cast<unsigned char>(s[cb]) & 0xC0) == 0x80) --cb;
      --cc;
    }
    return cc;
  }
  std::size_t to_byte(std::int64_t c) {
    if (ascii) return static_cast<std::size_t>(c);
    if (c < cc / 2) cb = 0, cc = 0;
    while (cc < c && cb < s.size()) {
      ++cb;
      while (cb < s.size() && (static_cast<unsigned char>(s[cb]) & 0xC0) == 0x80) ++cb;
      ++cc;
    }
    while (cc > c) {
      --cb;
      while (cb > 0 && (static_cast<unsigned char>(s[cb]) & 0xC0) == 0x80) --cb;
      --cc;
    }
    return cb;
  }
  Value slice(ThreadState& ts, std::size_t b, std::size_t e) {
    if (!istext) return new_bytes(ts, std::string(s.substr(b, e - b)));
    if (ascii) return obj(new_str_obj(ts.interp, s.substr(b, e - b), e - b));
    std::int64_t n = to_cp(e) - to_cp(b);
    return obj(new_str_obj(ts.interp, s.substr(b, e - b), static_cast<std::size_t>(n)));
  }
};

// Checks the subject against the pattern's type (CPython's messages).
bool get_subject(ThreadState& ts, CodeObj* c, Value v, Subject& out) {
  Interpreter& in = ts.interp;
  if (Str* s = as_str(v)) {
    if (!c->istext) {
      raise(ts, in.types.TypeError, "cannot use a bytes pattern on a string-like object");
      return false;
    }
    out.s = s->s;
    out.istext = true;
    out.ascii = s->ascii;
    out.length = static_cast<std::int64_t>(s->length);
    return true;
  }
  if (Bytes* b = as_bytes(v)) {
    if (c->istext) {
      raise(ts, in.types.TypeError, "cannot use a string pattern on a bytes-like object");
      return false;
    }
    out.s = b->s;
    out.istext = false;
    out.ascii = true;
    out.length = static_cast<std::int64_t>(b->s.size());
    return true;
  }
  raise_fmt(ts, in.types.TypeError, "expected string or bytes-like object, got '{}'", type_name(ts, v));
  return false;
}

// The leading arguments (code, string) of the functions below (bound by
// their kFunctions rows); false with an exception raised.
bool code_and_subject(ThreadState& ts, const Args& a, CodeObj*& c, Subject& s) {
  c = as_code(ts, a[0]);
  return c != nullptr && get_subject(ts, c, a[1], s);
}

// pos/endpos clipped as sre's state_init: into [0, len].
bool get_range(ThreadState& ts, const Args& a, std::size_t i, Subject& s, std::int64_t& pos, std::int64_t& endpos) {
  pos = 0;
  endpos = s.length;
  if (a.npos > i && !a[i].is_none()) {
    auto v = to_index(ts, a[i]);
    if (!v) return false;
    pos = std::clamp<std::int64_t>(*v, 0, s.length);
  }
  if (a.npos > i + 1 && !a[i + 1].is_none()) {
    auto v = to_index(ts, a[i + 1]);
    if (!v) return false;
    endpos = std::clamp<std::int64_t>(*v, 0, s.length);
  }
  return true;
}

// One pcre2_match: 1 matched, 0 no match, -1 error raised.
int run_match(ThreadState& ts, CodeObj* c, Subject& s, std::size_t start, std::size_t end, std::uint32_t opts,
              pcre2_match_data* md) {
  int rc = pcre2_match(c->code, reinterpret_cast<PCRE2_SPTR>(s.s.data()), end, start, opts, md, env().mctx);
  if (rc >= 0) return 1;
  if (rc == PCRE2_ERROR_NOMATCH) return 0;
  PCRE2_UCHAR buf[256];
  pcre2_get_error_message(rc, buf, sizeof buf);
  raise_fmt(ts, ts.interp.types.RuntimeError, "re: the match was abandoned by PCRE2: {}", reinterpret_cast<char*>(buf));
  return -1;
}

// A re.Match for the match in `ov` (the ovector of match data made for the
// pattern: groups + 1 pairs).
Value make_match(ThreadState& ts, CodeObj* c, Subject& s, const PCRE2_SIZE* ov, Value pattern, Value string,
                 std::int64_t pos, std::int64_t endpos) {
  auto* m = ts.interp.heap.make<MatchObj>(c->match_type);
  m->code = c;
  m->pattern = pattern;
  m->string = string;
  m->pos = pos;
  m->endpos = endpos;
  m->spans.reserve(static_cast<std::size_t>(2 * (c->groups + 1)));
  for (std::int64_t g = 0; g <= c->groups; ++g) {
    bool unset = ov[2 * g] == PCRE2_UNSET;
    m->spans.push_back(unset ? -1 : s.to_cp(ov[2 * g]));
    m->spans.push_back(unset ? -1 : s.to_cp(ov[2 * g + 1]));
  }
  return obj(m);
}

// ---------------------------------------------------------------------------
// Module functions
// ---------------------------------------------------------------------------

// compile(pattern, flags) -> (code, groups, groupindex, flags)
//                          | (None, msg, pos)  on a syntax error
Value re_compile(ThreadState& ts, Value self, const Args& a) {
  Interpreter& in = ts.interp;
  auto flags = to_index(ts, a[1]);
  if (!flags) return Value::fail();
  std::vector<char32_t> cps;
  bool istext;
  if (Str* s = as_str(a[0])) {
    cps = decode_utf8(s->s);
    istext = true;
  } else if (Bytes* b = as_bytes(a[0])) {
    for (unsigned char ch : b->s) cps.push_back(ch);
    istext = false;
  } else {
    return raise(ts, in.types.TypeError, "first argument must be string or compiled pattern");
  }
  Translator tr(std::move(cps), istext, *flags);
  tr.value_error_ = in.types.ValueError;
  tr.overflow_ = in.types.OverflowError;
  tr.recursion_error_ = in.types.RecursionError;
  if (!tr.run()) {
    if (tr.err_.exc != nullptr) return raise(ts, tr.err_.exc, tr.err_.msg);
    Value pos = tr.err_.pos < 0 ? Value::none() : Value::from_int(tr.err_.pos);
    return obj(new_tuple(ts, {Value::none(), new_str(ts, tr.err_.msg), pos}));
  }
  std::uint32_t opts = PCRE2_ALT_CIRCUMFLEX;
  if (istext) {
    opts |= PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    if (!(tr.flags_ & kAscii)) opts |= PCRE2_UCP;
  }
  if (tr.flags_ & kIgnoreCase) opts |= PCRE2_CASELESS;
  if (tr.flags_ & kMultiline) opts |= PCRE2_MULTILINE;
  if (tr.flags_ & kDotAll) opts |= PCRE2_DOTALL;
  pcre2_compile_context* cctx = pcre2_compile_context_create(nullptr);
  pcre2_set_newline(cctx, PCRE2_NEWLINE_LF);
  pcre2_set_parens_nest_limit(cctx, 2 * kMaxNesting);  // emitted groups nest a little deeper than Python's
  int errcode = 0;
  PCRE2_SIZE erroff = 0;
  pcre2_code* code =
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>(tr.out_.data()), tr.out_.size(), opts, &errcode, &erroff, cctx);
  pcre2_compile_context_free(cctx);
  if (code == nullptr) {
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(errcode, buf, sizeof buf);
    return obj(new_tuple(ts, {Value::none(),
                              new_str(ts, fmt::format("gilvm's engine (PCRE2) cannot compile this pattern: {}",
                                                      reinterpret_cast<char*>(buf))),
                              Value::none()}));
  }
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // on failure pcre2_match interprets
  // The Native's data: the types (_re.Code, re.Match).
  Tuple* types = as_tuple(self);
  auto* c = in.heap.make<CodeObj>(as_type(types->items[0]));
  c->match_type = as_type(types->items[1]);
  c->code = code;
  c->istext = istext;
  c->groups = tr.groups() - 1;
  c->empty = tr.out_.empty();
  c->groupindex = new_dict(ts);
  for (auto& [name, gid] : tr.groupdict_) dict_set_cstr(in, c->groupindex, name, Value::from_int(gid));
  c->parents.push_back(0);
  for (std::int64_t p : tr.parent_) c->parents.push_back(p);
  return obj(new_tuple(ts, {obj(c), Value::from_int(c->groups), obj(c->groupindex), Value::from_int(tr.flags_)}));
}

// search(code, string, pos, endpos, mode, pattern) -> re.Match or None.
// mode 0 search, 1 match (anchored at pos), 2 fullmatch.
Value re_search(ThreadState& ts, Value self, const Args& a) {
  CodeObj* c;
  Subject s;
  if (!code_and_subject(ts, a, c, s)) return Value::fail();
  std::int64_t pos, endpos;
  if (!get_range(ts, a, 2, s, pos, endpos)) return Value::fail();
  std::int64_t mode = a[4].is_int() ? a[4].as_int() : 0;
  // With endpos before pos nothing matches, except that sre's match() of
  // the empty pattern (which has no length check) matches at pos.
  if (endpos < pos && !(mode == 1 && c->empty)) return Value::none();
  std::uint32_t opts = mode == 1 ? PCRE2_ANCHORED : mode == 2 ? PCRE2_ANCHORED | PCRE2_ENDANCHORED : 0;
  MatchData md(c->code);
  std::size_t b = s.to_byte(pos), e = s.to_byte(std::max(pos, endpos));
  int r = run_match(ts, c, s, b, e, opts, md.md);
  if (r < 0) return Value::fail();
  if (r == 0) return Value::none();
  return make_match(ts, c, s, pcre2_get_ovector_pointer(md.md), a[5], a[1], pos, endpos);
}

// The loop of findall/finditer/sub/split (sre's since 3.7): calls
// f(ovector) for each match until it returns false; -1 on error.
template <class F>
int each_match(ThreadState& ts, CodeObj* c, Subject& s, std::size_t b, std::size_t e, std::int64_t limit, F&& f) {
  MatchData md(c->code);
  std::uint32_t opts = 0;
  std::int64_t n = 0;
  while (b <= e && (limit <= 0 || n < limit)) {
    int r = run_match(ts, c, s, b, e, opts, md.md);
    if (r < 0) return -1;
    if (r == 0) break;
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md.md);
    ++n;
    if (!f(ov)) return -1;
    opts = ov[0] == ov[1] ? PCRE2_NOTEMPTY_ATSTART : 0;
    b = ov[1];
  }
  return 0;
}

// findall and scan: (code, string, pos, endpos[, limit]) -> a list of
// item(ovector) for each match.
template <class Item>
Value collect_matches(ThreadState& ts, const Args& a, Item&& item) {
  CodeObj* c;
  Subject s;
  if (!code_and_subject(ts, a, c, s)) return Value::fail();
  std::int64_t pos, endpos;
  if (!get_range(ts, a, 2, s, pos, endpos)) return Value::fail();
  std::optional<std::int64_t> limit = 0;
  if (a.size() > 4 && !(limit = to_index(ts, a[4]))) return Value::fail();
  List* out = new_list(ts);
  if (endpos < pos) return obj(out);
  std::size_t b = s.to_byte(pos), e = s.to_byte(endpos);
  int r = each_match(ts, c, s, b, e, *limit, [&](PCRE2_SIZE* ov) {
    out->items.push_back(item(c, s, ov, pos, endpos));
    return true;
  });
  if (r < 0) return Value::fail();
  return obj(out);
}

// findall(code, string, pos, endpos) -> list of str/bytes or tuples
Value re_findall(ThreadState& ts, Value self, const Args& a) {
  return collect_matches(ts, a, [&](CodeObj* c, Subject& s, PCRE2_SIZE* ov, std::int64_t, std::int64_t) {
    auto group = [&](std::int64_t g) {
      return ov[2 * g] == PCRE2_UNSET ? s.slice(ts, 0, 0) : s.slice(ts, ov[2 * g], ov[2 * g + 1]);
    };
    if (c->groups <= 1) return group(c->groups);
    std::vector<Value> items;
    for (std::int64_t g = 1; g <= c->groups; ++g) items.push_back(group(g));
    return obj(new_tuple(ts, items));
  });
}

// scan(code, string, pos, endpos, limit, pattern) -> list of re.Match
// (finditer, and sub with a function)
Value re_scan(ThreadState& ts, Value self, const Args& a) {
  return collect_matches(ts, a,
                         [&](CodeObj* c, Subject& s, PCRE2_SIZE* ov, std::int64_t pos, std::int64_t endpos) {
                           return make_match(ts, c, s, ov, a[5], a[1], pos, endpos);
                         });
}

// sub(code, string, template, count) -> (result, n). template: a list of
// str/bytes literals and int group numbers (re.py parsed it).
Value re_sub(ThreadState& ts, Value self, const Args& a) {
  CodeObj* c;
  Subject s;
  if (!code_and_subject(ts, a, c, s)) return Value::fail();
  List* tmpl = as_list(a[2]);
  auto count = to_index(ts, a[3]);
  if (tmpl == nullptr || !count) return raise(ts, ts.interp.types.TypeError, "_re.sub: bad arguments");
  std::string out;
  std::size_t last = 0;
  std::int64_t n = 0;
  int r = each_match(ts, c, s, 0, s.s.size(), *count, [&](PCRE2_SIZE* ov) {
    out.append(s.s.substr(last, ov[0] - last));
    for (Value item : tmpl->items) {
      if (item.is_int()) {
        std::int64_t g = item.as_int();
        if (ov[2 * g] != PCRE2_UNSET) out.append(s.s.substr(ov[2 * g], ov[2 * g + 1] - ov[2 * g]));
      } else if (Str* t = as_str(item)) {
        out += t->s;
      } else if (Bytes* t = as_bytes(item)) {
        out += t->s;
      }
    }
    last = ov[1];
    ++n;
    return true;
  });
  if (r < 0) return Value::fail();
  if (n == 0) return obj(new_tuple(ts, {a[1], Value::from_int(0)}));
  out.append(s.s.substr(last));
  Value res = s.istext ? new_str(ts, std::move(out)) : new_bytes(ts, std::move(out));
  return obj(new_tuple(ts, {res, Value::from_int(n)}));
}

// split(code, string, maxsplit) -> list
Value re_split(ThreadState& ts, Value self, const Args& a) {
  CodeObj* c;
  Subject s;
  if (!code_and_subject(ts, a, c, s)) return Value::fail();
  auto maxsplit = to_index(ts, a[2]);
  if (!maxsplit) return Value::fail();
  List* out = new_list(ts);
  if (*maxsplit < 0) {
    out->items.push_back(a[1]);
    return obj(out);
  }
  std::size_t last = 0;
  int r = each_match(ts, c, s, 0, s.s.size(), *maxsplit, [&](PCRE2_SIZE* ov) {
    out->items.push_back(s.slice(ts, last, ov[0]));
    for (std::int64_t g = 1; g <= c->groups; ++g)
      out->items.push_back(ov[2 * g] == PCRE2_UNSET ? Value::none() : s.slice(ts, ov[2 * g], ov[2 * g + 1]));
    last = ov[1];
    return true;
  });
  if (r < 0) return Value::fail();
  out->items.push_back(s.slice(ts, last, s.s.size()));
  return obj(out);
}

// ---------------------------------------------------------------------------
// re.Match
// ---------------------------------------------------------------------------

MatchObj* as_match(ThreadState& ts, Value v, const char* method) {
  MatchObj* m = opaque_as<MatchObj>(v);
  if (m == nullptr)
    raise_fmt(ts, ts.interp.types.TypeError, "descriptor '{}' for 're.Match' objects doesn't apply to a '{}' object",
              method, type_name(ts, v));
  return m;
}

// The group number `g` names (an int, or a group name): -1 with
// IndexError("no such group") raised when it names none.
std::int64_t group_index(ThreadState& ts, MatchObj* m, Value g) {
  if (g.is_int()) {
    if (g.as_int() >= 0 && g.as_int() <= m->code->groups) return g.as_int();
  } else if (as_str(g) != nullptr) {
    Value i = dict_get(ts, m->code->groupindex, g);
    if (i.is_fail()) return -1;
    if (i.is_int()) return i.as_int();
  } else if (is_int_like(g)) {
    auto i = to_index(ts, g);
    if (!i) return -1;
    if (*i >= 0 && *i <= m->code->groups) return *i;
  }
  raise(ts, ts.interp.types.IndexError, "no such group");
  return -1;
}

// Group i's text, or `dflt` when it did not take part.
Value group_value(ThreadState& ts, MatchObj* m, std::int64_t i, Value dflt) {
  std::int64_t b = m->spans[2 * i], e = m->spans[2 * i + 1];
  if (b < 0) return dflt;
  if (Bytes* by = as_bytes(m->string)) return new_bytes(ts, by->s.substr(b, e - b));
  Str* str = as_str(m->string);
  if (str->ascii) return obj(new_str_obj(ts.interp, std::string_view(str->s).substr(b, e - b), e - b));
  std::size_t bb = text::utf8_offset_of(str->s, b);
  std::size_t eb = bb + text::utf8_offset_of(std::string_view(str->s).substr(bb), e - b);
  return obj(new_str_obj(ts.interp, std::string_view(str->s).substr(bb, eb - bb), e - b));
}

Value match_group_at(ThreadState& ts, MatchObj* m, Value g) {
  std::int64_t i = group_index(ts, m, g);
  return i < 0 ? Value::fail() : group_value(ts, m, i, Value::none());
}

// group(*groups)
Value match_group(ThreadState& ts, Value self, const Args& a) {
  MatchObj* m = as_match(ts, self, "group");
  if (m == nullptr) return Value::fail();
  Tuple* args = as_tuple(a[0]);
  if (args == nullptr || args->items.empty()) return group_value(ts, m, 0, Value::none());
  if (args->items.size() == 1) return match_group_at(ts, m, args->items[0]);
  std::vector<Value> out;
  for (Value g : args->items) {
    Value v = match_group_at(ts, m, g);
    if (v.is_fail()) return v;
    out.push_back(v);
  }
  return obj(new_tuple(ts, out));
}

Value match_getitem(ThreadState& ts, Value self, const Args& a) {
  MatchObj* m = as_match(ts, self, "__getitem__");
  return m == nullptr ? Value::fail() : match_group_at(ts, m, a[0]);
}

// groups(default=None)
Value match_groups(ThreadState& ts, Value self, const Args& a) {
  MatchObj* m = as_match(ts, self, "groups");
  if (m == nullptr) return Value::fail();
  Value dflt = a[0].is_null() ? Value::none() : a[0];
  std::vector<Value> out;
  for (std::int64_t i = 1; i <= m->code->groups; ++i) out.push_back(group_value(ts, m, i, dflt));
  return obj(new_tuple(ts, out));
}

// groupdict(default=None)
Value match_groupdict(ThreadState& ts, Value self, const Args& a) {
  MatchObj* m = as_match(ts, self, "groupdict");
  if (m == nullptr) return Value::fail();
  Value dflt = a[0].is_null() ? Value::none() : a[0];
  Dict* out = new_dict(ts);
  bool ok = true;
  dict_for_each(m->code->groupindex, [&](Value name, Value i) {
    if (ok) ok = dict_set(ts, out, name, group_value(ts, m, i.as_int(), dflt));
  });
  return ok ? obj(out) : Value::fail();
}

// start/end/span(group=0): which = 0 start, 1 end, 2 span.
template <int Which>
Value match_pos(ThreadState& ts, Value self, const Args& a) {
  MatchObj* m = as_match(ts, self, Which == 0 ? "start" : Which == 1 ? "end" : "span");
  if (m == nullptr) return Value::fail();
  std::int64_t i = a[0].is_null() ? 0 : group_index(ts, m, a[0]);
  if (i < 0) return Value::fail();
  Value b = Value::from_int(m->spans[2 * i]), e = Value::from_int(m->spans[2 * i + 1]);
  if (Which == 0) return b;
  if (Which == 1) return e;
  return obj(new_tuple(ts, {b, e}));
}

// expand(template): the template's items come from the Pattern (stdlib/re.py
// parses and caches them), the text from the match.
Value match_expand(ThreadState& ts, Value self, const Args& a) {
  MatchObj* m = as_match(ts, self, "expand");
  if (m == nullptr) return Value::fail();
  Value tmpl = a[0];
  Value items = call_method(ts, m->pattern, ts.interp.intern("_template"), std::span<const Value>(&tmpl, 1));
  if (items.is_fail()) return items;
  List* l = as_list(items);
  if (l == nullptr) return raise(ts, ts.interp.types.TypeError, "re: a template is a list");
  std::string out;
  bool istext = as_str(m->string) != nullptr;
  for (Value item : l->items) {
    Value piece = item.is_int() ? group_value(ts, m, item.as_int(), Value::none()) : item;
    if (Str* t = as_str(piece)) out += t->s;
    else if (Bytes* t = as_bytes(piece)) out += t->s;
  }
  return istext ? new_str(ts, std::move(out)) : new_bytes(ts, std::move(out));
}

// Whether group g closed after group h (sre's lastindex is the last group
// closed): a later end; at the same end an enclosing group closes after
// the groups it holds, else the later group in the pattern.
bool closes_after(const MatchObj* m, std::int64_t g, std::int64_t h) {
  std::int64_t eg = m->spans[2 * g + 1], eh = m->spans[2 * h + 1];
  if (eg != eh) return eg > eh;
  const auto& parents = m->code->parents;
  for (std::int64_t p = parents[h]; p > 0; p = parents[p])
    if (p == g) return true;
  for (std::int64_t p = parents[g]; p > 0; p = parents[p])
    if (p == h) return false;
  return g > h;
}

std::int64_t last_index(const MatchObj* m) {
  std::int64_t best = -1;
  for (std::int64_t g = 1; g <= m->code->groups; ++g)
    if (m->spans[2 * g] >= 0 && (best < 0 || closes_after(m, g, best))) best = g;
  return best;
}

Value match_repr(ThreadState& ts, Value self, const Args& a) {
  MatchObj* m = as_match(ts, self, "__repr__");
  if (m == nullptr) return Value::fail();
  Value g = group_value(ts, m, 0, Value::none());
  auto r = repr_string(ts, g);
  if (!r) return Value::fail();
  return new_str(ts, fmt::format("<re.Match object; span=({}, {}), match={}>", m->spans[0], m->spans[1], *r));
}

Value match_self(ThreadState& ts, Value self, const Args& a) { return self; }

const MethodDef kMatchMethods[] = {
    {"group", match_group, "*groups", Style::Positional, Access::Reads,
     "Return one or more subgroups of the match."},
    {"__getitem__", match_getitem, "group, /", Style::One},
    {"groups", match_groups, "default=None", Style::Keywords, Access::Reads,
     "Return a tuple containing all the subgroups of the match."},
    {"groupdict", match_groupdict, "default=None", Style::Keywords, Access::Reads,
     "Return a dictionary containing all the named subgroups of the match."},
    {"start", match_pos<0>, "group=0, /", Style::Positional, Access::Reads, "Return index of the start of the substring matched by group."},
    {"end", match_pos<1>, "group=0, /", Style::Positional, Access::Reads, "Return index of the end of the substring matched by group."},
    {"span", match_pos<2>, "group=0, /", Style::Positional, Access::Reads, "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"expand", match_expand, "template, /", Style::One, Access::Reads,
     "Return the string obtained by doing backslash substitution on the string template."},
    {"__repr__", match_repr, "", Style::NoArgs},
    {"__copy__", match_self, "", Style::NoArgs},
    {"__deepcopy__", match_self, "memo, /", Style::One},
};

MatchObj* match_of(Value v) { return static_cast<MatchObj*>(v.as_obj()); }

const GetSetDef kMatchGetSets[] = {
    {"re", [](ThreadState&, Value v) { return match_of(v)->pattern; }},
    {"string", [](ThreadState&, Value v) { return match_of(v)->string; }},
    {"pos", [](ThreadState&, Value v) { return Value::from_int(match_of(v)->pos); }},
    {"endpos", [](ThreadState&, Value v) { return Value::from_int(match_of(v)->endpos); }},
    {"lastindex",
     [](ThreadState&, Value v) {
       std::int64_t i = last_index(match_of(v));
       return i < 0 ? Value::none() : Value::from_int(i);
     }},
    {"lastgroup",
     [](ThreadState& ts, Value v) {
       MatchObj* m = match_of(v);
       std::int64_t i = last_index(m);
       Value name = Value::none();
       if (i >= 0)
         dict_for_each(m->code->groupindex, [&](Value k, Value g) {
           if (g.as_int() == i) name = k;
         });
       return name;
     }},
    {"regs",
     [](ThreadState& ts, Value v) {
       MatchObj* m = match_of(v);
       std::vector<Value> out;
       for (std::int64_t g = 0; g <= m->code->groups; ++g)
         out.push_back(obj(new_tuple(ts, {Value::from_int(m->spans[2 * g]), Value::from_int(m->spans[2 * g + 1])})));
       return obj(new_tuple(ts, out));
     }},
};

Value match_no_ctor(ThreadState& ts, Value self, const Args& a) {
  return raise(ts, ts.interp.types.TypeError, "cannot create 're.Match' instances");
}

Value code_no_ctor(ThreadState& ts, Value self, const Args& a) {
  return raise(ts, ts.interp.types.TypeError, "cannot create '_re.Code' instances");
}

// The functions stdlib/re.py calls (all arguments positional and given).
const MethodDef kFunctions[] = {
    {"compile", re_compile, "pattern, flags, /", Style::Positional},
    {"search", re_search, "code, string, pos, endpos, mode, pattern, /", Style::Positional},
    {"findall", re_findall, "code, string, pos, endpos, /", Style::Positional},
    {"scan", re_scan, "code, string, pos, endpos, limit, pattern, /", Style::Positional},
    {"sub", re_sub, "code, string, template, count, /", Style::Positional},
    {"split", re_split, "code, string, maxsplit, /", Style::Positional},
};

}  // namespace

bool init_re_module(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  Type* code = make_builtin_type(in, "Code", in.types.object, Kind::Opaque);
  code->module_name = obj(in.intern("_re"));
  code->ctor = code_no_ctor;
  dict_set_cstr(in, d, "Code", obj(code));
  dict_set_cstr(in, d, "MAXREPEAT", Value::from_int(kMaxRepeat));
  dict_set_cstr(in, d, "MAXGROUPS", Value::from_int(kMaxGroups));
  Type* match = make_builtin_type(in, "Match", in.types.object, Kind::Opaque);
  match->module_name = obj(in.intern("re"));
  match->ctor = match_no_ctor;
  add_methods(in, match, kMatchMethods, kMatchGetSets);
  // Dunder methods (m[1]) are found in the type's dict only for classes not
  // marked builtin (as modules/mmap.cpp does).
  match->builtin = false;
  dict_set_cstr(in, d, "Match", obj(match));
  add_functions(in, d, kFunctions);
  // compile() makes Code objects, which make Match objects: the types ride
  // in its Native's data (as modules/hashlib.cpp's constructors), not in
  // globals, so each interpreter has its own.
  if (Native* n = as_kind<Native, Kind::Native>(dict_get_cstr(in, d, "compile")))
    n->data = obj(new_tuple(ts, {obj(code), obj(match)}));
  return true;
}

}  // namespace gilvm
