/* openssl_cipher.c -- openssl.so, the small part of CRuby's openssl extension
 * that maglev provides: OpenSSL::Cipher (symmetric ciphers by name over
 * libcrypto's EVP, including the AEAD tag of GCM modes), under lib/openssl.rb
 * (OpenSSL::Digest, HMAC, Random and the error classes, in Ruby over digest.so).
 * No SSL/TLS, X509 or PKey: OpenSSL::SSL is not defined. */
#include "ext.h"
#include "../core/core.h"
#include <string.h>
#include <openssl/evp.h>
#include <openssl/err.h>

typedef struct {
    EVP_CIPHER_CTX *ctx;
    const EVP_CIPHER *cipher;
    bool key_set;
} Cipher;

static RClass *cCipher, *eCipherError;

static void
cipher_free(void *p)
{
    Cipher *c = p;
    if (c->ctx) EVP_CIPHER_CTX_free(c->ctx);
    mg_free(c, sizeof *c);
}

static size_t
cipher_memsize(const void *p)
{
    return sizeof(Cipher);
}

static const DataType cipher_type = { "OpenSSL::Cipher", NULL, cipher_free, cipher_memsize };

static Value
cipher_alloc(RClass *klass)
{
    Cipher *c = mg_calloc(1, sizeof *c);
    return mg_data_new(klass, &cipher_type, c);
}

static Cipher *
get(Value self)
{
    Cipher *c = mg_data_check(self, &cipher_type);
    if (!c->ctx) mg_raise(mg_eRuntimeError, "Cipher not initialized!");
    return c;
}

static NORETURN void
raise_ossl(const char *what)
{
    unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (e) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        mg_raise(eCipherError, "%s", buf);
    }
    mg_raise(eCipherError, "%s", what);
}

/* Cipher.new("aes-256-gcm") */
static Value
cipher_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Cipher *c = mg_data_check(self, &cipher_type);
    Value name = mg_to_str(argv[0]);
    const EVP_CIPHER *ci = EVP_get_cipherbyname(mg_str_cstr(name));
    if (!ci) mg_raise(mg_eRuntimeError, "unsupported cipher algorithm (%s)", mg_str_cstr(name));
    if (!c->ctx && !(c->ctx = EVP_CIPHER_CTX_new())) mg_raise_nomem();
    c->cipher = ci;
    if (EVP_CipherInit_ex(c->ctx, ci, NULL, NULL, NULL, -1) != 1) raise_ossl("EVP_CipherInit_ex");
    return self;
}

static Value
cipher_mode(Value self, int enc)
{
    Cipher *c = get(self);
    if (EVP_CipherInit_ex(c->ctx, NULL, NULL, NULL, NULL, enc) != 1) raise_ossl("EVP_CipherInit_ex");
    return self;
}

static Value
cipher_encrypt(Value self, int argc, const Value *argv, Value blk) { return cipher_mode(self, 1); }

static Value
cipher_decrypt(Value self, int argc, const Value *argv, Value blk) { return cipher_mode(self, 0); }

static Value
cipher_set_key(Value self, int argc, const Value *argv, Value blk)
{
    Cipher *c = get(self);
    Value key = mg_to_str(argv[0]);
    int need = EVP_CIPHER_CTX_key_length(c->ctx);
    if (mg_str_len(key) != need) mg_raise(mg_eArgumentError, "key must be %d bytes", need);
    if (EVP_CipherInit_ex(c->ctx, NULL, NULL, (const unsigned char *)mg_str_ptr(key), NULL, -1) != 1) raise_ossl("key=");
    c->key_set = true;
    return argv[0];
}

static Value
cipher_set_iv(Value self, int argc, const Value *argv, Value blk)
{
    Cipher *c = get(self);
    Value iv = mg_to_str(argv[0]);
    int need = EVP_CIPHER_CTX_iv_length(c->ctx);
    if (mg_str_len(iv) != need) mg_raise(mg_eArgumentError, "iv must be %d bytes", need);
    if (EVP_CipherInit_ex(c->ctx, NULL, NULL, NULL, (const unsigned char *)mg_str_ptr(iv), -1) != 1) raise_ossl("iv=");
    return argv[0];
}

static Value
cipher_set_iv_len(Value self, int argc, const Value *argv, Value blk)
{
    Cipher *c = get(self);
    int n = (int)mg_num2long(argv[0]);
    if (EVP_CIPHER_CTX_ctrl(c->ctx, EVP_CTRL_AEAD_SET_IVLEN, n, NULL) != 1) raise_ossl("iv_len=");
    return argv[0];
}

static Value
cipher_key_len(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(EVP_CIPHER_CTX_key_length(get(self)->ctx));
}

static Value
cipher_iv_len(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(EVP_CIPHER_CTX_iv_length(get(self)->ctx));
}

static Value
cipher_block_size(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(EVP_CIPHER_CTX_block_size(get(self)->ctx));
}

static Value
cipher_name(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_new_cstr(EVP_CIPHER_name(get(self)->cipher));
}

static Value
cipher_set_padding(Value self, int argc, const Value *argv, Value blk)
{
    EVP_CIPHER_CTX_set_padding(get(self)->ctx, (int)mg_num2long(argv[0]));
    return argv[0];
}

