/* psych.c -- psych.so over libyaml: Psych::Parser#parse (libyaml events to the
 * handler's start_stream / scalar / start_mapping ... callbacks, as CRuby's psych
 * 4 sends them), Psych::Emitter (handler events to YAML text written to an IO),
 * and the two helpers the Ruby half needs (ClassLoader#path2class,
 * Visitors::ToRuby#build_exception). Everything else of YAML / Psych is
 * Debian's psych Ruby files, loaded unchanged. */
#include "ext.h"
#include "../core/core.h"
#include <yaml.h>
#include <string.h>

static RClass *mPsych, *cParser, *cEmitter, *cHandler;

static Value
ystr(const unsigned char *p)
{
    return p ? mg_str_new_cstr((const char *)p) : MG_NIL;
}

static Value
ystr_n(const unsigned char *p, size_t n)
{
    return p ? mg_str_new((const char *)p, n) : MG_NIL;
}

static ID
id(const char *s)
{
    return mg_intern_cstr(s);
}

/* ---- parser ---- */

typedef struct { yaml_parser_t *parser; Value handler; Value yaml; } ParseArg;

static Value
raise_syntax_error(yaml_parser_t *p, Value path)
{
    Value cls = mg_const_get_at(mPsych, id("SyntaxError"));
    Value args[6] = {
        path,
        MG_FIX((int64_t)p->context_mark.line + 1),
        MG_FIX((int64_t)p->context_mark.column + 1),
        MG_FIX((int64_t)p->problem_offset),
        p->problem ? mg_str_new_cstr(p->problem) : MG_NIL,
        p->context ? mg_str_new_cstr(p->context) : MG_NIL,
    };
    Value e = mg_funcall(cls, id("new"), 6, args);
    yaml_parser_delete(p);
    mg_raise_exc(e);
    return MG_NIL;
}

static Value
parser_parse(Value self, int argc, const Value *argv, Value blk)
{
    Value yaml = argv[0];
    Value path = argc > 1 ? argv[1] : MG_NIL;
    if (path == MG_NIL && mg_respond_to(yaml, id("path"), false)) path = mg_funcall(yaml, id("path"), 0, NULL);
    if (!MG_IS_STRING(yaml)) {
        if (mg_respond_to(yaml, id("read"), false)) yaml = mg_funcall(yaml, id("read"), 0, NULL);
        yaml = mg_to_str(yaml);
    }
    mg_gc_protect(yaml);
    Value handler = mg_ivar_get(self, id("@handler"));
    mg_gc_protect(handler);
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)mg_str_ptr(yaml), (size_t)mg_str_len(yaml));
    for (bool done = false; !done;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) raise_syntax_error(&parser, path);
        Value loc[4] = { MG_FIX((int64_t)ev.start_mark.line), MG_FIX((int64_t)ev.start_mark.column),
                         MG_FIX((int64_t)ev.end_mark.line), MG_FIX((int64_t)ev.end_mark.column) };
        mg_funcall(handler, id("event_location"), 4, loc);
        switch (ev.type) {
        case YAML_STREAM_START_EVENT: {
            Value enc = MG_FIX(ev.data.stream_start.encoding == YAML_UTF16LE_ENCODING ? 2 :
                               ev.data.stream_start.encoding == YAML_UTF16BE_ENCODING ? 3 : 1);
            mg_funcall(handler, id("start_stream"), 1, &enc);
            break;
        }
        case YAML_DOCUMENT_START_EVENT: {
            Value version = mg_ary_new();
            if (ev.data.document_start.version_directive) {
                mg_ary_push(version, MG_FIX(ev.data.document_start.version_directive->major));
                mg_ary_push(version, MG_FIX(ev.data.document_start.version_directive->minor));
            }
            Value tags = mg_ary_new();
            for (yaml_tag_directive_t *t = ev.data.document_start.tag_directives.start;
                 t && t < ev.data.document_start.tag_directives.end; t++)
                mg_ary_push(tags, mg_ary_new_from(2, (Value[]){ ystr(t->handle), ystr(t->prefix) }));
            Value a[3] = { version, tags, MG_BOOL(ev.data.document_start.implicit) };
            mg_funcall(handler, id("start_document"), 3, a);
            break;
        }
        case YAML_DOCUMENT_END_EVENT: {
            Value imp = MG_BOOL(ev.data.document_end.implicit);
            mg_funcall(handler, id("end_document"), 1, &imp);
            break;
        }
        case YAML_ALIAS_EVENT: {
            Value a = ystr(ev.data.alias.anchor);
            mg_funcall(handler, id("alias"), 1, &a);
            break;
        }
        case YAML_SCALAR_EVENT: {
            Value a[6] = { ystr_n(ev.data.scalar.value, ev.data.scalar.length), ystr(ev.data.scalar.anchor),
                           ystr(ev.data.scalar.tag), MG_BOOL(ev.data.scalar.plain_implicit),
                           MG_BOOL(ev.data.scalar.quoted_implicit), MG_FIX(ev.data.scalar.style) };
            mg_funcall(handler, id("scalar"), 6, a);
            break;
        }
        case YAML_SEQUENCE_START_EVENT: {
            Value a[4] = { ystr(ev.data.sequence_start.anchor), ystr(ev.data.sequence_start.tag),
                           MG_BOOL(ev.data.sequence_start.implicit), MG_FIX(ev.data.sequence_start.style) };
            mg_funcall(handler, id("start_sequence"), 4, a);
            break;
        }
        case YAML_SEQUENCE_END_EVENT: mg_funcall(handler, id("end_sequence"), 0, NULL); break;
        case YAML_MAPPING_START_EVENT: {
            Value a[4] = { ystr(ev.data.mapping_start.anchor), ystr(ev.data.mapping_start.tag),
                           MG_BOOL(ev.data.mapping_start.implicit), MG_FIX(ev.data.mapping_start.style) };
            mg_funcall(handler, id("start_mapping"), 4, a);
            break;
        }
        case YAML_MAPPING_END_EVENT: mg_funcall(handler, id("end_mapping"), 0, NULL); break;
        case YAML_NO_EVENT: mg_funcall(handler, id("empty"), 0, NULL); break;
        case YAML_STREAM_END_EVENT:
            mg_funcall(handler, id("end_stream"), 0, NULL);
            done = true;
            break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    return self;
}

