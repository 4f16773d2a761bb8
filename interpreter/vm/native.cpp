// The signature parser, the binder and the registration of method tables
// (vm/native.h). Messages are CPython 3.11's: Python/getargs.c
// (_PyArg_CheckPositional, vgetargs1, _PyArg_UnpackKeywords,
// error_unexpected_keyword_arg) and Objects/methodobject.c (METH_NOARGS,
// METH_O).
#include "vm/native.h"

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <unordered_map>

#include "vm/api.h"
#include "vm/heap.h"

namespace gilvm {

namespace {

[[noreturn]] void bad_signature(const MethodDef& def, std::string_view why) {
  std::fprintf(stderr, "gilvm: bad signature for %s (\"%s\"): %.*s\n", def.name, def.signature,
               static_cast<int>(why.size()), why.data());
  std::abort();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Splits at top-level commas (a default such as "','" or "(1, 2)" may hold
// one).
std::vector<std::string_view> split_params(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote != 0) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 0) {
      out.push_back(trim(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  std::string_view last = trim(text.substr(start));
  if (!last.empty() || !out.empty()) out.push_back(last);
  return out;
}

const char* plural(std::size_t n) { return n == 1 ? "" : "s"; }

// Registration parses each row once per process; the Signatures live as
// long as the process (a Native points at its own).
std::mutex g_sig_mutex;
std::deque<Signature> g_sigs;
std::unordered_map<const MethodDef*, const Signature*> g_sig_of;

const Signature* signature_for(const MethodDef& def, std::string_view qual) {
  std::lock_guard<std::mutex> lock(g_sig_mutex);
  auto it = g_sig_of.find(&def);
  if (it != g_sig_of.end()) return it->second;
  const Signature* s = &g_sigs.emplace_back(parse_signature(def, qual));
  g_sig_of.emplace(&def, s);
  return s;
}

Native* make_native(Interpreter& interp, const MethodDef& def, std::string_view qual) {
  Native* n = interp.heap.make<Native>(interp.types.builtin_function, def.fn, def.name);
  if (def.signature != nullptr) n->sig = signature_for(def, qual);
  return n;
}

}  // namespace

Signature parse_signature(const MethodDef& def, std::string_view qual) {
  Signature sig;
  sig.def = &def;
  sig.qual = std::string(qual);
  sig.name = std::string(qual.substr(qual.rfind('.') + 1));
  ParamKind kind = ParamKind::PositionalOrKeyword;
  bool any_optional = false;
  for (std::string_view p : split_params(def.signature)) {
    if (p.empty()) bad_signature(def, "empty parameter");
    if (p == "/") {
      if (kind != ParamKind::PositionalOrKeyword || sig.params.empty()) bad_signature(def, "misplaced /");
      for (Param& q : sig.params) q.kind = ParamKind::PositionalOnly;
      sig.posonly = static_cast<std::uint8_t>(sig.params.size());
      continue;
    }
    if (p == "*") {
      if (kind == ParamKind::KeywordOnly) bad_signature(def, "second *");
      kind = ParamKind::KeywordOnly;
      continue;
    }
    Param param;
    if (p.starts_with("**")) {
      param = {std::string(p.substr(2)), ParamKind::VarKeywords, false};
      sig.varkw = static_cast<std::int8_t>(sig.params.size());
    } else if (p.starts_with("*")) {
      if (kind == ParamKind::KeywordOnly) bad_signature(def, "*args after *");
      param = {std::string(p.substr(1)), ParamKind::VarArgs, false};
      sig.varargs = static_cast<std::int8_t>(sig.params.size());
      kind = ParamKind::KeywordOnly;
    } else {
      std::size_t eq = p.find('=');
      bool optional = eq != std::string_view::npos;
      param = {std::string(trim(p.substr(0, eq))), kind, !optional};
      if (kind != ParamKind::KeywordOnly) {
        if (!optional && any_optional) bad_signature(def, "required parameter after an optional one");
        any_optional = any_optional || optional;
      }
    }
    if (sig.varkw >= 0 && param.kind != ParamKind::VarKeywords) bad_signature(def, "parameter after **kwargs");
    sig.params.push_back(std::move(param));
  }
  if (sig.params.size() > 32) bad_signature(def, "more than 32 parameters");
  for (const Param& q : sig.params) {
    bool positional = q.kind == ParamKind::PositionalOnly || q.kind == ParamKind::PositionalOrKeyword;
    if (positional) ++sig.max_pos;
    if (positional && q.required && sig.min_pos == sig.max_pos - 1) ++sig.min_pos;
    if (q.kind != ParamKind::VarArgs && q.kind != ParamKind::VarKeywords) ++sig.max_args;
    if (q.kind != ParamKind::PositionalOnly && q.kind != ParamKind::VarArgs) sig.takes_keywords = true;
  }
  if (sig.takes_keywords && def.style != Style::Keywords)
    bad_signature(def, "a parameter takes a keyword, so the style must be Style::Keywords");
  if (def.style == Style::NoArgs && !sig.params.empty()) bad_signature(def, "NoArgs with parameters");
  if (def.style == Style::One && (sig.params.size() != 1 || !sig.params[0].required))
    bad_signature(def, "One needs exactly one required parameter");
  return sig;
}

bool bind_args(ThreadState& ts, const Signature& sig, const Args& a, Value* out) {
  Type* TE = ts.interp.types.TypeError;
  const std::size_t nparams = sig.params.size();
  const std::size_t n = a.npos;
  const Style style = sig.def->style;
  if (style != Style::Keywords) {
    // Positional-only: every parameter is a leading slot.
    if (a.nkw > 0) {
      raise_fmt(ts, TE, "{}() takes no keyword arguments", sig.qual);
      return false;
    }
    const std::size_t min = sig.min_pos, max = sig.max_pos;
    bool fits = n >= min && (n <= max || sig.varargs >= 0);
    if (!fits) {
      switch (style) {
        case Style::NoArgs:
          raise_fmt(ts, TE, "{}() takes no arguments ({} given)", sig.qual, n);
          break;
        case Style::One:
          raise_fmt(ts, TE, "{}() takes exactly one argument ({} given)", sig.qual, n);
          break;
        case Style::Positional:
          if (min == max)
            raise_fmt(ts, TE, "{} expected {} argument{}, got {}", sig.name, min, plural(min), n);
          else if (n < min)
            raise_fmt(ts, TE, "{} expected at least {} argument{}, got {}", sig.name, min, plural(min), n);
          else
            raise_fmt(ts, TE, "{} expected at most {} argument{}, got {}", sig.name, max, plural(max), n);
          break;
        default: {
          std::size_t bound = n < min ? min : max;
          raise_fmt(ts, TE, "{}() takes {} {} argument{} ({} given)", sig.name,
                    min == max ? "exactly" : (n < min ? "at least" : "at most"), bound, plural(bound), n);
          break;
        }
      }
      return false;
    }
    std::size_t take = n < max ? n : max;
    for (std::size_t i = 0; i < take; ++i) out[i] = a.pos[i];
    for (std::size_t i = take; i < nparams; ++i) out[i] = Value::null();
    if (sig.varargs >= 0)
      out[sig.varargs] = obj(new_tuple(ts, std::span<const Value>(a.pos + take, n - take)));
    return true;
  }

  // Style::Keywords, in _PyArg_UnpackKeywords' order: counts first, then
  // each parameter from its keyword (a missing required one is reported
  // before an unexpected keyword), then keywords nothing took.
  const std::size_t max_args = sig.max_args;
  if (sig.varargs < 0 && sig.varkw < 0 && n + a.nkw > max_args) {
    // "keyword" when nargs == 0 (bpo-31229).
    raise_fmt(ts, TE, "{}() takes at most {} {}argument{} ({} given)", sig.name, max_args,
              n == 0 ? "keyword " : "", plural(max_args), n + a.nkw);
    return false;
  }
  if (sig.varargs < 0 && n > sig.max_pos) {
    if (sig.max_pos == 0)
      raise_fmt(ts, TE, "{}() takes no positional arguments", sig.name);
    else
      raise_fmt(ts, TE, "{}() takes {} {} positional argument{} ({} given)", sig.name,
                sig.min_pos < sig.max_pos ? "at most" : "exactly", sig.max_pos, plural(sig.max_pos), n);
    return false;
  }
  if (n < sig.posonly && n < sig.min_pos) {
    raise_fmt(ts, TE, "{}() takes {} {} positional argument{} ({} given)", sig.name,
              sig.min_pos < sig.max_pos ? "at least" : "exactly", sig.min_pos, plural(sig.min_pos), n);
    return false;
  }
  const std::size_t take = n < sig.max_pos ? n : sig.max_pos;
  for (std::size_t i = 0; i < take; ++i) out[i] = a.pos[i];
  for (std::size_t i = take; i < nparams; ++i) out[i] = Value::null();
  for (std::size_t i = take; i < nparams; ++i) {
    const Param& p = sig.params[i];
    if (p.kind == ParamKind::VarArgs || p.kind == ParamKind::VarKeywords) continue;
    if (p.kind != ParamKind::PositionalOnly) {
      for (std::size_t k = 0; k < a.nkw; ++k) {
        if (a.kwnames[k]->s == p.name) {
          out[i] = a.kwvalues[k];
          break;
        }
      }
    }
    if (out[i].is_null() && p.required) {
      raise_fmt(ts, TE, "{}() missing required argument '{}' (pos {})", sig.name, p.name, i + 1);
      return false;
    }
  }
  if (sig.varargs >= 0) {
    std::size_t extra = n > take ? n - take : 0;
    out[sig.varargs] = extra == 0 ? obj(ts.interp.empty_tuple)
                                  : obj(new_tuple(ts, std::span<const Value>(a.pos + take, extra)));
  }
  // Keywords the loop above did not take: one naming a parameter filled by
  // position, or one naming no parameter (kept by **kwargs, if any).
  for (std::size_t k = 0; k < a.nkw; ++k) {
    std::string_view kw = a.kwnames[k]->s;
    bool taken = false;
    for (std::size_t i = 0; i < nparams && !taken; ++i) {
      const Param& p = sig.params[i];
      if (p.name != kw || p.kind == ParamKind::PositionalOnly || p.kind == ParamKind::VarArgs ||
          p.kind == ParamKind::VarKeywords)
        continue;
      if (i < take) {
        raise_fmt(ts, TE, "argument for {}() given by name ('{}') and position ({})", sig.name, kw, i + 1);
        return false;
      }
      taken = true;
    }
    if (taken) continue;
    if (sig.varkw < 0) {
      raise_invalid_keyword(ts, kw, sig.name);
      return false;
    }
    if (out[sig.varkw].is_null()) out[sig.varkw] = obj(new_dict(ts));
    dict_set_str(ts.interp, as_dict(out[sig.varkw]), a.kwnames[k], a.kwvalues[k]);
  }
  return true;
}

Value raise_invalid_keyword(ThreadState& ts, std::string_view kw, std::string_view fname) {
  return raise_fmt(ts, ts.interp.types.TypeError, "'{}' is an invalid keyword argument for {}()", kw, fname);
}

Value call_bound_native(ThreadState& ts, const Native* n, Value self, const Args& a) {
  const Signature& sig = *n->sig;
  const std::size_t nparams = sig.params.size();
  // Every parameter given positionally, nothing to collect: the arguments
  // are already the bound parameters (this covers METH_NOARGS and METH_O
  // called correctly).
  if (a.nkw == 0 && a.npos == nparams && nparams == sig.max_pos && sig.varargs < 0) return n->fn(ts, self, a);
  // The bound values sit on the value stack, where the collector sees the
  // tuple / dict that *args / **kwargs make.
  Value* out = ts.stack_top;
  ts.stack_top += nparams;
  for (std::size_t i = 0; i < nparams; ++i) out[i] = Value::null();
  Value r = Value::fail();
  if (bind_args(ts, sig, a, out)) {
    Args bound{out, nparams, nullptr, nullptr, 0};
    r = n->fn(ts, self, bound);
  }
  ts.stack_top = out;
  return r;
}

// ---------------------------------------------------------------------------
// Registration
// ---------------------------------------------------------------------------

void GetSetDescr::trace(Tracer& tr) {
  Opaque::trace(tr);
  tr.mark(owner);
}

GetSetDescr* as_getset(Interpreter& interp, Value v) {
  if (!v.is_obj() || v.as_obj()->type != interp.types.getset_descriptor) return nullptr;
  return static_cast<GetSetDescr*>(v.as_obj());
}

void add_methods(Interpreter& interp, Type* t, std::span<const MethodDef> defs, std::span<const GetSetDef> getsets) {
  std::string prefix = t->name->s + ".";
  for (const MethodDef& d : defs) {
    Native* n = make_native(interp, d, prefix + d.name);
    n->method = true;
    dict_set_str(interp, t->dict, interp.intern(d.name), obj(n));
  }
  for (const GetSetDef& g : getsets) {
    auto* descr = interp.heap.make<GetSetDescr>(interp.types.getset_descriptor, &g, t);
    dict_set_str(interp, t->dict, interp.intern(g.name), obj(descr));
  }
  ++interp.type_version;
}

void add_functions(Interpreter& interp, Dict* module_dict, std::span<const MethodDef> defs) {
  std::string prefix;
  if (Str* m = as_str(dict_get_cstr(interp, module_dict, "__name__")); m && m->s != "builtins") prefix = m->s + ".";
  for (const MethodDef& d : defs) {
    Native* n = make_native(interp, d, prefix + d.name);
    dict_set_str(interp, module_dict, interp.intern(d.name), obj(n));
  }
}

}  // namespace gilvm
