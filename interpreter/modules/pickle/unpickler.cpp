// modules/pickle/unpickler.cpp — reading pickles: the stack machine that
// runs a pickle's opcodes (Lib/pickletools.py documents each one).
//
// The stack and the memo are Roots::first and Roots::second (a collection
// during a call back into Python — an import by GLOBAL, a class's __new__,
// REDUCE, __setstate__ — must see them); the MARK positions are plain
// indexes. Frames (protocol 4) are checked for length and otherwise read
// through: the whole pickle is in memory.
//
// Every read is bounds-checked. At an opcode boundary the end of the data
// is EOFError "Ran out of input"; inside an opcode's argument it is
// UnpicklingError "pickle data was truncated" (CPython's messages). Stack
// underflow, a missing MARK, an unknown memo index and an unknown opcode
// are UnpicklingErrors; text from the pickle that becomes a str is checked
// to be UTF-8 (surrogates allowed, as CPython's surrogatepass).

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "modules/pickle/opcodes.h"
#include "modules/pickle/pickle.h"
#include "runtime/unicode.h"
#include "vm/import.h"

namespace gilvm::pickle {

namespace {

using text::utf8_append;
using text::utf8_decode_at;

// Memo indexes past this many entries over the current size are refused
// rather than allocated for (garbage input must not exhaust memory).
constexpr std::uint64_t kMaxMemoGap = std::uint64_t{1} << 20;

// UTF-8 as Python's codec with surrogatepass: well-formed sequences, no
// overlong forms, nothing above U+10FFFF; encoded surrogates allowed. The
// code points are counted on the way, for the Str (which would otherwise
// walk the bytes again). False when the bytes are not valid.
bool utf8_surrogatepass_count(std::string_view s, std::size_t& code_points) {
  std::size_t i = 0, n = s.size(), count = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: the common case.
    std::uint64_t word;
    if (n - i >= 8 && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080u) == 0)) {
      i += 8;
      count += 8;
      continue;
    }
    auto c = static_cast<unsigned char>(s[i]);
    ++count;
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    char32_t cp;
    if (c >= 0xc2 && c <= 0xdf) { len = 2; cp = c & 0x1f; }
    else if (c >= 0xe0 && c <= 0xef) { len = 3; cp = c & 0x0f; }
    else if (c >= 0xf0 && c <= 0xf4) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff))) return false;
    i += len;
  }
  code_points = count;
  return true;
}

// The unpickler's stack over a vector kept at its high-water size (so a
// push is a compare and a store, inlined into the dispatch loop); slots
// above size() hold stale Values, which only keep garbage alive a little
// longer.
class ValueStack {
 public:
  explicit ValueStack(std::vector<Value>& slots) : slots_(slots) {}
  std::size_t size() const { return n_; }
  [[gnu::always_inline]] void push_back(Value v) {
    if (n_ == slots_.size()) [[unlikely]]
      slots_.resize(slots_.size() * 2 + 64);
    slots_[n_++] = v;
  }
  void pop_back() { --n_; }
  Value& back() { return slots_[n_ - 1]; }
  void resize(std::size_t n) { n_ = n; }  // shrinking only
  Value* data() { return slots_.data(); }
  Value* begin() { return slots_.data(); }
  Value* end() { return slots_.data() + n_; }
  Value& operator[](std::size_t i) { return slots_[i]; }

 private:
  std::vector<Value>& slots_;
  std::size_t n_ = 0;
};

class Unpickler {
 public:
  Unpickler(ThreadState& ts, const ErrorTypes& errors, std::string_view data, Roots* roots)
      : ts_(ts), in_(ts.interp), errors_(errors), data_(data), stack_(roots->first), memo_(roots->second) {}
  // Reads from a binary file object instead (pickle.load): the data is
  // fetched as the opcodes need it — a whole frame at a time, exactly the
  // bytes of the pickle and no more, so the next load() starts where this
  // one stopped. `file` must be rooted by the caller.
  Unpickler(ThreadState& ts, const ErrorTypes& errors, Value file, Roots* roots)
      : Unpickler(ts, errors, std::string_view(), roots) {
    file_ = file;
  }

  Value load();
  std::size_t consumed() const { return pos_; }

 private:
  // -------------------------------------------------------------------------
  // Reading
  // -------------------------------------------------------------------------

  Value fail(std::string_view msg) { return raise(ts_, errors_.unpickling_error, msg); }
  Value truncated() { return fail("pickle data was truncated"); }

