// The import system; see import.h.
#include "vm/import.h"

#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include "compiler/compiler.h"
#include "front/parser.h"
#include "modules/registry.h"
#include "vm/api.h"
#include "vm/eval.h"
#include "vm/stdlib_table.h"

namespace gilvm {

namespace {

bool read_file(const std::string& path, std::string& out) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

void remember_source(Interpreter& in, const std::string& filename, std::string_view source) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= source.size()) {
    std::size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < source.size()) lines.emplace_back(source.substr(start));
      break;
    }
    lines.emplace_back(source.substr(start, nl - start));
    start = nl + 1;
  }
  in.sources[filename] = std::move(lines);
}

Value raise_syntax_error(ThreadState& ts, const front::SyntaxErrorInfo& e) {
  Interpreter& in = ts.interp;
  Type* t = e.type == "IndentationError" ? in.types.IndentationError : in.types.SyntaxError;
  Value msg = new_str(ts, e.message);
  TempRoot r1(ts, msg);
  Value details[4] = {new_str(ts, e.filename), Value::from_int(e.line), Value::from_int(e.col + 1),
                      new_str(ts, e.source_line)};
  Tuple* dt = new_tuple(ts, std::span<const Value>(details, 4));
  Value args[2] = {msg, obj(dt)};
  Value exc = new_exception(ts, t, std::span<const Value>(args, 2));
  Exception* ex = as_exception(exc);
  ex->args = new_tuple(ts, std::span<const Value>(args, 2));
  dict_set_cstr(in, ex->dict, "filename", details[0]);
  dict_set_cstr(in, ex->dict, "lineno", details[1]);
  dict_set_cstr(in, ex->dict, "offset", details[2]);
  dict_set_cstr(in, ex->dict, "text", details[3]);
  dict_set_cstr(in, ex->dict, "end_offset", Value::from_int(e.end_col + 1));
  return raise(ts, exc);
}

Value load_native(ThreadState& ts, const NativeModule& nm) {
  Module* m = new_module(ts, nm.name, "");
  Value mv = obj(m);
  TempRoot root(ts, mv);
  dict_set_str(ts.interp, ts.interp.modules, ts.interp.intern(nm.name), mv);
  if (!nm.init(ts, m->dict)) {
    dict_del(ts, ts.interp.modules, obj(ts.interp.intern(nm.name)));
    return Value::fail();
  }
  return mv;
}

Value load_source(ThreadState& ts, std::string_view name, const std::string& source, const std::string& file,
                  bool is_package) {
  Interpreter& in = ts.interp;
  Module* m = new_module(ts, name, file);
  Value mv = obj(m);
  TempRoot root(ts, mv);
  if (is_package) {
    List* path = new_list(ts);
    std::string dir = file.substr(0, file.rfind('/'));
    path->items.push_back(new_str(ts, dir));
    dict_set_cstr(in, m->dict, "__path__", obj(path));
  }
  Str* key = in.intern(name);
  dict_set_str(in, in.modules, key, mv);
  Value r = exec_source(ts, source, file, m->dict);
  if (r.is_fail()) {
    Value pending = take_exception(ts);
    dict_del(ts, in.modules, obj(key));
    ts.exc = pending;
    return r;
  }
  // The module may have replaced itself in sys.modules.
  Value final = dict_get_str(in.modules, key);
  return final.is_null() ? mv : final;
}

