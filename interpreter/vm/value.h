// Value: what a Python expression evaluates to, as the VM holds it.
//
// A 16-byte tagged union: the tag says which member of the payload is live.
// Small ints (those that fit int64), floats, bools and None live inline, so
// arithmetic on them never allocates; everything else is a pointer to a heap
// Object (vm/object.h). An int that overflows int64 becomes a BigInt object;
// every operation that can produce an int normalises back to inline form when
// the result fits, so "inline int" and "BigInt" never hold the same number.
//
// Two tags are not Python values:
//   Null  an empty slot: an unbound local, a deleted dict entry, "no value".
//   Fail  returned by a native function or VM helper to say "an exception is
//         pending in the ThreadState" (the error model, see vm/eval.cpp).
// Neither is ever stored in a container or seen by a program.
//
// Callers use only the is_*/as_*/from_* API, so the representation can later
// become NaN-boxed without touching them (docs/style.md §4).
#pragma once

#include <cstdint>
#include <type_traits>

namespace gilvm {

struct Object;

enum class Tag : std::uint8_t { Null, Fail, None, Bool, Int, Float, Obj };

class Value {
 public:
  constexpr Value() : tag_(Tag::Null), i_(0) {}

  static constexpr Value null() { return Value(); }
  static constexpr Value fail() { return Value(Tag::Fail); }
  static constexpr Value none() { return Value(Tag::None); }
  static constexpr Value from_bool(bool b) { Value v(Tag::Bool); v.i_ = b ? 1 : 0; return v; }
  static constexpr Value from_int(std::int64_t i) { Value v(Tag::Int); v.i_ = i; return v; }
  static constexpr Value from_float(double d) { Value v(Tag::Float); v.d_ = d; return v; }
  static Value from_obj(Object* o) { Value v(Tag::Obj); v.o_ = o; return v; }

  constexpr Tag tag() const { return tag_; }
  constexpr bool is_null() const { return tag_ == Tag::Null; }
  constexpr bool is_fail() const { return tag_ == Tag::Fail; }
  constexpr bool is_none() const { return tag_ == Tag::None; }
  constexpr bool is_bool() const { return tag_ == Tag::Bool; }
  constexpr bool is_int() const { return tag_ == Tag::Int; }      // inline int only (not bool, not BigInt)
  constexpr bool is_float() const { return tag_ == Tag::Float; }
  constexpr bool is_obj() const { return tag_ == Tag::Obj; }

  constexpr bool as_bool() const { return i_ != 0; }
  constexpr std::int64_t as_int() const { return i_; }
  constexpr double as_float() const { return d_; }
  Object* as_obj() const { return o_; }

  // Identity, as Python's `is`: same tag and same payload bits. (Two equal
  // inline ints are "the same object", as CPython's small-int cache makes
  // them for small values; programs must not rely on `is` for ints.)
  bool identical(const Value& other) const { return tag_ == other.tag_ && i_ == other.i_; }

  // Raw payload bits, for hashing identity and for id().
  std::int64_t bits() const { return i_; }

 private:
  explicit constexpr Value(Tag t) : tag_(t), i_(0) {}
  Tag tag_;
  union {
    std::int64_t i_;
    double d_;
    Object* o_;
  };
};

static_assert(sizeof(Value) == 16, "Value must stay two words");
static_assert(std::is_trivially_copyable_v<Value>, "Value is copied with memcpy semantics");

}  // namespace gilvm