  // Makes at least n bytes available past pos_, reading from the file
  // when there is one. False when there is no more (no exception), or on
  // an error from the file (exception pending, `failed_` set).
  bool available(std::size_t n) {
    while (n > data_.size() - pos_) {
      if (file_.is_null()) return false;
      std::size_t need = n - (data_.size() - pos_);
      Value arg = Value::from_int(static_cast<std::int64_t>(need));
      Value got = call_method(ts_, file_, in_.intern("read"), std::span<const Value>(&arg, 1));
      if (got.is_fail()) return failed_ = true, false;
      Bytes* b = as_bytes(got);
      if (b == nullptr) {
        raise_fmt(ts_, in_.types.TypeError, "a bytes-like object is required, not '{}'", type_name(ts_, got));
        return failed_ = true, false;
      }
      if (b->s.empty()) return false;
      owned_.append(b->s);
      data_ = owned_;
    }
    return true;
  }

  // The next n bytes, or nullptr with UnpicklingError raised.
  [[gnu::always_inline]] const char* read(std::size_t n) {
    if (n > data_.size() - pos_ && !available(n)) [[unlikely]] {
      if (!failed_) truncated();
      return nullptr;
    }
    const char* p = data_.data() + pos_;
    pos_ += n;
    return p;
  }
  static std::uint64_t le(const char* p, int n) {
    std::uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
  }
  [[gnu::always_inline]] bool read_le(int n, std::uint64_t& out) {
    const char* p = read(static_cast<std::size_t>(n));
    if (p == nullptr) return false;
    out = le(p, n);
    return true;
  }
  // A line without its '\n'.
  bool read_line(std::string_view& out) {
    std::size_t nl = data_.find('\n', pos_);
    while (nl == std::string_view::npos && !file_.is_null()) {
      Value got = call_method(ts_, file_, in_.names.readline, {});
      if (got.is_fail()) return false;
      Bytes* b = as_bytes(got);
      if (b == nullptr || b->s.empty()) break;
      owned_.append(b->s);
      data_ = owned_;
      nl = data_.find('\n', pos_);
    }
    if (nl == std::string_view::npos) {
      truncated();
      return false;
    }
    out = data_.substr(pos_, nl - pos_);
    pos_ = nl + 1;
    return true;
  }

  // -------------------------------------------------------------------------
  // The stack, marks and memo
  // -------------------------------------------------------------------------

  [[gnu::always_inline]] void push(Value v) { stack_.push_back(v); }
  // The floor of the stack: items below the innermost MARK are not ours.
  std::size_t floor() const { return marks_.empty() ? 0 : marks_.back(); }
  // CPython's Pdata_stack_underflow.
  bool underflow() {
    fail(marks_.empty() ? "unpickling stack underflow" : "unexpected MARK found");
    return false;
  }
  bool pop(Value& out) {
    if (stack_.size() <= floor()) return underflow();
    out = stack_.back();
    stack_.pop_back();
    return true;
  }
  bool top(Value*& out) {
    if (stack_.size() <= floor()) return underflow();
    out = &stack_.back();
    return true;
  }
  // Pops to the innermost MARK; its position in `start`.
  bool pop_mark(std::size_t& start) {
    if (marks_.empty()) {
      fail("could not find MARK");
      return false;
    }
    start = marks_.back();
    marks_.pop_back();
    return true;
  }
  bool memo_put(std::uint64_t idx) {
    Value* t;
    if (!top(t)) return false;
    if (idx == memo_.size()) {  // MEMOIZE: the next index
      memo_.push_back(*t);
      return true;
    }
    if (idx > memo_.size()) {
      if (idx - memo_.size() > kMaxMemoGap) {
        fail("memo index too large");
        return false;
      }
      memo_.resize(idx + 1);
    }
    memo_[idx] = *t;
    return true;
  }
  bool memo_get(std::uint64_t idx) {
    if (idx >= memo_.size() || memo_[idx].is_null()) {
      raise_fmt(ts_, errors_.unpickling_error, "Memo value not found at index {}", idx);
      return false;
    }
    push(memo_[idx]);
    return true;
  }

  // -------------------------------------------------------------------------
  // Values
  // -------------------------------------------------------------------------

