// The eval loop: one function, one switch over the opcodes of
// compiler/opcodes.h, dispatched by computed goto (or a plain switch, see
// config.h) behind three macros, TARGET / DISPATCH / NEXT.
//
// Error model, in one sentence: a handler that fails leaves a Python
// exception object pending in ThreadState::exc and jumps to `error`, which
// unwinds through the exception table of each frame (code.h) and returns
// Value::fail() from eval_frame when it leaves the entry frame; no C++
// exception ever crosses this loop.
//
// Sync points (docs/style.md §3): ip and sp live in locals for speed. SYNC()
// writes them back to the frame (and the thread's stack top) before anything
// that may allocate a collection point, call out, raise or let another
// thread look: calls, attribute access on objects, the eval-breaker slow
// path. LOAD_FRAME() re-reads them after the current frame changes.
//
// Python-to-Python calls do not recurse on the C stack: CALL pushes the
// callee's frame and continues in this loop; RETURN_VALUE pops it. A native
// that calls back into Python (sorted with a key, __eq__ from a dict lookup)
// enters eval_frame again with an entry frame.
#include "vm/eval.h"

#include <cmath>
#include <cstring>

#include "config.h"
#include "runtime/set_ops.h"
#include "runtime/str_ops.h"
#include "vm/api.h"
#include "vm/import.h"
#include "vm/ops.h"

namespace gilvm {

using front::BinOp;
using front::CmpOp;

void add_traceback(ThreadState& ts, Frame* frame) {
  if (Exception* e = as_exception(ts.exc)) e->traceback.push_back({frame->code, frame->line()});
}

namespace {

constexpr std::size_t kMaxInlineKw = 32;

// Pushes the frame for a Python call made by CALL* in this loop. Returns
// null on error (exception pending) and also when the callee is a
// generator function (then *result holds the generator).
Frame* push_call(ThreadState& ts, Frame* caller, Function* fn, Value* args, std::size_t n, Str* const* kwnames,
                 const Value* kwvalues, std::size_t nkw, Value* result) {
  if (caller->gen != nullptr) {
    // The caller's slots live in its generator: the callee goes on the
    // thread stack, with its arguments copied there.
    Value* base = ts.stack_top;
    return push_function_frame(ts, fn, base, args, n, kwnames, kwvalues, nkw, false, result);
  }
  return push_function_frame(ts, fn, args, args, n, kwnames, kwvalues, nkw, true, result);
}

}  // namespace

Value eval_frame(ThreadState& ts, Frame* entry, bool throwing) {
  Interpreter& interp = ts.interp;
  if (++ts.c_depth > kMaxCDepth) {
    --ts.c_depth;
    ts.pop_frame();
    return raise(ts, interp.types.RecursionError, "maximum recursion depth exceeded");
  }
  struct CDepthGuard {
    ThreadState& ts;
    ~CDepthGuard() { --ts.c_depth; }
  } c_depth_guard{ts};

  Frame* frame = entry;
  const std::uint32_t* ip;
  Value* sp;
  Value* locals;
  CodeObject* code;
  std::uint32_t word = 0;

#define LOAD_FRAME()                 \
  do {                               \
    frame = ts.frame;                \
    ip = frame->ip;                  \
    sp = frame->sp;                  \
    locals = frame->base;            \
    code = frame->code;              \
  } while (0)
#define SYNC()                                                  \
  do {                                                          \
    frame->ip = ip;                                             \
    frame->sp = sp;                                             \
    ts.stack_top = frame->gen ? frame->outer_top : sp;          \
  } while (0)
// Keeps the values a handler parks above sp (up to `top`) rooted while it
// calls out: on the thread stack by raising stack_top; a generator frame's
// slots are all traced with the generator, and its calls must still go on
// the thread stack at outer_top, never into the generator's slots.
#define ROOT_UP_TO(top)                       \
  do {                                        \
    if (frame->gen == nullptr) ts.stack_top = (top); \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<std::ptrdiff_t>(n)])
#define ARG (word >> 8)
#define CONSTS (code->consts)
#define NAME(i) (code->names[i])
#define CHECK(v)                          \
  do {                                    \
    if ((v).is_fail()) goto error;        \
  } while (0)

#if GILVM_COMPUTED_GOTO
  static void* const kDispatch[] = {
#define GILVM_OP_LABEL(name, kind, effect, picture) &&L_##name,
      GILVM_OPCODES(GILVM_OP_LABEL)
#undef GILVM_OP_LABEL
  };
  // While a stepper is attached (debug/stepper.h) every opcode dispatches
  // to `step_hook` first; the table is picked once per eval_frame, so the
  // loop without a stepper pays nothing per instruction.
  static void* const kStepDispatch[] = {
#define GILVM_STEP_LABEL(name, kind, effect, picture) &&step_hook,
      GILVM_OPCODES(GILVM_STEP_LABEL)
#undef GILVM_STEP_LABEL
  };
  void* const* const dispatch = interp.step_hook != nullptr ? kStepDispatch : kDispatch;
#define TARGET(name) L_##name:
#define DISPATCH()                            \
  do {                                        \
    word = *ip++;                             \
    goto* dispatch[word & 0xff];              \
  } while (0)
#define NEXT() DISPATCH()
#else
  const bool stepping = interp.step_hook != nullptr;
#define TARGET(name) case Op::name:
#define DISPATCH() goto dispatch_top
#define NEXT() goto dispatch_top
#endif