static Value
parser_mark(Value self, int argc, const Value *argv, Value blk)
{
    Value mark = mg_const_get_at(cParser, id("Mark"));
    Value a[3] = { MG_FIX(0), MG_FIX(0), MG_FIX(0) };
    return mg_funcall(mark, id("new"), 3, a);
}

/* ---- emitter ---- */

typedef struct {
    yaml_emitter_t emitter;
    Value io;
    bool ready;
} Emit;

static void
emit_mark(void *p)
{
    mg_gc_mark(((Emit *)p)->io);
}

static void
emit_free(void *p)
{
    Emit *e = p;
    if (e->ready) yaml_emitter_delete(&e->emitter);
    free(e);
}

static const DataType emit_type = { "Psych::Emitter", emit_mark, emit_free, NULL };

static int
write_handler(void *data, unsigned char *buf, size_t size)
{
    Emit *e = data;
    Value s = mg_str_new((const char *)buf, size);
    mg_funcall(e->io, id("write"), 1, &s);
    return 1;
}

static Value
emitter_alloc(RClass *klass)
{
    Emit *e = calloc(1, sizeof *e);
    e->io = MG_NIL;
    return mg_data_new(klass, &emit_type, e);
}

static Emit *
eget(Value self)
{
    Emit *e = mg_data_check(self, &emit_type);
    if (!e->ready) mg_raise(mg_eRuntimeError, "uninitialized emitter");
    return e;
}

static Value
emitter_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Emit *e = mg_data_check(self, &emit_type);
    if (e->ready) yaml_emitter_delete(&e->emitter);
    yaml_emitter_initialize(&e->emitter);
    e->ready = true;
    e->io = argv[0];
    yaml_emitter_set_unicode(&e->emitter, 1);
    yaml_emitter_set_indent(&e->emitter, 2);
    if (argc > 1 && argv[1] != MG_NIL) {
        Value o = argv[1];
        Value w = mg_funcall(o, id("line_width"), 0, NULL);
        Value ind = mg_funcall(o, id("indentation"), 0, NULL);
        Value can = mg_funcall(o, id("canonical"), 0, NULL);
        if (w != MG_NIL) yaml_emitter_set_width(&e->emitter, (int)mg_num2long(w));
        if (ind != MG_NIL) yaml_emitter_set_indent(&e->emitter, (int)mg_num2long(ind));
        yaml_emitter_set_canonical(&e->emitter, MG_TEST(can));
    }
    yaml_emitter_set_output(&e->emitter, write_handler, e);
    return self;
}

