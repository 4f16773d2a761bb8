// modules/pickle/opcodes.h — the pickle opcodes, by their names in
// Lib/pickletools.py (which documents each one's argument and stack effect),
// and the protocol that introduced each. Generated from pickletools.opcodes.
#pragma once

namespace gilvm::pickle {

enum Op : unsigned char {
  INT = 0x49,  // 'I', protocol 0
  BININT = 0x4a,  // 'J', protocol 1
  BININT1 = 0x4b,  // 'K', protocol 1
  BININT2 = 0x4d,  // 'M', protocol 1
  LONG = 0x4c,  // 'L', protocol 0
  LONG1 = 0x8a,  // '\x8a', protocol 2
  LONG4 = 0x8b,  // '\x8b', protocol 2
  STRING = 0x53,  // 'S', protocol 0
  BINSTRING = 0x54,  // 'T', protocol 1
  SHORT_BINSTRING = 0x55,  // 'U', protocol 1
  BINBYTES = 0x42,  // 'B', protocol 3
  SHORT_BINBYTES = 0x43,  // 'C', protocol 3
  BINBYTES8 = 0x8e,  // '\x8e', protocol 4
  BYTEARRAY8 = 0x96,  // '\x96', protocol 5
  NEXT_BUFFER = 0x97,  // '\x97', protocol 5
  READONLY_BUFFER = 0x98,  // '\x98', protocol 5
  NONE = 0x4e,  // 'N', protocol 0
  NEWTRUE = 0x88,  // '\x88', protocol 2
  NEWFALSE = 0x89,  // '\x89', protocol 2
  UNICODE = 0x56,  // 'V', protocol 0
  SHORT_BINUNICODE = 0x8c,  // '\x8c', protocol 4
  BINUNICODE = 0x58,  // 'X', protocol 1
  BINUNICODE8 = 0x8d,  // '\x8d', protocol 4
  FLOAT = 0x46,  // 'F', protocol 0
  BINFLOAT = 0x47,  // 'G', protocol 1
  EMPTY_LIST = 0x5d,  // ']', protocol 1
  APPEND = 0x61,  // 'a', protocol 0
  APPENDS = 0x65,  // 'e', protocol 1
  LIST = 0x6c,  // 'l', protocol 0
  EMPTY_TUPLE = 0x29,  // ')', protocol 1
  TUPLE = 0x74,  // 't', protocol 0
  TUPLE1 = 0x85,  // '\x85', protocol 2
  TUPLE2 = 0x86,  // '\x86', protocol 2
  TUPLE3 = 0x87,  // '\x87', protocol 2
  EMPTY_DICT = 0x7d,  // '}', protocol 1
  DICT = 0x64,  // 'd', protocol 0
  SETITEM = 0x73,  // 's', protocol 0
  SETITEMS = 0x75,  // 'u', protocol 1
  EMPTY_SET = 0x8f,  // '\x8f', protocol 4
  ADDITEMS = 0x90,  // '\x90', protocol 4
  FROZENSET = 0x91,  // '\x91', protocol 4
  POP = 0x30,  // '0', protocol 0
  DUP = 0x32,  // '2', protocol 0
  MARK = 0x28,  // '(', protocol 0
  POP_MARK = 0x31,  // '1', protocol 1
  GET = 0x67,  // 'g', protocol 0
  BINGET = 0x68,  // 'h', protocol 1
  LONG_BINGET = 0x6a,  // 'j', protocol 1
  PUT = 0x70,  // 'p', protocol 0
  BINPUT = 0x71,  // 'q', protocol 1
  LONG_BINPUT = 0x72,  // 'r', protocol 1
  MEMOIZE = 0x94,  // '\x94', protocol 4
  EXT1 = 0x82,  // '\x82', protocol 2
  EXT2 = 0x83,  // '\x83', protocol 2
  EXT4 = 0x84,  // '\x84', protocol 2
  GLOBAL = 0x63,  // 'c', protocol 0
  STACK_GLOBAL = 0x93,  // '\x93', protocol 4
  REDUCE = 0x52,  // 'R', protocol 0
  BUILD = 0x62,  // 'b', protocol 0
  INST = 0x69,  // 'i', protocol 0
  OBJ = 0x6f,  // 'o', protocol 1
  NEWOBJ = 0x81,  // '\x81', protocol 2
  NEWOBJ_EX = 0x92,  // '\x92', protocol 4
  PROTO = 0x80,  // '\x80', protocol 2
  STOP = 0x2e,  // '.', protocol 0
  FRAME = 0x95,  // '\x95', protocol 4
  PERSID = 0x50,  // 'P', protocol 0
  BINPERSID = 0x51,  // 'Q', protocol 1
};

}  // namespace gilvm::pickle
