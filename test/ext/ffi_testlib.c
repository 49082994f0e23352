/* ffi_testlib.c -- the tiny C library the ffi tests (test/ext/ffi_*.rb) build
 * with gcc into a temporary directory and load with ffi_lib. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int x, y; } Point;
typedef struct { Point a, b; double weight; } Seg;
typedef struct { char name[8]; int vals[3]; long id; Point *next; } Rec;
typedef struct { int8_t tag; double value; } Mixed;
typedef enum { RED, GREEN = 5, BLUE } Color;

int global_counter = 7;
Point global_point = { 3, 4 };

Point make_point(int x, int y) { Point p = { x, y }; return p; }
Point add_points(Point a, Point b) { Point p = { a.x + b.x, a.y + b.y }; return p; }
int point_sum(const Point *p) { return p->x + p->y; }
void point_scale(Point *p, int k) { p->x *= k; p->y *= k; }
Point *point_new(int x, int y) { Point *p = malloc(sizeof *p); p->x = x; p->y = y; return p; }
void point_free(Point *p) { free(p); }
Point *null_point(void) { return NULL; }
Seg make_seg(int ax, int ay, int bx, int by, double w) { Seg s = { { ax, ay }, { bx, by }, w }; return s; }
double seg_weighted(Seg s) { return (s.b.x - s.a.x + s.b.y - s.a.y) * s.weight; }
Mixed make_mixed(int8_t t, double v) { Mixed m = { t, v }; return m; }
void rec_fill(Rec *r, long id) { strcpy(r->name, "rec"); for (int i = 0; i < 3; i++) r->vals[i] = (int)id * (i + 1); r->id = id; r->next = NULL; }

int64_t add64(int64_t a, int64_t b) { return a + b; }
uint64_t max_u64(void) { return UINT64_MAX; }
uint32_t max_u32(void) { return UINT32_MAX; }
int8_t neg8(int8_t v) { return (int8_t)-v; }
uint8_t inc_u8(uint8_t v) { return (uint8_t)(v + 1); }
int16_t neg16(int16_t v) { return (int16_t)-v; }
uint16_t inc_u16(uint16_t v) { return (uint16_t)(v + 1); }
float halve_f(float f) { return f / 2; }
double mix(int a, float b, double c) { return a + b + c; }
bool is_even(int n) { return n % 2 == 0; }
bool negate(bool b) { return !b; }

long sum_ints(const int *a, int n) { long s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
void fill_squares(int *out, int n) { for (int i = 0; i < n; i++) out[i] = i * i; }
double avg_doubles(const double *a, int n) { double s = 0; for (int i = 0; i < n; i++) s += a[i]; return n ? s / n : 0; }
const char *greeting(void) { return "hello from C"; }
const char *maybe_str(int z) { return z ? "yes" : NULL; }
int count_char(const char *s, char c) { int n = 0; for (; *s; s++) n += *s == c; return n; }
void upcase_in_place(char *s) { for (; *s; s++) if (*s >= 'a' && *s <= 'z') *s = (char)(*s - 32); }

int apply(int (*f)(int), int v) { return f(v); }
int apply2(int (*f)(int, int), int a, int b) { return f(a, b); }
double apply_d(double (*f)(double), double v) { return f(v); }
int call_n(void (*f)(int), int n) { for (int i = 0; i < n; i++) f(i); return n; }
int apply_s(int (*f)(const char *), const char *s) { return f(s); }
int sum_points_cb(int (*f)(Point *), int n) { int s = 0; for (int i = 0; i < n; i++) { Point p = { i, 10 * i }; s += f(&p); } return s; }
bool pred_cb(bool (*f)(int64_t), int64_t v) { return f(v); }

static int (*saved_cb)(int);
void save_cb(int (*f)(int)) { saved_cb = f; }
int run_saved(int v) { return saved_cb ? saved_cb(v) : -1; }

Color next_color(Color c) { return c == RED ? GREEN : c == GREEN ? BLUE : RED; }
int color_value(Color c) { return (int)c; }
