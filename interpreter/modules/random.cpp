// modules/random.cpp — the random module, bit-for-bit CPython's sequences.
//
// Design. CPython's random is a Mersenne Twister in C (_randommodule.c) under
// algorithms in Python (Lib/random.py). gilvm does both natively and follows
// them step by step, so that after random.seed(1) a program sees exactly the
// numbers CPython shows (random.seed(1); random.random() ==
// 0.13436424411240122), and tests may print them:
//   * MT19937 (Matsumoto & Nishimura's reference algorithm), seeded by
//     init_by_array with the 32-bit words of abs(seed), least significant
//     first; a str/bytes seed first becomes int.from_bytes(s + sha512(s)),
//     a float seed abs(hash(x));
//   * random() = (a * 2**26 + b) / 2**53 with a = word >> 5, b = word >> 6;
//   * getrandbits(k) fills 32-bit words least significant first, the last
//     word keeping its top bits;
//   * _randbelow(n) draws getrandbits(n.bit_length()) until below n, and
//     randrange, choice, shuffle, sample and choices use it (or random())
//     exactly as Lib/random.py 3.11 does.
// The module-level functions are methods of one hidden Random instance
// (random._inst), as in CPython; random.Random(seed) makes more.

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <unordered_set>
#include <vector>

#include "modules/registry.h"
#include "vm/api.h"

namespace gilvm {

namespace {

// ---------------------------------------------------------------------------
// MT19937
// ---------------------------------------------------------------------------

class MT {
 public:
  static constexpr int N = 624, M = 397;

  void init_genrand(std::uint32_t s) {
    mt_[0] = s;
    for (int i = 1; i < N; ++i)
      mt_[i] = 1812433253u * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
    mti_ = N;
  }