  bool push_str(std::string_view bytes) {
    std::size_t code_points;
    if (!utf8_surrogatepass_count(bytes, code_points)) {
      raise(ts_, in_.types.UnicodeDecodeError, "'utf-8' codec can't decode pickle data: invalid UTF-8");
      return false;
    }
    push(obj(new_str_obj(in_, bytes, code_points)));
    return true;
  }
  bool load_counted_str(int width) {
    std::uint64_t n;
    if (!read_le(width, n)) return false;
    const char* p = read(n);
    return p != nullptr && push_str({p, n});
  }
  bool load_counted_bytes(int width) {
    std::uint64_t n;
    if (!read_le(width, n)) return false;
    const char* p = read(n);
    if (p == nullptr) return false;
    push(new_bytes(ts_, std::string(p, n)));
    return true;
  }
  // LONG1 / LONG4: little-endian two's complement.
  bool load_long_bytes(int width) {
    std::uint64_t n;
    if (!read_le(width, n)) return false;
    const char* p = read(n);
    if (p == nullptr) return false;
    if (n == 0) {
      push(Value::from_int(0));
      return true;
    }
    bool negative = (static_cast<unsigned char>(p[n - 1]) & 0x80) != 0;
    if (n <= 8) {
      std::uint64_t u = le(p, static_cast<int>(n));
      if (negative && n < 8) u |= ~std::uint64_t{0} << (8 * n);
      push(Value::from_int(static_cast<std::int64_t>(u)));
      return true;
    }
    std::string mag(p, n);
    if (negative) {  // magnitude = two's complement negation
      unsigned carry = 1;
      for (char& c : mag) {
        unsigned b = (~static_cast<unsigned char>(c) & 0xffu) + carry;
        c = static_cast<char>(b & 0xff);
        carry = b >> 8;
      }
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * n);
    for (std::size_t i = n; i-- > 0;) {
      auto b = static_cast<unsigned char>(mag[i]);
      hex.push_back(kHex[b >> 4]);
      hex.push_back(kHex[b & 15]);
    }
    auto big = BigInt::from_digits(hex, 16, negative);
    if (!big) return fail("bad LONG payload").is_fail() && false;
    push(new_int(ts_, std::move(*big)));
    return true;
  }
  // INT / LONG (protocol 0): decimal text; "01" / "00" are True / False.
  bool load_text_int(bool is_long) {
    std::string_view line;
    if (!read_line(line)) return false;
    if (!is_long && (line == "01" || line == "00")) {
      push(Value::from_bool(line == "01"));
      return true;
    }
    if (is_long && !line.empty() && line.back() == 'L') line.remove_suffix(1);
    bool neg = !line.empty() && line[0] == '-';
    std::string_view digits = line.substr(neg || (!line.empty() && line[0] == '+') ? 1 : 0);
    auto big = BigInt::from_digits(digits, 10, neg);
    if (!big || digits.size() > 4300) {
      raise(ts_, in_.types.ValueError, "could not convert string to int");
      return false;
    }
    push(new_int(ts_, std::move(*big)));
    return true;
  }
  bool load_text_float() {
    std::string_view line;
    if (!read_line(line)) return false;
    std::string s(line);
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size()) {
      raise(ts_, in_.types.ValueError, "could not convert string to float");
      return false;
    }
    push(Value::from_float(d));
    return true;
  }
  // UNICODE (protocol 0): raw-unicode-escape (\uXXXX, \UXXXXXXXX; other
  // bytes are latin-1).
  bool load_text_unicode() {
    std::string_view line;
    if (!read_line(line)) return false;
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
      auto c = static_cast<unsigned char>(line[i]);
      if (c == '\\' && i + 1 < line.size() && (line[i + 1] == 'u' || line[i + 1] == 'U')) {
        std::size_t w = line[i + 1] == 'u' ? 4 : 8;
        if (i + 2 + w > line.size()) return fail("truncated \\uXXXX escape").is_fail() && false;
        std::uint32_t cp = 0;
        for (std::size_t k = 0; k < w; ++k) {
          char h = line[i + 2 + k];
          int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
          if (d < 0) return fail("bad \\uXXXX escape").is_fail() && false;
          cp = cp * 16 + static_cast<std::uint32_t>(d);
        }
        if (cp > 0x10ffff) return fail("\\Uxxxxxxxx out of range").is_fail() && false;
        utf8_append(out, cp);
        i += 1 + w;
      } else {
        utf8_append(out, c);
      }
    }
    push(obj(new_str_obj(in_, std::move(out))));
    return true;
  }
  // STRING (protocol 0): a quoted Python 2 str, decoded as ASCII.
  bool load_text_string() {
    std::string_view line;
    if (!read_line(line)) return false;
    if (line.size() < 2 || line.front() != line.back() || (line.front() != '\'' && line.front() != '"'))
      return fail("the STRING opcode argument must be quoted").is_fail() && false;
    std::string_view body = line.substr(1, line.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (body[i] != '\\' || i + 1 >= body.size()) {
        out.push_back(body[i]);
        continue;
      }
      char e = body[++i];
      switch (e) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case 'r': out.push_back('\r'); break;
        case '\\': out.push_back('\\'); break;
        case '\'': out.push_back('\''); break;
        case '"': out.push_back('"'); break;
        case 'x': {
          auto hexval = [](char h) {
            return h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
          };
          int hi = i + 2 < body.size() ? hexval(body[i + 1]) : -1;
          int lo = i + 2 < body.size() ? hexval(body[i + 2]) : -1;
          if (hi < 0 || lo < 0) return fail("invalid \\x escape in STRING").is_fail() && false;
          out.push_back(static_cast<char>(hi * 16 + lo));
          i += 2;
          break;
        }
        default: out.push_back('\\'); out.push_back(e); break;
      }
    }
    return push_str(out);
  }

  // -------------------------------------------------------------------------
  // Globals and object construction
  // -------------------------------------------------------------------------

  // CPython's Unpickler.find_class with fix_imports (Python 2 names back to
  // Python 3's, Lib/_compat_pickle.py), plus the two helpers older
  // protocols name that gilvm has as no module: _codecs.encode (bytes at
  // protocols 0-2) and copyreg._reconstructor (instances at 0-1).
  Value find_class(std::string module, std::string name) {
    if (module == "__builtin__" || module == "exceptions") module = "builtins";
    if (module == "copy_reg") module = "copyreg";
    if (module == "builtins") {
      if (name == "xrange") name = "range";
      else if (name == "unicode") name = "str";
      else if (name == "long") name = "int";
      else if (name == "unichr") name = "chr";
    }
    if (module == "itertools" && (name == "izip" || name == "imap" || name == "ifilter")) {
      module = "builtins";
      name = name.substr(1);
    }
    if (module == "_codecs" && name == "encode") return obj(new_native(ts_, codecs_encode, "encode"));
    if (module == "copyreg" && name == "_reconstructor") return obj(new_native(ts_, reconstructor, "_reconstructor"));
    Value m = import_module(ts_, module);
    if (m.is_fail()) return m;
    TempRoot keep(ts_, m);
    Value cur = m;
    std::string_view rest = name;
    while (true) {
      std::size_t dot = rest.find('.');
      Value next = lookup_attr(ts_, cur, in_.intern(rest.substr(0, dot)));
      if (next.is_fail()) return next;
      if (next.is_null()) {
        Str* r = repr(ts_, m);
        if (r == nullptr) return Value::fail();
        return raise_fmt(ts_, in_.types.AttributeError, "Can't get attribute '{}' on {}", name, r->s);
      }
      cur = next;
      keep.set(cur);
      if (dot == std::string_view::npos) return cur;
      rest.remove_prefix(dot + 1);
    }
  }

  // _codecs.encode(text, 'latin1'): what protocols 0-2 write for bytes.
  static Value codecs_encode(ThreadState& ts, Value, const Args& a) {
    if (a.npos != 2 || !as_str(a[0]) || !as_str(a[1]))
      return raise(ts, ts.interp.types.TypeError, "encode() expects (str, encoding)");
    std::string_view enc = as_str(a[1])->s;
    if (enc != "latin1" && enc != "latin-1" && enc != "iso-8859-1")
      return raise_fmt(ts, ts.interp.types.ValueError, "encoding '{}' is not supported by gilvm's unpickler", enc);
    std::string_view text = as_str(a[0])->s;
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      char32_t cp = utf8_decode_at(text, i);
      if (cp > 0xff) return raise(ts, ts.interp.types.UnicodeEncodeError, "'latin-1' codec can't encode character");
      out.push_back(static_cast<char>(cp));
    }
    return new_bytes(ts, std::move(out));
  }

  // copyreg._reconstructor(cls, object, None): a bare instance of cls.
  static Value reconstructor(ThreadState& ts, Value, const Args& a) {
    if (a.npos != 3 || !as_type(a[0]) || as_type(a[1]) != ts.interp.types.object || !a[2].is_none())
      return raise(ts, ts.interp.types.TypeError, "_reconstructor() supports only (cls, object, None)");
    return new_instance(ts, as_type(a[0]), {});
  }

  // cls.__new__(cls, *args), as NEWOBJ: a user __new__ is called; otherwise
  // a bare instance (no __init__), or the builtin type called with args.
  static Value new_instance(ThreadState& ts, Type* t, std::span<const Value> args) {
    Interpreter& in = ts.interp;
    Value user_new = type_lookup(t, in.names.__new__);
    if (!user_new.is_null() && !(user_new.is_obj() && user_new.as_obj()->kind == Kind::Native)) {
      Value fn = user_new;
      if (fn.is_obj() && fn.as_obj()->kind == Kind::StaticMethod) fn = static_cast<Wrapper*>(fn.as_obj())->func;
      std::vector<Value> all{obj(t)};
      all.insert(all.end(), args.begin(), args.end());
      return call(ts, fn, all);
    }
    if (t->layout == Kind::Instance) return obj(in.heap.make<Instance>(t, new_dict(ts)));
    if (t->layout == Kind::Exception) return new_exception(ts, t, args);
    return call(ts, obj(t), args);
  }

  bool load_newobj(bool with_kwargs) {
    Value kwargs = Value::null(), args, cls;
    if (with_kwargs && !pop(kwargs)) return false;
    if (!pop(args) || !pop(cls)) return false;
    Type* t = as_type(cls);
    if (t == nullptr) {
      raise_fmt(ts_, errors_.unpickling_error, "NEWOBJ class argument isn't a type object");
      return false;
    }
    Tuple* at = as_tuple(args);
    if (at == nullptr) {
      raise(ts_, errors_.unpickling_error, "NEWOBJ args argument must be a tuple");
      return false;
    }
    if (Dict* kw = as_dict(kwargs); kw != nullptr && kw->used > 0) {
      raise(ts_, in_.types.NotImplementedError, "NEWOBJ_EX with keyword arguments is not supported by gilvm");
      return false;
    }
    // cls and args were popped: keep them rooted while __new__ runs.
    TempRoot k1(ts_, cls), k2(ts_, args);
    std::vector<Value> items = at->items;
    Value inst = new_instance(ts_, t, items);
    if (inst.is_fail()) return false;
    push(inst);
    return true;
  }

  bool load_reduce() {
    Value args, callable;
    if (!pop(args) || !pop(callable)) return false;
    Tuple* at = as_tuple(args);
    if (at == nullptr) {
      raise(ts_, in_.types.TypeError, "argument list must be a tuple");
      return false;
    }
    TempRoot k1(ts_, callable), k2(ts_, args);
    std::vector<Value> items = at->items;
    Value r = call(ts_, callable, items);
    if (r.is_fail()) return false;
    push(r);
    return true;
  }

  // BUILD: inst.__setstate__(state), or the state dict (and a slot-state
  // dict, for a (state, slotstate) pair) set into the instance.
  bool load_build() {
    Value state;
    if (!pop(state)) return false;
    Value* instp;
    if (!top(instp)) return false;
    Value inst = *instp;
    TempRoot k1(ts_, state);
    Value setstate = lookup_attr(ts_, inst, in_.intern("__setstate__"));
    if (setstate.is_fail()) return false;
    if (!setstate.is_null()) {
      TempRoot k2(ts_, setstate);
      return !call(ts_, setstate, std::span<const Value>(&state, 1)).is_fail();
    }
    Value slotstate = Value::null();
    if (Tuple* pair = as_tuple(state); pair != nullptr && pair->items.size() == 2) {
      state = pair->items[0];
      slotstate = pair->items[1];
    }
    if (!state.is_none()) {
      Dict* sd = as_dict(state);
      if (sd == nullptr) {
        raise(ts_, errors_.unpickling_error, "state is not a dictionary");
        return false;
      }
      Dict* target = nullptr;
      if (inst.is_obj() && (inst.as_obj()->kind == Kind::Instance || inst.as_obj()->kind == Kind::Exception))
        target = static_cast<Instance*>(inst.as_obj())->dict;
      std::vector<std::pair<Value, Value>> items;
      dict_for_each(sd, [&](Value k, Value v) { items.emplace_back(k, v); });
      for (auto& [k, v] : items) {
        Str* name = as_str(k);
        if (target != nullptr) {
          if (!dict_set(ts_, target, k, v)) return false;
        } else if (name == nullptr || !set_attr(ts_, inst, name, v)) {
          if (name == nullptr) raise(ts_, in_.types.TypeError, "attribute name must be string");
          return false;
        }
      }
    }
    if (!slotstate.is_null() && !slotstate.is_none()) {
      Dict* ss = as_dict(slotstate);
      if (ss == nullptr) {
        raise(ts_, errors_.unpickling_error, "slot state is not a dictionary");
        return false;
      }
      std::vector<std::pair<Value, Value>> items;
      dict_for_each(ss, [&](Value k, Value v) { items.emplace_back(k, v); });
      for (auto& [k, v] : items) {
        Str* name = as_str(k);
        if (name == nullptr) {
          raise(ts_, in_.types.TypeError, "attribute name must be string");
          return false;
        }
        if (!set_attr(ts_, inst, name, v)) return false;
      }
    }
    return true;
  }

  // -------------------------------------------------------------------------
  // Containers
  // -------------------------------------------------------------------------

  bool build_tuple(std::size_t start) {
    Tuple* t = new_tuple(ts_, std::span<const Value>(stack_.data() + start, stack_.size() - start));
    stack_.resize(start);
    push(obj(t));
    return true;
  }
  bool build_list(std::size_t start) {
    List* l = new_list(ts_, stack_.size() - start);
    l->items.assign(stack_.begin() + start, stack_.end());
    stack_.resize(start);
    push(obj(l));
    return true;
  }
  // APPEND(S): into the list below; anything else with .append/.extend.
  bool append_from(std::size_t start) {
    if (start == 0 || start > stack_.size()) {
      fail("unpickling stack underflow");
      return false;
    }
    Value target = stack_[start - 1];
    if (List* l = as_list(target)) {
      l->items.insert(l->items.end(), stack_.begin() + start, stack_.end());
      stack_.resize(start);
      return true;
    }
    std::size_t count = stack_.size() - start;
    for (std::size_t i = 0; i < count; ++i) {
      if (call_method(ts_, target, in_.intern("append"), std::span<const Value>(&stack_[start + i], 1)).is_fail())
        return false;
    }
    stack_.resize(start);
    return true;
  }
  bool setitems_from(std::size_t start) {
    if (start == 0 || start > stack_.size()) {
      fail("unpickling stack underflow");
      return false;
    }
    if ((stack_.size() - start) % 2 != 0) {
      fail("odd number of items for SETITEMS");
      return false;
    }
    Value target = stack_[start - 1];
    Dict* d = as_dict(target);
    for (std::size_t i = start; i + 1 < stack_.size(); i += 2) {
      bool ok = d != nullptr ? dict_set(ts_, d, stack_[i], stack_[i + 1])
                             : set_item(ts_, target, stack_[i], stack_[i + 1]);
      if (!ok) return false;
    }
    stack_.resize(start);
    return true;
  }
  bool additems_from(std::size_t start) {
    if (start == 0 || start > stack_.size()) {
      fail("unpickling stack underflow");
      return false;
    }
    Set* s = as_set(stack_[start - 1]);
    if (s == nullptr || s->frozen) {
      fail("ADDITEMS target is not a set");
      return false;
    }
    for (std::size_t i = start; i < stack_.size(); ++i)
      if (set_add(ts_, s, stack_[i]) < 0) return false;
    stack_.resize(start);
    return true;
  }

  bool dispatch(unsigned char code);

  ThreadState& ts_;
  Interpreter& in_;
  const ErrorTypes& errors_;
  std::string_view data_;
  std::size_t pos_ = 0;
  Value file_;          // pickle.load's file, or Null
  std::string owned_;   // what was read from file_
  bool failed_ = false; // the file raised
  ValueStack stack_;
  std::vector<Value>& memo_;
  std::vector<std::size_t> marks_;
  int proto_ = 0;
  bool stopped_ = false;
};