  LOAD_FRAME();
  if (throwing) goto error;

  // Function entry is a safe point (the eval breaker is checked), as the
  // back edge of a loop is.
entry_check:
  if (interp.eval_breaker.load(std::memory_order_relaxed) != 0) {
    SYNC();
    if (!handle_eval_breaker(ts, true)) goto error;
  }

#if GILVM_COMPUTED_GOTO
  DISPATCH();
#else
dispatch_top:
  word = *ip++;
  if (stepping && interp.step_hook != nullptr) {
    SYNC();
    interp.step_hook->on_instruction(ts, frame);
  }
  switch (op_of(word)) {
#endif

  TARGET(NOP) { NEXT(); }

  TARGET(POP_TOP) {
    --sp;
    NEXT();
  }

  TARGET(PUSH_NULL) {
    PUSH(Value::null());
    NEXT();
  }

  TARGET(COPY) {
    Value v = PEEK(ARG);
    PUSH(v);
    NEXT();
  }

  TARGET(SWAP) {
    std::swap(sp[-1], sp[-static_cast<int>(ARG)]);
    NEXT();
  }

  TARGET(LOAD_CONST) {
    PUSH(CONSTS[ARG]);
    NEXT();
  }

  TARGET(LOAD_SMALL_INT) {
    PUSH(Value::from_int(signed_arg_of(word)));
    NEXT();
  }

  TARGET(LOAD_FAST) {
    Value v = locals[ARG];
    if (v.is_null()) {
      SYNC();
      raise_fmt(ts, interp.types.UnboundLocalError,
                "cannot access local variable '{}' where it is not associated with a value",
                code->varnames[ARG]->s);
      goto error;
    }
    PUSH(v);
    NEXT();
  }

  TARGET(STORE_FAST) {
    locals[ARG] = POP();
    NEXT();
  }

  TARGET(DELETE_FAST) {
    if (locals[ARG].is_null()) {
      SYNC();
      raise_fmt(ts, interp.types.UnboundLocalError,
                "cannot access local variable '{}' where it is not associated with a value",
                code->varnames[ARG]->s);
      goto error;
    }
    locals[ARG] = Value::null();
    NEXT();
  }

  TARGET(LOAD_DEREF) {
    Cell* c = frame->cell(ARG);
    if (c->value.is_null()) {
      SYNC();
      ops::raise_unbound_deref(ts, code, ARG);
      goto error;
    }
    PUSH(c->value);
    NEXT();
  }

  TARGET(LOAD_CLASSDEREF) {
    std::uint32_t i = ARG;
    Str* name = i < code->cellvars.size() ? code->cellvars[i] : code->freevars[i - code->cellvars.size()];
    Value v = frame->locals ? dict_get_str(frame->locals, name) : Value::null();
    if (v.is_null()) {
      v = frame->cell(i)->value;
      if (v.is_null()) {
        SYNC();
        ops::raise_unbound_deref(ts, code, i);
        goto error;
      }
    }
    PUSH(v);
    NEXT();
  }

  TARGET(STORE_DEREF) {
    frame->cell(ARG)->value = POP();
    NEXT();
  }

  TARGET(DELETE_DEREF) {
    Cell* c = frame->cell(ARG);
    if (c->value.is_null()) {
      SYNC();
      ops::raise_unbound_deref(ts, code, ARG);
      goto error;
    }
    c->value = Value::null();
    NEXT();
  }

  TARGET(LOAD_CLOSURE) {
    PUSH(locals[code->nlocals + ARG]);
    NEXT();
  }

  TARGET(LOAD_GLOBAL) {
    GlobalCacheEntry& c = code->global_cache[ARG];
    Dict* g = frame->globals;
    if (c.globals == g && c.globals_version == g->version && c.builtins_version == interp.builtins->version) {
      PUSH(c.value);
      NEXT();
    }
    Str* name = NAME(ARG);
    Value v = dict_get_str(g, name);
    if (v.is_null()) {
      v = dict_get_str(interp.builtins, name);
      if (v.is_null()) {
        SYNC();
        raise_fmt(ts, interp.types.NameError, "name '{}' is not defined", name->s);
        goto error;
      }
    }
    c.globals = g;
    c.globals_version = g->version;
    c.builtins_version = interp.builtins->version;
    c.value = v;
    PUSH(v);
    NEXT();
  }

  TARGET(STORE_GLOBAL) {
    SYNC();
    dict_set_str(interp, frame->globals, NAME(ARG), POP());
    NEXT();
  }

  TARGET(DELETE_GLOBAL) {
    SYNC();
    int r = dict_del(ts, frame->globals, Value::from_obj(NAME(ARG)));
    if (r <= 0) {
      if (r == 0) raise_fmt(ts, interp.types.NameError, "name '{}' is not defined", NAME(ARG)->s);
      goto error;
    }
    NEXT();
  }

  TARGET(LOAD_NAME) {
    Str* name = NAME(ARG);
    Value v = frame->locals ? dict_get_str(frame->locals, name) : Value::null();
    if (v.is_null()) v = dict_get_str(frame->globals, name);
    if (v.is_null()) v = dict_get_str(interp.builtins, name);
    if (v.is_null()) {
      SYNC();
      raise_fmt(ts, interp.types.NameError, "name '{}' is not defined", name->s);
      goto error;
    }
    PUSH(v);
    NEXT();
  }

  TARGET(STORE_NAME) {
    SYNC();
    dict_set_str(interp, frame->locals ? frame->locals : frame->globals, NAME(ARG), POP());
    NEXT();
  }

  TARGET(DELETE_NAME) {
    SYNC();
    int r = dict_del(ts, frame->locals ? frame->locals : frame->globals, Value::from_obj(NAME(ARG)));
    if (r <= 0) {
      if (r == 0) raise_fmt(ts, interp.types.NameError, "name '{}' is not defined", NAME(ARG)->s);
      goto error;
    }
    NEXT();
  }

  TARGET(LOAD_ATTR) {
    SYNC();
    Value v = get_attr(ts, TOP(), NAME(ARG));
    CHECK(v);
    TOP() = v;
    NEXT();
  }

  TARGET(LOAD_METHOD) {
    // Leaves [function self] when the attribute is a plain method found on
    // the type (no bound-method object is made), else [null attribute].
    SYNC();
    Value self = TOP();
    Value meth;
    if (!ops::load_method(ts, self, NAME(ARG), meth)) goto error;
    if (meth.is_null()) {
      Value v = get_attr(ts, self, NAME(ARG));
      CHECK(v);
      TOP() = Value::null();
      PUSH(v);
    } else {
      TOP() = meth;
      PUSH(self);
    }
    NEXT();
  }

  TARGET(STORE_ATTR) {
    SYNC();
    Value obj = POP();
    Value v = POP();
    if (!set_attr(ts, obj, NAME(ARG), v)) goto error;
    NEXT();
  }

  TARGET(DELETE_ATTR) {
    SYNC();
    Value obj = POP();
    if (!del_attr(ts, obj, NAME(ARG))) goto error;
    NEXT();
  }

  TARGET(BINARY_SUBSCR) {
    Value key = PEEK(1);
    Value container = PEEK(2);
    // Fast path: list[int]
    if (List* l = as_list(container); l && key.is_int()) {
      std::int64_t i = key.as_int();
      std::int64_t n = static_cast<std::int64_t>(l->items.size());
      if (i < 0) i += n;
      if (i >= 0 && i < n) {
        --sp;
        TOP() = l->items[static_cast<std::size_t>(i)];
        NEXT();
      }
    }
    SYNC();
    Value v = get_item(ts, container, key);
    CHECK(v);
    --sp;
    TOP() = v;
    NEXT();
  }

  TARGET(STORE_SUBSCR) {
    Value key = PEEK(1);
    Value container = PEEK(2);
    Value v = PEEK(3);
    if (List* l = as_list(container); l && key.is_int()) {
      std::int64_t i = key.as_int();
      std::int64_t n = static_cast<std::int64_t>(l->items.size());
      if (i < 0) i += n;
      if (i >= 0 && i < n) {
        l->items[static_cast<std::size_t>(i)] = v;
        sp -= 3;
        NEXT();
      }
    }
    SYNC();
    if (!set_item(ts, container, key, v)) goto error;
    sp -= 3;
    NEXT();
  }

  TARGET(DELETE_SUBSCR) {
    SYNC();
    if (!del_item(ts, PEEK(2), PEEK(1))) goto error;
    sp -= 2;
    NEXT();
  }

  TARGET(BUILD_SLICE) {
    Value step = ARG == 3 ? POP() : Value::none();
    Value stop = POP();
    Value start = POP();
    SYNC();
    PUSH(Value::from_obj(interp.heap.make<Slice>(interp.types.slice, start, stop, step)));
    NEXT();
  }

  // BINARY_OP and INPLACE_OP share the int/float fast path: `a op= b` on
  // numbers is `a op b`; only the general path differs (list +=, __iadd__).
  TARGET(BINARY_OP)
  TARGET(INPLACE_OP) {
    Value b = PEEK(1);
    Value a = PEEK(2);
    BinOp op = static_cast<BinOp>(ARG);
    Value r;
    if (!(a.is_int() && b.is_int() && ops::int_fast_op(op, a.as_int(), b.as_int(), r)) &&
        !(a.is_float() && b.is_float() && ops::float_fast_op(op, a.as_float(), b.as_float(), r))) {
      SYNC();
      r = op_of(word) == Op::BINARY_OP ? binary_op(ts, op, a, b) : inplace_op(ts, op, a, b);
      CHECK(r);
    }
    --sp;
    TOP() = r;
    NEXT();
  }

  TARGET(UNARY_NEGATIVE) {
    Value v = TOP();
    if (v.is_int() && v.as_int() != INT64_MIN) {
      TOP() = Value::from_int(-v.as_int());
      NEXT();
    }
    if (v.is_float()) {
      TOP() = Value::from_float(-v.as_float());
      NEXT();
    }
    SYNC();
    Value r = unary_op(ts, front::UnaryOp::Neg, v);
    CHECK(r);
    TOP() = r;
    NEXT();
  }

  TARGET(UNARY_POSITIVE) {
    SYNC();
    Value r = unary_op(ts, front::UnaryOp::Pos, TOP());
    CHECK(r);
    TOP() = r;
    NEXT();
  }

  TARGET(UNARY_INVERT) {
    SYNC();
    Value r = unary_op(ts, front::UnaryOp::Invert, TOP());
    CHECK(r);
    TOP() = r;
    NEXT();
  }

  TARGET(UNARY_NOT) {
    Value v = TOP();
    if (v.is_bool()) {
      TOP() = Value::from_bool(!v.as_bool());
      NEXT();
    }
    SYNC();
    int t = truthy(ts, v);
    if (t < 0) goto error;
    TOP() = Value::from_bool(!t);
    NEXT();
  }

  TARGET(COMPARE_OP) {
    Value b = PEEK(1);
    Value a = PEEK(2);
    if (a.is_int() && b.is_int()) {
      std::int64_t x = a.as_int(), y = b.as_int();
      bool r;
      switch (static_cast<CmpOp>(ARG)) {
        case CmpOp::Eq: r = x == y; break;
        case CmpOp::NotEq: r = x != y; break;
        case CmpOp::Lt: r = x < y; break;
        case CmpOp::LtE: r = x <= y; break;
        case CmpOp::Gt: r = x > y; break;
        default: r = x >= y; break;
      }
      --sp;
      TOP() = Value::from_bool(r);
      NEXT();
    }
    SYNC();
    Value r = compare(ts, static_cast<CmpOp>(ARG), a, b);
    CHECK(r);
    --sp;
    TOP() = r;
    NEXT();
  }

  TARGET(IS_OP) {
    bool r = PEEK(2).identical(PEEK(1));
    --sp;
    TOP() = Value::from_bool(ARG ? !r : r);
    NEXT();
  }

  TARGET(CONTAINS_OP) {
    SYNC();
    int r = contains(ts, PEEK(1), PEEK(2));
    if (r < 0) goto error;
    --sp;
    TOP() = Value::from_bool(ARG ? !r : r);
    NEXT();
  }

  TARGET(JUMP) {
    ip = code->code.data() + ARG;
    NEXT();
  }

  TARGET(JUMP_BACKWARD) {
    ip = code->code.data() + ARG;
    if (interp.eval_breaker.load(std::memory_order_relaxed) != 0) {
      SYNC();
      if (!handle_eval_breaker(ts, true)) goto error;
    }
    NEXT();
  }

  TARGET(POP_JUMP_IF_FALSE) {
    Value v = POP();
    int t;
    if (v.is_bool()) {
      t = v.as_bool();
    } else {
      SYNC();
      t = truthy(ts, v);
      if (t < 0) goto error;
    }
    if (!t) ip = code->code.data() + ARG;
    NEXT();
  }

  TARGET(POP_JUMP_IF_TRUE) {
    Value v = POP();
    int t;
    if (v.is_bool()) {
      t = v.as_bool();
    } else {
      SYNC();
      t = truthy(ts, v);
      if (t < 0) goto error;
    }
    if (t) ip = code->code.data() + ARG;
    NEXT();
  }

  TARGET(POP_JUMP_IF_NONE) {
    if (POP().is_none()) ip = code->code.data() + ARG;
    NEXT();
  }

  TARGET(JUMP_IF_FALSE_OR_POP) {
    SYNC();
    int t = truthy(ts, TOP());
    if (t < 0) goto error;
    if (!t)
      ip = code->code.data() + ARG;
    else
      --sp;
    NEXT();
  }

  TARGET(JUMP_IF_TRUE_OR_POP) {
    SYNC();
    int t = truthy(ts, TOP());
    if (t < 0) goto error;
    if (t)
      ip = code->code.data() + ARG;
    else
      --sp;
    NEXT();
  }

  TARGET(GET_ITER) {
    SYNC();
    Value it = get_iter(ts, TOP());
    CHECK(it);
    TOP() = it;
    NEXT();
  }

  TARGET(FOR_ITER) {
    Value it = TOP();
    // Fast path: range and list iterators advance inline.
    if (it.is_obj() && it.as_obj()->kind == Kind::Iterator) {
      Iterator* iter = static_cast<Iterator*>(it.as_obj());
      if (iter->next == ops::range_iter_next) {
        if (iter->pos < iter->end) {
          Range* r = static_cast<Range*>(iter->source.as_obj());
          PUSH(Value::from_int(r->start + iter->pos * r->step));
          ++iter->pos;
          NEXT();
        }
        --sp;
        ip = code->code.data() + ARG;
        NEXT();
      }
    }
    SYNC();
    Value v = iter_next(ts, it);
    CHECK(v);
    if (v.is_null()) {
      --sp;
      ip = code->code.data() + ARG;
      NEXT();
    }
    PUSH(v);
    NEXT();
  }

  TARGET(BUILD_TUPLE) {
    SYNC();
    std::size_t n = ARG;
    Tuple* t = n == 0 ? interp.empty_tuple : new_tuple(ts, std::span<const Value>(sp - n, n));
    sp -= n;
    PUSH(Value::from_obj(t));
    NEXT();
  }

  TARGET(BUILD_LIST) {
    SYNC();
    std::size_t n = ARG;
    List* l = new_list(ts, n);
    l->items.assign(sp - n, sp);
    sp -= n;
    PUSH(Value::from_obj(l));
    NEXT();
  }

  TARGET(BUILD_SET) {
    SYNC();
    std::size_t n = ARG;
    Set* s = new_set(ts);
    Value sv = Value::from_obj(s);
    // Keep the new set rooted above the items while hashing them.
    sp[0] = sv;
    ROOT_UP_TO(sp + 1);
    for (std::size_t i = 0; i < n; ++i)
      if (set_add(ts, s, sp[-static_cast<std::ptrdiff_t>(n - i)]) < 0) goto error;
    sp -= n;
    PUSH(sv);
    NEXT();
  }

  TARGET(BUILD_CONST_SET) {
    SYNC();
    Set* s = set_from_constant_display(ts, std::span<const Value>(as_tuple(TOP())->items));
    if (s == nullptr) goto error;
    TOP() = Value::from_obj(s);
    NEXT();
  }

  TARGET(BUILD_MAP) {
    SYNC();
    std::size_t n = ARG;
    Dict* d = new_dict(ts);
    Value dv = Value::from_obj(d);
    sp[0] = dv;
    ROOT_UP_TO(sp + 1);
    for (std::size_t i = 0; i < n; ++i) {
      Value* kv = sp - 2 * (n - i);
      if (!dict_set(ts, d, kv[0], kv[1])) goto error;
    }
    sp -= 2 * n;
    PUSH(dv);
    NEXT();
  }

  TARGET(BUILD_STRING) {
    SYNC();
    std::size_t n = ARG;
    Value v = ops::build_string(ts, sp - n, n);
    sp -= n;
    PUSH(v);
    NEXT();
  }

  TARGET(LIST_APPEND) {
    Value v = POP();
    as_list(PEEK(ARG))->items.push_back(v);
    NEXT();
  }

  TARGET(SET_ADD) {
    SYNC();
    Value v = PEEK(1);
    if (set_add(ts, as_set(PEEK(ARG + 1)), v) < 0) goto error;
    --sp;
    NEXT();
  }

  TARGET(MAP_ADD) {
    SYNC();
    Value v = PEEK(1);
    Value k = PEEK(2);
    if (!dict_set(ts, as_dict(PEEK(ARG + 2)), k, v)) goto error;
    sp -= 2;
    NEXT();
  }

  TARGET(LIST_EXTEND) {
    SYNC();
    if (!ops::list_extend(ts, as_list(PEEK(ARG + 1)), PEEK(1))) goto error;
    --sp;
    NEXT();
  }

  TARGET(SET_UPDATE) {
    SYNC();
    if (!set_update(ts, as_set(PEEK(ARG + 1)), PEEK(1))) goto error;
    --sp;
    NEXT();
  }

  TARGET(DICT_UPDATE) {
    SYNC();
    if (!ops::dict_merge(ts, as_dict(PEEK(ARG + 1)), PEEK(1), false)) goto error;
    --sp;
    NEXT();
  }

  TARGET(DICT_MERGE) {
    SYNC();
    if (!ops::dict_merge(ts, as_dict(PEEK(ARG + 1)), PEEK(1), true)) goto error;
    --sp;
    NEXT();
  }

  TARGET(LIST_TO_TUPLE) {
    SYNC();
    List* l = as_list(TOP());
    TOP() = Value::from_obj(new_tuple(ts, std::span<const Value>(l->items)));
    NEXT();
  }

  TARGET(UNPACK_SEQUENCE) {
    // seq -- item_n ... item_1 (item_1 on top)
    SYNC();
    if (!ops::unpack_onto_stack(ts, sp - 1, ARG, 0, false)) goto error;
    sp += static_cast<std::ptrdiff_t>(ARG) - 1;
    NEXT();
  }

  TARGET(UNPACK_EX) {
    // seq -- after... list before...
    SYNC();
    std::size_t before = ARG & 0xff;
    std::size_t after = ARG >> 8;
    if (!ops::unpack_onto_stack(ts, sp - 1, before, after, true)) goto error;
    sp += static_cast<std::ptrdiff_t>(before + after);
    NEXT();
  }

  TARGET(CALL) {
    std::size_t n = ARG;
    Value* args = sp - n;
    Value callable = args[-1];
    Value* ret = args - 2;
    if (!ret->is_null()) {  // [method self args...]
      callable = *ret;
      --args;
      ++n;
    }
    if (Function* fn = as_function(callable)) {
      CodeObject* co = fn->code;
      if ((co->flags & kCodeSimple) && n == static_cast<std::size_t>(co->argcount) && frame->gen == nullptr &&
          ts.depth < interp.recursion_limit && args + co->frame_size() + 64 < ts.stack_end) {
        // Fast path: the arguments already sit where the callee's locals go.
        for (std::size_t i = n; i < static_cast<std::size_t>(co->nlocals); ++i) args[i] = Value::null();
        frame->ip = ip;
        frame->sp = ret;
        // (kCodeSimple: no cells, so the operand stack follows the locals.)
        Frame* nf = ts.push_frame({.code = co,
                                   .func = fn,
                                   .globals = fn->globals,
                                   .base = args,
                                   .stack_base = args + co->nlocals,
                                   .sp = args + co->nlocals,
                                   .ip = co->code.data(),
                                   .call_base = ret});
        frame = nf;
        ip = nf->ip;
        sp = nf->sp;
        locals = args;
        code = co;
        ts.stack_top = sp;
        goto entry_check;
      }
      SYNC();
      Value gen;
      Frame* nf = push_call(ts, frame, fn, args, n, nullptr, nullptr, 0, &gen);
      if (nf == nullptr) {
        if (gen.is_null()) goto error;
        *ret = gen;
        sp = ret + 1;
        NEXT();
      }
      nf->call_base = ret;
      frame->sp = ret;  // the caller's stack ends below the call once it returns
      LOAD_FRAME();
      goto entry_check;
    }
    SYNC();
    Value r = call_object(ts, callable, args, n, nullptr, nullptr, 0);
    CHECK(r);
    *ret = r;
    sp = ret + 1;
    NEXT();
  }

  TARGET(CALL_KW) {
    Tuple* names = as_tuple(POP());
    std::size_t total = ARG;
    std::size_t nkw = names->items.size();
    Value* args = sp - total;
    Value callable = args[-1];
    Value* ret = args - 2;
    std::size_t npos = total - nkw;
    if (!ret->is_null()) {
      callable = *ret;
      --args;
      ++npos;
    }
    Value* kwvalues = sp - nkw;
    // The names tuple is a constant whose items are interned strs. (No
    // non-trivial C++ objects in handlers: computed goto skips destructors.)
    SYNC();
    if (nkw > kMaxInlineKw) {
      Value r = ops::call_with_names(ts, callable, args, npos, names, kwvalues);
      CHECK(r);
      *ret = r;
      sp = ret + 1;
      NEXT();
    }
    Str* kwnames[kMaxInlineKw];
    for (std::size_t i = 0; i < nkw; ++i) kwnames[i] = static_cast<Str*>(names->items[i].as_obj());
    if (Function* fn = as_function(callable)) {
      Value gen;
      Frame* nf = push_call(ts, frame, fn, args, npos, kwnames, kwvalues, nkw, &gen);
      if (nf == nullptr) {
        if (gen.is_null()) goto error;
        *ret = gen;
        sp = ret + 1;
        NEXT();
      }
      nf->call_base = ret;
      frame->sp = ret;
      LOAD_FRAME();
      goto entry_check;
    }
    Value r = call_object(ts, callable, args, npos, kwnames, kwvalues, nkw);
    CHECK(r);
    *ret = r;
    sp = ret + 1;
    NEXT();
  }

  TARGET(CALL_EX) {
    SYNC();
    Value kwargs = (ARG & 1) ? POP() : Value::null();
    Value posargs = POP();
    Value callable = POP();
    Value* ret = sp - 1;
    // Keep them rooted while calling: they sit just above the result slot.
    ret[1] = callable;
    ret[2] = posargs;
    ret[3] = kwargs;
    ROOT_UP_TO(ret + 4);
    Value r = ops::call_with_containers(ts, callable, posargs, kwargs);
    CHECK(r);
    *ret = r;
    sp = ret + 1;
    NEXT();
  }

  TARGET(MAKE_FUNCTION) {
    SYNC();
    CodeObject* c = static_cast<CodeObject*>(POP().as_obj());
    Function* fn = interp.heap.make<Function>(interp.types.function, c, frame->globals);
    std::uint32_t flags = ARG;
    if (flags & 8) fn->closure = as_tuple(POP());
    if (flags & 2) fn->kwdefaults = as_dict(POP());
    if (flags & 1) fn->defaults = as_tuple(POP());
    fn->module_name = dict_get_str(frame->globals, interp.names.__name__);
    PUSH(Value::from_obj(fn));
    NEXT();
  }

  TARGET(LOAD_BUILD_CLASS) {
    Value v = dict_get_cstr(interp, interp.builtins, "__build_class__");
    PUSH(v);
    NEXT();
  }

  TARGET(RETURN_VALUE) {
    Value r = POP();
    if (frame->gen != nullptr) finish_generator_frame(ts, frame);
    if (frame == entry) {
      ts.pop_frame();
      return r;
    }
    Value* dst = frame->call_base;
    ts.pop_frame();
    frame = ts.frame;
    ip = frame->ip;
    locals = frame->base;
    code = frame->code;
    *dst = r;
    sp = dst + 1;
    ts.stack_top = frame->gen ? frame->outer_top : sp;
    NEXT();
  }

  TARGET(YIELD_VALUE) {
    // Generator frames are always entry frames (gen_resume runs them).
    Value v = POP();
    Generator* g = frame->gen;
    g->saved_sp = static_cast<std::size_t>(sp - frame->base);
    g->saved_pc = static_cast<std::uint32_t>(ip - code->code.data());
    g->running = false;
    ts.stack_top = frame->outer_top;
    ts.pop_frame();
    return v;
  }

  TARGET(GET_YIELD_FROM_ITER) {
    SYNC();
    Value v = TOP();
    if (v.is_obj() && v.as_obj()->type == interp.types.coroutine) {
      raise(ts, interp.types.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
      goto error;
    }
    if (!(v.is_obj() && v.as_obj()->kind == Kind::Generator)) {
      Value it = get_iter(ts, v);
      CHECK(it);
      TOP() = it;
    }
    NEXT();
  }

  TARGET(SEND) {
    SYNC();
    Value v = PEEK(1);
    Value it = PEEK(2);
    Value r;
    bool done = false;
    if (it.is_obj() && it.as_obj()->kind == Kind::Generator) {
      r = gen_resume(ts, static_cast<Generator*>(it.as_obj()), v, Value::null(), &done);
    } else if (it.is_obj() && it.as_obj()->type->am_send != nullptr) {
      r = it.as_obj()->type->am_send(ts, it, v, &done);
    } else if (v.is_none() && it.is_obj() && it.as_obj()->type->builtin) {
      r = iter_next(ts, it);
      if (r.is_null()) {
        done = true;
        r = Value::none();
      }
    } else {
      // A user iterator's StopIteration carries the `yield from` result
      // (Language Reference §6.2.9.1), so __next__ is called here rather
      // than through iter_next, which drops the value.
      r = v.is_none() ? call_method(ts, it, interp.names.__next__, {})
                      : call_method(ts, it, interp.names.send, std::span<const Value>(&v, 1));
      if (r.is_fail() && exception_matches(ts, interp.types.StopIteration)) {
        Value e = take_exception(ts);
        r = ops::stop_iteration_value(ts, e);
        done = true;
      }
    }
    CHECK(r);
    if (done) {
      sp -= 2;
      PUSH(r);
      ip = code->code.data() + ARG;
    } else {
      TOP() = r;
    }
    NEXT();
  }

  TARGET(GET_AWAITABLE) {
    SYNC();
    Value it = ops::get_awaitable(ts, TOP());
    CHECK(it);
    TOP() = it;
    NEXT();
  }

  TARGET(GET_AITER) {
    SYNC();
    Value it = ops::get_aiter(ts, TOP());
    CHECK(it);
    TOP() = it;
    NEXT();
  }

  TARGET(GET_ANEXT) {
    SYNC();
    Value aw = ops::get_anext(ts, TOP());
    CHECK(aw);
    PUSH(aw);
    NEXT();
  }

  TARGET(END_ASYNC_FOR) {
    // The handler around an async for's __anext__ await: StopAsyncIteration
    // ends the loop; anything else goes on as RERAISE would.
    Value exc = POP();
    if (isinstance(ts, exc, interp.types.StopAsyncIteration)) {
      --sp;
      NEXT();
    }
    ts.exc = exc;
    SYNC();
    goto error_no_traceback;
  }

  TARGET(RAISE_VARARGS) {
    SYNC();
    std::uint32_t n = ARG;
    if (n == 0) {
      if (ts.exc_info.is_null()) {
        raise(ts, interp.types.RuntimeError, "No active exception to reraise");
        goto error;
      }
      // A bare `raise` re-raises with the traceback as it stands, adding
      // no entry for this frame (CPython 3.11's do_raise returns 1 and
      // ceval jumps to exception_unwind, past PyTraceBack_Here).
      ts.exc = ts.exc_info;
      goto error_no_traceback;
    }
    Value cause = n == 2 ? POP() : Value::null();
    Value exc = POP();
    ops::do_raise(ts, exc, cause, n == 2);
    goto error;
  }

  TARGET(RERAISE) {
    ts.exc = POP();
    SYNC();
    goto error_no_traceback;
  }

  TARGET(PUSH_EXC_INFO) {
    Value exc = TOP();
    TOP() = ts.exc_info;
    PUSH(exc);
    ts.exc_info = exc;
    NEXT();
  }

  TARGET(POP_EXCEPT) {
    ts.exc_info = POP();
    NEXT();
  }

  TARGET(CHECK_EXC_MATCH) {
    SYNC();
    Value type = TOP();
    int m = ops::exception_match(ts, PEEK(2), type);
    if (m < 0) goto error;
    TOP() = Value::from_bool(m);
    NEXT();
  }

  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(Value::from_obj(interp.types.AssertionError));
    NEXT();
  }

  TARGET(BEFORE_WITH) {
    SYNC();
    Value mgr = TOP();
    Value exit_fn, entered;
    if (!ops::before_with(ts, mgr, exit_fn, entered)) goto error;
    TOP() = exit_fn;
    PUSH(entered);
    NEXT();
  }

  TARGET(BEFORE_ASYNC_WITH) {
    SYNC();
    Value mgr = TOP();
    Value exit_fn, awaitable;
    if (!ops::before_async_with(ts, mgr, exit_fn, awaitable)) goto error;
    TOP() = exit_fn;
    PUSH(awaitable);
    NEXT();
  }

  TARGET(WITH_EXIT) {
    SYNC();
    Value exit_fn = TOP();
    Value none3[3] = {Value::none(), Value::none(), Value::none()};
    Value r = call(ts, exit_fn, none3);
    CHECK(r);
    --sp;
    NEXT();
  }

  TARGET(WITH_EXCEPT_START) {
    SYNC();
    Value exc = PEEK(1);
    Value exit_fn = PEEK(3);
    Value args[3] = {Value::from_obj(type_of(ts, exc)), exc, Value::none()};
    Value r = call(ts, exit_fn, args);
    CHECK(r);
    PUSH(r);
    NEXT();
  }

  TARGET(IMPORT_NAME) {
    SYNC();
    Value fromlist = POP();
    Value level = POP();
    Value m = import_name(ts, NAME(ARG), fromlist, static_cast<int>(level.as_int()), frame->globals);
    CHECK(m);
    PUSH(m);
    NEXT();
  }

  TARGET(IMPORT_FROM) {
    SYNC();
    Value v = import_from(ts, TOP(), NAME(ARG));
    CHECK(v);
    PUSH(v);
    NEXT();
  }

  TARGET(IMPORT_STAR) {
    SYNC();
    Value m = POP();
    if (!import_star(ts, m, frame->locals ? frame->locals : frame->globals)) goto error;
    NEXT();
  }

  TARGET(FORMAT_VALUE) {
    SYNC();
    std::uint32_t flags = ARG;
    Value spec = (flags & 4) ? POP() : Value::null();
    Value v = TOP();
    switch (flags & 3) {
      case 1: {
        Str* s = str(ts, v);
        if (!s) goto error;
        v = Value::from_obj(s);
        break;
      }
      case 2: {
        Str* s = repr(ts, v);
        if (!s) goto error;
        v = Value::from_obj(s);
        break;
      }
      case 3: {
        Value ascii_fn = dict_get_cstr(interp, interp.builtins, "ascii");
        Value r = call(ts, ascii_fn, std::span<const Value>(&v, 1));
        CHECK(r);
        v = r;
        break;
      }
      default:
        break;
    }
    TOP() = v;
    if (spec.is_null() && as_str(v) != nullptr) NEXT();
    Value r = format_value(ts, v, spec.is_null() ? std::string_view() : std::string_view(as_str(spec)->s));
    CHECK(r);
    TOP() = r;
    NEXT();
  }

  TARGET(PRINT_EXPR) {
    SYNC();
    Value v = TOP();
    if (!ops::print_expr(ts, v)) goto error;
    --sp;
    NEXT();
  }

  TARGET(SETUP_ANNOTATIONS) { NEXT(); }

  // match statements: the checks live in vm/match.cpp.
  TARGET(MATCH_SEQUENCE) {
    bool m = ops::match_sequence(ts, TOP());
    PUSH(Value::from_bool(m));
    NEXT();
  }

  TARGET(MATCH_MAPPING) {
    bool m = ops::match_mapping(ts, TOP());
    PUSH(Value::from_bool(m));
    NEXT();
  }

  TARGET(GET_LEN) {
    SYNC();
    std::int64_t n = length(ts, TOP());
    if (n < 0) goto error;
    PUSH(Value::from_int(n));
    NEXT();
  }

  TARGET(MATCH_KEYS) {
    SYNC();
    Value r = ops::match_keys(ts, PEEK(2), TOP());
    CHECK(r);
    PUSH(r);
    NEXT();
  }

  TARGET(MATCH_CLASS) {
    SYNC();
    Value r = ops::match_class(ts, PEEK(3), PEEK(2), ARG, TOP());
    CHECK(r);
    sp -= 2;
    TOP() = r;
    NEXT();
  }

  TARGET(COPY_DICT_WITHOUT_KEYS) {
    SYNC();
    Value r = ops::copy_dict_without_keys(ts, PEEK(2), TOP());
    CHECK(r);
    --sp;
    TOP() = r;
    NEXT();
  }

#if !GILVM_COMPUTED_GOTO
    default:
      break;
  }
  goto dispatch_top;
#endif

#if GILVM_COMPUTED_GOTO
  // The stepper's stop before each instruction; then the instruction itself.
step_hook:
  SYNC();
  // Null in a forked child, whose frames may still run on this table (vm/fork.h).
  if (interp.step_hook != nullptr) interp.step_hook->on_instruction(ts, frame);
  // The opcode read again from the frame (the hook is opaque, so it is a
  // load), rather than kept in a register across every dispatch for here.
  word = frame->ip[-1];
  goto* kDispatch[word & 0xff];
#endif

  // ---------------------------------------------------------------------
  // Unwinding. ts.exc holds the exception; ip points past the instruction
  // that raised.
error:
  frame->ip = ip;
  add_traceback(ts, frame);
error_no_traceback:
  for (;;) {
    std::uint32_t pc = static_cast<std::uint32_t>(ip - code->code.data()) - 1;
    if (const ExceptionTableEntry* h = find_handler(*code, pc)) {
      sp = frame->stack_base + h->depth;
      PUSH(ts.exc);
      ts.exc = Value::null();
      ip = code->code.data() + h->handler;
      DISPATCH();
    }
    // No handler here: leave the frame.
    if (frame->gen != nullptr) finish_generator_frame(ts, frame);
    if (frame == entry) {
      ts.pop_frame();
      return Value::fail();
    }
    ts.pop_frame();
    LOAD_FRAME();
    frame->sp = sp;
    add_traceback(ts, frame);
  }

#undef LOAD_FRAME
#undef SYNC
#undef ROOT_UP_TO
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef ARG
#undef CONSTS
#undef NAME
#undef CHECK
#undef TARGET
#undef DISPATCH
#undef NEXT
}

}  // namespace gilvm
