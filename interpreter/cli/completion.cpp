// Tab completion of names and attributes for the REPL; see completion.h.
#include "cli/completion.h"

#include <readline/readline.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <set>

#include "vm/api.h"
#include "vm/run.h"

namespace gilvm::cli {

namespace {

// Python 3.11's keyword.kwlist.
constexpr const char* kKeywords[] = {
    "False",  "None",   "True",    "and",      "as",     "assert", "async", "await",
    "break",  "class",  "continue", "def",     "del",    "elif",   "else",  "except",
    "finally", "for",   "from",    "global",   "if",     "import", "in",    "is",
    "lambda", "nonlocal", "not",   "or",       "pass",   "raise",  "return", "try",
    "while",  "with",   "yield",
};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

// rlcompleter's keyword spelling: `try:` and `finally:`, a space after the
// others that take something after them.
std::string keyword_completion(std::string_view kw) {
  static const std::set<std::string_view> bare = {"False", "None", "True", "break", "continue", "pass", "else"};
  if (kw == "try" || kw == "finally") return std::string(kw) + ":";
  if (bare.count(kw)) return std::string(kw);
  return std::string(kw) + " ";
}

// Callables get "(" (as rlcompleter). Functions, natives, types and bound
// methods are callable; instances only when their class defines __call__
// (looked up in the type's dicts, so no code runs).
std::string with_call_suffix(ThreadState& ts, std::string word, Value v) {
  if (v.is_obj()) {
    Kind k = v.as_obj()->kind;
    bool callable = k == Kind::Function || k == Kind::Native || k == Kind::BoundMethod || k == Kind::Type ||
                    k == Kind::StaticMethod || k == Kind::ClassMethod;
    if (!callable && (k == Kind::Instance || k == Kind::Exception))
      callable = !type_lookup(type_of(ts, v), ts.interp.names.__call__).is_null();
    if (callable) word += "(";
  }
  return word;
}

// obj.name by dict lookups only: a module's dict, a class's MRO, an
// instance's own dict. A class attribute found for an instance is not bound
// (nor run, if it is a property: then the name does not resolve).
Value plain_attribute(ThreadState& ts, Value o, std::string_view name) {
  Str* key = ts.interp.intern(name);
  if (Module* m = as_module(o)) return dict_get_str(m->dict, key);
  if (Type* t = as_type(o)) return type_lookup(t, key);
  if (o.is_obj() && (o.as_obj()->kind == Kind::Instance || o.as_obj()->kind == Kind::Exception)) {
    if (Dict* d = static_cast<Instance*>(o.as_obj())->dict) {
      Value v = dict_get_str(d, key);
      if (!v.is_null()) return v;
    }
  }
  Value v = type_lookup(type_of(ts, o), key);
  if (v.is_obj() && v.as_obj()->kind == Kind::Property) return Value::null();
  // A builtin type's attribute (vm/native.h): its getter is native and runs
  // no Python code, so `f.__code__.co_` completes.
  if (GetSetDescr* g = as_getset(ts.interp, v)) return g->def->get(ts, o);
  return v;
}

// The value of a dotted name (`a`, `a.b.c`) bound in globals or builtins,
// or Null.
Value resolve_dotted(ThreadState& ts, Dict* globals, std::string_view dotted) {
  std::size_t dot = dotted.find('.');
  std::string_view head = dotted.substr(0, dot);
  if (!is_identifier(head)) return Value::null();
  Str* key = ts.interp.intern(head);
  Value v = dict_get_str(globals, key);
  if (v.is_null()) v = dict_get_str(ts.interp.builtins, key);
  while (!v.is_null() && dot != std::string_view::npos) {
    std::size_t next = dotted.find('.', dot + 1);
    std::string_view part = dotted.substr(dot + 1, next == std::string_view::npos ? next : next - dot - 1);
    if (!is_identifier(part)) return Value::null();
    v = plain_attribute(ts, v, part);
    dot = next;
  }
  return v;
}

// Every (name, value) pair of the dicts that hold o's attributes.
template <class F>
void for_each_attribute(ThreadState& ts, Value o, F&& f) {
  auto each = [&](Dict* d) {
    if (d == nullptr) return;
    dict_for_each(d, [&](Value k, Value v) {
      if (Str* s = as_str(k)) f(std::string_view(s->s), v);
    });
  };
  if (Module* m = as_module(o)) {
    each(m->dict);
  } else if (Type* t = as_type(o)) {
    for (Type* c : t->mro) each(c->dict);
    return;
  } else if (o.is_obj() && (o.as_obj()->kind == Kind::Instance || o.as_obj()->kind == Kind::Exception)) {
    each(static_cast<Instance*>(o.as_obj())->dict);
  } else if (Function* fn = as_function(o)) {
    each(fn->dict);
  }
  for (Type* c : type_of(ts, o)->mro) each(c->dict);
}

std::vector<std::string> complete_attribute(ThreadState& ts, Dict* globals, std::string_view word) {
  std::vector<std::string> out;
  std::size_t dot = word.rfind('.');
  std::string_view base = word.substr(0, dot);
  std::string_view attr = word.substr(dot + 1);
  Value o = resolve_dotted(ts, globals, base);
  if (o.is_null() || o.is_fail()) return out;
  // As rlcompleter: no prefix hides _names, a "_" prefix hides __names.
  std::string_view hidden = attr.empty() ? "_" : attr == "_" ? "__" : "";
  std::set<std::string_view> seen;
  for_each_attribute(ts, o, [&](std::string_view name, Value v) {
    if (!starts_with(name, attr) || (!hidden.empty() && starts_with(name, hidden))) return;
    if (!seen.insert(name).second) return;
    out.push_back(with_call_suffix(ts, std::string(base) + "." + std::string(name), v));
  });
  return out;
}

std::vector<std::string> complete_name(ThreadState& ts, Dict* globals, std::string_view word) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const char* kw : kKeywords)
    if (starts_with(kw, word) && seen.insert(kw).second) out.push_back(keyword_completion(kw));
  for (Dict* d : {globals, ts.interp.builtins}) {
    dict_for_each(d, [&](Value k, Value v) {
      Str* s = as_str(k);
      if (s == nullptr || !starts_with(s->s, word) || !seen.insert(s->s).second) return;
      if (word.empty() && s->s.rfind("__", 0) == 0) return;  // `<TAB>` alone: no dunders
      out.push_back(with_call_suffix(ts, s->s, v));
    });
  }
  return out;
}

