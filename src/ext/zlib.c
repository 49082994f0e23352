/* zlib.c -- zlib over the system libz: Zlib.crc32 / adler32, one-shot
 * Zlib.deflate / inflate (and Zlib::Deflate.deflate / Zlib::Inflate.inflate),
 * Zlib.gzip / gunzip, and Zlib::GzipWriter / GzipReader over an IO-like
 * object (whole-stream: the writer compresses at close/finish, the reader
 * inflates everything on open). Streaming Deflate/Inflate objects with
 * << / finish are provided over the same one-shot core. */
#include "ext.h"
#include "../core/core.h"
#include <zlib.h>
#include <string.h>

static RClass *mZlib, *eZError, *eDataError, *eBufError, *eStreamError, *eGzError;

NORETURN static void
zraise(int code, const char *msg)
{
    RClass *c = code == Z_DATA_ERROR ? eDataError : code == Z_BUF_ERROR ? eBufError :
                code == Z_STREAM_ERROR ? eStreamError : eZError;
    mg_raise(c, "%s", msg ? msg : "zlib error");
}

static Value
z_crc32(Value self, int argc, const Value *argv, Value blk)
{
    uLong crc = argc > 1 && argv[1] != MG_NIL ? (uLong)mg_num2long(argv[1]) : crc32(0, Z_NULL, 0);
    if (argc == 0 || argv[0] == MG_NIL) return mg_int_new((int64_t)crc);
    Value s = mg_to_str(argv[0]);
    crc = crc32(crc, (const Bytef *)mg_str_ptr(s), (uInt)mg_str_len(s));
    return mg_int_new((int64_t)crc);
}

static Value
z_adler32(Value self, int argc, const Value *argv, Value blk)
{
    uLong a = argc > 1 && argv[1] != MG_NIL ? (uLong)mg_num2long(argv[1]) : adler32(0, Z_NULL, 0);
    if (argc == 0 || argv[0] == MG_NIL) return mg_int_new((int64_t)a);
    Value s = mg_to_str(argv[0]);
    a = adler32(a, (const Bytef *)mg_str_ptr(s), (uInt)mg_str_len(s));
    return mg_int_new((int64_t)a);
}

/* deflate src with windowBits wbits (15 zlib, 31 gzip, -15 raw) */
static Value
do_deflate(Value src, int level, int wbits)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    int r = deflateInit2(&z, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
    if (r != Z_OK) zraise(r, z.msg);
    uLong bound = deflateBound(&z, (uLong)mg_str_len(src)) + 32;
    char *buf = malloc(bound);
    z.next_in = (Bytef *)mg_str_ptr(src);
    z.avail_in = (uInt)mg_str_len(src);
    z.next_out = (Bytef *)buf;
    z.avail_out = (uInt)bound;
    r = deflate(&z, Z_FINISH);
    size_t n = bound - z.avail_out;
    deflateEnd(&z);
    if (r != Z_STREAM_END) { free(buf); zraise(r, "deflate failed"); }
    Value out = mg_str_new_enc(buf, n, ENC_BINARY);
    free(buf);
    return out;
}

static Value
do_inflate(Value src, int wbits)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    int r = inflateInit2(&z, wbits);
    if (r != Z_OK) zraise(r, z.msg);
    size_t cap = (size_t)mg_str_len(src) * 4 + 64, n = 0;
    char *buf = malloc(cap);
    z.next_in = (Bytef *)mg_str_ptr(src);
    z.avail_in = (uInt)mg_str_len(src);
    for (;;) {
        if (n == cap) { cap *= 2; buf = realloc(buf, cap); }
        z.next_out = (Bytef *)buf + n;
        z.avail_out = (uInt)(cap - n);
        r = inflate(&z, Z_NO_FLUSH);
        n = cap - z.avail_out;
        if (r == Z_STREAM_END) break;
        if (r == Z_BUF_ERROR && z.avail_in == 0) { r = Z_BUF_ERROR; break; }
        if (r != Z_OK && r != Z_BUF_ERROR) break;
    }
    char msg[128];
    snprintf(msg, sizeof msg, "%s", z.msg ? z.msg : (r == Z_BUF_ERROR ? "buffer error" : "invalid compressed data"));
    inflateEnd(&z);
    if (r != Z_STREAM_END) { free(buf); zraise(r, msg); }
    Value out = mg_str_new_enc(buf, n, ENC_BINARY);
    free(buf);
    return out;
}

