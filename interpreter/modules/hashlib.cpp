// modules/hashlib.cpp — the hashlib module on OpenSSL's libcrypto (EVP), as
// CPython's Modules/_hashopenssl.c under Lib/hashlib.py.
//
// What is there. Constructors md5, sha1, sha224, sha256, sha384, sha512 and
// sha3_224..sha3_512 (data=b'' positional or as `string=`, and
// `usedforsecurity=`, accepted and ignored as on a non-FIPS build), and
// new(name, data=b'', **kwargs) which also knows sha512_224, sha512_256,
// blake2b / blake2s (their default digest sizes, which are OpenSSL's
// BLAKE2b512 / BLAKE2s256) and any other fixed-size digest OpenSSL's default
// provider has under that name ('SHA256', 'ripemd160'). Hash objects are
// _hashlib.HASH: update, digest, hexdigest, copy, name, digest_size,
// block_size. Not there: shake_* (variable-length digests), blake2's key /
// salt / person parameters, algorithms_guaranteed / algorithms_available,
// file_digest, pbkdf2_hmac. Only bytes hold data (gilvm has no bytearray or
// memoryview); a str is refused with CPython's "Strings must be encoded
// before hashing".
//
// The GIL. As CPython (Modules/hashlib.h, HASHLIB_GIL_MINSIZE = 2048), an
// update with 2048 bytes or more runs with the GIL released, so threads that
// hash large buffers run in parallel; smaller updates are cheaper than a GIL
// round trip and keep it. While released, the thread touches only C++ state:
// the object's EVP_MD_CTX and the bytes' character buffer. That buffer stays
// valid because (1) bytes are immutable and gilvm's collector never moves an
// object, and (2) the bytes object stays reachable: it is an argument, and a
// native's arguments are a span of the caller's value stack (vm/object.h
// Args), which the collector marks for every thread (Interpreter::mark_roots)
// — and since a dict passed with **kwargs could be cleared by another thread
// meanwhile, the functions here also pin the data (and the hash object) with
// a TempRoot before releasing, which makes the argument local.
//
// Threads on one object. Two threads may update the same hash object at
// once, each with the GIL released; CPython then serializes them with a
// per-object lock, and so does gilvm: every use of the context holds the
// object's `mu`. The rule that keeps it deadlock-free (as for locks and
// files, modules/thread.cpp, runtime/file.h): a thread holding the GIL never
// waits for `mu` — it try_locks, and if another thread has it, releases the
// GIL for the wait — and a thread never waits for the GIL while holding
// `mu` (the lock is dropped before ReleaseGil's destructor retakes the GIL).
// A constructor with large data hashes into a fresh context that no other
// thread can see, with the GIL released and no lock, and only then wraps it
// in a heap object.

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>

#include <iterator>
#include <cctype>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "modules/registry.h"
#include "vm/api.h"
#include "vm/gil.h"

#include <dlfcn.h>