  void init_by_array(const std::vector<std::uint32_t>& key) {
    init_genrand(19650218u);
    int i = 1;
    std::size_t j = 0;
    int len = static_cast<int>(key.size());
    for (int k = N > len ? N : len; k; --k) {
      mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525u)) + key[j] +
               static_cast<std::uint32_t>(j);
      ++i;
      ++j;
      if (i >= N) {
        mt_[0] = mt_[N - 1];
        i = 1;
      }
      if (j >= key.size()) j = 0;
    }
    for (int k = N - 1; k; --k) {
      mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941u)) -
               static_cast<std::uint32_t>(i);
      ++i;
      if (i >= N) {
        mt_[0] = mt_[N - 1];
        i = 1;
      }
    }
    mt_[0] = 0x80000000u;
  }

  std::uint32_t next() {
    static constexpr std::uint32_t mag01[2] = {0u, 0x9908b0dfu};
    constexpr std::uint32_t upper = 0x80000000u, lower = 0x7fffffffu;
    if (mti_ >= N) {
      int kk = 0;
      std::uint32_t y;
      for (; kk < N - M; ++kk) {
        y = (mt_[kk] & upper) | (mt_[kk + 1] & lower);
        mt_[kk] = mt_[kk + M] ^ (y >> 1) ^ mag01[y & 1u];
      }
      for (; kk < N - 1; ++kk) {
        y = (mt_[kk] & upper) | (mt_[kk + 1] & lower);
        mt_[kk] = mt_[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 1u];
      }
      y = (mt_[N - 1] & upper) | (mt_[0] & lower);
      mt_[N - 1] = mt_[M - 1] ^ (y >> 1) ^ mag01[y & 1u];
      mti_ = 0;
    }
    std::uint32_t y = mt_[mti_++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
  }

  double random() {
    std::uint32_t a = next() >> 5, b = next() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  std::uint32_t* state() { return mt_; }
  int& index() { return mti_; }

 private:
  std::uint32_t mt_[N] = {};
  int mti_ = N + 1;
};

// ---------------------------------------------------------------------------
// SHA-512 (FIPS 180-4), for str/bytes seeds. The constants are computed from
// their definition (fractional parts of square and cube roots of primes)
// with exact integer roots, once.
// ---------------------------------------------------------------------------

BigInt int_root(const BigInt& n, int k) {  // floor(n ** (1/k)), k = 2 or 3
  BigInt x = BigInt(1).shift_left(n.bit_length() / k + 2);
  for (;;) {
    BigInt xk1 = k == 2 ? x : x * x, q;
    BigInt::divmod(n, xk1, &q, nullptr);
    BigInt y;
    BigInt::divmod(x * BigInt(k - 1) + q, BigInt(k), &y, nullptr);
    if (BigInt::compare(y, x) >= 0) return x;
    x = y;
  }
}

std::uint64_t low64(const BigInt& v) {
  auto l = v.limbs();
  std::uint64_t r = 0;
  if (l.size() > 0) r |= l[0];
  if (l.size() > 1) r |= static_cast<std::uint64_t>(l[1]) << 32;
  return r;
}

struct Sha512Constants {
  std::uint64_t k[80];
  std::uint64_t h[8];
  Sha512Constants() {
    int primes[80], n = 0;
    for (int c = 2; n < 80; ++c) {
      bool prime = true;
      for (int d = 2; d * d <= c; ++d)
        if (c % d == 0) prime = false;
      if (prime) primes[n++] = c;
    }
    for (int i = 0; i < 80; ++i) k[i] = low64(int_root(BigInt(primes[i]).shift_left(192), 3));
    for (int i = 0; i < 8; ++i) h[i] = low64(int_root(BigInt(primes[i]).shift_left(128), 2));
  }
};

std::string sha512(std::string_view msg) {
  static const Sha512Constants C;
  auto rotr = [](std::uint64_t x, int n) { return (x >> n) | (x << (64 - n)); };
  std::uint64_t h[8];
  std::memcpy(h, C.h, sizeof h);
  std::string m(msg);
  m += static_cast<char>(0x80);
  while (m.size() % 128 != 112) m += '\0';
  m.append(8, '\0');
  std::uint64_t bits = static_cast<std::uint64_t>(msg.size()) * 8;
  for (int i = 7; i >= 0; --i) m += static_cast<char>((bits >> (8 * i)) & 0xff);
  for (std::size_t off = 0; off < m.size(); off += 128) {
    std::uint64_t w[80];
    for (int t = 0; t < 16; ++t) {
      w[t] = 0;
      for (int b = 0; b < 8; ++b) w[t] = (w[t] << 8) | static_cast<unsigned char>(m[off + 8 * t + b]);
    }
    for (int t = 16; t < 80; ++t) {
      std::uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
      std::uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    std::uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 80; ++t) {
      std::uint64_t t1 = hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) +
                         C.k[t] + w[t];
      std::uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  std::string out;
  for (std::uint64_t v : h)
    for (int i = 7; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xff);
  return out;
}

// ---------------------------------------------------------------------------
// The Random object
// ---------------------------------------------------------------------------

struct RandomObj : Opaque {
  MT mt;
  bool has_gauss_next = false;
  double gauss_next = 0.0;
  explicit RandomObj(Type* t) : Opaque(t) {}
};

RandomObj* as_random(ThreadState& ts, Value v) {
  if (v.is_obj() && v.as_obj()->kind == Kind::Opaque) {
    Type* t = type_of(ts, v);
    if (t->name->s == "Random") return static_cast<RandomObj*>(v.as_obj());
  }
  raise_fmt(ts, ts.interp.types.TypeError, "descriptor requires a 'Random' object but received '{}'",
            type_name(ts, v));
  return nullptr;
}

void seed_words(RandomObj* r, const std::vector<std::uint32_t>& key) {
  r->mt.init_by_array(key.empty() ? std::vector<std::uint32_t>{0u} : key);
  r->has_gauss_next = false;
}

void seed_bigint(RandomObj* r, const BigInt& n) {
  BigInt mag = n.abs();
  auto limbs = mag.limbs();
  seed_words(r, std::vector<std::uint32_t>(limbs.begin(), limbs.end()));
}

// int.from_bytes(data, 'big') as MT key words (least significant first).
void seed_bytes_big_endian(RandomObj* r, std::string_view data) {
  std::vector<std::uint32_t> key;
  std::size_t n = data.size();
  for (std::size_t w = 0; w * 4 < n; ++w) {
    std::uint32_t v = 0;
    for (int b = 3; b >= 0; --b) {
      std::size_t pos = w * 4 + static_cast<std::size_t>(b);  // byte index from the end
      v = (v << 8) | (pos < n ? static_cast<unsigned char>(data[n - 1 - pos]) : 0u);
    }
    key.push_back(v);
  }
  while (!key.empty() && key.back() == 0) key.pop_back();
  seed_words(r, key);
}

void seed_from_os(RandomObj* r) {
  std::random_device rd;
  std::vector<std::uint32_t> key(MT::N);
  for (auto& k : key) k = rd();
  seed_words(r, key);
}

bool do_seed(ThreadState& ts, RandomObj* r, Value a) {
  if (a.is_null() || a.is_none()) {
    seed_from_os(r);
    return true;
  }
  if (is_int_like(a)) {
    seed_bigint(r, to_bigint(a));
    return true;
  }
  if (Str* s = as_str(a)) {
    std::string data = s->s + sha512(s->s);
    seed_bytes_big_endian(r, data);
    return true;
  }
  if (Bytes* b = as_bytes(a)) {
    std::string data = b->s + sha512(b->s);
    seed_bytes_big_endian(r, data);
    return true;
  }
  if (a.is_float()) {
    std::int64_t h;
    if (!hash_value(ts, a, h)) return false;
    seed_bigint(r, BigInt(h).abs());
    return true;
  }
  raise(ts, ts.interp.types.TypeError,
        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
  return false;
}

// getrandbits(k) for any k, as an int.
BigInt randbits(MT& mt, std::uint64_t k) {
  if (k <= 32) return BigInt(static_cast<std::int64_t>(k == 0 ? 0 : mt.next() >> (32 - k)));
  std::uint64_t words = (k - 1) / 32 + 1;
  if (words <= 2) {
    std::uint64_t lo = mt.next();
    std::uint64_t hi = mt.next();
    std::int64_t left = static_cast<std::int64_t>(k) - 32;
    if (left < 32) hi >>= (32 - left);
    return BigInt::from_uint64(lo | (hi << 32));
  }
  // Build from the most significant word down, shifting left.
  std::vector<std::uint32_t> w(words);
  std::int64_t left = static_cast<std::int64_t>(k);
  for (std::uint64_t i = 0; i < words; ++i, left -= 32) {
    std::uint32_t r = mt.next();
    if (left < 32) r >>= (32 - left);
    w[i] = r;
  }
  BigInt out;
  for (std::uint64_t i = words; i-- > 0;) out = out.shift_left(32) + BigInt(static_cast<std::int64_t>(w[i]));
  return out;
}

// _randbelow_with_getrandbits(n), n > 0.
BigInt randbelow(MT& mt, const BigInt& n) {
  std::uint64_t k = n.bit_length();
  if (n.fits_int64() && k <= 63) {
    std::uint64_t nn = static_cast<std::uint64_t>(n.to_int64());
    for (;;) {
      std::uint64_t r;
      if (k <= 32) {
        r = k == 0 ? 0 : mt.next() >> (32 - k);
      } else {
        std::uint64_t lo = mt.next(), hi = mt.next() >> (64 - k);
        r = lo | (hi << 32);
      }
      if (r < nn) return BigInt(static_cast<std::int64_t>(r));
    }
  }
  for (;;) {
    BigInt r = randbits(mt, k);
    if (BigInt::compare(r, n) < 0) return r;
  }
}

std::int64_t randbelow_small(MT& mt, std::int64_t n) {
  return randbelow(mt, BigInt(n)).to_int64();
}

// ---------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------

Value too_many(ThreadState& ts, const char* name, std::size_t max, std::size_t got) {
  return raise_fmt(ts, ts.interp.types.TypeError, "Random.{}() takes {} positional argument{} but {} were given",
                   name, max + 1, max == 0 ? "" : "s", got + 1);
}

Value r_seed(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  Value arg = a.size() > 0 ? a[0] : Value::null();
  for (std::size_t k = 0; k < a.nkw; ++k)
    if (a.kwnames[k]->s == "a") arg = a.kwvalues[k];
  if (a.size() > 2) return too_many(ts, "seed", 2, a.size());
  return do_seed(ts, r, arg) ? Value::none() : Value::fail();
}

Value r_random(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  if (a.size() != 0 || a.nkw != 0)
    return raise_fmt(ts, ts.interp.types.TypeError, "Random.random() takes no arguments ({} given)",
                     a.size() + a.nkw);
  return Value::from_float(r->mt.random());
}

Value r_getrandbits(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  if (a.size() != 1)
    return raise_fmt(ts, ts.interp.types.TypeError, "getrandbits() takes exactly one argument ({} given)",
                     a.size());
  auto k = to_index(ts, a[0]);
  if (!k) return Value::fail();
  if (*k < 0) return raise(ts, ts.interp.types.ValueError, "number of bits must be non-negative");
  return new_int(ts, randbits(r->mt, static_cast<std::uint64_t>(*k)));
}

// An argument of randrange: an int, or an integral float (deprecated).
bool range_arg(ThreadState& ts, Value v, const char* which, BigInt& out) {
  if (is_int_like(v)) {
    out = to_bigint(v);
    return true;
  }
  Value idx = type_lookup(type_of(ts, v), ts.interp.names.__index__);
  if (!idx.is_null()) {
    Value r = call(ts, idx, std::span<const Value>(&v, 1));
    if (r.is_fail()) return false;
    if (is_int_like(r)) {
      out = to_bigint(r);
      return true;
    }
  }
  if (v.is_float()) {
    double d = v.as_float();
    if (std::isfinite(d) && d == std::floor(d)) {
      out = BigInt::from_double(d);
      return true;
    }
    if (std::isinf(d)) {
      raise(ts, ts.interp.types.OverflowError, "cannot convert float infinity to integer");
      return false;
    }
    if (std::isnan(d)) {
      raise(ts, ts.interp.types.ValueError, "cannot convert float NaN to integer");
      return false;
    }
    raise_fmt(ts, ts.interp.types.ValueError, "non-integer {} for randrange()", which);
    return false;
  }
  raise_fmt(ts, ts.interp.types.TypeError, "'{}' object cannot be interpreted as an integer",
            type_name(ts, v));
  return false;
}

Value randrange(ThreadState& ts, RandomObj* r, Value start, Value stop, Value step) {
  auto& T = ts.interp.types;
  BigInt istart;
  if (!range_arg(ts, start, "arg 1", istart)) return Value::fail();
  if (stop.is_null() || stop.is_none()) {
    if (!step.is_null())
      return raise(ts, T.TypeError, "Missing a non-None stop argument");
    if (istart.sign() > 0) return new_int(ts, randbelow(r->mt, istart));
    return raise(ts, T.ValueError, "empty range for randrange()");
  }
  BigInt istop;
  if (!range_arg(ts, stop, "stop", istop)) return Value::fail();
  BigInt width = istop - istart;
  BigInt istep(1);
  if (!step.is_null() && !range_arg(ts, step, "step", istep)) return Value::fail();
  if (istep == BigInt(1)) {
    if (width.sign() > 0) return new_int(ts, istart + randbelow(r->mt, width));
    return raise_fmt(ts, T.ValueError, "empty range for randrange() ({}, {}, {})",
                     istart.to_string(), istop.to_string(), width.to_string());
  }
  BigInt n;
  if (istep.sign() > 0) BigInt::divmod(width + istep - BigInt(1), istep, &n, nullptr);
  else if (istep.sign() < 0) BigInt::divmod(width + istep + BigInt(1), istep, &n, nullptr);
  else return raise(ts, T.ValueError, "zero step for randrange()");
  if (n.sign() <= 0) return raise(ts, T.ValueError, "empty range for randrange()");
  return new_int(ts, istart + istep * randbelow(r->mt, n));
}

Value r_randrange(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  Value p[3];
  for (std::size_t i = 0; i < a.size() && i < 3; ++i) p[i] = a[i];
  if (a.size() > 3) return too_many(ts, "randrange", 3, a.size());
  static const char* const names[] = {"start", "stop", "step"};
  for (std::size_t k = 0; k < a.nkw; ++k) {
    int i = 0;
    while (i < 3 && a.kwnames[k]->s != names[i]) ++i;
    if (i == 3)
      return raise_fmt(ts, ts.interp.types.TypeError,
                       "Random.randrange() got an unexpected keyword argument '{}'", a.kwnames[k]->s);
    p[i] = a.kwvalues[k];
  }
  if (p[0].is_null())
    return raise(ts, ts.interp.types.TypeError,
                 "Random.randrange() missing 1 required positional argument: 'start'");
  return randrange(ts, r, p[0], p[1], p[2]);
}

Value r_randint(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  if (a.size() != 2) {
    if (a.size() > 2) return too_many(ts, "randint", 2, a.size());
    return raise_fmt(ts, ts.interp.types.TypeError,
                     "Random.randint() missing {} required positional argument{}: {}", 2 - a.size(),
                     a.size() == 0 ? "s" : "", a.size() == 0 ? "'a' and 'b'" : "'b'");
  }
  Value b1 = binary_op(ts, front::BinOp::Add, a[1], Value::from_int(1));
  if (b1.is_fail()) return b1;
  TempRoot root(ts, b1);
  return randrange(ts, r, a[0], b1, Value::null());
}

Value r_choice(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  if (a.size() != 1) return raise(ts, ts.interp.types.TypeError, "Random.choice() takes exactly one argument");
  std::int64_t n = length(ts, a[0]);
  if (n < 0) return Value::fail();
  if (n == 0) return raise(ts, ts.interp.types.IndexError, "Cannot choose from an empty sequence");
  std::int64_t i = randbelow_small(r->mt, n);
  if (List* l = as_list(a[0])) return l->items[i];
  if (Tuple* t = as_tuple(a[0])) return t->items[i];
  return get_item(ts, a[0], Value::from_int(i));
}

Value r_shuffle(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  if (a.size() != 1) return raise(ts, ts.interp.types.TypeError, "Random.shuffle() takes exactly one argument");
  Value x = a[0];
  std::int64_t n = length(ts, x);
  if (n < 0) return Value::fail();
  for (std::int64_t i = n - 1; i >= 1; --i) {
    std::int64_t j = randbelow_small(r->mt, i + 1);
    if (List* l = as_list(x); l != nullptr && static_cast<std::int64_t>(l->items.size()) > i) {
      std::swap(l->items[i], l->items[j]);
      continue;
    }
    Value xi = get_item(ts, x, Value::from_int(i));
    if (xi.is_fail()) return xi;
    TempRoot ri(ts, xi);
    Value xj = get_item(ts, x, Value::from_int(j));
    if (xj.is_fail()) return xj;
    TempRoot rj(ts, xj);
    if (!set_item(ts, x, Value::from_int(i), xj)) return Value::fail();
    if (!set_item(ts, x, Value::from_int(j), xi)) return Value::fail();
  }
  return Value::none();
}

bool is_sequence(Value v) {
  return as_list(v) || as_tuple(v) || as_str(v) || as_bytes(v) ||
         as_kind<Range, Kind::Range>(v) != nullptr;
}

Value item_at(ThreadState& ts, Value seq, std::int64_t i) {
  if (List* l = as_list(seq)) return l->items[i];
  if (Tuple* t = as_tuple(seq)) return t->items[i];
  return get_item(ts, seq, Value::from_int(i));
}

Value r_sample(ThreadState& ts, Value self, const Args& a) {
  auto& T = ts.interp.types;
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  Value pop = a.size() > 0 ? a[0] : Value::null();
  Value kv = a.size() > 1 ? a[1] : Value::null();
  Value counts = Value::null();
  for (std::size_t k = 0; k < a.nkw; ++k) {
    std::string_view kw = a.kwnames[k]->s;
    if (kw == "population") pop = a.kwvalues[k];
    else if (kw == "k") kv = a.kwvalues[k];
    else if (kw == "counts") counts = a.kwvalues[k];
    else return raise_fmt(ts, T.TypeError, "Random.sample() got an unexpected keyword argument '{}'", kw);
  }
  if (pop.is_null() || kv.is_null())
    return raise_fmt(ts, T.TypeError, "Random.sample() missing 1 required positional argument: '{}'",
                     pop.is_null() ? "population" : "k");
  if (!is_sequence(pop) &&
      (type_lookup(type_of(ts, pop), ts.interp.names.__getitem__).is_null() || as_dict(pop) != nullptr))
    return raise(ts, T.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
  std::int64_t n = length(ts, pop);
  if (n < 0) return Value::fail();
  auto kk = to_index(ts, kv);
  if (!kk) return Value::fail();
  std::int64_t k = *kk;
  if (!counts.is_null() && !counts.is_none()) {
    // Repeated elements: sample positions in range(total), map them back.
    std::vector<Value> cv;
    if (!collect(ts, counts, cv)) return Value::fail();
    if (static_cast<std::int64_t>(cv.size()) != n)
      return raise(ts, T.ValueError, "The number of counts does not match the population");
    std::vector<std::int64_t> cum;
    std::int64_t total = 0;
    for (Value c : cv) {
      if (!is_int_like(c)) return raise(ts, T.TypeError, "Counts must be integers");
      auto ci = to_index(ts, c);
      if (!ci) return Value::fail();
      total += *ci;
      cum.push_back(total);
    }
    if (total <= 0) return raise(ts, T.ValueError, "Total of counts must be greater than zero");
    cum.pop_back();
    Value range_args[] = {Value::from_int(total)};
    Value rng = call(ts, obj(T.range), std::span<const Value>(range_args, 1));
    if (rng.is_fail()) return rng;
    TempRoot rr(ts, rng);
    Value sub_args[] = {rng, Value::from_int(k)};
    Args sa;
    sa.pos = sub_args;
    sa.npos = 2;
    Value sel = r_sample(ts, self, sa);
    if (sel.is_fail()) return sel;
    TempRoot sr(ts, sel);
    List* out = new_list(ts);
    TempRoot outr(ts, obj(out));
    for (Value s : as_list(sel)->items) {
      std::int64_t sv = s.as_int();
      std::size_t idx = static_cast<std::size_t>(std::upper_bound(cum.begin(), cum.end(), sv) - cum.begin());
      Value item = item_at(ts, pop, static_cast<std::int64_t>(idx));
      if (item.is_fail()) return item;
      out->items.push_back(item);
    }
    return obj(out);
  }
  if (k < 0 || k > n) return raise(ts, T.ValueError, "Sample larger than population or is negative");
  List* result = new_list(ts, static_cast<std::size_t>(k));
  TempRoot resroot(ts, obj(result));
  std::int64_t setsize = 21;
  if (k > 5) setsize += static_cast<std::int64_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
  if (n <= setsize) {
    List* pool = new_list(ts);
    TempRoot poolroot(ts, obj(pool));
    for (std::int64_t i = 0; i < n; ++i) {
      Value item = item_at(ts, pop, i);
      if (item.is_fail()) return item;
      pool->items.push_back(item);
    }
    for (std::int64_t i = 0; i < k; ++i) {
      std::int64_t j = randbelow_small(r->mt, n - i);
      result->items.push_back(pool->items[j]);
      pool->items[j] = pool->items[n - i - 1];
    }
  } else {
    std::unordered_set<std::int64_t> selected;
    for (std::int64_t i = 0; i < k; ++i) {
      std::int64_t j = randbelow_small(r->mt, n);
      while (selected.count(j)) j = randbelow_small(r->mt, n);
      selected.insert(j);
      Value item = item_at(ts, pop, j);
      if (item.is_fail()) return item;
      result->items.push_back(item);
    }
  }
  return obj(result);
}

Value r_choices(ThreadState& ts, Value self, const Args& a) {
  auto& T = ts.interp.types;
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  Value pop = a.size() > 0 ? a[0] : Value::null();
  Value weights = a.size() > 1 ? a[1] : Value::null();
  Value cum_weights = Value::null(), kv = Value::null();
  if (a.size() > 2) return too_many(ts, "choices", 2, a.size());
  for (std::size_t k = 0; k < a.nkw; ++k) {
    std::string_view kw = a.kwnames[k]->s;
    if (kw == "population") pop = a.kwvalues[k];
    else if (kw == "weights") weights = a.kwvalues[k];
    else if (kw == "cum_weights") cum_weights = a.kwvalues[k];
    else if (kw == "k") kv = a.kwvalues[k];
    else return raise_fmt(ts, T.TypeError, "Random.choices() got an unexpected keyword argument '{}'", kw);
  }
  if (pop.is_null())
    return raise(ts, T.TypeError, "Random.choices() missing 1 required positional argument: 'population'");
  std::int64_t k = 1;
  if (!kv.is_null()) {
    auto kk = to_index(ts, kv);
    if (!kk) return Value::fail();
    k = *kk;
  }
  std::int64_t n = length(ts, pop);
  if (n < 0) return Value::fail();
  List* out = new_list(ts);
  TempRoot outroot(ts, obj(out));
  bool has_w = !weights.is_null() && !weights.is_none();
  bool has_cw = !cum_weights.is_null() && !cum_weights.is_none();
  if (!has_cw && !has_w) {
    double nf = static_cast<double>(n);
    for (std::int64_t i = 0; i < k; ++i) {
      double x = std::floor(r->mt.random() * nf);
      Value item = item_at(ts, pop, static_cast<std::int64_t>(x));
      if (item.is_fail()) return item;
      out->items.push_back(item);
    }
    return obj(out);
  }
  if (has_cw && has_w) return raise(ts, T.TypeError, "Cannot specify both weights and cumulative weights");
  std::vector<Value> wv;
  if (!collect(ts, has_w ? weights : cum_weights, wv)) return Value::fail();
  std::vector<double> cum;
  double acc = 0.0;
  for (Value w : wv) {
    double d;
    if (w.is_float()) d = w.as_float();
    else if (is_int_like(w)) {
      auto dd = to_double(ts, w);
      if (!dd) return Value::fail();
      d = *dd;
    } else {
      return raise_fmt(ts, T.TypeError, "unsupported operand type(s) for +: 'int' and '{}'",
                       type_name(ts, w));
    }
    acc = has_w ? acc + d : d;
    cum.push_back(acc);
  }
  if (static_cast<std::int64_t>(cum.size()) != n)
    return raise(ts, T.ValueError, "The number of weights does not match the population");
  double total = cum.empty() ? 0.0 : cum.back();
  if (total <= 0.0) return raise(ts, T.ValueError, "Total of weights must be greater than zero");
  if (!std::isfinite(total)) return raise(ts, T.ValueError, "Total of weights must be finite");
  auto hi = cum.begin() + (n - 1);
  for (std::int64_t i = 0; i < k; ++i) {
    double x = r->mt.random() * total;
    std::int64_t idx = std::upper_bound(cum.begin(), hi, x) - cum.begin();
    Value item = item_at(ts, pop, idx);
    if (item.is_fail()) return item;
    out->items.push_back(item);
  }
  return obj(out);
}

bool float_args(ThreadState& ts, const Args& a, const char* name,
                std::initializer_list<const char*> names, std::initializer_list<double> defaults,
                std::size_t required, double* out) {
  std::size_t n = names.size();
  if (a.size() > n) {
    too_many(ts, name, n, a.size());
    return false;
  }
  std::vector<bool> given(n, false);
  auto set = [&](std::size_t i, Value v) -> bool {
    if (v.is_float()) {
      out[i] = v.as_float();
    } else {
      auto d = to_double(ts, v);
      if (!d) return false;
      out[i] = *d;
    }
    given[i] = true;
    return true;
  };
  auto dit = defaults.begin();
  for (std::size_t i = 0; i < n; ++i) out[i] = i < defaults.size() ? *(dit + i) : 0.0;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!set(i, a[i])) return false;
  for (std::size_t k = 0; k < a.nkw; ++k) {
    std::size_t i = 0;
    auto it = names.begin();
    while (i < n && a.kwnames[k]->s != *it) {
      ++i;
      ++it;
    }
    if (i == n) {
      raise_fmt(ts, ts.interp.types.TypeError, "Random.{}() got an unexpected keyword argument '{}'",
                name, a.kwnames[k]->s);
      return false;
    }
    if (!set(i, a.kwvalues[k])) return false;
  }
  for (std::size_t i = 0; i < required; ++i) {
    if (!given[i]) {
      raise_fmt(ts, ts.interp.types.TypeError, "Random.{}() missing required argument '{}'", name,
                *(names.begin() + i));
      return false;
    }
  }
  return true;
}

Value r_uniform(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  double p[2];
  if (!float_args(ts, a, "uniform", {"a", "b"}, {}, 2, p)) return Value::fail();
  return Value::from_float(p[0] + (p[1] - p[0]) * r->mt.random());
}

Value r_gauss(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  double p[2];
  if (!float_args(ts, a, "gauss", {"mu", "sigma"}, {0.0, 1.0}, 0, p)) return Value::fail();
  double z;
  if (r->has_gauss_next) {
    z = r->gauss_next;
    r->has_gauss_next = false;
  } else {
    double x2pi = r->mt.random() * (2.0 * M_PI);
    double g2rad = std::sqrt(-2.0 * std::log(1.0 - r->mt.random()));
    z = std::cos(x2pi) * g2rad;
    r->gauss_next = std::sin(x2pi) * g2rad;
    r->has_gauss_next = true;
  }
  return Value::from_float(p[0] + z * p[1]);
}

double normalvariate(MT& mt, double mu, double sigma) {
  const double nv_magicconst = 4 * std::exp(-0.5) / std::sqrt(2.0);
  double z;
  for (;;) {
    double u1 = mt.random();
    double u2 = 1.0 - mt.random();
    z = nv_magicconst * (u1 - 0.5) / u2;
    double zz = z * z / 4.0;
    if (zz <= -std::log(u2)) break;
  }
  return mu + z * sigma;
}

Value r_normalvariate(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  double p[2];
  if (!float_args(ts, a, "normalvariate", {"mu", "sigma"}, {0.0, 1.0}, 0, p)) return Value::fail();
  return Value::from_float(normalvariate(r->mt, p[0], p[1]));
}

Value r_lognormvariate(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  double p[2];
  if (!float_args(ts, a, "lognormvariate", {"mu", "sigma"}, {}, 2, p)) return Value::fail();
  return Value::from_float(std::exp(normalvariate(r->mt, p[0], p[1])));
}

Value r_expovariate(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  double p[1];
  if (!float_args(ts, a, "expovariate", {"lambd"}, {1.0}, 0, p)) return Value::fail();
  if (p[0] == 0.0) return raise(ts, ts.interp.types.ZeroDivisionError, "float division by zero");
  return Value::from_float(-std::log(1.0 - r->mt.random()) / p[0]);
}

Value r_triangular(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  Value mode = a.size() > 2 ? a[2] : Value::null();
  for (std::size_t k = 0; k < a.nkw; ++k)
    if (a.kwnames[k]->s == "mode") mode = a.kwvalues[k];
  Args b = a;
  if (b.npos > 2) b.npos = 2;
  // Drop `mode` from the keywords float_args sees.
  std::vector<Str*> kn;
  std::vector<Value> kvv;
  for (std::size_t k = 0; k < a.nkw; ++k)
    if (a.kwnames[k]->s != "mode") {
      kn.push_back(a.kwnames[k]);
      kvv.push_back(a.kwvalues[k]);
    }
  b.kwnames = kn.data();
  b.kwvalues = kvv.data();
  b.nkw = kn.size();
  double p[2];
  if (!float_args(ts, b, "triangular", {"low", "high"}, {0.0, 1.0}, 0, p)) return Value::fail();
  double low = p[0], high = p[1];
  double u = r->mt.random();
  double c;
  if (mode.is_null() || mode.is_none()) {
    c = 0.5;
  } else {
    auto m = to_double(ts, mode);
    if (!m) return Value::fail();
    if (high - low == 0.0) return Value::from_float(low);
    c = (*m - low) / (high - low);
  }
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    std::swap(low, high);
  }
  return Value::from_float(low + (high - low) * std::sqrt(u * c));
}

Value r_randbytes(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  if (a.size() != 1) return raise(ts, ts.interp.types.TypeError, "Random.randbytes() takes exactly one argument");
  auto n = to_index(ts, a[0]);
  if (!n) return Value::fail();
  if (*n < 0) return raise(ts, ts.interp.types.ValueError, "number of bits must be non-negative");
  // getrandbits(n * 8).to_bytes(n, 'little'): whole words, little-endian;
  // the last word's kept bits are its top ones, shifted down.
  std::string out;
  std::int64_t bits = *n * 8;
  if (bits == 0) return new_bytes(ts, "");
  if (bits <= 32) {
    std::uint32_t w = r->mt.next() >> (32 - bits);
    for (std::int64_t i = 0; i < *n; ++i) out += static_cast<char>((w >> (8 * i)) & 0xff);
    return new_bytes(ts, std::move(out));
  }
  for (std::int64_t left = bits; left > 0; left -= 32) {
    std::uint32_t w = r->mt.next();
    if (left < 32) w >>= (32 - left);
    for (int i = 0; i < 4 && static_cast<std::int64_t>(out.size()) < *n; ++i)
      out += static_cast<char>((w >> (8 * i)) & 0xff);
  }
  return new_bytes(ts, std::move(out));
}

Value r_getstate(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  std::vector<Value> words;
  for (int i = 0; i < MT::N; ++i) words.push_back(Value::from_int(r->mt.state()[i]));
  words.push_back(Value::from_int(r->mt.index()));
  Tuple* inner = new_tuple(ts, words);
  TempRoot root(ts, obj(inner));
  return obj(new_tuple(ts, {Value::from_int(3), obj(inner),
                            r->has_gauss_next ? Value::from_float(r->gauss_next) : Value::none()}));
}

Value r_setstate(ThreadState& ts, Value self, const Args& a) {
  RandomObj* r = as_random(ts, self);
  if (r == nullptr) return Value::fail();
  Tuple* st = a.size() == 1 ? as_tuple(a[0]) : nullptr;
  if (st == nullptr || st->items.size() != 3)
    return raise(ts, ts.interp.types.TypeError, "state vector must be a tuple");
  Tuple* inner = as_tuple(st->items[1]);
  if (inner == nullptr || inner->items.size() != MT::N + 1)
    return raise(ts, ts.interp.types.ValueError, "state vector is the wrong size");
  for (int i = 0; i <= MT::N; ++i) {
    auto v = to_index(ts, inner->items[i]);
    if (!v) return Value::fail();
    if (i < MT::N) r->mt.state()[i] = static_cast<std::uint32_t>(*v);
    else r->mt.index() = static_cast<int>(*v);
  }
  Value g = st->items[2];
  r->has_gauss_next = g.is_float();
  if (g.is_float()) r->gauss_next = g.as_float();
  return Value::none();
}

Value random_ctor(ThreadState& ts, Value self, const Args& a) {
  Type* t = as_type(self);
  if (a.size() > 1)
    return raise_fmt(ts, ts.interp.types.TypeError, "Random() expected at most 1 argument, got {}", a.size());
  RandomObj* r = ts.interp.heap.make<RandomObj>(t);
  TempRoot root(ts, obj(r));
  if (!do_seed(ts, r, a.size() == 1 ? a[0] : Value::null())) return Value::fail();
  return obj(r);
}

const MethodDef kRandomMethods[] = {
    {"seed", r_seed},
    {"random", r_random},
    {"getrandbits", r_getrandbits},
    {"randrange", r_randrange},
    {"randint", r_randint},
    {"choice", r_choice},
    {"choices", r_choices},
    {"shuffle", r_shuffle},
    {"sample", r_sample},
    {"uniform", r_uniform},
    {"gauss", r_gauss},
    {"normalvariate", r_normalvariate},
    {"lognormvariate", r_lognormvariate},
    {"expovariate", r_expovariate},
    {"triangular", r_triangular},
    {"randbytes", r_randbytes},
    {"getstate", r_getstate},
    {"setstate", r_setstate},
};

}  // namespace

bool init_random_module(ThreadState& ts, Dict* d) {
  Interpreter& interp = ts.interp;
  Type* t = make_builtin_type(interp, "Random", interp.types.object, Kind::Opaque);
  t->module_name = obj(interp.intern("random"));
  t->ctor = random_ctor;
  dict_set_cstr(interp, d, "Random", obj(t));
  add_methods(interp, t, kRandomMethods);

  RandomObj* inst = interp.heap.make<RandomObj>(t);
  seed_from_os(inst);
  dict_set_cstr(interp, d, "_inst", obj(inst));
  for (const MethodDef& def : kRandomMethods) {
    Native* n = new_native(ts, def.fn, def.name, obj(inst));
    dict_set_cstr(interp, d, def.name, obj(n));
  }
  return true;
}

}  // namespace gilvm
