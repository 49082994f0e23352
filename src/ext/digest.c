/* digest.c -- digest.so and digest/{md5,sha1,sha2}.so: Digest::Base and the
 * MD5, SHA1, SHA256, SHA384 and SHA512 classes, under Debian's digest.rb and
 * digest/sha2.rb. The hashing is OpenSSL's libcrypto (EVP); Digest::Instance
 * and Digest::Class are a few lines of Ruby over the C update / finish / reset
 * of Digest::Base. */
#include "ext.h"
#include "../core/core.h"
#include <string.h>
#include <openssl/evp.h>

typedef enum { ALG_MD5, ALG_SHA1, ALG_SHA256, ALG_SHA384, ALG_SHA512 } Alg;

typedef struct {
    Alg alg;
    EVP_MD_CTX *md;          /* owned; freed with the object */
} Ctx;

static const struct { const char *name; size_t block, out; } algs[] = {
    { "MD5", 64, 16 }, { "SHA1", 64, 20 }, { "SHA256", 64, 32 }, { "SHA384", 128, 48 }, { "SHA512", 128, 64 },
};

static const EVP_MD *
evp_of(Alg a)
{
    switch (a) {
    case ALG_MD5: return EVP_md5();
    case ALG_SHA1: return EVP_sha1();
    case ALG_SHA256: return EVP_sha256();
    case ALG_SHA384: return EVP_sha384();
    case ALG_SHA512: return EVP_sha512();
    }
    return EVP_sha256();
}

static void
ctx_reset(Ctx *c)
{
    if (!c->md && !(c->md = EVP_MD_CTX_new())) mg_raise_nomem();
    if (EVP_DigestInit_ex(c->md, evp_of(c->alg), NULL) != 1)
        mg_raise(mg_eRuntimeError, "Digest::%s: initialization failed", algs[c->alg].name);
}

static void
ctx_update(Ctx *c, const unsigned char *p, size_t n)
{
    if (EVP_DigestUpdate(c->md, p, n) != 1) mg_raise(mg_eRuntimeError, "Digest::%s: update failed", algs[c->alg].name);
}

/* The digest of what was fed so far; c itself can go on being updated. */
static void
ctx_final(const Ctx *c, unsigned char *out)
{
    EVP_MD_CTX *tmp = EVP_MD_CTX_new();
    if (!tmp) mg_raise_nomem();
    unsigned len = 0;
    int ok = EVP_MD_CTX_copy_ex(tmp, c->md) == 1 && EVP_DigestFinal_ex(tmp, out, &len) == 1;
    EVP_MD_CTX_free(tmp);
    if (!ok) mg_raise(mg_eRuntimeError, "Digest::%s: finish failed", algs[c->alg].name);
}

static void
ctx_free(void *p)
{
    Ctx *c = p;
    EVP_MD_CTX_free(c->md);
    c->md = NULL;
}

/* ---- Ruby side ---- */

static const DataType digest_type = { "Digest::Base", NULL, ctx_free, NULL };
static RClass *mDigest, *cBase, *alg_classes[5];

static Ctx *
get(Value self)
{
    Ctx *c = mg_data_get(self, &digest_type);
    if (!c) mg_raise(mg_eNotImplementedError, "Digest::Base is an abstract class");
    return c;
}

static Value
digest_alloc(RClass *klass)
{
    int alg = -1;
    for (RClass *k = klass; k && alg < 0; k = k->super)
        for (int i = 0; i < 5; i++) if (alg_classes[i] == k) { alg = i; break; }
    if (alg < 0) mg_raise(mg_eNotImplementedError, "Digest::Base is an abstract class");
    void *p;
    Value v = mg_data_new_inline(klass, &digest_type, sizeof(Ctx), &p);
    Ctx *c = p;
    c->alg = (Alg)alg;
    ctx_reset(c);
    return v;
}

static Value
base_update(Value self, int argc, const Value *argv, Value blk)
{
    Value s = mg_to_str(argv[0]);
    ctx_update(get(self), (const unsigned char *)mg_str_ptr(s), (size_t)mg_str_len(s));
    return self;
}

static Value
base_finish(Value self, int argc, const Value *argv, Value blk)
{
    Ctx *c = get(self);
    unsigned char out[64];
    ctx_final(c, out);
    return mg_str_new_enc((const char *)out, algs[c->alg].out, ENC_BINARY);
}

