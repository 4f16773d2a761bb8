// runtime/file.h — file objects: what open() returns and what sys.stdin,
// sys.stdout and sys.stderr are.
//
// One C++ struct, File, stands for CPython's whole io stack (FileIO under a
// BufferedReader/Writer under a TextIOWrapper): a raw file descriptor, one
// read buffer and one write buffer of bytes, and a mode. Text mode decodes and
// encodes UTF-8 (the only encoding gilvm knows); binary mode moves bytes.
// Its type is interp.types.file; repr() still says what CPython would
// (<_io.TextIOWrapper ...>, <_io.BufferedReader ...>).
//
// Blocking. Every system call that can block (read, write, open, close,
// lseek, isatty) lives in one small function in file.cpp (the sys_* helpers)
// that takes and returns plain bytes, never a Value. read, write, open and
// close run with the GIL released (ReleaseGil): a write sends bytes moved
// out of wbuf into a local string, a read fills a local buffer that is
// appended to rbuf after the GIL is back, so no heap object is touched
// while the GIL is released.
//
// Threads. Operations on one File are serialized by its `io_mu` (CPython's
// buffered-I/O lock): a read, readline, write, flush, seek or close holds it
// from start to end, across the GIL releases inside it, so concurrent
// print()s never interleave inside a line and concurrent readers get whole
// chunks in file order. The rule that keeps this deadlock-free: a thread
// that holds the GIL never *waits* for io_mu — it try_locks, and if another
// thread has it, releases the GIL for the wait. Holding io_mu while waiting
// for the GIL is therefore safe. io_mu is recursive: an operation may call
// another on the same File (write -> flush).
//
// Buffering, as CPython's:
//   * regular files: block-buffered (8 KiB);
//   * stdout: line-buffered on a terminal, block-buffered otherwise;
//   * stderr: line-buffered;
//   * writing to stderr first flushes stdout, and reading stdin first flushes
//     stdout, so output to a shared pipe or terminal interleaves in program
//     order (CPython gets the same from its traceback printer and input()).
// The interpreter must call flush_std_streams() before it exits (and before
// it prints a traceback to fd 2 by other means).
//
// Attributes closed/name/mode/... are getset rows in the type dict
// (vm/native.h), found by vm/attr.cpp as any class attribute.
#pragma once

#include <mutex>
#include <string>
#include <string_view>

#include "vm/object.h"

namespace gilvm {

struct Interpreter;
struct ThreadState;
struct FileRegistry;

struct File : Opaque {
  enum class Buffering : unsigned char { Block, Line, Unbuffered };

  int fd = -1;
  bool readable = false;
  bool writable = false;
  bool appending = false;
  bool binary = false;
  bool closefd = true;        // close(fd) on close() and when collected
  bool closed = false;
  bool is_stdout = false;     // fd 1 opened by the runtime (sys.stdout)
  bool is_stderr = false;     // fd 2 opened by the runtime (sys.stderr)
  bool is_stdin = false;      // fd 0 opened by the runtime (sys.stdin)
  bool seekable_cached = false, seekable = false;
  Buffering buffering = Buffering::Block;
  std::string mode;           // the mode attribute ('r', 'w+', 'rb', ...)
  std::string encoding_repr = "UTF-8";  // as repr() shows it
  Value name;                 // str path, or the int fd for open(fd)
  std::string rbuf;           // bytes read ahead of the program
  std::size_t rpos = 0;       // next unread byte of rbuf
  std::string wbuf;           // bytes written but not yet sent to fd
  bool eof_seen = false;      // the last read(2) returned 0 (terminals: one EOF per ^D)
  // Newlines in text mode (open()'s newline argument): with newline=None,
  // reading turns "\r\n" and "\r" into "\n" (universal newlines); with
  // newline="\r\n" or "\r", writing turns "\n" into it.
  bool translate_read = false;
  bool pending_cr = false;    // the last chunk read ended in '\r'
  std::string write_newline;  // empty: write '\n' as is
  FileRegistry* registry = nullptr;  // the open files list this file is on (open() files)
  std::recursive_mutex io_mu;  // serializes operations between threads (see above)

  explicit File(Type* t) : Opaque(t) {}
  ~File() override;           // flushes and closes (as CPython's dealloc)
  void trace(Tracer& t) override;
};

// A File is an Opaque of type interp.types.file (the core's attribute code
// tests that); other Opaques are other natives' payloads.
inline File* as_file(Value v) {
  return v.is_obj() && v.as_obj()->kind == Kind::Opaque ? dynamic_cast<File*>(v.as_obj()) : nullptr;
}

// Adds the file type's methods (called from init_builtins).
void init_file_type(Interpreter& interp);

// A File over an already open descriptor, for sys.stdin/stdout/stderr:
// fd 0/1/2 get the standard buffering and names '<stdin>' etc.
File* file_for_fd(ThreadState& ts, int fd, const char* mode, const char* name);

// open(file, mode='r', buffering=-1, encoding=None, errors=None,
//      newline=None, closefd=True): the builtin itself.
Value builtin_open(ThreadState& ts, Value self, const Args& a);
// open()'s signature, for its rows in builtins and the io module.
inline constexpr const char* kOpenSignature =
    "file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None";

// Writes text (text mode) or bytes (binary mode) through the buffer: the
// one place print() and write() end up. false with an exception pending.
bool file_write(ThreadState& ts, File* f, std::string_view data);
bool file_flush(ThreadState& ts, File* f);

// Reads one line (with its '\n', "" at EOF) from a readable File; nullopt
// with an exception pending.
bool file_readline(ThreadState& ts, File* f, std::int64_t limit, std::string& out);

// The current sys.stdout / sys.stderr / sys.stdin ("stdout" ...), as the
// program may have replaced them; None when sys has no such attribute.
// Creates the sys module if nothing has imported it yet. Fail on error.
Value sys_stream(ThreadState& ts, std::string_view which);
// sys's dict, creating and registering the module on first use (nullptr
// with an exception pending on failure).
Dict* sys_module_dict(ThreadState& ts);

// Flushes every file open() opened that has unwritten data. CPython closes
// a file as soon as its last reference goes (open(p, 'w').write(s) is
// complete on the next line); gilvm's collector runs later, so open() calls
// this first, and so may any native that lets another party read files
// (os, subprocess). Errors are ignored.
void flush_all_files(Interpreter& interp);

// In the child of fork() (vm/fork.cpp): every open file's and standard
// stream's io_mu is constructed anew, since a thread that no longer exists
// in the child may have held it at the moment of the fork.
void reinit_file_locks_after_fork(ThreadState& ts);

// Flushes sys.stdout and sys.stderr (the current ones and the originals).
// Errors are ignored, as at interpreter exit. For the CLI's exit path and
// the traceback printer.
void flush_std_streams(ThreadState& ts);
// Flushes the original stdout File only: before writing to fd 2 directly.
void flush_stdout(ThreadState& ts);

// Raises OSError for an errno value: the subclass CPython picks
// (FileNotFoundError for ENOENT, ...), args (errno, strerror), str
// "[Errno 2] No such file or directory: 'x.txt'" when filename is given,
// attributes errno, strerror, filename.
Value raise_os_error(ThreadState& ts, int err, Value filename = Value::null());

// The io module (io.open, io.UnsupportedOperation, io.TextIOWrapper ...).
bool init_io_module(ThreadState& ts, Dict* d);

}  // namespace gilvm