static int
level_arg(int argc, const Value *argv, int i)
{
    return argc > i && argv[i] != MG_NIL ? (int)mg_num2long(argv[i]) : Z_DEFAULT_COMPRESSION;
}

static Value
z_deflate(Value self, int argc, const Value *argv, Value blk)
{
    return do_deflate(mg_to_str(argv[0]), level_arg(argc, argv, 1), MAX_WBITS);
}

static Value
z_inflate(Value self, int argc, const Value *argv, Value blk)
{
    return do_inflate(mg_to_str(argv[0]), MAX_WBITS + 32);   /* zlib or gzip header, detected */
}

static Value
z_gzip(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    int level = Z_DEFAULT_COMPRESSION;
    if (kw != MG_NIL) {
        Value v = mg_hash_lookup(kw, mg_sym("level"));
        if (v != MG_UNDEF && v != MG_NIL) level = (int)mg_num2long(v);
    }
    return do_deflate(mg_to_str(argv[0]), level, MAX_WBITS + 16);
}

static Value
z_gunzip(Value self, int argc, const Value *argv, Value blk)
{
    Value s = mg_to_str(argv[0]);
    if (mg_str_len(s) < 10) mg_raise(eGzError, "unexpected end of string");
    if ((unsigned char)mg_str_ptr(s)[0] != 0x1f || (unsigned char)mg_str_ptr(s)[1] != 0x8b)
        mg_raise(eGzError, "not in gzip format");
    return do_inflate(s, MAX_WBITS + 16);
}

static const char zlib_rb[] =
    "module Zlib\n"
    "  class ZStream\n"
    "    def initialize = (@in = +''.b; @closed = false)\n"
    "    def <<(s) = (@in << s.to_s.b; self)\n"
    "    def closed? = @closed\n"
    "    alias ended? closed?\n"
    "    def close = (@closed = true; nil)\n"
    "    alias end close\n"
    "    def finished? = @closed\n"
    "  end\n"
    "  class Deflate < ZStream\n"
    "    def self.deflate(s, level = nil) = Zlib.deflate(s, level)\n"
    "    def initialize(level = nil, *) = (super(); @level = level)\n"
    "    def deflate(s, flush = NO_FLUSH)\n"
    "      self << s\n"
    "      flush == FINISH ? finish : +''.b\n"
    "    end\n"
    "    def finish = (out = Zlib.deflate(@in, @level); @in = +''.b; out)\n"
    "  end\n"
    "  class Inflate < ZStream\n"
    "    def self.inflate(s) = Zlib.inflate(s)\n"
    "    def initialize(*) = super()\n"
    "    def inflate(s)\n"
    "      self << s if s\n"
    "      out = Zlib.inflate(@in)\n"
    "      @in = +''.b\n"
    "      out\n"
    "    end\n"
    "    def finish = @in.empty? ? +''.b : inflate(nil)\n"
    "  end\n"
    "  class GzipFile\n"
    "    def self.wrap(*args, **kw)\n"
    "      gz = new(*args, **kw)\n"
    "      return gz unless block_given?\n"
    "      begin\n"
    "        yield gz\n"
    "      ensure\n"
    "        gz.close unless gz.closed?\n"
    "      end\n"
    "    end\n"
    "    attr_accessor :orig_name, :comment, :mtime\n"
    "    def to_io = @io\n"
    "    def closed? = @closed\n"
    "    def sync = false\n"
    "  end\n"
    "  class GzipWriter < GzipFile\n"
    "    def self.open(path, level = nil, *rest, &b) = wrap(File.open(path, 'wb'), level, &b)\n"
    "    def initialize(io, level = nil, *rest, **kw)\n"
    "      @io = io; @level = level; @buf = +''.b; @closed = false\n"
    "    end\n"
    "    def write(*strs) = strs.sum { |s| s = s.to_s; @buf << s.b; s.bytesize }\n"
    "    def <<(s) = (write(s); self)\n"
    "    def print(*a) = (a.each { |s| write(s) }; nil)\n"
    "    def puts(*a)\n"
    "      a = [''] if a.empty?\n"
    "      a.flatten.each { |s| s = s.to_s; write(s); write(\"\\n\") unless s.end_with?(\"\\n\") }\n"
    "      nil\n"
    "    end\n"
    "    def printf(*a) = (write(format(*a)); nil)\n"
    "    def putc(c) = (write(c.is_a?(Integer) ? c.chr : c.to_s[0]); c)\n"
    "    def flush(*) = self\n"
    "    def finish\n"
    "      @io.write(Zlib.gzip(@buf, level: @level))\n"
    "      @closed = true\n"
    "      @io\n"
    "    end\n"
    "    def close\n"
    "      io = finish\n"
    "      io.close if io.respond_to?(:close)\n"
    "      io\n"
    "    end\n"
    "  end\n"
    "  class GzipReader < GzipFile\n"
    "    include Enumerable\n"
    "    def self.open(path, *rest, &b) = wrap(File.open(path, 'rb'), &b)\n"
    "    def self.zcat(io, **kw) = new(io).read\n"
    "    def initialize(io, *rest, **kw)\n"
    "      @io = io\n"
    "      @data = StringIO.new(Zlib.gunzip(io.read).force_encoding(kw[:external_encoding] || Encoding.default_external))\n"
    "      @closed = false\n"
    "    end\n"
    "    %i[read gets readline readlines each_line each getc readchar getbyte readbyte each_byte each_char eof? eof pos tell rewind lineno lineno= ungetc ungetbyte readpartial].each do |m|\n"
    "      define_method(m) { |*a, **kw, &b| @data.__send__(m, *a, **kw, &b) }\n"
    "    end\n"
    "    def unused = nil\n"
    "    def finish = (@closed = true; @io)\n"
    "    def close\n"
    "      @closed = true\n"
    "      @io.close if @io.respond_to?(:close)\n"
    "      @io\n"
    "    end\n"
    "  end\n"
    "end\n";