/* auth_data=: the additional authenticated data of an AEAD mode */
static Value
cipher_set_auth_data(Value self, int argc, const Value *argv, Value blk)
{
    Cipher *c = get(self);
    Value ad = mg_to_str(argv[0]);
    int outl = 0;
    if (EVP_CipherUpdate(c->ctx, NULL, &outl, (const unsigned char *)mg_str_ptr(ad), (int)mg_str_len(ad)) != 1)
        raise_ossl("auth_data=");
    return argv[0];
}

static Value
cipher_auth_tag(Value self, int argc, const Value *argv, Value blk)
{
    Cipher *c = get(self);
    int len = argc > 0 ? (int)mg_num2long(argv[0]) : 16;
    unsigned char tag[64];
    if (len <= 0 || len > (int)sizeof tag) mg_raise(mg_eArgumentError, "invalid tag length");
    if (EVP_CIPHER_CTX_ctrl(c->ctx, EVP_CTRL_AEAD_GET_TAG, len, tag) != 1)
        mg_raise(eCipherError, "retrieving the authentication tag failed");
    return mg_str_new_enc((const char *)tag, (size_t)len, ENC_BINARY);
}

static Value
cipher_set_auth_tag(Value self, int argc, const Value *argv, Value blk)
{
    Cipher *c = get(self);
    Value tag = mg_to_str(argv[0]);
    if (EVP_CIPHER_CTX_ctrl(c->ctx, EVP_CTRL_AEAD_SET_TAG, (int)mg_str_len(tag), (void *)mg_str_ptr(tag)) != 1)
        mg_raise(eCipherError, "unable to set AEAD tag");
    return argv[0];
}

static Value
cipher_update(Value self, int argc, const Value *argv, Value blk)
{
    Cipher *c = get(self);
    Value data = mg_to_str(argv[0]);
    if (mg_str_len(data) == 0) mg_raise(mg_eArgumentError, "data must not be empty");
    if (!c->key_set) mg_raise(eCipherError, "key not set");
    size_t n = (size_t)mg_str_len(data);
    size_t cap = n + (size_t)EVP_CIPHER_CTX_block_size(c->ctx) + 16;
    unsigned char *out = mg_malloc(cap);
    int outl = 0;
    int ok = EVP_CipherUpdate(c->ctx, out, &outl, (const unsigned char *)mg_str_ptr(data), (int)n);
    Value s = ok == 1 ? mg_str_new_enc((const char *)out, (size_t)outl, ENC_BINARY) : MG_NIL;
    mg_free(out, cap);
    if (ok != 1) raise_ossl("EVP_CipherUpdate");
    return s;
}

static Value
cipher_final(Value self, int argc, const Value *argv, Value blk)
{
    Cipher *c = get(self);
    unsigned char out[64];
    int outl = 0;
    if (EVP_CipherFinal_ex(c->ctx, out, &outl) != 1) {
        ERR_clear_error();
        mg_raise(eCipherError, "%s", "");   /* CRuby: an empty message for a bad decrypt / tag */
    }
    return mg_str_new_enc((const char *)out, (size_t)outl, ENC_BINARY);
}

void
mg_ext_init_openssl(void)
{
    RClass *mOpenSSL = mg_define_module("OpenSSL");
    Value err = mg_const_get_at(mOpenSSL, mg_intern_cstr("OpenSSLError"));
    RClass *eOpenSSLError = err != MG_UNDEF ? MG_RCLASS(err) : mg_define_class_under(mOpenSSL, "OpenSSLError", mg_eStandardError);
    cCipher = mg_define_class_under(mOpenSSL, "Cipher", mg_cObject);
    eCipherError = mg_define_class_under(cCipher, "CipherError", eOpenSSLError);
    mg_define_alloc_func(cCipher, cipher_alloc);
    mg_define_method(cCipher, "initialize", cipher_initialize, 1, 1);
    mg_define_method(cCipher, "encrypt", cipher_encrypt, 0, 0);
    mg_define_method(cCipher, "decrypt", cipher_decrypt, 0, 0);
    mg_define_method(cCipher, "key=", cipher_set_key, 1, 1);
    mg_define_method(cCipher, "iv=", cipher_set_iv, 1, 1);
    mg_define_method(cCipher, "iv_len=", cipher_set_iv_len, 1, 1);
    mg_define_method(cCipher, "key_len", cipher_key_len, 0, 0);
    mg_define_method(cCipher, "iv_len", cipher_iv_len, 0, 0);
    mg_define_method(cCipher, "block_size", cipher_block_size, 0, 0);
    mg_define_method(cCipher, "name", cipher_name, 0, 0);
    mg_define_method(cCipher, "padding=", cipher_set_padding, 1, 1);
    mg_define_method(cCipher, "auth_data=", cipher_set_auth_data, 1, 1);
    mg_define_method(cCipher, "auth_tag", cipher_auth_tag, 0, 1);
    mg_define_method(cCipher, "auth_tag=", cipher_set_auth_tag, 1, 1);
    mg_define_method(cCipher, "update", cipher_update, 1, 2);
    mg_define_method(cCipher, "<<", cipher_update, 1, 1);
    mg_define_method(cCipher, "final", cipher_final, 0, 0);
}