static void
emit(Emit *e, yaml_event_t *ev)
{
    if (!yaml_emitter_emit(&e->emitter, ev))
        mg_raise(mg_eRuntimeError, "%s", e->emitter.problem ? e->emitter.problem : "emitter error");
}

static unsigned char *
opt_cstr(Value v)
{
    return v == MG_NIL ? NULL : (unsigned char *)mg_str_cstr(mg_to_str(v));
}

static Value
em_start_stream(Value self, int argc, const Value *argv, Value blk)
{
    Emit *e = eget(self);
    yaml_event_t ev;
    yaml_stream_start_event_initialize(&ev, (yaml_encoding_t)mg_num2long(argv[0]));
    emit(e, &ev);
    return self;
}

static Value
em_end_stream(Value self, int argc, const Value *argv, Value blk)
{
    Emit *e = eget(self);
    yaml_event_t ev;
    yaml_stream_end_event_initialize(&ev);
    emit(e, &ev);
    return self;
}

static Value
em_start_document(Value self, int argc, const Value *argv, Value blk)
{
    Emit *e = eget(self);
    Value version = mg_to_ary(argv[0]), tags = mg_to_ary(argv[1]);
    yaml_version_directive_t vd = { 0, 0 }, *vdp = NULL;
    if (mg_ary_len(version) == 2) {
        vd.major = (int)mg_num2long(mg_ary_entry(version, 0));
        vd.minor = (int)mg_num2long(mg_ary_entry(version, 1));
        vdp = &vd;
    }
    int64_t nt = mg_ary_len(tags);
    yaml_tag_directive_t *td = nt ? calloc((size_t)nt, sizeof *td) : NULL;
    for (int64_t i = 0; i < nt; i++) {
        Value t = mg_to_ary(mg_ary_entry(tags, i));
        td[i].handle = opt_cstr(mg_ary_entry(t, 0));
        td[i].prefix = opt_cstr(mg_ary_entry(t, 1));
    }
    yaml_event_t ev;
    yaml_document_start_event_initialize(&ev, vdp, td, td ? td + nt : NULL, MG_TEST(argv[2]));
    free(td);
    emit(e, &ev);
    return self;
}

static Value
em_end_document(Value self, int argc, const Value *argv, Value blk)
{
    Emit *e = eget(self);
    yaml_event_t ev;
    yaml_document_end_event_initialize(&ev, MG_TEST(argv[0]));
    emit(e, &ev);
    return self;
}

static Value
em_scalar(Value self, int argc, const Value *argv, Value blk)
{
    Emit *e = eget(self);
    Value v = mg_to_str(argv[0]);
    yaml_event_t ev;
    yaml_scalar_event_initialize(&ev, opt_cstr(argv[1]), opt_cstr(argv[2]), (unsigned char *)mg_str_ptr(v),
                                 (int)mg_str_len(v), MG_TEST(argv[3]), MG_TEST(argv[4]),
                                 (yaml_scalar_style_t)mg_num2long(argv[5]));
    emit(e, &ev);
    return self;
}

static Value
em_start_sequence(Value self, int argc, const Value *argv, Value blk)
{
    Emit *e = eget(self);
    yaml_event_t ev;
    yaml_sequence_start_event_initialize(&ev, opt_cstr(argv[0]), opt_cstr(argv[1]), MG_TEST(argv[2]),
                                         (yaml_sequence_style_t)mg_num2long(argv[3]));
    emit(e, &ev);
    return self;
}

static Value
em_end_sequence(Value self, int argc, const Value *argv, Value blk)
{
    Emit *e = eget(self);
    yaml_event_t ev;
    yaml_sequence_end_event_initialize(&ev);
    emit(e, &ev);
    return self;
}

static Value
em_start_mapping(Value self, int argc, const Value *argv, Value blk)
{
    Emit *e = eget(self);
    yaml_event_t ev;
    yaml_mapping_start_event_initialize(&ev, opt_cstr(argv[0]), opt_cstr(argv[1]), MG_TEST(argv[2]),
                                        (yaml_mapping_style_t)mg_num2long(argv[3]));
    emit(e, &ev);
    return self;
}

static Value
em_end_mapping(Value self, int argc, const Value *argv, Value blk)
{
    Emit *e = eget(self);
    yaml_event_t ev;
    yaml_mapping_end_event_initialize(&ev);
    emit(e, &ev);
    return self;
}