void
mg_ext_init_zlib(void)
{
    mg_require("stringio");
    mZlib = mg_define_module("Zlib");
    mg_define_module_function(mZlib, "crc32", z_crc32, 0, 2);
    mg_define_module_function(mZlib, "adler32", z_adler32, 0, 2);
    mg_define_module_function(mZlib, "deflate", z_deflate, 1, 2);
    mg_define_module_function(mZlib, "inflate", z_inflate, 1, 1);
    mg_define_module_function(mZlib, "gzip", z_gzip, 1, -1);
    mg_define_module_function(mZlib, "gunzip", z_gunzip, 1, 1);
    eZError = mg_define_class_under(mZlib, "Error", mg_eStandardError);
    eStreamError = mg_define_class_under(mZlib, "StreamError", eZError);
    eDataError = mg_define_class_under(mZlib, "DataError", eZError);
    eBufError = mg_define_class_under(mZlib, "BufError", eZError);
    mg_define_class_under(mZlib, "MemError", eZError);
    mg_define_class_under(mZlib, "StreamEnd", eZError);
    mg_define_class_under(mZlib, "NeedDict", eZError);
    mg_define_class_under(mZlib, "VersionError", eZError);
    RClass *gzfile = mg_define_class_under(mZlib, "GzipFile", mg_cObject);
    eGzError = mg_define_class_under(gzfile, "Error", eZError);
    mg_define_class_under(gzfile, "NoFooter", eGzError);
    mg_define_class_under(gzfile, "CRCError", eGzError);
    mg_define_class_under(gzfile, "LengthError", eGzError);
    static const struct { const char *n; int v; } consts[] = {
        { "NO_COMPRESSION", Z_NO_COMPRESSION }, { "BEST_SPEED", Z_BEST_SPEED },
        { "BEST_COMPRESSION", Z_BEST_COMPRESSION }, { "DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION },
        { "NO_FLUSH", Z_NO_FLUSH }, { "SYNC_FLUSH", Z_SYNC_FLUSH }, { "FULL_FLUSH", Z_FULL_FLUSH },
        { "FINISH", Z_FINISH }, { "MAX_WBITS", MAX_WBITS }, { "BINARY", Z_BINARY }, { "TEXT", Z_TEXT },
        { "DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY }, { "FILTERED", Z_FILTERED }, { "HUFFMAN_ONLY", Z_HUFFMAN_ONLY },
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) mg_define_const(mZlib, consts[i].n, MG_FIX(consts[i].v));
    mg_define_const(mZlib, "VERSION", mg_str_freeze(mg_str_new_cstr("2.1.1")));
    mg_define_const(mZlib, "ZLIB_VERSION", mg_str_freeze(mg_str_new_cstr(ZLIB_VERSION)));
    mg_eval_string(zlib_rb, sizeof zlib_rb - 1, "zlib.so", 1);
}
