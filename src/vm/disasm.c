/* disasm.c -- the instruction name/operand tables (from opcodes.def) and a
 * disassembler for --dump-bytecode. */
#include "vm_int.h"

const char *const mg_op_names[] = {
#define OP(name, n, eff) #name,
#include "opcodes.def"
#undef OP
};

const uint8_t mg_op_operands[] = {
#define OP(name, n, eff) n,
#include "opcodes.def"
#undef OP
};

void mg_disasm(FILE *out, Value codev, int indent);
void
mg_disasm(FILE *out, Value codev, int indent)
{
    Code *c = mg_code_ptr(codev);
    fprintf(out, "%*s== %s (%s:%d) locals=%u stack=%u%s\n", indent, "", mg_str_cstr(c->label), mg_str_cstr(c->file),
            c->line, c->nlocals, c->max_stack, c->env_mode ? " env" : "");
    if (c->nlocals) {
        fprintf(out, "%*s   locals:", indent, "");
        for (uint32_t i = 0; i < c->nlocals; i++)
            fprintf(out, " %s", c->local_names[i] ? mg_id_name(c->local_names[i], NULL) : "?");
        fputc('\n', out);
    }
    for (uint32_t i = 0; i < c->ncatches; i++) {
        CatchEntry *e = &c->catches[i];
        static const char *const kinds[] = { "rescue", "ensure", "break" };
        fprintf(out, "%*s   catch %s [%u, %u) -> %u depth %u level %u\n", indent, "", kinds[e->type], e->start, e->end,
                e->cont, e->depth & 0xfffff, e->depth >> 20);
    }
    uint32_t pc = 0;
    while (pc < c->ninsns) {
        uint32_t op = c->insns[pc];
        if (op >= OP__COUNT) { fprintf(out, "%*s%04u ??? %u\n", indent, "", pc, op); pc++; continue; }
        fprintf(out, "%*s%04u %-14s", indent, "", pc, mg_op_names[op]);
        int n = mg_op_operands[op];
        for (int i = 0; i < n && pc + 1 + (uint32_t)i < c->ninsns; i++) {
            uint32_t a = c->insns[pc + 1 + i];
            fprintf(out, " %u", a);
        }
        if ((op == OP_SEND || (op >= OP_OPT_PLUS && op <= OP_INVOKEBLOCK)) && n == 1) {
            CallInfo *ci = &c->cis[c->insns[pc + 1]];
            fprintf(out, "   <%s argc=%u flags=%x%s>", ci->mid ? mg_id_name(ci->mid, NULL) : "-", ci->argc, ci->flags,
                    ci->block >= 0 ? " block" : "");
        } else if (op == OP_PUTOBJECT || op == OP_PUTSTRING) {
            Value v = c->lits[c->insns[pc + 1]];
            if (MG_IS_FIXNUM(v)) fprintf(out, "   (%lld)", (long long)MG_FIX2LONG(v));
            else if (MG_IS_SYMBOL(v)) fprintf(out, "   (:%s)", mg_id_name(MG_SYM2ID(v), NULL));
            else if (MG_IS_STRING(v)) fprintf(out, "   (\"%s\")", mg_str_cstr(v));
        } else if (op == OP_GETIVAR || op == OP_SETIVAR || op == OP_GETCONST || op == OP_GETGVAR || op == OP_SETGVAR ||
                   op == OP_SETCONST || op == OP_GETCONSTFROM || op == OP_GETCONSTTOP) {
            fprintf(out, "   (%s)", mg_id_name(c->insns[pc + 1], NULL));
        }
        fputc('\n', out);
        pc += 1 + (uint32_t)n;
    }
    for (uint32_t i = 0; i < c->nlits; i++) {
        Value v = c->lits[i];
        if (MG_IS_TYPE(v, T_DATA) && MG_RDATA(v)->type == &mg_code_type) mg_disasm(out, v, indent + 2);
    }
}
