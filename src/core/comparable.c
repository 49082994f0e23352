/* comparable.c -- the Comparable module (==, <, <=, >, >=, between?, clamp) and
 * the comparison helpers of core.h (mg_cmp, mg_cmpint, mg_cmperr) that sort,
 * min and max use. */
#include "core.h"

void
mg_cmperr(Value a, Value b)
{
    const char *what;
    Value desc;
    if (MG_IS_IMMEDIATE(b) || MG_IS_TYPE(b, T_FLOAT)) desc = mg_inspect(b);
    else desc = mg_class_path(mg_obj_class(b));
    what = mg_str_cstr(desc);
    mg_raise(mg_eArgumentError, "comparison of %s with %s failed", mg_class_cname(mg_obj_class(a)), what);
}

int
mg_cmpint(Value c, Value a, Value b)
{
    if (c == MG_NIL) mg_cmperr(a, b);
    if (MG_IS_FIXNUM(c)) {
        int64_t n = MG_FIX2LONG(c);
        return n > 0 ? 1 : n < 0 ? -1 : 0;
    }
    Value zero = MG_FIX(0);
    if (MG_TEST(mg_funcall(c, mg_id_gt, 1, &zero))) return 1;
    if (MG_TEST(mg_funcall(c, mg_id_lt, 1, &zero))) return -1;
    return 0;
}

int
mg_cmp(Value a, Value b)
{
    if (MG_IS_FIXNUM(a) && MG_IS_FIXNUM(b)) {
        int64_t x = MG_FIX2LONG(a), y = MG_FIX2LONG(b);
        return x < y ? -1 : x > y;
    }
    if (MG_IS_STRING(a) && MG_IS_STRING(b) && MG_OBJ(a)->klass == mg_cString && MG_OBJ(b)->klass == mg_cString) {
        int c = mg_str_cmp(a, b);
        return c < 0 ? -1 : c > 0;
    }
    if (MG_IS_FLONUM(a) && MG_IS_FLONUM(b)) {
        double x = mg_flonum_decode(a), y = mg_flonum_decode(b);
        if (x < y) return -1;
        if (x > y) return 1;
        if (x == y) return 0;
    }
    Value c = mg_funcall(a, mg_id_cmp, 1, &b);
    return mg_cmpint(c, a, b);
}

static int
cmp_self(Value self, Value other)
{
    Value c = mg_funcall(self, mg_id_cmp, 1, &other);
    return mg_cmpint(c, self, other);
}

static ID id_cmp_eq_guard;

static Value
cmp_eq_body(Value self, Value other, bool recursive)
{
    return recursive ? MG_NIL : mg_funcall(self, mg_id_cmp, 1, &other);
}

/* guarded, as CRuby: Object#<=> asks ==, so a Comparable without its own <=>
 * would otherwise recurse until the stack runs out */
static Value
cmp_eq(Value self, int argc, const Value *argv, Value blk)
{
    if (self == argv[0]) return MG_TRUE;
    Value c = mg_exec_recursive_paired(cmp_eq_body, self, argv[0], argv[0], id_cmp_eq_guard);
    if (c == MG_NIL) return MG_FALSE;
    return MG_BOOL(mg_cmpint(c, self, argv[0]) == 0);
}

static Value
cmp_gt(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(cmp_self(self, argv[0]) > 0);
}

static Value
cmp_ge(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(cmp_self(self, argv[0]) >= 0);
}

static Value
cmp_lt(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(cmp_self(self, argv[0]) < 0);
}

static Value
cmp_le(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(cmp_self(self, argv[0]) <= 0);
}

static Value
cmp_between_p(Value self, int argc, const Value *argv, Value blk)
{
    if (cmp_self(self, argv[0]) < 0) return MG_FALSE;
    if (cmp_self(self, argv[1]) > 0) return MG_FALSE;
    return MG_TRUE;
}

/* clamp(min, max) or clamp(range); nil bounds are open */
static Value
cmp_clamp(Value self, int argc, const Value *argv, Value blk)
{
    Value min, max;
    if (argc == 1) {
        Value r = argv[0];
        if (!MG_IS_TYPE(r, T_RANGE))
            mg_raise(mg_eTypeError, "wrong argument type %s (expected Range)", mg_class_cname(mg_obj_class(r)));
        MG_FAULT(r);
        min = MG_RRANGE(r)->beg;
        max = MG_RRANGE(r)->end;
        if ((MG_OBJ(r)->flags & OF_EXCL) && max != MG_NIL)
            mg_raise(mg_eArgumentError, "cannot clamp with an exclusive range");
    } else {
        min = argv[0];
        max = argv[1];
    }
    if (min != MG_NIL && max != MG_NIL && mg_cmpint(mg_funcall(min, mg_id_cmp, 1, &max), min, max) > 0)
        mg_raise(mg_eArgumentError, "min argument must be smaller than max argument");
    if (min != MG_NIL) {
        int c = cmp_self(self, min);
        if (c == 0) return self;
        if (c < 0) return min;
    }
    if (max != MG_NIL && cmp_self(self, max) > 0) return max;
    return self;
}

static const MgMethodDef comparable_methods[] = {
    {"==", cmp_eq, 1, 1},
    {">", cmp_gt, 1, 1},
    {">=", cmp_ge, 1, 1},
    {"<", cmp_lt, 1, 1},
    {"<=", cmp_le, 1, 1},
    {"between?", cmp_between_p, 2, 2},
    {"clamp", cmp_clamp, 1, 2},
    {NULL, NULL, 0, 0}
};

void
mg_init_comparable(void)
{
    id_cmp_eq_guard = mg_intern_cstr("Comparable#==");
    mg_define_methods(mg_mComparable, comparable_methods);
}
