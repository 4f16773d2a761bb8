// Start-up of the interpreter: the builtin types (bootstrapping type, object
// and str, which refer to each other), the exception hierarchy, common
// names, the builtins dict; and the per-thread state.
#include "vm/interp.h"

#include <sys/mman.h>

#include <cstdlib>

#include "runtime/init.h"
#include "trace/recorder.h"
#include "vm/api.h"

namespace gilvm {

namespace {
thread_local ThreadState* tls_current = nullptr;

void request_gc(void* ctx) {
  static_cast<Interpreter*>(ctx)->eval_breaker.fetch_or(kBreakGc, std::memory_order_relaxed);
}
}  // namespace

ThreadState& current_thread() { return *tls_current; }
ThreadState* current_thread_or_null() { return tls_current; }
void set_current_thread(ThreadState* ts) { tls_current = ts; }

ThreadState::ThreadState(Interpreter& in, std::size_t stack_values) : interp(in) {
  std::lock_guard<std::mutex> lock(interp.threads_mu);
  // A thread's value stack is virtual address space, committed by the kernel
  // page by page as it is touched (see kMainStackValues). Stacks of ended
  // threads are kept for the next ones: an munmap costs every core a TLB
  // shootdown, and starting a thread is meant to be cheap.
  if (stack_values == kThreadStackValues && !interp.spare_stacks.empty()) {
    stack = interp.spare_stacks.back();
    interp.spare_stacks.pop_back();
  } else {
    void* mem = mmap(nullptr, stack_values * sizeof(Value), PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mem == MAP_FAILED) std::abort();
    stack = static_cast<Value*>(mem);
  }
  stack_end = stack + stack_values;
  stack_top = stack;
  interp.threads.push_back(this);
  interp.live_threads.fetch_add(1, std::memory_order_relaxed);
}

ThreadState::~ThreadState() {
  gil_forget_thread(*this);
  {
    std::lock_guard<std::mutex> lock(interp.threads_mu);
    std::erase(interp.threads, this);
    interp.live_threads.fetch_sub(1, std::memory_order_relaxed);
    if (static_cast<std::size_t>(stack_end - stack) == kThreadStackValues &&
        interp.spare_stacks.size() < Interpreter::kSpareStacks) {
      interp.spare_stacks.push_back(stack);
      return;
    }
  }
  munmap(stack, static_cast<std::size_t>(stack_end - stack) * sizeof(Value));
}

void ThreadState::grow_frame_pool() {
  // Frames are allocated in batches and never move: other threads, the
  // collector and the stepper hold pointers to them.
  for (int i = 0; i < 64; ++i) frame_pool.push_back(std::make_unique<Frame>());
}

Str* Interpreter::intern(std::string_view text) {
  auto it = interned_.find(text);
  if (it != interned_.end()) return it->second;
  Str* s = heap.make<Str>(types.str, std::string(text));
  s->interned = true;
  interned_.emplace(std::string_view(s->s), s);
  return s;
}

void Interpreter::mark_roots(Tracer& t) {
  t.mark(modules);
  t.mark(builtins);
  t.mark(not_implemented);
  t.mark(ellipsis);
  t.mark(empty_tuple);
  for (Type* const* p = &types.object; p < reinterpret_cast<Type* const*>(&types + 1); ++p) t.mark(*p);
  for (Str* const* p = &names.__init__; p < reinterpret_cast<Str* const*>(&names + 1); ++p) t.mark(*p);
  for (auto& [text, s] : interned_) t.mark(s);
  for (Value* v : extra_roots) t.mark(*v);
  finalization.trace(t);
  std::lock_guard<std::mutex> lock(threads_mu);
  for (ThreadState* ts : threads) mark_thread(t, ts);
  for (ThreadState* ts : forked_away) mark_thread(t, ts);
}

void Interpreter::mark_thread(Tracer& t, ThreadState* ts) {
  for (Value* v = ts->stack; v < ts->stack_top; ++v) t.mark(*v);
  for (Frame* f = ts->frame; f != nullptr; f = f->prev) {
    t.mark(f->code);
    t.mark(f->func);
    t.mark(f->globals);
    t.mark(f->locals);
    t.mark(f->gen);
    // A generator frame's slots live in the generator; a plain frame's
    // slots are inside [stack, stack_top), but a frame whose caller was a
    // native may sit above a stale stack_top: mark its slots directly.
    if (f->gen == nullptr && f->sp != nullptr)
      for (Value* v = f->base; v < f->sp; ++v) t.mark(*v);
  }
  t.mark(ts->exc);
  t.mark(ts->exc_info);
}

namespace {

struct ExcDef {
  Type* BuiltinTypes::*slot;
  const char* name;
  Type* BuiltinTypes::*base;
};

// The builtin exception hierarchy, parents before children.
constexpr ExcDef kExceptions[] = {
    {&BuiltinTypes::Exception, "Exception", &BuiltinTypes::BaseException},
    {&BuiltinTypes::SystemExit, "SystemExit", &BuiltinTypes::BaseException},
    {&BuiltinTypes::KeyboardInterrupt, "KeyboardInterrupt", &BuiltinTypes::BaseException},
    {&BuiltinTypes::GeneratorExit, "GeneratorExit", &BuiltinTypes::BaseException},
    {&BuiltinTypes::StopIteration, "StopIteration", &BuiltinTypes::Exception},
    {&BuiltinTypes::StopAsyncIteration, "StopAsyncIteration", &BuiltinTypes::Exception},
    {&BuiltinTypes::ArithmeticError, "ArithmeticError", &BuiltinTypes::Exception},
    {&BuiltinTypes::ZeroDivisionError, "ZeroDivisionError", &BuiltinTypes::ArithmeticError},
    {&BuiltinTypes::OverflowError, "OverflowError", &BuiltinTypes::ArithmeticError},
    {&BuiltinTypes::AssertionError, "AssertionError", &BuiltinTypes::Exception},
    {&BuiltinTypes::AttributeError, "AttributeError", &BuiltinTypes::Exception},
    {&BuiltinTypes::LookupError, "LookupError", &BuiltinTypes::Exception},
    {&BuiltinTypes::IndexError, "IndexError", &BuiltinTypes::LookupError},
    {&BuiltinTypes::KeyError, "KeyError", &BuiltinTypes::LookupError},
    {&BuiltinTypes::NameError, "NameError", &BuiltinTypes::Exception},
    {&BuiltinTypes::UnboundLocalError, "UnboundLocalError", &BuiltinTypes::NameError},
    {&BuiltinTypes::RuntimeError, "RuntimeError", &BuiltinTypes::Exception},
    {&BuiltinTypes::RecursionError, "RecursionError", &BuiltinTypes::RuntimeError},
    {&BuiltinTypes::NotImplementedError, "NotImplementedError", &BuiltinTypes::RuntimeError},
    {&BuiltinTypes::TypeError, "TypeError", &BuiltinTypes::Exception},
    {&BuiltinTypes::ValueError, "ValueError", &BuiltinTypes::Exception},
    {&BuiltinTypes::UnicodeError, "UnicodeError", &BuiltinTypes::ValueError},
    {&BuiltinTypes::UnicodeDecodeError, "UnicodeDecodeError", &BuiltinTypes::UnicodeError},
    {&BuiltinTypes::UnicodeEncodeError, "UnicodeEncodeError", &BuiltinTypes::UnicodeError},
    {&BuiltinTypes::MemoryError, "MemoryError", &BuiltinTypes::Exception},
    {&BuiltinTypes::OSError, "OSError", &BuiltinTypes::Exception},
    {&BuiltinTypes::FileNotFoundError, "FileNotFoundError", &BuiltinTypes::OSError},
    {&BuiltinTypes::FileExistsError, "FileExistsError", &BuiltinTypes::OSError},
    {&BuiltinTypes::PermissionError, "PermissionError", &BuiltinTypes::OSError},
    {&BuiltinTypes::IsADirectoryError, "IsADirectoryError", &BuiltinTypes::OSError},
    {&BuiltinTypes::TimeoutError, "TimeoutError", &BuiltinTypes::OSError},
    {&BuiltinTypes::ChildProcessError, "ChildProcessError", &BuiltinTypes::OSError},
    {&BuiltinTypes::InterruptedError, "InterruptedError", &BuiltinTypes::OSError},
    {&BuiltinTypes::ConnectionError, "ConnectionError", &BuiltinTypes::OSError},
    {&BuiltinTypes::BrokenPipeError, "BrokenPipeError", &BuiltinTypes::ConnectionError},
    {&BuiltinTypes::ConnectionAbortedError, "ConnectionAbortedError", &BuiltinTypes::ConnectionError},
    {&BuiltinTypes::ConnectionRefusedError, "ConnectionRefusedError", &BuiltinTypes::ConnectionError},
    {&BuiltinTypes::ConnectionResetError, "ConnectionResetError", &BuiltinTypes::ConnectionError},
    {&BuiltinTypes::BlockingIOError, "BlockingIOError", &BuiltinTypes::OSError},
    {&BuiltinTypes::NotADirectoryError, "NotADirectoryError", &BuiltinTypes::OSError},
    {&BuiltinTypes::ProcessLookupError, "ProcessLookupError", &BuiltinTypes::OSError},
    {&BuiltinTypes::ImportError, "ImportError", &BuiltinTypes::Exception},
    {&BuiltinTypes::ModuleNotFoundError, "ModuleNotFoundError", &BuiltinTypes::ImportError},
    {&BuiltinTypes::SyntaxError, "SyntaxError", &BuiltinTypes::Exception},
    {&BuiltinTypes::IndentationError, "IndentationError", &BuiltinTypes::SyntaxError},
    {&BuiltinTypes::EOFError, "EOFError", &BuiltinTypes::Exception},
    {&BuiltinTypes::Warning, "Warning", &BuiltinTypes::Exception},
    {&BuiltinTypes::RuntimeWarning, "RuntimeWarning", &BuiltinTypes::Warning},
    {&BuiltinTypes::DeprecationWarning, "DeprecationWarning", &BuiltinTypes::Warning},
    {&BuiltinTypes::UserWarning, "UserWarning", &BuiltinTypes::Warning},
};

}  // namespace

Type* make_builtin_type(Interpreter& interp, std::string_view name, Type* base, Kind layout) {
  Dict* d = interp.heap.make<Dict>(interp.types.dict);
  Type* t = interp.heap.make<Type>(interp.types.type, interp.intern(name), base, d, layout, true);
  t->module_name = Value::from_obj(interp.intern("builtins"));
  return t;
}

Interpreter::Interpreter() {
  heap.set_request_hook(&request_gc, this);
  // Bootstrap: type, object, str and dict refer to each other.
  BuiltinTypes& T = types;
  T.type = heap.make<Type>(nullptr, nullptr, nullptr, nullptr, Kind::Type, true);
  T.type->type = T.type;
  T.object = heap.make<Type>(T.type, nullptr, nullptr, nullptr, Kind::Instance, true);
  T.type->base = T.object;
  T.type->bases = {T.object};
  T.type->mro = {T.type, T.object};
  T.str = heap.make<Type>(T.type, nullptr, T.object, nullptr, Kind::Str, true);
  T.dict = heap.make<Type>(T.type, nullptr, T.object, nullptr, Kind::Dict, true);
  for (Type* t : {T.type, T.object, T.str, T.dict}) t->dict = heap.make<Dict>(T.dict);
  T.type->name = intern("type");
  T.object->name = intern("object");
  T.str->name = intern("str");
  T.dict->name = intern("dict");
  for (Type* t : {T.type, T.object, T.str, T.dict}) t->module_name = Value::from_obj(intern("builtins"));

  auto mk = [&](const char* n, Kind k, Type* base = nullptr) {
    return make_builtin_type(*this, n, base ? base : T.object, k);
  };
  T.none = mk("NoneType", Kind::Singleton);
  T.int_ = mk("int", Kind::BigInt);
  T.bool_ = mk("bool", Kind::BigInt, T.int_);
  T.float_ = mk("float", Kind::Singleton);
  T.bytes = mk("bytes", Kind::Bytes);
  T.list = mk("list", Kind::List);
  T.tuple = mk("tuple", Kind::Tuple);
  T.set = mk("set", Kind::Set);
  T.frozenset = mk("frozenset", Kind::Set);
  T.range = mk("range", Kind::Range);
  T.slice = mk("slice", Kind::Slice);
  T.function = mk("function", Kind::Function);
  T.builtin_function = mk("builtin_function_or_method", Kind::Native);
  T.method = mk("method", Kind::BoundMethod);
  T.module = mk("module", Kind::Module);
  T.cell = mk("cell", Kind::Cell);
  T.code = mk("code", Kind::Code);
  T.generator = mk("generator", Kind::Generator);
  T.coroutine = mk("coroutine", Kind::Generator);
  T.iterator = mk("iterator", Kind::Iterator);
  T.property = mk("property", Kind::Property);
  T.staticmethod = mk("staticmethod", Kind::StaticMethod);
  T.classmethod = mk("classmethod", Kind::ClassMethod);
  T.super = mk("super", Kind::Super);
  T.notimplemented = mk("NotImplementedType", Kind::Singleton);
  T.ellipsis = mk("ellipsis", Kind::Singleton);
  T.file = mk("TextIOWrapper", Kind::Opaque);
  T.dict_keys = mk("dict_keys", Kind::Iterator);
  T.dict_values = mk("dict_values", Kind::Iterator);
  T.dict_items = mk("dict_items", Kind::Iterator);
  T.getset_descriptor = mk("getset_descriptor", Kind::Opaque);

  T.BaseException = mk("BaseException", Kind::Exception);
  for (const ExcDef& e : kExceptions) T.*(e.slot) = mk(e.name, Kind::Exception, T.*(e.base));

  // Common names: each field is named after its text (throw_ is "throw").
  CommonNames& N = names;
  static constexpr const char* kNames[] = {
      "__init__", "__new__", "__name__", "__qualname__", "__module__", "__doc__", "__class__",
      "__dict__", "__repr__", "__str__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
      "__hash__", "__len__", "__bool__", "__iter__", "__next__", "__getitem__", "__setitem__",
      "__delitem__", "__contains__", "__call__", "__enter__", "__exit__", "__getattr__",
      "__getattribute__", "__setattr__", "__delattr__", "__get__", "__set__", "__delete__",
      "__main__", "__builtins__", "__file__", "__all__", "__index__", "__int__", "__float__",
      "__neg__", "__pos__", "__invert__", "__abs__", "__round__", "__format__", "__classcell__",
      "__init_subclass__", "__set_name__", "__missing__", "__reversed__",
      "__await__", "__aenter__", "__aexit__", "__aiter__", "__anext__",
      "args", "send", "throw", "close", "write", "flush", "readline", "keys", "items", "__import__"};
  static_assert(sizeof(kNames) / sizeof(kNames[0]) == sizeof(CommonNames) / sizeof(Str*));
  Str** slot = &N.__init__;
  for (const char* n : kNames) *slot++ = intern(n);

  not_implemented = Value::from_obj(heap.make<Singleton>(T.notimplemented, "NotImplemented"));
  ellipsis = Value::from_obj(heap.make<Singleton>(T.ellipsis, "Ellipsis"));
  empty_tuple = heap.make<Tuple>(T.tuple);
  modules = heap.make<Dict>(T.dict);
  builtins = heap.make<Dict>(T.dict);

  // Every builtin type and exception is a builtin name.
  for (Type* const* p = &types.object; p < reinterpret_cast<Type* const*>(&types + 1); ++p) {
    Type* t = *p;
    if (t == nullptr) continue;
    std::string_view n = t->name->s;
    if (n == "NoneType" || n == "function" || n == "builtin_function_or_method" ||
        n == "method" || n == "module" || n == "cell" || n == "code" || n == "generator" ||
        n == "iterator" || n == "NotImplementedType" || n == "ellipsis" || n == "TextIOWrapper" ||
        n.starts_with("dict_"))
      continue;
    dict_set_str(*this, builtins, t->name, Value::from_obj(t));
  }
  dict_set_cstr(*this, builtins, "NotImplemented", not_implemented);
  dict_set_cstr(*this, builtins, "Ellipsis", ellipsis);
  dict_set_cstr(*this, builtins, "EnvironmentError", Value::from_obj(T.OSError));
  dict_set_cstr(*this, builtins, "IOError", Value::from_obj(T.OSError));

  init_object_methods(*this);
  init_exception_methods(*this);
  init_int_float_methods(*this);
  init_str_methods(*this);
  init_bytes_methods(*this);
  init_list_methods(*this);
  init_dict_methods(*this);
  init_set_methods(*this);
  init_generator_methods(*this);
  init_object_getsets(*this);
  init_builtins(*this);
}

Interpreter::~Interpreter() {
  for (Value* s : spare_stacks) munmap(s, ThreadState::kThreadStackValues * sizeof(Value));
}

void Interpreter::configure_gil() {
  gil.mode.store(config.gil_mode, std::memory_order_relaxed);
  gil.interval_us.store(static_cast<std::int64_t>(config.switch_interval * 1e6 + 0.5), std::memory_order_relaxed);
  if (gil.interval_us.load() < 1) gil.interval_us.store(1);
  // Legacy mode counts safe points down to a release (gil.h): keep the
  // eval breaker's slow path on.
  if (config.gil_mode == GilMode::Legacy)
    eval_breaker.fetch_or(kBreakLegacyTick, std::memory_order_relaxed);
  else
    eval_breaker.fetch_and(~static_cast<std::uint32_t>(kBreakLegacyTick), std::memory_order_relaxed);
  // So does the seeded scheduler, by ticks (vm/sched.h).
  if (config.gil_mode == GilMode::Seeded) {
    eval_breaker.fetch_or(kBreakSchedTick, std::memory_order_relaxed);
    std::lock_guard<std::mutex> lk(gil.mu);
    if (!gil.sched.seeded) sched_seed(gil.sched, config.sched_seed);
  }
}

}  // namespace gilvm