// Imports exactly `full` (its parent already imported when dotted).
Value import_one(ThreadState& ts, std::string_view full) {
  Interpreter& in = ts.interp;
  Value cached = dict_get_str(in.modules, in.intern(full));
  if (!cached.is_null()) return cached;
  if (full == "builtins") {
    Module* m = in.heap.make<Module>(in.types.module, in.builtins);
    dict_set_cstr(in, in.builtins, "__name__", obj(in.intern("builtins")));
    dict_set_cstr(in, in.modules, "builtins", obj(m));
    return obj(m);
  }
  for (const NativeModule& nm : native_modules())
    if (full == nm.name) return load_native(ts, nm);
  for (const EmbeddedModule* e = kEmbeddedStdlib; e->name != nullptr; ++e)
    if (full == e->name) return load_source(ts, full, e->source, std::string("<stdlib>/") + e->file, e->package);
  // Search the path: the parent package's __path__ for submodules, else sys.path.
  std::vector<std::string> dirs;
  std::string leaf(full);
  std::size_t dot = full.rfind('.');
  if (dot != std::string_view::npos) {
    leaf = std::string(full.substr(dot + 1));
    Value parent = dict_get_str(in.modules, in.intern(full.substr(0, dot)));
    Module* pm = as_module(parent);
    Value p = pm ? dict_get_cstr(in, pm->dict, "__path__") : Value::null();
    if (List* pl = as_list(p))
      for (Value d : pl->items)
        if (Str* s = as_str(d)) dirs.push_back(s->s);
  } else {
    dirs = in.config.path;
    Value sys = dict_get_cstr(in, in.modules, "sys");
    if (Module* sm = as_module(sys)) {
      if (List* pl = as_list(dict_get_cstr(in, sm->dict, "path"))) {
        dirs.clear();
        for (Value d : pl->items)
          if (Str* s = as_str(d)) dirs.push_back(s->s);
      }
    }
  }
  for (const std::string& d : dirs) {
    std::string base = sys_path_dir(d) + "/" + leaf;
    std::string src;
    if (read_file(base + ".py", src)) return load_source(ts, full, src, base + ".py", false);
    if (read_file(base + "/__init__.py", src)) return load_source(ts, full, src, base + "/__init__.py", true);
  }
  Value msg = new_str(ts, "No module named '" + std::string(full) + "'");
  TempRoot r(ts, msg);
  Value exc = new_exception(ts, in.types.ModuleNotFoundError, std::span<const Value>(&msg, 1));
  dict_set_cstr(in, as_exception(exc)->dict, "name", new_str(ts, std::string(full)));
  return raise(ts, exc);
}

}  // namespace

std::string absolute_path(const std::string& path) {
  if (path.starts_with('/')) return path;
  char buf[4096];
  if (::getcwd(buf, sizeof buf) == nullptr) return path;
  std::string cwd = buf;
  if (path.empty()) return cwd;
  return cwd == "/" ? cwd + path : cwd + "/" + path;
}

// importlib's FileFinder makes its folder absolute ("" is the current
// directory), so modules found through sys.path have absolute __file__s,
// and joins without the folder's trailing slashes.
std::string sys_path_dir(const std::string& entry) {
  std::string dir = absolute_path(entry);
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

Module* new_module(ThreadState& ts, std::string_view name, std::string_view file) {
  Interpreter& in = ts.interp;
  Dict* d = new_dict(ts);
  Module* m = in.heap.make<Module>(in.types.module, d);
  dict_set_str(in, d, in.names.__name__, obj(in.intern(name)));
  dict_set_str(in, d, in.names.__doc__, Value::none());
  if (!file.empty()) dict_set_str(in, d, in.names.__file__, new_str(ts, std::string(file)));
  return m;
}

Value import_module(ThreadState& ts, std::string_view name) {
  Value m;
  std::size_t pos = 0;
  for (;;) {
    std::size_t dot = name.find('.', pos);
    std::string_view prefix = name.substr(0, dot);
    m = import_one(ts, prefix);
    if (m.is_fail()) return m;
    if (dot == std::string_view::npos) return m;
    // Bind the submodule as an attribute of its parent.
    pos = dot + 1;
    std::size_t next = name.find('.', pos);
    std::string_view sub = name.substr(0, next);
    Value child = import_one(ts, sub);
    if (child.is_fail()) return child;
    if (Module* pm = as_module(m))
      dict_set_str(ts.interp, pm->dict, ts.interp.intern(name.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos)), child);
    if (next == std::string_view::npos) return child;
  }
}

Value import_name(ThreadState& ts, Str* name, Value fromlist, int level, Dict* globals) {
  if (level > 0) return raise(ts, ts.interp.types.ImportError, "relative imports are not supported by gilvm");
  Value leaf = import_module(ts, name->s);
  if (leaf.is_fail()) return leaf;
  bool want_leaf = (fromlist.is_bool() && fromlist.as_bool()) || (as_tuple(fromlist) && !as_tuple(fromlist)->items.empty());
  if (want_leaf || name->s.find('.') == std::string::npos) return leaf;
  return dict_get_str(ts.interp.modules, ts.interp.intern(std::string_view(name->s).substr(0, name->s.find('.'))));
}

