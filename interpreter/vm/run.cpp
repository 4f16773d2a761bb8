// Running __main__ and reporting uncaught exceptions; see run.h.
#include "vm/run.h"

#include <unistd.h>

#include <cstdio>

#include "runtime/file.h"
#include "vm/api.h"
#include "vm/import.h"

namespace gilvm {

namespace {

void write_stderr_impl(ThreadState& ts, const std::string& s) {
  Value err = sys_stream(ts, "stderr");
  if (!err.is_null() && !err.is_fail() && !(err.is_obj() && err.as_obj()->type == ts.interp.types.file)) {
    Value sv = new_str(ts, s);
    TempRoot root(ts, sv);
    if (!call_method(ts, err, ts.interp.names.write, std::span<const Value>(&sv, 1)).is_fail()) return;
    take_exception(ts);
  }
  flush_stdout(ts);
  write_raw_stderr(s);
}

std::string strip(const std::string& s) {
  std::size_t a = s.find_first_not_of(" \t\f");
  if (a == std::string::npos) return "";
  std::size_t b = s.find_last_not_of(" \t\r\n\f");
  return s.substr(a, b - a + 1);
}

std::string exception_type_name(ThreadState& ts, Type* t) {
  Str* m = as_str(t->module_name);
  if (t->builtin || m == nullptr || m->s == "__main__" || m->s == "builtins") return std::string(t->name->s);
  return m->s + "." + t->name->s;
}

std::string format_one(ThreadState& ts, Value exc) {
  Interpreter& in = ts.interp;
  std::string out;
  Exception* e = as_exception(exc);
  if (e != nullptr && !e->traceback.empty()) {
    out += "Traceback (most recent call last):\n";
    for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it)
      out += format_traceback_entry(in, it->code, it->line);
  }
  Type* t = type_of(ts, exc);
  if (e != nullptr && is_subtype(t, in.types.SyntaxError)) {
    Value file = dict_get_cstr(in, e->dict, "filename");
    Value line = dict_get_cstr(in, e->dict, "lineno");
    Value off = dict_get_cstr(in, e->dict, "offset");
    Value text = dict_get_cstr(in, e->dict, "text");
    Value end = dict_get_cstr(in, e->dict, "end_offset");
    if (as_str(file) && line.is_int()) {
      out += "  File \"" + as_str(file)->s + "\", line " + std::to_string(line.as_int()) + "\n";
      if (Str* tx = as_str(text); tx && !tx->s.empty()) {
        std::string raw = tx->s;
        std::size_t lead = raw.find_first_not_of(" \t\f");
        if (lead == std::string::npos) lead = 0;
        std::string shown = strip(raw);
        out += "    " + shown + "\n";
        if (off.is_int()) {
          std::int64_t col = off.as_int() - 1 - static_cast<std::int64_t>(lead);
          if (col < 0) col = 0;
          std::int64_t width = 1;
          if (end.is_int() && end.as_int() - 1 - static_cast<std::int64_t>(lead) > col)
            width = end.as_int() - 1 - static_cast<std::int64_t>(lead) - col;
          out += "    " + std::string(static_cast<std::size_t>(col), ' ') + std::string(static_cast<std::size_t>(width), '^') + "\n";
        }
      }
    }
    Value msg = e->args->items.empty() ? Value::none() : e->args->items[0];
    auto m = str_string(ts, msg);
    out += exception_type_name(ts, t) + ": " + (m ? *m : "") + "\n";
    return out;
  }
  auto s = str_string(ts, exc);
  if (!s) {
    take_exception(ts);
    s = "<exception str() failed>";
  }
  out += exception_type_name(ts, t);
  if (!s->empty()) out += ": " + *s;
  out += "\n";
  return out;
}

std::string format_chain(ThreadState& ts, Value exc, int depth) {
  Exception* e = as_exception(exc);
  std::string out;
  if (e != nullptr && depth < 32) {
    if (!e->cause.is_null()) {
      out += format_chain(ts, e->cause, depth + 1);
      out += "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (!e->context.is_null() && !e->suppress_context) {
      out += format_chain(ts, e->context, depth + 1);
      out += "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
  }
  return out + format_one(ts, exc);
}

}  // namespace

std::string format_traceback_entry(Interpreter& in, const CodeObject* code, int line) {
  const std::string& file = code->filename->s;
  std::string out = "  File \"" + file + "\", line " + std::to_string(line) + ", in " + code->name->s + "\n";
  auto src = in.sources.find(file);
  if (src != in.sources.end() && line >= 1 && line <= static_cast<int>(src->second.size())) {
    std::string text = strip(src->second[line - 1]);
    if (!text.empty()) out += "    " + text + "\n";
  }
  return out;
}

void print_exception(ThreadState& ts, Value exc) {
  TempRoot root(ts, exc);
  write_stderr_impl(ts, format_chain(ts, exc, 0));
}

std::string format_exception(ThreadState& ts, Value exc) {
  TempRoot root(ts, exc);
  return format_chain(ts, exc, 0);
}

void write_stderr(ThreadState& ts, const std::string& text) { write_stderr_impl(ts, text); }

void write_raw_stderr(const std::string& text) {
  std::size_t off = 0;
  while (off < text.size()) {
    ssize_t n = ::write(2, text.data() + off, text.size() - off);
    if (n <= 0) break;
    off += static_cast<std::size_t>(n);
  }
}

Dict* main_module_dict(ThreadState& ts, std::string_view file) {
  Interpreter& in = ts.interp;
  Value existing = dict_get_cstr(in, in.modules, "__main__");
  if (Module* m = as_module(existing)) return m->dict;
  Module* m = new_module(ts, "__main__", file);
  dict_set_cstr(in, in.modules, "__main__", obj(m));
  return m->dict;
}

Value run_main_source(ThreadState& ts, std::string_view source, const std::string& filename) {
  Dict* globals = main_module_dict(ts, filename);
  return exec_source(ts, source, filename, globals);
}

int report_uncaught(ThreadState& ts) {
  Interpreter& in = ts.interp;
  Value exc = take_exception(ts);
  if (exc.is_null()) return 0;
  TempRoot root(ts, exc);
  if (isinstance(ts, exc, in.types.SystemExit)) {
    Exception* e = as_exception(exc);
    Value code = e && !e->args->items.empty() ? e->args->items[0] : Value::none();
    if (e && e->args->items.size() > 1) code = obj(e->args);
    if (code.is_none()) return 0;
    if (code.is_int() || code.is_bool()) return static_cast<int>(code.as_int() & 0xff);
    auto s = str_string(ts, code);
    write_stderr(ts, (s ? *s : std::string("?")) + "\n");
    return 1;
  }
  print_exception(ts, exc);
  if (isinstance(ts, exc, in.types.KeyboardInterrupt)) return 130;
  return 1;
}

}  // namespace gilvm