// Readline's side: the matches of the word being completed, computed when
// readline asks for the first one.
ThreadState* g_ts = nullptr;
std::vector<std::string> g_matches;

char* next_match(const char* text, int state) {
  static std::size_t next = 0;
  if (state == 0) {
    g_matches = complete_word(*g_ts, main_module_dict(*g_ts, ""), text);
    next = 0;
  }
  if (next >= g_matches.size()) return nullptr;
  return strdup(g_matches[next++].c_str());
}

char** attempted_completion(const char* text, int start, int end) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  rl_completion_append_character = '\0';
  bool blank = true;
  for (int i = 0; i < start && blank; ++i) blank = rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t';
  if (blank && start == end) {
    // TAB on an empty (or indented) line indents, as in CPython's REPL.
    rl_insert_text("    ");
    char** none = static_cast<char**>(std::malloc(2 * sizeof(char*)));
    none[0] = strdup("");
    none[1] = nullptr;
    return none;
  }
  return rl_completion_matches(text, next_match);
}

}  // namespace

std::vector<std::string> complete_word(ThreadState& ts, Dict* globals, std::string_view word) {
  std::vector<std::string> out = word.find('.') != std::string_view::npos ? complete_attribute(ts, globals, word)
                                                                         : complete_name(ts, globals, word);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void install_readline_completion(ThreadState& ts) {
  g_ts = &ts;
  // rlcompleter's delimiters: '.' is part of a word, so `obj.attr` is one.
  static char delims[] = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
  rl_completer_word_break_characters = delims;
  rl_attempted_completion_function = attempted_completion;
}

}  // namespace gilvm::cli