static Value
em_alias(Value self, int argc, const Value *argv, Value blk)
{
    Emit *e = eget(self);
    yaml_event_t ev;
    yaml_alias_event_initialize(&ev, opt_cstr(argv[0]));
    emit(e, &ev);
    return self;
}

static Value
em_canonical(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(eget(self)->emitter.canonical);
}

static Value
em_set_canonical(Value self, int argc, const Value *argv, Value blk)
{
    yaml_emitter_set_canonical(&eget(self)->emitter, MG_TEST(argv[0]));
    return argv[0];
}

static Value
em_indentation(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(eget(self)->emitter.best_indent);
}

static Value
em_set_indentation(Value self, int argc, const Value *argv, Value blk)
{
    yaml_emitter_set_indent(&eget(self)->emitter, (int)mg_num2long(argv[0]));
    return argv[0];
}

static Value
em_line_width(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(eget(self)->emitter.best_width);
}

static Value
em_set_line_width(Value self, int argc, const Value *argv, Value blk)
{
    yaml_emitter_set_width(&eget(self)->emitter, (int)mg_num2long(argv[0]));
    return argv[0];
}

static const MgMethodDef emitter_methods[] = {
    {"initialize", emitter_initialize, 1, 2},
    {"start_stream", em_start_stream, 1, 1},
    {"end_stream", em_end_stream, 0, 0},
    {"start_document", em_start_document, 3, 3},
    {"end_document", em_end_document, 1, 1},
    {"scalar", em_scalar, 6, 6},
    {"start_sequence", em_start_sequence, 4, 4},
    {"end_sequence", em_end_sequence, 0, 0},
    {"start_mapping", em_start_mapping, 4, 4},
    {"end_mapping", em_end_mapping, 0, 0},
    {"alias", em_alias, 1, 1},
    {"canonical", em_canonical, 0, 0},
    {"canonical=", em_set_canonical, 1, 1},
    {"indentation", em_indentation, 0, 0},
    {"indentation=", em_set_indentation, 1, 1},
    {"line_width", em_line_width, 0, 0},
    {"line_width=", em_set_line_width, 1, 1},
    {NULL, NULL, 0, 0}
};

static Value
psych_libyaml_version(Value self, int argc, const Value *argv, Value blk)
{
    int a, b, c;
    yaml_get_version(&a, &b, &c);
    return mg_ary_new_from(3, (Value[]){ MG_FIX(a), MG_FIX(b), MG_FIX(c) });
}

/* ClassLoader and Visitor are plain classes in the Ruby half, so they can be
 * opened here first (psych.rb requires psych.so before loading them). */
static const char psych_rb[] =
    "module Psych\n"
    "  class ClassLoader\n"
    "    private def path2class(path)\n"
    "      path.to_s.split('::').inject(Object) { |m, c| m.const_get(c, false) }\n"
    "    rescue NameError\n"
    "      raise ArgumentError, \"undefined class/module #{path}\"\n"
    "    end\n"
    "  end\n"
    "  module Visitors\n"
    "    class Visitor\n"
    "      private def build_exception(klass, message) = klass.new(message)\n"
    "    end\n"
    "  end\n"
    "end\n";

void
mg_ext_init_psych(void)
{
    mPsych = mg_define_module("Psych");
    cHandler = mg_define_class_under(mPsych, "Handler", mg_cObject);
    cParser = mg_define_class_under(mPsych, "Parser", mg_cObject);
    mg_define_method(cParser, "parse", parser_parse, 1, 2);
    mg_define_method(cParser, "mark", parser_mark, 0, 0);
    mg_define_const(cParser, "ANY", MG_FIX(YAML_ANY_ENCODING));
    mg_define_const(cParser, "UTF8", MG_FIX(YAML_UTF8_ENCODING));
    mg_define_const(cParser, "UTF16LE", MG_FIX(YAML_UTF16LE_ENCODING));
    mg_define_const(cParser, "UTF16BE", MG_FIX(YAML_UTF16BE_ENCODING));
    cEmitter = mg_define_class_under(mPsych, "Emitter", cHandler);
    mg_define_alloc_func(cEmitter, emitter_alloc);
    mg_define_methods(cEmitter, emitter_methods);
    mg_define_singleton_method(MG_VAL(mPsych), "libyaml_version", psych_libyaml_version, 0, 0);
    mg_eval_string(psych_rb, sizeof psych_rb - 1, "psych.so", 1);
    mg_require("psych/syntax_error");    /* Psych::SyntaxError, which parse raises */
}