namespace gilvm {

namespace {

// libcrypto is opened when hashlib is first imported (dlopen), not linked:
// the dynamic loader spends ~3 ms relocating libcrypto, which every gilvm
// start would pay (startup went from 4 to 7 ms) although few programs hash.
#define GILVM_CRYPTO_FUNCTIONS(X)                                                           \
  X(ERR_clear_error) X(ERR_get_error) X(ERR_reason_error_string) X(EVP_DigestFinal_ex)     \
  X(EVP_DigestInit_ex) X(EVP_DigestUpdate) X(EVP_MD_CTX_copy_ex) X(EVP_MD_CTX_free)         \
  X(EVP_MD_CTX_new) X(EVP_MD_fetch) X(EVP_MD_free) X(EVP_MD_get_block_size)                 \
  X(EVP_MD_get_flags) X(EVP_MD_get_size) X(EVP_MD_get_type) X(EVP_MD_up_ref) X(OBJ_nid2ln)

struct LibCrypto {
#define GILVM_CRYPTO_POINTER(f) decltype(&::f) f = nullptr;
  GILVM_CRYPTO_FUNCTIONS(GILVM_CRYPTO_POINTER)
#undef GILVM_CRYPTO_POINTER
};

const LibCrypto* crypto = nullptr;  // set by init_hashlib_module before any use

// Opens libcrypto once for the process. Null, with `error`, when it cannot.
const LibCrypto* open_libcrypto(std::string& error) {
  static LibCrypto lib;
  static std::string failure;
  static bool ok = false;
  static std::once_flag once;
  std::call_once(once, [] {
    void* h = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
    if (h == nullptr) {
      const char* e = dlerror();
      failure = e != nullptr ? e : "cannot open libcrypto.so.3";
      return;
    }
#define GILVM_CRYPTO_RESOLVE(f)                                    \
  lib.f = reinterpret_cast<decltype(&::f)>(dlsym(h, #f));          \
  if (lib.f == nullptr) {                                          \
    failure = "libcrypto.so.3 has no " #f;                         \
    return;                                                        \
  }
    GILVM_CRYPTO_FUNCTIONS(GILVM_CRYPTO_RESOLVE)
#undef GILVM_CRYPTO_RESOLVE
    ok = true;
  });
  if (!ok) error = failure;
  return ok ? &lib : nullptr;
}

}  // namespace

}  // namespace gilvm

namespace gilvm {

namespace {

// Modules/hashlib.h: updates at least this long release the GIL.
constexpr std::size_t kGilMinSize = 2048;

// ---------------------------------------------------------------------------
// Algorithms
// ---------------------------------------------------------------------------

// A digest by its Python name, OpenSSL's name, and whether hashlib has a
// constructor function for it (hashlib.sha256) or it is reached by new().
struct Algorithm {
  const char* py_name;
  const char* ossl_name;
  const char* ctor_name;  // the constructor's __name__ (CPython's), or null
};

constexpr Algorithm kAlgorithms[] = {
    {"md5", "MD5", "openssl_md5"},
    {"sha1", "SHA1", "openssl_sha1"},
    {"sha224", "SHA224", "openssl_sha224"},
    {"sha256", "SHA256", "openssl_sha256"},
    {"sha384", "SHA384", "openssl_sha384"},
    {"sha512", "SHA512", "openssl_sha512"},
    {"sha3_224", "SHA3-224", "sha3_224"},
    {"sha3_256", "SHA3-256", "sha3_256"},
    {"sha3_384", "SHA3-384", "sha3_384"},
    {"sha3_512", "SHA3-512", "sha3_512"},
    {"sha512_224", "SHA512-224", nullptr},
    {"sha512_256", "SHA512-256", nullptr},
    {"blake2b", "BLAKE2B-512", nullptr},
    {"blake2s", "BLAKE2S-256", nullptr},
};
constexpr std::size_t kNumAlgorithms = std::size(kAlgorithms);

// OpenSSL 3 looks an algorithm up in its providers on every EVP_get_*; an
// EVP_MD fetched once is shared, read-only, by every context and thread
// (CPython caches them the same way). Filled on first use, thread-safely
// (a function-local static).
struct FetchedDigests {
  EVP_MD* md[kNumAlgorithms] = {};
  FetchedDigests() {
    for (std::size_t i = 0; i < kNumAlgorithms; ++i)
      md[i] = crypto->EVP_MD_fetch(nullptr, kAlgorithms[i].ossl_name, nullptr);
  }
  ~FetchedDigests() {
    for (EVP_MD* m : md) crypto->EVP_MD_free(m);
  }
};

const FetchedDigests& fetched() {
  static const FetchedDigests f;
  return f;
}

// A digest and the name Python calls it by.
struct Digest {
  const EVP_MD* md = nullptr;
  std::string name;
};

// Finds a digest by name: a Python name first ("sha256"), then any name
// OpenSSL knows ("SHA256", "sha-256", "ripemd160"), reported under its
// Python name when it is one of the table's, else OpenSSL's long name in
// lower case (CPython's py_digest_name). XOFs (shake) are not supported.
// `keep` owns a digest fetched here that is not in the table.
std::optional<Digest> find_digest(std::string_view name, EVP_MD*& keep) {
  const FetchedDigests& f = fetched();
  for (std::size_t i = 0; i < kNumAlgorithms; ++i)
    if (name == kAlgorithms[i].py_name && f.md[i] != nullptr) return Digest{f.md[i], kAlgorithms[i].py_name};
  std::string cname(name);
  if (cname.find('\0') != std::string::npos) return std::nullopt;
  EVP_MD* md = crypto->EVP_MD_fetch(nullptr, cname.c_str(), nullptr);
  crypto->ERR_clear_error();
  if (md == nullptr) return std::nullopt;
  if (crypto->EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) {
    crypto->EVP_MD_free(md);
    return std::nullopt;
  }
  int nid = crypto->EVP_MD_get_type(md);
  for (std::size_t i = 0; i < kNumAlgorithms; ++i) {
    if (f.md[i] != nullptr && crypto->EVP_MD_get_type(f.md[i]) == nid) {
      crypto->EVP_MD_free(md);
      return Digest{f.md[i], kAlgorithms[i].py_name};
    }
  }
  keep = md;
  const char* ln = crypto->OBJ_nid2ln(nid);
  std::string py = ln != nullptr ? ln : cname;
  for (char& c : py) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return Digest{md, py};
}

// ---------------------------------------------------------------------------
// Contexts (plain C++: usable with the GIL released)
// ---------------------------------------------------------------------------

struct CtxFree {
  void operator()(EVP_MD_CTX* c) const { crypto->EVP_MD_CTX_free(c); }
};
using CtxPtr = std::unique_ptr<EVP_MD_CTX, CtxFree>;

// Feeds `data` to the context; false on an OpenSSL error.
bool ctx_update(EVP_MD_CTX* ctx, std::string_view data) {
  return crypto->EVP_DigestUpdate(ctx, data.data(), data.size()) == 1;
}

// The digest of what `ctx` has seen so far, leaving `ctx` usable (finalises
// a copy, as CPython's EVP_digest does). Empty on an OpenSSL error.
std::string ctx_digest(const EVP_MD_CTX* ctx) {
  CtxPtr tmp(crypto->EVP_MD_CTX_new());
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!tmp || crypto->EVP_MD_CTX_copy_ex(tmp.get(), ctx) != 1 || crypto->EVP_DigestFinal_ex(tmp.get(), buf, &len) != 1)
    return {};
  return std::string(reinterpret_cast<const char*>(buf), len);
}

// Raises ValueError with OpenSSL's reason for the last failure (CPython's
// _setException), or `what` when OpenSSL gives none.
Value raise_openssl(ThreadState& ts, const char* what) {
  unsigned long err = crypto->ERR_get_error();
  crypto->ERR_clear_error();
  const char* reason = err != 0 ? crypto->ERR_reason_error_string(err) : nullptr;
  return raise(ts, ts.interp.types.ValueError, reason != nullptr ? reason : what);
}

// ---------------------------------------------------------------------------
// The HASH object
// ---------------------------------------------------------------------------

struct HashObj : Opaque {
  std::mutex mu;       // held by whoever uses ctx (see the top of the file)
  CtxPtr ctx;          // the running digest state
  const EVP_MD* md;    // its algorithm (a fetched digest, or owned_md)
  EVP_MD* owned_md;    // a digest fetched by new() outside the table, or null
  std::string name;    // the Python name: 'sha256'
  HashObj(Type* t, CtxPtr c, const EVP_MD* m, EVP_MD* owned, std::string n)
      : Opaque(t), ctx(std::move(c)), md(m), owned_md(owned), name(std::move(n)) {}
  ~HashObj() override {
    ctx.reset();
    crypto->EVP_MD_free(owned_md);
  }
};

// Whether a use of the context may keep the GIL (a short update, digest,
// copy) or should release it (a long update).
enum class GilUse { Keep, Release };

// Runs work() with h->mu held, following the lock rule at the top of the
// file; returns with the GIL held. work() must touch no Value or heap object
// (it may run with the GIL released) and returns false on an OpenSSL error.
template <class Work>
bool with_ctx(ThreadState& ts, HashObj* h, GilUse use, Work&& work) {
  if (use == GilUse::Keep && h->mu.try_lock()) {
    std::lock_guard<std::mutex> lk(h->mu, std::adopt_lock);
    return work();
  }
  ReleaseGil released(ts, {RunState::Io, "hashlib"});
  std::lock_guard<std::mutex> lk(h->mu);
  return work();
  // lk unlocks before `released` retakes the GIL.
}

HashObj* as_hash(ThreadState& ts, Value v, const char* method) {
  if (v.is_obj() && v.as_obj()->kind == Kind::Opaque)
    if (auto* h = dynamic_cast<HashObj*>(v.as_obj())) return h;
  raise_fmt(ts, ts.interp.types.TypeError, "descriptor '{}' for '_hashlib.HASH' objects doesn't apply to a '{}' object",
            method, type_name(ts, v));
  return nullptr;
}

// The bytes behind a data argument: bytes only (CPython's buffer protocol,
// for the types gilvm has). Null with TypeError raised otherwise.
Bytes* data_arg(ThreadState& ts, Value v) {
  if (Bytes* b = as_bytes(v)) return b;
  if (as_str(v) != nullptr)
    raise(ts, ts.interp.types.TypeError, "Strings must be encoded before hashing");
  else
    raise(ts, ts.interp.types.TypeError, "object supporting the buffer API required");
  return nullptr;
}

// A new HASH object of `type` for `d`, fed `data` (may be Null: nothing).
// A long `data` is hashed with the GIL released, before any heap object
// exists (the data is pinned by a TempRoot meanwhile).
Value make_hash(ThreadState& ts, Type* type, const Digest& d, EVP_MD* owned, Value data) {
  Bytes* b = nullptr;
  if (!data.is_null()) {
    b = data_arg(ts, data);
    if (b == nullptr) {
      crypto->EVP_MD_free(owned);
      return Value::fail();
    }
  }
  CtxPtr ctx(crypto->EVP_MD_CTX_new());
  if (!ctx || crypto->EVP_DigestInit_ex(ctx.get(), d.md, nullptr) != 1) {
    crypto->EVP_MD_free(owned);
    return raise_openssl(ts, "EVP_DigestInit_ex failed");
  }
  if (b != nullptr && !b->s.empty()) {
    std::string_view bytes = b->s;
    bool ok;
    if (bytes.size() >= kGilMinSize) {
      TempRoot pin(ts, data);
      ReleaseGil released(ts, {RunState::Io, "hashlib"});
      ok = ctx_update(ctx.get(), bytes);
    } else {
      ok = ctx_update(ctx.get(), bytes);
    }
    if (!ok) {
      crypto->EVP_MD_free(owned);
      return raise_openssl(ts, "EVP_DigestUpdate failed");
    }
  }
  return obj(ts.interp.heap.make<HashObj>(type, std::move(ctx), d.md, owned, d.name));
}

Value hash_update(ThreadState& ts, Value self, const Args& a) {
  HashObj* h = as_hash(ts, self, "update");
  if (h == nullptr) return Value::fail();
  Bytes* b = data_arg(ts, a[0]);
  if (b == nullptr) return Value::fail();
  std::string_view bytes = b->s;
  TempRoot pin_self(ts, self);
  TempRoot pin_data(ts, a[0]);
  GilUse use = bytes.size() >= kGilMinSize ? GilUse::Release : GilUse::Keep;
  if (!with_ctx(ts, h, use, [&] { return ctx_update(h->ctx.get(), bytes); }))
    return raise_openssl(ts, "EVP_DigestUpdate failed");
  return Value::none();
}

// The digest so far, as bytes; nullopt with an exception pending.
std::optional<std::string> digest_of(ThreadState& ts, HashObj* h) {
  std::string out;
  if (!with_ctx(ts, h, GilUse::Keep, [&] {
        out = ctx_digest(h->ctx.get());
        return !out.empty();
      })) {
    raise_openssl(ts, "EVP_DigestFinal_ex failed");
    return std::nullopt;
  }
  return out;
}

Value hash_digest(ThreadState& ts, Value self, const Args& a) {
  HashObj* h = as_hash(ts, self, "digest");
  if (h == nullptr) return Value::fail();
  auto d = digest_of(ts, h);
  if (!d) return Value::fail();
  return new_bytes(ts, std::move(*d));
}

Value hash_hexdigest(ThreadState& ts, Value self, const Args& a) {
  HashObj* h = as_hash(ts, self, "hexdigest");
  if (h == nullptr) return Value::fail();
  auto d = digest_of(ts, h);
  if (!d) return Value::fail();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(d->size() * 2);
  for (unsigned char c : *d) {
    hex += kHex[c >> 4];
    hex += kHex[c & 15];
  }
  return new_str(ts, std::move(hex));
}

Value hash_copy(ThreadState& ts, Value self, const Args& a) {
  HashObj* h = as_hash(ts, self, "copy");
  if (h == nullptr) return Value::fail();
  CtxPtr ctx(crypto->EVP_MD_CTX_new());
  if (!ctx) return raise(ts, new_exception(ts, ts.interp.types.MemoryError, {}));
  if (!with_ctx(ts, h, GilUse::Keep, [&] { return crypto->EVP_MD_CTX_copy_ex(ctx.get(), h->ctx.get()) == 1; }))
    return raise_openssl(ts, "EVP_MD_CTX_copy_ex failed");
  // A digest outside the table is owned per object: the copy takes a reference.
  EVP_MD* owned = nullptr;
  if (h->owned_md != nullptr && crypto->EVP_MD_up_ref(h->owned_md) == 1) owned = h->owned_md;
  return obj(ts.interp.heap.make<HashObj>(h->type, std::move(ctx), h->md, owned, h->name));
}

Value hash_repr(ThreadState& ts, Value self, const Args& a) {
  HashObj* h = as_hash(ts, self, "__repr__");
  if (h == nullptr) return Value::fail();
  return new_str(ts, fmt::format("<{} _hashlib.HASH object @ {:#x}>", h->name, reinterpret_cast<std::uintptr_t>(h)));
}

// Attributes (properties whose getter is a native method).
Value hash_name(ThreadState& ts, Value self, const Args& a) {
  HashObj* h = as_hash(ts, self, "name");
  return h == nullptr ? Value::fail() : new_str(ts, h->name);
}

Value hash_digest_size(ThreadState& ts, Value self, const Args& a) {
  HashObj* h = as_hash(ts, self, "digest_size");
  return h == nullptr ? Value::fail() : Value::from_int(crypto->EVP_MD_get_size(h->md));
}

Value hash_block_size(ThreadState& ts, Value self, const Args& a) {
  HashObj* h = as_hash(ts, self, "block_size");
  return h == nullptr ? Value::fail() : Value::from_int(crypto->EVP_MD_get_block_size(h->md));
}

Value hash_no_ctor(ThreadState& ts, Value self, const Args& a) {
  return raise(ts, ts.interp.types.TypeError, "cannot create '_hashlib.HASH' instances");
}

const MethodDef kHashMethods[] = {
    {"update", hash_update, "data, /", Style::One, Access::Mutates},
    {"digest", hash_digest, "", Style::NoArgs},
    {"hexdigest", hash_hexdigest, "", Style::NoArgs},
    {"copy", hash_copy, "", Style::NoArgs},
    {"__repr__", hash_repr},
};

const MethodDef kHashAttributes[] = {
    {"name", hash_name},
    {"digest_size", hash_digest_size},
    {"block_size", hash_block_size},
};

// ---------------------------------------------------------------------------
// Module functions. Each Native's `data` is the HASH type (call_object passes
// it as `self`); a constructor finds its algorithm by its own name.
// ---------------------------------------------------------------------------

template <std::size_t I>
Value ctor(ThreadState& ts, Value self, const Args& a) {
  const Algorithm& alg = kAlgorithms[I];
  Value data = a[0];  // a[1], usedforsecurity, is accepted and ignored (CPython heeds it only under FIPS)
  EVP_MD* md = fetched().md[I];
  if (md == nullptr) return raise_fmt(ts, ts.interp.types.ValueError, "unsupported hash type {}", alg.py_name);
  return make_hash(ts, as_type(self), Digest{md, alg.py_name}, nullptr, data);
}

// new(name, data=b'', **kwargs) — Lib/hashlib.py's __hash_new.
Value hashlib_new(ThreadState& ts, Value self, const Args& a) {
  Interpreter& in = ts.interp;
  if (a.npos > 2) return raise_fmt(ts, in.types.TypeError, "__hash_new() takes from 1 to 2 positional arguments but {} were given", a.npos);
  Value name = a.npos > 0 ? a[0] : kwarg(a, "name");
  Value data = a.npos > 1 ? a[1] : kwarg(a, "data");
  for (std::size_t i = 0; i < a.nkw; ++i) {
    std::string_view k = a.kwnames[i]->s;
    if ((k == "name" && a.npos > 0) || (k == "data" && a.npos > 1))
      return raise_fmt(ts, in.types.TypeError, "__hash_new() got multiple values for argument '{}'", k);
    if (k != "name" && k != "data" && k != "usedforsecurity")
      return raise_invalid_keyword(ts, k, "new");
  }
  if (name.is_null()) return raise(ts, in.types.TypeError, "__hash_new() missing 1 required positional argument: 'name'");
  Str* s = as_str(name);
  if (s == nullptr) return raise(ts, in.types.TypeError, "name must be a string");
  EVP_MD* owned = nullptr;
  auto d = find_digest(s->s, owned);
  if (!d) return raise_fmt(ts, in.types.ValueError, "unsupported hash type {}", s->s);
  return make_hash(ts, as_type(self), *d, owned, data);
}

// A constructor's signature; each is its own row, named for its algorithm.
template <std::size_t I>
const Signature* ctor_signature() {
  static const MethodDef def{kAlgorithms[I].ctor_name, ctor<I>, "string=b'', *, usedforsecurity=True",
                             Style::Keywords};
  static const Signature sig = parse_signature(def, def.name);
  return &sig;
}

template <std::size_t... I>
void add_constructors(ThreadState& ts, Dict* d, Type* hash_type, std::index_sequence<I...>) {
  Interpreter& in = ts.interp;
  auto add = [&](std::size_t i, NativeFn fn, const Signature* (*sig)()) {
    const Algorithm& alg = kAlgorithms[i];
    if (alg.ctor_name == nullptr) return;
    Native* n = new_native(ts, fn, alg.ctor_name);
    n->sig = sig();
    n->data = obj(hash_type);
    dict_set_cstr(in, d, alg.py_name, obj(n));
  };
  (add(I, ctor<I>, ctor_signature<I>), ...);
}

}  // namespace

bool init_hashlib_module(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  std::string error;
  crypto = open_libcrypto(error);
  if (crypto == nullptr) {
    raise_fmt(ts, in.types.ImportError, "hashlib needs OpenSSL's libcrypto: {}", error);
    return false;
  }
  Type* hash = make_builtin_type(in, "HASH", in.types.object, Kind::Opaque);
  hash->module_name = obj(in.intern("_hashlib"));
  hash->ctor = hash_no_ctor;
  add_methods(in, hash, kHashMethods);
  for (const MethodDef& def : kHashAttributes) {
    Native* getter = new_native(ts, def.fn, def.name);
    getter->method = true;
    Wrapper* p = in.heap.make<Wrapper>(in.types.property, Kind::Property, obj(getter));
    dict_set_cstr(in, hash->dict, def.name, obj(p));
  }
  ++in.type_version;

  add_constructors(ts, d, hash, std::make_index_sequence<kNumAlgorithms>{});
  Native* n = new_native(ts, hashlib_new, "__hash_new");
  n->data = obj(hash);
  dict_set_cstr(in, d, "new", obj(n));
  return true;
}

}  // namespace gilvm