Value import_from(ThreadState& ts, Value module, Str* name) {
  Interpreter& in = ts.interp;
  Value v = lookup_attr(ts, module, name);
  if (v.is_fail()) return v;
  if (!v.is_null()) return v;
  Module* m = as_module(module);
  Value mn = m ? dict_get_str(m->dict, in.names.__name__) : Value::null();
  if (Str* ms = as_str(mn)) {
    // A submodule of a package.
    Value sub = dict_get_str(in.modules, in.intern(ms->s + "." + name->s));
    if (!sub.is_null()) return sub;
    if (!dict_get_cstr(in, m->dict, "__path__").is_null()) {
      Value r = import_module(ts, ms->s + "." + name->s);
      if (!r.is_fail()) return r;
      take_exception(ts);
    }
    Value file = dict_get_str(m->dict, in.names.__file__);
    std::string where = as_str(file) ? " (" + as_str(file)->s + ")" : " (unknown location)";
    return raise_fmt(ts, in.types.ImportError, "cannot import name '{}' from '{}'{}", name->s, ms->s, where);
  }
  return raise_fmt(ts, in.types.ImportError, "cannot import name '{}'", name->s);
}

bool import_star(ThreadState& ts, Value module, Dict* target) {
  Interpreter& in = ts.interp;
  Module* m = as_module(module);
  if (m == nullptr) {
    raise(ts, in.types.ImportError, "import * from a non-module");
    return false;
  }
  Value all = dict_get_str(m->dict, in.names.__all__);
  if (!all.is_null()) {
    std::vector<Value> names;
    if (!collect(ts, all, names)) return false;
    for (Value n : names) {
      Str* s = as_str(n);
      if (!s) continue;
      Value v = get_attr(ts, module, s);
      if (v.is_fail()) return false;
      dict_set_str(in, target, s, v);
    }
    return true;
  }
  std::vector<std::pair<Value, Value>> items;
  dict_for_each(m->dict, [&](Value k, Value v) { items.push_back({k, v}); });
  for (auto& [k, v] : items)
    if (Str* s = as_str(k); s && !s->s.starts_with("_")) dict_set_str(in, target, s, v);
  return true;
}

Value exec_source(ThreadState& ts, std::string_view source, const std::string& filename, Dict* globals,
                  bool interactive) {
  Interpreter& in = ts.interp;
  remember_source(in, filename, source);
  front::ParseResult pr = front::parse(source, filename, interactive ? front::ParseMode::Interactive : front::ParseMode::File);
  if (!pr.ok) return raise_syntax_error(ts, pr.error);
  compiler::CompileResult cr =
      compiler::compile(in, pr.module, filename, interactive ? compiler::Mode::Interactive : compiler::Mode::Module);
  if (cr.code == nullptr) {
    if (cr.error.source_line.empty() && cr.error.line > 0) {
      auto it = in.sources.find(filename);
      if (it != in.sources.end() && cr.error.line <= static_cast<int>(it->second.size()))
        cr.error.source_line = it->second[cr.error.line - 1];
    }
    return raise_syntax_error(ts, cr.error);
  }
  return run_code(ts, cr.code, globals, nullptr);
}

Value run_code(ThreadState& ts, CodeObject* code, Dict* globals, Dict* locals) {
  Value* saved_top = ts.stack_top;
  if (saved_top + code->frame_size() + 64 > ts.stack_end)
    return raise(ts, ts.interp.types.RecursionError, "maximum recursion depth exceeded");
  Frame* f = ts.push_frame({.code = code,
                            .globals = globals,
                            .locals = locals,
                            .base = ts.stack_top,
                            .stack_base = ts.stack_top,
                            .sp = ts.stack_top,
                            .ip = code->code.data(),
                            .is_entry = true});
  Value r = eval_frame(ts, f);
  ts.stack_top = saved_top;
  return r;
}

}  // namespace gilvm
