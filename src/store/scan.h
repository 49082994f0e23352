/* scan.h -- the record-level reference scanner (scan.c): walks a record's
 * payload (docs/format.md "Object payload", "Class records", "Data
 * payloads") and reports every object reference in it, without a VM and
 * without creating Ruby objects. Used by the repository GC and `maglev
 * check` (repogc.c, bin/maglev: no VM), and by the backend's commit check
 * that no written record references a record that no longer exists. */
#ifndef MG_STORE_SCAN_H
#define MG_STORE_SCAN_H

#include "../common.h"

/* Calls fn(oop, type, arg) for every object reference (ref tag 6) of the
 * payload, in payload order. Returns NULL when the whole payload parsed, or a
 * static message naming the corruption (truncated, unknown tag or type,
 * trailing bytes); fn may have been called for references before it. */
const char *mg_record_scan(const void *data, size_t len,
                           void (*fn)(uint64_t oop, uint8_t type, void *arg), void *arg);

/* The class OOP of an object payload whose class is not a base-image class
 * (OOP >= 2^20: the classes the class index covers), else 0. */
uint64_t mg_record_class(const void *data, size_t len);

/* What a payload says of its layout (`maglev check` compares it with its
 * class's, repogc.c): its type, its class's OOP (0: none), for a class
 * record its superclass's OOP (0: none), for a data record its tag. NULL
 * when the payload parsed, else scan's message. */
typedef struct { uint8_t type; uint64_t cls, super; char tag[16]; } MgRecordShape;
const char *mg_record_shape(const void *data, size_t len, MgRecordShape *out);

#endif