Value Unpickler::load() {
  while (!stopped_) {
    if (pos_ >= data_.size() && !available(1)) {
      if (failed_) return Value::fail();
      return raise(ts_, in_.types.EOFError, "Ran out of input");
    }
    auto code = static_cast<unsigned char>(data_[pos_++]);
    if (!dispatch(code)) return Value::fail();
  }
  Value result;
  if (!pop(result)) return Value::fail();
  return result;
}

bool Unpickler::dispatch(unsigned char code) {
  std::uint64_t n;
  std::size_t start;
  Value a, b;
  switch (code) {
    case PROTO: {
      if (!read_le(1, n)) return false;
      if (n > static_cast<std::uint64_t>(kHighestProtocol)) {
        raise_fmt(ts_, in_.types.ValueError, "unsupported pickle protocol: {}", n);
        return false;
      }
      proto_ = static_cast<int>(n);
      return true;
    }
    case FRAME:
      if (!read_le(8, n)) return false;
      if (!available(n)) return failed_ ? false : !truncated().is_fail();
      return true;
    case STOP: stopped_ = true; return true;
    case MARK: marks_.push_back(stack_.size()); return true;
    case POP:
      if (!marks_.empty() && stack_.size() == marks_.back()) {  // POP of a MARK
        marks_.pop_back();
        return true;
      }
      if (stack_.size() <= floor()) return underflow();
      stack_.pop_back();
      return true;
    case POP_MARK:
      if (!pop_mark(start)) return false;
      stack_.resize(start);
      return true;
    case DUP: {
      Value* t;
      if (!top(t)) return false;
      push(*t);
      return true;
    }

    // Atoms
    case NONE: push(Value::none()); return true;
    case NEWTRUE: push(Value::from_bool(true)); return true;
    case NEWFALSE: push(Value::from_bool(false)); return true;
    case BININT1:
      if (!read_le(1, n)) return false;
      push(Value::from_int(static_cast<std::int64_t>(n)));
      return true;
    case BININT2:
      if (!read_le(2, n)) return false;
      push(Value::from_int(static_cast<std::int64_t>(n)));
      return true;
    case BININT:
      if (!read_le(4, n)) return false;
      push(Value::from_int(static_cast<std::int32_t>(static_cast<std::uint32_t>(n))));
      return true;
    case LONG1: return load_long_bytes(1);
    case LONG4: return load_long_bytes(4);
    case INT: return load_text_int(false);
    case LONG: return load_text_int(true);
    case BINFLOAT: {
      const char* p = read(8);
      if (p == nullptr) return false;
      std::uint64_t bits = 0;
      for (int i = 0; i < 8; ++i) bits = (bits << 8) | static_cast<unsigned char>(p[i]);
      double d;
      std::memcpy(&d, &bits, 8);
      push(Value::from_float(d));
      return true;
    }
    case FLOAT: return load_text_float();
    case SHORT_BINUNICODE: return load_counted_str(1);
    case BINUNICODE: return load_counted_str(4);
    case BINUNICODE8: return load_counted_str(8);
    case UNICODE: return load_text_unicode();
    case STRING: return load_text_string();
    case BINSTRING:
    case SHORT_BINSTRING: {
      if (!read_le(code == BINSTRING ? 4 : 1, n)) return false;
      const char* p = read(n);
      return p != nullptr && push_str({p, n});  // Python 2 str, decoded as ASCII (a subset)
    }
    case SHORT_BINBYTES: return load_counted_bytes(1);
    case BINBYTES: return load_counted_bytes(4);
    case BINBYTES8: return load_counted_bytes(8);

    // Containers
    case EMPTY_TUPLE: push(obj(in_.empty_tuple)); return true;
    case TUPLE1:
    case TUPLE2:
    case TUPLE3: {
      std::size_t k = code - TUPLE1 + 1u;
      if (stack_.size() < floor() + k) return underflow();
      return build_tuple(stack_.size() - k);
    }
    case TUPLE: return pop_mark(start) && build_tuple(start);
    case EMPTY_LIST: push(obj(new_list(ts_))); return true;
    case LIST: return pop_mark(start) && build_list(start);
    case APPEND:
      if (stack_.size() <= floor()) return underflow();
      return append_from(stack_.size() - 1);
    case APPENDS: return pop_mark(start) && append_from(start);
    case EMPTY_DICT: push(obj(new_dict(ts_))); return true;
    case DICT: {
      if (!pop_mark(start)) return false;
      Dict* d = new_dict(ts_);
      if ((stack_.size() - start) % 2 != 0) return !fail("odd number of items for DICT").is_fail();
      for (std::size_t i = start; i + 1 < stack_.size(); i += 2)
        if (!dict_set(ts_, d, stack_[i], stack_[i + 1])) return false;
      stack_.resize(start);
      push(obj(d));
      return true;
    }
    case SETITEM:
      if (stack_.size() < floor() + 2) return underflow();
      return setitems_from(stack_.size() - 2);
    case SETITEMS: return pop_mark(start) && setitems_from(start);
    case EMPTY_SET: push(obj(new_set(ts_))); return true;
    case ADDITEMS: return pop_mark(start) && additems_from(start);
    case FROZENSET: {
      if (!pop_mark(start)) return false;
      Set* s = new_set(ts_, true);
      for (std::size_t i = start; i < stack_.size(); ++i)
        if (set_add(ts_, s, stack_[i]) < 0) return false;
      stack_.resize(start);
      push(obj(s));
      return true;
    }

    // Memo
    case MEMOIZE: return memo_put(memo_.size());
    case BINPUT: return read_le(1, n) && memo_put(n);
    case LONG_BINPUT: return read_le(4, n) && memo_put(n);
    case PUT:
    case GET: {
      std::string_view line;
      if (!read_line(line)) return false;
      std::uint64_t idx = 0;
      if (line.empty() || line.size() > 18) return !fail("invalid memo index").is_fail();
      for (char c : line) {
        if (c < '0' || c > '9') return !fail("invalid memo index").is_fail();
        idx = idx * 10 + static_cast<std::uint64_t>(c - '0');
      }
      return code == PUT ? memo_put(idx) : memo_get(idx);
    }
    case BINGET: return read_le(1, n) && memo_get(n);
    case LONG_BINGET: return read_le(4, n) && memo_get(n);

    // Objects
    case GLOBAL: {
      std::string_view module, name;
      if (!read_line(module) || !read_line(name)) return false;
      Value g = find_class(std::string(module), std::string(name));
      if (g.is_fail()) return false;
      push(g);
      return true;
    }
    case STACK_GLOBAL: {
      if (!pop(b) || !pop(a)) return false;
      Str* module = as_str(a);
      Str* name = as_str(b);
      if (module == nullptr || name == nullptr) return !fail("STACK_GLOBAL requires str").is_fail();
      TempRoot k1(ts_, a), k2(ts_, b);
      Value g = find_class(module->s, name->s);
      if (g.is_fail()) return false;
      push(g);
      return true;
    }
    case REDUCE: return load_reduce();
    case NEWOBJ: return load_newobj(false);
    case NEWOBJ_EX: return load_newobj(true);
    case BUILD: return load_build();
    case INST:
    case OBJ:
      raise(ts_, errors_.unpickling_error, "INST and OBJ (protocol 0/1 old-style classes) are not supported by gilvm");
      return false;
    case PERSID:
    case BINPERSID:
      raise(ts_, errors_.unpickling_error,
            "A load persistent id instruction was encountered,\nbut no persistent_load function was specified.");
      return false;
    case EXT1:
    case EXT2:
    case EXT4: {
      if (!read_le(code == EXT1 ? 1 : code == EXT2 ? 2 : 4, n)) return false;
      raise_fmt(ts_, in_.types.ValueError, "unregistered extension code {}", n);
      return false;
    }
    case BYTEARRAY8:
    case NEXT_BUFFER:
    case READONLY_BUFFER:
      raise(ts_, errors_.unpickling_error, "bytearray and out-of-band buffers (protocol 5) are not supported by gilvm");
      return false;
    default:
      if (code >= 0x20 && code <= 0x7e && code != '\'' && code != '\\')
        raise_fmt(ts_, errors_.unpickling_error, "invalid load key, '{}'.", static_cast<char>(code));
      else
        raise_fmt(ts_, errors_.unpickling_error, "invalid load key, '\\x{:02x}'.", static_cast<unsigned>(code));
      return false;
  }
}

}  // namespace