static Value
base_reset(Value self, int argc, const Value *argv, Value blk)
{
    ctx_reset(get(self));
    return self;
}

static Value
base_digest_length(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(algs[get(self)->alg].out);
}

static Value
base_block_length(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(algs[get(self)->alg].block);
}

static Value
base_initialize_copy(Value self, int argc, const Value *argv, Value blk)
{
    Ctx *d = get(self), *o = get(argv[0]);
    d->alg = o->alg;
    if (!d->md && !(d->md = EVP_MD_CTX_new())) mg_raise_nomem();
    if (EVP_MD_CTX_copy_ex(d->md, o->md) != 1) mg_raise(mg_eRuntimeError, "Digest: copy failed");
    return self;
}

static const char digest_rb[] =
    "module Digest\n"
    "  def self.hexencode(s) = s.to_str.unpack1('H*')\n"
    "  module Instance\n"
    "    def update(s) = raise(RuntimeError, \"#{self.class} does not implement update()\")\n"
    "    def <<(s) = update(s)\n"
    "    def digest(str = nil)\n"
    "      return clone.__send__(:finish) unless str\n"
    "      reset\n"
    "      update(str)\n"
    "      value = finish\n"
    "      reset\n"
    "      value\n"
    "    end\n"
    "    def digest!\n"
    "      value = finish\n"
    "      reset\n"
    "      value\n"
    "    end\n"
    "    def hexdigest(str = nil) = Digest.hexencode(digest(str))\n"
    "    def hexdigest! = Digest.hexencode(digest!)\n"
    "    def to_s = hexdigest\n"
    "    def inspect = \"#<#{self.class.name}: #{hexdigest}>\"\n"
    "    def ==(other)\n"
    "      return digest == other.digest if other.is_a?(Digest::Instance)\n"
    "      str = other.respond_to?(:to_str) ? other.to_str : (return false)\n"
    "      to_s == str\n"
    "    end\n"
    "    def length = digest_length\n"
    "    def size = digest_length\n"
    "    def digest_length = digest.bytesize\n"
    "    def block_length = raise(RuntimeError, \"#{self.class} does not implement block_length()\")\n"
    "    def new = clone.reset\n"
    "  end\n"
    "  class Class\n"
    "    include Instance\n"
    "    def self.digest(str, *args) = new(*args).digest(str)\n"
    "    def self.hexdigest(str, *args) = Digest.hexencode(digest(str, *args))\n"
    "  end\n"
    "end\n";

static void
define_base(void)
{
    if (cBase) return;
    Value d = mg_const_get_at(mg_cObject, mg_intern_cstr("Digest"));
    mDigest = d != MG_UNDEF && MG_IS_CLASS_OR_MODULE(d) ? MG_RCLASS(d) : mg_define_module("Digest");
    mg_define_module_under(mDigest, "Instance");
    mg_eval_string(digest_rb, sizeof digest_rb - 1, "digest.so", 1);
    RClass *klass = MG_RCLASS(mg_const_get_at(mDigest, mg_intern_cstr("Class")));
    cBase = mg_define_class_under(mDigest, "Base", klass);
    mg_define_method(cBase, "update", base_update, 1, 1);
    mg_define_method(cBase, "<<", base_update, 1, 1);
    mg_define_private_method(cBase, "finish", base_finish, 0, 0);
    mg_define_method(cBase, "reset", base_reset, 0, 0);
    mg_define_method(cBase, "digest_length", base_digest_length, 0, 0);
    mg_define_method(cBase, "block_length", base_block_length, 0, 0);
    mg_define_method(cBase, "initialize_copy", base_initialize_copy, 1, 1);
}

static void
define_alg(Alg a)
{
    mg_require("digest");     /* Debian's digest.rb: Digest::Instance#file, Digest(), const_missing */
    define_base();
    if (alg_classes[a]) return;
    RClass *c = mg_define_class_under(mDigest, algs[a].name, cBase);
    alg_classes[a] = c;
    mg_define_alloc_func(c, digest_alloc);
}

void mg_ext_init_digest(void) { define_base(); }
void mg_ext_init_digest_md5(void) { define_alg(ALG_MD5); }
void mg_ext_init_digest_sha1(void) { define_alg(ALG_SHA1); }
void mg_ext_init_digest_sha2(void) { define_alg(ALG_SHA256); define_alg(ALG_SHA384); define_alg(ALG_SHA512); }