namespace {

// The memo of the last load_value on this thread, emptied, kept for the
// next one: a big pickle's memo grows by doubling to megabytes, and
// allocating and faulting that in again for every load of the same shape
// cost as much as the objects themselves. Up to kKeptMemo entries are kept.
constexpr std::size_t kKeptMemo = std::size_t{1} << 20;
thread_local std::vector<Value> t_spare_memo;

}  // namespace

Value load_value(ThreadState& ts, const ErrorTypes& errors, std::string_view data, std::size_t* consumed) {
  Roots* roots = ts.interp.heap.make<Roots>(errors.roots);
  TempRoot keep(ts, obj(roots));
  roots->second.swap(t_spare_memo);
  Unpickler u(ts, errors, data, roots);
  Value v = u.load();
  if (consumed != nullptr) *consumed = u.consumed();
  if (roots->second.capacity() <= kKeptMemo) {
    roots->second.clear();
    roots->second.swap(t_spare_memo);
  }
  return v;
}

Value load_file(ThreadState& ts, const ErrorTypes& errors, Value file, Roots* roots) {
  if (roots == nullptr) roots = ts.interp.heap.make<Roots>(errors.roots);
  TempRoot keep(ts, obj(roots));
  TempRoot keep_file(ts, file);
  roots->first.clear();  // the stack starts empty; the memo carries over
  Unpickler u(ts, errors, file, roots);
  return u.load();
}

}  // namespace gilvm::pickle
