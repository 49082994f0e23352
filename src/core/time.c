/* time.c -- Time: seconds + nanoseconds since the epoch and a zone mode (UTC,
 * local, or a fixed offset). Broken-down fields come from our own civil-date
 * arithmetic for UTC and fixed offsets, and from localtime_r for local time.
 * strftime is our own formatter (CRuby's directives, flags and widths). */
#include "core.h"
#include "../store/store.h"
#include <time.h>
#include <errno.h>
#include <math.h>
#include <strings.h>

typedef enum { TM_UTC, TM_LOCAL, TM_FIXED } TimeMode;

typedef struct {
    int64_t sec;        /* since the epoch */
    int32_t nsec;       /* 0..999999999 */
    int32_t off;        /* UTC offset in seconds (local: at this instant) */
    uint8_t mode;       /* TimeMode */
    char zone[8];       /* local zone abbreviation */
} TimeData;

typedef struct {
    int64_t year;
    int mon, mday, hour, min, sec, wday, yday;   /* mon 1..12, yday 1..366, wday 0 = Sunday */
} Civil;

/* Committed as: sec (8), nsec (4), off (4), mode (1), zone (8 bytes). */
static void
time_encode(const void *p, MgBuf *b)
{
    const TimeData *t = p;
    mg_rec_put_u64(b, (uint64_t)t->sec);
    mg_rec_put_u32(b, (uint32_t)t->nsec);
    mg_rec_put_u32(b, (uint32_t)t->off);
    mg_rec_put_u8(b, t->mode);
    mg_rec_put_bytes(b, t->zone, sizeof t->zone);
}

static void
time_decode(void *p, bool in_slot, MgRd *r)
{
    UNUSED(in_slot);
    TimeData *t = p;
    t->sec = (int64_t)mg_rec_get_u64(r);
    t->nsec = (int32_t)mg_rec_get_u32(r);
    t->off = (int32_t)mg_rec_get_u32(r);
    t->mode = mg_rec_get_u8(r);
    const char *zone = mg_rec_get_bytes(r, sizeof t->zone);
    if (zone) memcpy(t->zone, zone, sizeof t->zone);
    t->zone[sizeof t->zone - 1] = '\0';
    if (t->nsec < 0 || t->nsec > 999999999 || t->mode > TM_FIXED) mg_rec_fail(r, "time record is out of range");
}

static const MgDataPersist time_persist = {
    .tag = "Time", .size = sizeof(TimeData), .encode = time_encode, .decode = time_decode,
};
static const DataType time_type = { "Time", NULL, NULL, NULL, &time_persist };

static const char *const day_names[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
static const char *const month_names[] = { "January", "February", "March", "April", "May", "June", "July",
                                           "August", "September", "October", "November", "December" };

/* ---- civil date arithmetic (proleptic Gregorian) ---- */

static int64_t
floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

/* days since 1970-01-01 of y-m-d */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;                                   /* 0..399 */
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;   /* 0..365 */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* 0..146096 */
    return era * 146097 + doe - 719468;
}

static bool
leap_year(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static void
civil_from_secs(int64_t t, Civil *c)
{
    int64_t days = floor_div(t, 86400);
    int64_t rem = t - days * 86400;
    c->hour = (int)(rem / 3600);
    c->min = (int)(rem % 3600 / 60);
    c->sec = (int)(rem % 60);
    c->wday = (int)((days % 7 + 11) % 7);   /* 1970-01-01 was a Thursday */
    int64_t z = days + 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    c->mday = (int)(doy - (153 * mp + 2) / 5 + 1);
    c->mon = (int)(mp < 10 ? mp + 3 : mp - 9);
    c->year = y + (c->mon <= 2);
    c->yday = (int)(days - days_from_civil(c->year, 1, 1) + 1);
}

/* ---- objects ---- */

static RClass *
time_class(void)
{
    return mg_cTime;
}

static Value
time_alloc(RClass *klass)
{
    TimeData *td;
    Value v = mg_data_new_inline(klass, &time_type, sizeof *td, (void **)&td);
    td->mode = TM_LOCAL;
    return v;
}

static TimeData *
get_time(Value v)
{
    return mg_data_check(v, &time_type);
}

/* Fills the offset and zone of a local-mode time from the C library. */
static void
set_local(TimeData *t)
{
    time_t tt = (time_t)t->sec;
    struct tm tm;
    if (localtime_r(&tt, &tm)) {
        t->off = (int32_t)tm.tm_gmtoff;
        snprintf(t->zone, sizeof t->zone, "%s", tm.tm_zone ? tm.tm_zone : "");
    } else {
        t->off = 0;
        t->zone[0] = '\0';
    }
}

static Value
time_new(RClass *klass, int64_t sec, int64_t nsec, TimeMode mode, int32_t off)
{
    Value v = time_alloc(klass);
    TimeData *t = get_time(v);
    sec += floor_div(nsec, 1000000000);
    nsec -= floor_div(nsec, 1000000000) * 1000000000;
    t->sec = sec;
    t->nsec = (int32_t)nsec;
    t->mode = (uint8_t)mode;
    t->off = mode == TM_UTC ? 0 : off;
    if (mode == TM_LOCAL) set_local(t);
    return v;
}

static void
civil_of(const TimeData *t, Civil *c)
{
    civil_from_secs(t->sec + t->off, c);
}

/* An exact number of seconds: Integer or Float (Rationals via to_f). */
static void
num_to_secs(Value v, int64_t *sec, int64_t *nsec)
{
    if (MG_IS_FIXNUM(v)) {
        *sec = MG_FIX2LONG(v);
        *nsec = 0;
        return;
    }
    if (MG_IS_INTEGER(v)) {
        *sec = mg_num2long(v);
        *nsec = 0;
        return;
    }
    if (MG_IS_STRING(v) || v == MG_NIL || MG_IS_SYMBOL(v) || v == MG_TRUE || v == MG_FALSE)
        mg_raise(mg_eTypeError, "can't convert %s into an exact number", mg_class_cname(mg_obj_class(v)));
    double d = mg_num2dbl(v);
    if (d != d || d > 9.2e18 || d < -9.2e18) mg_raise(mg_eFloatDomainError, "%g", d);
    double fl = floor(d);
    *sec = (int64_t)fl;
    *nsec = (int64_t)((d - fl) * 1e9 + 0.5);
    if (*nsec >= 1000000000) {
        *sec += 1;
        *nsec -= 1000000000;
    }
}

/* "+09:00", "-0230", "Z", "UTC": the offset in seconds; false if not an offset. */
static bool
parse_offset(Value z, int32_t *off, bool *utc)
{
    *utc = false;
    if (MG_IS_FIXNUM(z)) {
        *off = (int32_t)MG_FIX2LONG(z);
        if (*off <= -86400 || *off >= 86400) mg_raise(mg_eArgumentError, "utc_offset out of range");
        return true;
    }
    Value s = mg_to_str(z);
    const char *p = mg_str_cstr(s);
    if (!strcmp(p, "Z") || !strcmp(p, "UTC")) {
        *off = 0;
        *utc = true;
        return true;
    }
    if ((p[0] == '+' || p[0] == '-') && strlen(p) >= 3) {
        int sign = p[0] == '-' ? -1 : 1;
        int h = 0, m = 0, sec = 0;
        const char *q = p + 1;
        if (!(q[0] >= '0' && q[0] <= '9' && q[1] >= '0' && q[1] <= '9')) goto bad;
        h = (q[0] - '0') * 10 + (q[1] - '0');
        q += 2;
        if (*q == ':') q++;
        if (*q) {
            if (!(q[0] >= '0' && q[0] <= '9' && q[1] >= '0' && q[1] <= '9')) goto bad;
            m = (q[0] - '0') * 10 + (q[1] - '0');
            q += 2;
            if (*q == ':') q++;
            if (*q) {
                if (!(q[0] >= '0' && q[0] <= '9' && q[1] >= '0' && q[1] <= '9' && !q[2])) goto bad;
                sec = (q[0] - '0') * 10 + (q[1] - '0');
            }
        }
        if (h > 23 || m > 59 || sec > 59) mg_raise(mg_eArgumentError, "utc_offset out of range");
        *off = sign * (h * 3600 + m * 60 + sec);
        return true;
    }
bad:
    mg_raise(mg_eArgumentError, "\"+HH:MM\", \"-HH:MM\", \"UTC\" or \"A\"..\"I\",\"K\"..\"Z\" expected for utc_offset: %s", p);
}

/* A field as CRuby reads it: a String as Integer(s, 10), then anything outside
 * 0 ... 2**bits is "argument out of range" before the field's own check */
static int64_t
ubits_field(Value v, int bits)
{
    int64_t n;
    if (MG_IS_STRING(v)) {
        Value i = mg_str_to_inum(mg_str_ptr(v), (size_t)mg_str_len(v), 10, true);
        if (MG_IS_NIL(i)) mg_raise(mg_eArgumentError, "invalid value for Integer(): %s", mg_str_cstr(mg_inspect(v)));
        n = mg_num2long(i);
    } else {
        n = mg_num2long(v);
    }
    if (n < 0 || n >= (int64_t)1 << bits) mg_raise(mg_eArgumentError, "argument out of range");
    return n;
}

static int
month_arg(Value v)
{
    if (MG_IS_STRING(v)) {
        const char *s = mg_str_cstr(v);
        for (int i = 0; i < 12; i++)
            if (strncasecmp(s, month_names[i], 3) == 0 && strlen(s) == 3) return i + 1;
    }
    int64_t n = ubits_field(v, 4);
    if (n < 1 || n > 12) mg_raise(mg_eArgumentError, "mon out of range");
    return (int)n;
}

static int64_t
int_field(Value v, int bits, int64_t lo, int64_t hi, const char *what)
{
    int64_t n = ubits_field(v, bits);
    if (n < lo || n > hi) mg_raise(mg_eArgumentError, "%s out of range", what);
    return n;
}

/* (year, mon, day, hour, min, sec) in the given frame -> seconds since the epoch of that wall time */
static int64_t
wall_secs(int argc, const Value *argv, int64_t *nsec)
{
    int64_t year = argc > 0 ? (MG_IS_STRING(argv[0]) ? atoll(mg_str_cstr(argv[0])) : mg_num2long(argv[0])) : 1970;
    int mon = argc > 1 && argv[1] != MG_NIL ? month_arg(argv[1]) : 1;
    int64_t day = argc > 2 && argv[2] != MG_NIL ? int_field(argv[2], 5, 1, 31, "mday") : 1;
    int64_t hour = argc > 3 && argv[3] != MG_NIL ? int_field(argv[3], 5, 0, 24, "hour") : 0;
    int64_t min = argc > 4 && argv[4] != MG_NIL ? int_field(argv[4], 6, 0, 59, "min") : 0;
    int64_t sec = 0;
    *nsec = 0;
    if (argc > 5 && argv[5] != MG_NIL) {
        if (MG_IS_STRING(argv[5])) sec = ubits_field(argv[5], 6);
        else num_to_secs(argv[5], &sec, nsec);
        if (sec < 0 || sec >= 64) mg_raise(mg_eArgumentError, "argument out of range");
        if (sec > 60) mg_raise(mg_eArgumentError, "sec out of range");
    }
    /* 24:00:00 is the next day's midnight; nothing may follow it */
    if (hour == 24 && min > 0) mg_raise(mg_eArgumentError, "min out of range");
    if (hour == 24 && sec > 0) mg_raise(mg_eArgumentError, "sec out of range");
    if (argc > 6 && argv[6] != MG_NIL) {
        int64_t us, ns;
        num_to_secs(argv[6], &us, &ns);      /* microseconds, and their fraction (in 1e-9) */
        *nsec += us * 1000 + (ns + 500000) / 1000000;
    }
    /* days beyond the month's end roll over as in CRuby (Feb 30 -> Mar 1) */
    return days_from_civil(year, mon, 1) * 86400 + (day - 1) * 86400 + hour * 3600 + min * 60 + sec;
}

/* Offset of local time at wall time `wall` (seconds as if UTC). */
static int64_t
local_to_epoch(int64_t wall)
{
    Civil c;
    civil_from_secs(wall, &c);
    struct tm tm = { 0 };
    tm.tm_year = (int)(c.year - 1900);
    tm.tm_mon = c.mon - 1;
    tm.tm_mday = c.mday;
    tm.tm_hour = c.hour;
    tm.tm_min = c.min;
    tm.tm_sec = c.sec;
    tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    return (int64_t)t;
}

/* ---- constructors ---- */

static Value
time_s_now(Value self, int argc, const Value *argv, Value blk)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return time_new(MG_RCLASS(self), (int64_t)ts.tv_sec, ts.tv_nsec, TM_LOCAL, 0);
}

/* Time.at(time_or_secs, subsec = nil, unit = :microsecond, in: nil) */
static Value
time_s_at(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc < 1 || argc > 3) mg_raise_argc(argc, 1, 3);
    static const char *const names[] = { "in" };
    Value in;
    mg_kwargs_get(kw, names, 1, &in);
    int64_t sec, nsec;
    TimeMode mode = TM_LOCAL;
    int32_t off = 0;
    TimeData *src = mg_data_get(argv[0], &time_type);
    if (src) {
        sec = src->sec;
        nsec = src->nsec;
        mode = (TimeMode)src->mode;
        off = src->off;
    } else {
        num_to_secs(argv[0], &sec, &nsec);
    }
    if (argc > 1) {
        int64_t s2, n2;
        num_to_secs(argv[1], &s2, &n2);
        double scale = 1e3;   /* microseconds -> ns */
        if (argc > 2) {
            const char *u = MG_IS_SYMBOL(argv[2]) ? mg_id_name(MG_SYM2ID(argv[2]), NULL) : "";
            if (!strcmp(u, "millisecond")) scale = 1e6;
            else if (!strcmp(u, "usec") || !strcmp(u, "microsecond")) scale = 1e3;
            else if (!strcmp(u, "nsec") || !strcmp(u, "nanosecond")) scale = 1;
            else mg_raise(mg_eArgumentError, "unexpected unit: %s", mg_str_cstr(mg_inspect(argv[2])));
        }
        nsec += (int64_t)((double)s2 * scale) + (int64_t)((double)n2 * scale / 1e9);
    }
    if (in != MG_UNDEF && in != MG_NIL) {
        bool utc;
        parse_offset(in, &off, &utc);
        mode = utc ? TM_UTC : TM_FIXED;
    }
    return time_new(MG_RCLASS(self), sec, nsec, mode, off);
}

static Value
time_s_utc(Value self, int argc, const Value *argv, Value blk)
{
    if (argc < 1 || argc > 8) mg_raise_argc(argc, 1, 8);
    int64_t nsec;
    int64_t wall = wall_secs(argc, argv, &nsec);
    return time_new(MG_RCLASS(self), wall, nsec, TM_UTC, 0);
}

static Value
time_s_local(Value self, int argc, const Value *argv, Value blk)
{
    if (argc < 1 || argc > 8) mg_raise_argc(argc, 1, 8);
    int64_t nsec;
    int64_t wall = wall_secs(argc, argv, &nsec);
    return time_new(MG_RCLASS(self), local_to_epoch(wall), nsec, TM_LOCAL, 0);
}

/* Time.new(year = nil, mon = nil, day = nil, hour = nil, min = nil, sec = nil, zone = nil, in: nil) */
static Value
time_initialize(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc > 7) mg_raise_argc(argc, 0, 7);
    static const char *const names[] = { "in" };
    Value in;
    mg_kwargs_get(kw, names, 1, &in);
    TimeData *t = get_time(self);
    if (argc > 6 && in != MG_UNDEF) mg_raise(mg_eArgumentError, "timezone argument given as positional and keyword arguments");
    Value zone = argc > 6 ? argv[6] : (in != MG_UNDEF ? in : MG_NIL);
    if (argc == 0) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        t->sec = (int64_t)ts.tv_sec;
        t->nsec = (int32_t)ts.tv_nsec;
        t->mode = TM_LOCAL;
        set_local(t);
        if (zone != MG_NIL) {
            bool utc;
            parse_offset(zone, &t->off, &utc);
            t->mode = utc ? TM_UTC : TM_FIXED;
        }
        return MG_NIL;
    }
    int64_t nsec;
    int64_t wall = wall_secs(argc > 6 ? 6 : argc, argv, &nsec);
    if (zone != MG_NIL) {
        int32_t off;
        bool utc;
        parse_offset(zone, &off, &utc);
        t->sec = wall - off;
        t->off = off;
        t->mode = utc ? TM_UTC : TM_FIXED;
    } else {
        t->sec = local_to_epoch(wall);
        t->mode = TM_LOCAL;
        set_local(t);
    }
    t->sec += floor_div(nsec, 1000000000);
    t->nsec = (int32_t)(nsec - floor_div(nsec, 1000000000) * 1000000000);
    return MG_NIL;
}

/* ---- accessors ---- */

#define CIVIL_GETTER(fname, expr) \
    static Value fname(Value self, int argc, const Value *argv, Value blk) \
    { \
        Civil c; \
        civil_of(get_time(self), &c); \
        return MG_FIX(expr); \
    }
CIVIL_GETTER(time_year, c.year)
CIVIL_GETTER(time_mon, c.mon)
CIVIL_GETTER(time_mday, c.mday)
CIVIL_GETTER(time_hour, c.hour)
CIVIL_GETTER(time_min, c.min)
CIVIL_GETTER(time_sec, c.sec)
CIVIL_GETTER(time_wday, c.wday)
CIVIL_GETTER(time_yday, c.yday)

#define WDAY_P(fname, n) \
    static Value fname(Value self, int argc, const Value *argv, Value blk) \
    { \
        Civil c; \
        civil_of(get_time(self), &c); \
        return MG_BOOL(c.wday == (n)); \
    }
WDAY_P(time_sunday_p, 0)
WDAY_P(time_monday_p, 1)
WDAY_P(time_tuesday_p, 2)
WDAY_P(time_wednesday_p, 3)
WDAY_P(time_thursday_p, 4)
WDAY_P(time_friday_p, 5)
WDAY_P(time_saturday_p, 6)

static Value
time_usec(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(get_time(self)->nsec / 1000);
}

static Value
time_nsec(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(get_time(self)->nsec);
}

/* the fraction of the second: 0, or a Rational of nanoseconds */
static Value
time_subsec(Value self, int argc, const Value *argv, Value blk)
{
    long ns = get_time(self)->nsec;
    return ns ? mg_rational_new(MG_FIX(ns), MG_FIX(1000000000)) : MG_FIX(0);
}

static Value
time_to_i(Value self, int argc, const Value *argv, Value blk)
{
    return mg_int_new(get_time(self)->sec);
}

/* sec + nsec / 10^9 as a Float, as CRuby computes it: the count of
 * nanoseconds made a double, then divided (for Times within 292 years of
 * the epoch; past that, the sum of the two parts). */
static double
secs_to_f(int64_t sec, int64_t nsec)
{
    __int128 ns = (__int128)sec * 1000000000 + nsec;
    if (ns >= INT64_MIN && ns <= INT64_MAX) return (double)(int64_t)ns / 1e9;
    return (double)sec + (double)nsec / 1e9;
}

static Value
time_to_f(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *t = get_time(self);
    return mg_float_new(secs_to_f(t->sec, t->nsec));
}

static Value
time_utc_offset(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(get_time(self)->off);
}

static Value
time_utc_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(get_time(self)->mode == TM_UTC);
}

static Value
time_zone(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *t = get_time(self);
    if (t->mode == TM_UTC) return mg_str_new("UTC", 3);
    if (t->mode == TM_FIXED) return MG_NIL;
    return mg_str_new_cstr(t->zone);
}

static Value
time_dst_p(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *t = get_time(self);
    if (t->mode != TM_LOCAL) return MG_FALSE;
    time_t tt = (time_t)t->sec;
    struct tm tm;
    return MG_BOOL(localtime_r(&tt, &tm) && tm.tm_isdst > 0);
}

/* ---- conversions between zones ---- */

static Value
time_utc_bang(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *t = get_time(self);
    if (t->mode == TM_UTC) return self;   /* already UTC: a frozen Time may say so */
    mg_check_frozen(self);
    MG_WB(self, MG_NIL);
    t->mode = TM_UTC;
    t->off = 0;
    return self;
}

static Value
time_getutc(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *t = get_time(self);
    return time_new(mg_obj_class(self), t->sec, t->nsec, TM_UTC, 0);
}

static void
to_local(TimeData *t, int argc, const Value *argv)
{
    if (argc > 0 && argv[0] != MG_NIL) {
        bool utc;
        parse_offset(argv[0], &t->off, &utc);
        t->mode = utc ? TM_UTC : TM_FIXED;
    } else {
        t->mode = TM_LOCAL;
        set_local(t);
    }
}

static Value
time_localtime(Value self, int argc, const Value *argv, Value blk)
{
    mg_check_frozen(self);
    TimeData *t = get_time(self);
    MG_WB(self, MG_NIL);
    to_local(t, argc, argv);
    return self;
}

static Value
time_getlocal(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *t = get_time(self);
    Value r = time_new(mg_obj_class(self), t->sec, t->nsec, TM_LOCAL, 0);
    to_local(get_time(r), argc, argv);
    return r;
}

/* ---- arithmetic and comparison ---- */

static Value
time_plus(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *t = get_time(self);
    if (mg_data_get(argv[0], &time_type)) mg_raise(mg_eTypeError, "time + time?");
    int64_t s, n;
    num_to_secs(argv[0], &s, &n);
    return time_new(mg_cTime, t->sec + s, (int64_t)t->nsec + n, (TimeMode)t->mode, t->off);
}

static Value
time_minus(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *t = get_time(self);
    TimeData *o = mg_data_get(argv[0], &time_type);
    if (o) return mg_float_new(secs_to_f(t->sec - o->sec, t->nsec - o->nsec));
    int64_t s, n;
    num_to_secs(argv[0], &s, &n);
    return time_new(mg_cTime, t->sec - s, (int64_t)t->nsec - n, (TimeMode)t->mode, t->off);
}

static int
time_compare(TimeData *a, TimeData *b)
{
    if (a->sec != b->sec) return a->sec < b->sec ? -1 : 1;
    if (a->nsec != b->nsec) return a->nsec < b->nsec ? -1 : 1;
    return 0;
}

static Value
time_cmp(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *o = mg_data_get(argv[0], &time_type);
    if (!o) return MG_NIL;
    return MG_FIX(time_compare(get_time(self), o));
}

static Value
time_eql_p(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *o = mg_data_get(argv[0], &time_type);
    return MG_BOOL(o && time_compare(get_time(self), o) == 0);
}

static Value
time_hash(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *t = get_time(self);
    uint64_t h = (uint64_t)t->sec * 0x9E3779B97F4A7C15ULL ^ (uint64_t)t->nsec;
    h ^= h >> 29;
    return MG_FIX((int64_t)(h >> 2));
}

/* Time#round / #floor / #ceil: to ndigits decimal places of a second (nil or
 * absent is 0; 9 or more keeps every digit we have). A half rounds up, and the
 * result is a plain Time in the receiver's zone, as CRuby's. */
typedef enum { RND_ROUND, RND_FLOOR, RND_CEIL } RoundMode;

static Value
time_round_to(Value self, int argc, const Value *argv, RoundMode how)
{
    TimeData *t = get_time(self);
    int64_t nd = 0;
    if (argc > 0 && argv[0] != MG_NIL) nd = mg_num2long(argv[0]);
    if (nd < 0) mg_raise(mg_eArgumentError, "negative ndigits given");
    int64_t unit = 1;
    for (int64_t i = nd; i < 9; i++) unit *= 10;
    int64_t rem = t->nsec % unit, nsec = t->nsec - rem;
    if (rem != 0 && (how == RND_CEIL || (how == RND_ROUND && rem * 2 >= unit))) nsec += unit;
    return time_new(mg_cTime, t->sec, nsec, (TimeMode)t->mode, t->off);
}

static Value
time_round(Value self, int argc, const Value *argv, Value blk)
{
    return time_round_to(self, argc, argv, RND_ROUND);
}

static Value
time_floor(Value self, int argc, const Value *argv, Value blk)
{
    return time_round_to(self, argc, argv, RND_FLOOR);
}

static Value
time_ceil(Value self, int argc, const Value *argv, Value blk)
{
    return time_round_to(self, argc, argv, RND_CEIL);
}

/* Exact seconds since the epoch as a Rational (our resolution is the nanosecond). */
static Value
time_to_r(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *t = get_time(self);
    Value ns = mg_int_plus(mg_int_mul(mg_int_new(t->sec), MG_FIX(1000000000)), MG_FIX(t->nsec));
    return mg_rational_new(ns, MG_FIX(1000000000));
}

/* ---- strftime ----
 * CRuby's directives, flags (- _ 0 ^ #), widths, colons (for z only) and the
 * E and O modifiers, with its padding rules: numbers pad to their own width
 * with their own pad character, text and the composite directives (c x X D F
 * T R r v) pad on the left to the width given, - takes a number's padding
 * away. An unknown directive is copied as it is; a format ending inside one
 * is invalid. */

enum { SF_LEFT = 1, SF_UPPER = 2, SF_CHCASE = 4, SF_LOWER = 8 };

typedef struct {
    int flags;
    char padding;          /* 0: the directive's own */
    int precision;         /* the width, -1 when none */
} SfSpec;

static void
sf_fill(Value out, const SfSpec *sp, size_t n)
{
    if (!(sp->flags & SF_LEFT) && sp->precision > 0 && (size_t)sp->precision > n) {
        char pad = sp->padding ? sp->padding : ' ';
        for (size_t i = n; i < (size_t)sp->precision; i++) mg_str_cat(out, &pad, 1);
    }
}

static void
sf_num(Value out, const SfSpec *sp, int64_t v, char def_pad, int def_prec)
{
    int prec = (sp->flags & SF_LEFT) ? 1 : sp->precision <= 0 ? def_prec : sp->precision;
    bool zero = sp->padding == '0' || (!sp->padding && def_pad == '0');
    char small[64];
    size_t need = (size_t)prec + 24;
    char *buf = need <= sizeof small ? small : mg_malloc(need);
    int n = snprintf(buf, need, zero ? "%0*lld" : "%*lld", prec, (long long)v);
    mg_str_cat(out, buf, (size_t)n);
    if (buf != small) mg_free(buf, need);
}

static void
sf_text(Value out, const SfSpec *sp, const char *txt, int flags)
{
    size_t n = strlen(txt);
    if (n == 0) return;         /* no zone name: nothing, padding neither */
    sf_fill(out, sp, n);
    int64_t at = mg_str_len(out);
    mg_str_cat(out, txt, n);
    char *q = (char *)mg_str_ptr(out) + at;
    for (size_t i = 0; i < n; i++) {
        if ((flags & SF_UPPER) && q[i] >= 'a' && q[i] <= 'z') q[i] = (char)(q[i] - 32);
        else if ((flags & SF_LOWER) && q[i] >= 'A' && q[i] <= 'Z') q[i] = (char)(q[i] + 32);
    }
}

/* ISO 8601 week-based year and week of c */
static void
iso_week(const Civil *c, int64_t *year, int *week)
{
    int wday = (c->wday + 6) % 7;           /* Monday = 0 */
    int yday = c->yday - 1;
    int64_t y = c->year;
    int w = (yday - wday + 10) / 7;
    if (w < 1) {
        y--;
        int pyday = yday + (leap_year(y) ? 366 : 365);
        w = (pyday - wday + 10) / 7;
    } else {
        int ylen = leap_year(y) ? 366 : 365;
        if (w == 53 && (yday - wday + 3) >= ylen) {   /* Thursday of this week is next year */
            w = 1;
            y++;
        }
    }
    *year = y;
    *week = w;
}

static bool strftime_into(Value out, const TimeData *t, const char *f, size_t flen);

/* A composite directive: its expansion, padded to the width, upcased for ^ */
static void
sf_composite(Value out, const SfSpec *sp, const TimeData *t, const char *fmt)
{
    Value tmp = mg_str_buf_new(32);
    strftime_into(tmp, t, fmt, strlen(fmt));
    size_t n = (size_t)mg_str_len(tmp);
    if (sp->precision > 0 && (size_t)sp->precision > n) {
        char pad = sp->padding ? sp->padding : ' ';
        for (size_t i = n; i < (size_t)sp->precision; i++) mg_str_cat(out, &pad, 1);
    }
    int64_t at = mg_str_len(out);
    mg_str_cat(out, mg_str_ptr(tmp), n);
    if (sp->flags & SF_UPPER) {
        char *q = (char *)mg_str_ptr(out) + at;
        for (size_t i = 0; i < n; i++) if (q[i] >= 'a' && q[i] <= 'z') q[i] = (char)(q[i] - 32);
    }
}

/* %z with 0..3 colons, as CRuby prints it (its printf widths included);
 * UTC with - is "-0000", RFC 3339's unknown local offset */
static void
sf_zone_offset(Value out, const SfSpec *sp, const TimeData *t, int colons)
{
    bool gmt = t->mode == TM_UTC;
    long off = gmt ? 0 : t->off, sign = 1;
    if (off < 0 || (gmt && (sp->flags & SF_LEFT))) { off = off < 0 ? -off : off; sign = -1; }
    int prec = sp->precision;
    switch (colons) {
    case 0: prec = prec <= 5 ? 2 : prec - 3; break;
    case 1: prec = prec <= 6 ? 2 : prec - 4; break;
    case 2: prec = prec <= 9 ? 2 : prec - 7; break;
    default:
        if (off % 3600 == 0) prec = prec <= 3 ? 2 : prec - 1;
        else if (off % 60 == 0) prec = prec <= 6 ? 2 : prec - 4;
        else prec = prec <= 9 ? 2 : prec - 7;
        break;
    }
    char small[64];
    size_t need = (size_t)prec + 32;
    char *buf = need <= sizeof small ? small : mg_malloc(need);
    bool sp_pad = sp->padding == ' ';
    int n = snprintf(buf, need, sp_pad ? "%+*ld" : "%+.*ld", prec + sp_pad, sign * (off / 3600));
    if (sign < 0 && off < 3600) buf[sp_pad ? n - 2 : 0] = '-';     /* -0 has no sign of its own */
    mg_str_cat(out, buf, (size_t)n);
    if (buf != small) mg_free(buf, need);
    off %= 3600;
    char tail[16];
    if (colons == 3 && off == 0) return;
    snprintf(tail, sizeof tail, colons >= 1 ? ":%02d" : "%02d", (int)(off / 60));
    mg_str_cat(out, tail, strlen(tail));
    off %= 60;
    if (colons == 3 && off == 0) return;
    if (colons >= 2) {
        snprintf(tail, sizeof tail, ":%02d", (int)off);
        mg_str_cat(out, tail, strlen(tail));
    }
}

/* Appends t formatted by f[0..flen); false when f ends inside a directive. */
static bool
strftime_into(Value out, const TimeData *t, const char *f, size_t flen)
{
    Civil c;
    civil_of(t, &c);
    const char *end = f + flen;
    while (f < end) {
        if (*f != '%') {
            const char *pct = memchr(f, '%', (size_t)(end - f));
            size_t n = pct ? (size_t)(pct - f) : (size_t)(end - f);
            mg_str_cat(out, f, n);
            f += n;
            continue;
        }
        const char *start = f++;
        SfSpec sp = { 0, 0, -1 };
        int colons = 0;
        char conv = 0;
        bool found = false, bad_colon = false;     /* conv may be any byte, NUL too */
        while (!found) {
            if (f >= end) return false;
            char ch = *f;
            if (ch == '-') { sp.flags |= SF_LEFT; sp.padding = 0; sp.precision = 0; f++; }
            else if (ch == '^') { sp.flags |= SF_UPPER; f++; }
            else if (ch == '#') { sp.flags |= SF_CHCASE; f++; }
            else if (ch == '_') { sp.padding = ' '; f++; }
            else if (ch == '0') { sp.padding = '0'; f++; }
            else if (ch >= '1' && ch <= '9') {
                int64_t w = 0;
                while (f < end && *f >= '0' && *f <= '9') { if (w < 1000000) w = w * 10 + (*f - '0'); f++; }
                sp.precision = (int)w;
            } else if (ch == ':') {
                int k = 1;
                while (k < 4 && f + k < end && f[k] == ':') k++;
                if (k > 3 || f + k >= end || f[k] != 'z') { bad_colon = true; break; }
                colons = k;
                f += k;
            } else if (f + 1 < end && f[1] != '\0' && ((ch == 'E' && strchr("cCxXyY", f[1])) ||
                                                   (ch == 'O' && strchr("deHkIlmMSuUVwWy", f[1])))) {
                f++;        /* the locale modifiers change nothing */
            } else {
                conv = ch;
                found = true;
            }
        }
        if (bad_colon) {            /* a colon not before z: copied, and so is what follows it */
            mg_str_cat(out, start, (size_t)(f + 1 - start));
            f++;
            continue;
        }
        f++;
        int h12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
        int tflags = sp.flags & SF_UPPER;
        char buf[64];
        switch (conv) {
        case 'Y': sf_num(out, &sp, c.year, '0', c.year >= 0 ? 4 : 5); break;
        case 'C': sf_num(out, &sp, floor_div(c.year, 100), '0', 2); break;
        case 'y': sf_num(out, &sp, c.year - floor_div(c.year, 100) * 100, '0', 2); break;
        case 'm': sf_num(out, &sp, c.mon, '0', 2); break;
        case 'd': sf_num(out, &sp, c.mday, '0', 2); break;
        case 'e': sf_num(out, &sp, c.mday, ' ', 2); break;
        case 'j': sf_num(out, &sp, c.yday, '0', 3); break;
        case 'H': sf_num(out, &sp, c.hour, '0', 2); break;
        case 'k': sf_num(out, &sp, c.hour, ' ', 2); break;
        case 'I': sf_num(out, &sp, h12, '0', 2); break;
        case 'l': sf_num(out, &sp, h12, ' ', 2); break;
        case 'M': sf_num(out, &sp, c.min, '0', 2); break;
        case 'S': sf_num(out, &sp, c.sec, '0', 2); break;
        case 'u': sf_num(out, &sp, c.wday == 0 ? 7 : c.wday, '0', 1); break;
        case 'w': sf_num(out, &sp, c.wday, '0', 1); break;
        case 's': sf_num(out, &sp, t->sec, '0', 1); break;
        case 'U': sf_num(out, &sp, (c.yday - 1 + 7 - c.wday) / 7, '0', 2); break;
        case 'W': sf_num(out, &sp, (c.yday - 1 + 7 - (c.wday + 6) % 7) / 7, '0', 2); break;
        case 'G': case 'g': case 'V': {
            int64_t iy;
            int wk;
            iso_week(&c, &iy, &wk);
            if (conv == 'V') sf_num(out, &sp, wk, '0', 2);
            else if (conv == 'G') sf_num(out, &sp, iy, '0', iy >= 0 ? 4 : 5);
            else sf_num(out, &sp, iy - floor_div(iy, 100) * 100, '0', 2);
            break;
        }
        case 'L': case 'N': {
            /* digits of the sub-second part, which is kept to the nanosecond */
            int digits = sp.precision > 0 ? sp.precision : (conv == 'L' ? 3 : 9);
            snprintf(buf, sizeof buf, "%09d", (int)t->nsec);
            for (int i = 0; i < digits; i++) mg_str_cat(out, i < 9 ? &buf[i] : "0", 1);
            break;
        }
        case 'A': case 'a': case 'B': case 'b': case 'h': {
            if (sp.flags & SF_CHCASE) tflags = SF_UPPER;
            const char *name = conv == 'A' || conv == 'a' ? day_names[c.wday] : month_names[c.mon - 1];
            snprintf(buf, conv == 'A' || conv == 'B' ? sizeof buf : 4, "%s", name);
            sf_text(out, &sp, buf, tflags);
            break;
        }
        case 'p':
            if (sp.flags & SF_CHCASE) tflags = SF_LOWER;
            sf_text(out, &sp, c.hour < 12 ? "AM" : "PM", tflags);
            break;
        case 'P': sf_text(out, &sp, c.hour < 12 ? "am" : "pm", sp.flags & (SF_UPPER | SF_CHCASE) ? SF_UPPER : 0); break;
        case 'Z':
            if (sp.flags & SF_CHCASE) tflags = SF_LOWER;
            sf_text(out, &sp, t->mode == TM_UTC ? "UTC" : t->mode == TM_FIXED ? "" : t->zone, tflags);
            break;
        case 'z': sf_zone_offset(out, &sp, t, colons); break;
        case 'n': sf_fill(out, &sp, 1); mg_str_cat(out, "\n", 1); break;
        case 't': sf_fill(out, &sp, 1); mg_str_cat(out, "\t", 1); break;
        case '%': sf_fill(out, &sp, 1); mg_str_cat(out, "%", 1); break;
        case 'c': sf_composite(out, &sp, t, "%a %b %e %H:%M:%S %Y"); break;
        case 'D': case 'x': sf_composite(out, &sp, t, "%m/%d/%y"); break;
        case 'F': sf_composite(out, &sp, t, "%Y-%m-%d"); break;
        case 'T': case 'X': sf_composite(out, &sp, t, "%H:%M:%S"); break;
        case 'R': sf_composite(out, &sp, t, "%H:%M"); break;
        case 'r': sf_composite(out, &sp, t, "%I:%M:%S %p"); break;
        case 'v': sf_composite(out, &sp, t, "%e-%^b-%4Y"); break;
        default:
            mg_str_cat(out, start, (size_t)(f - start));
            break;
        }
    }
    return true;
}

static Value
time_strftime(Value self, int argc, const Value *argv, Value blk)
{
    Value fmt = mg_to_str(argv[0]);
    Value out = mg_str_buf_new((size_t)mg_str_len(fmt) + 16);
    if (!strftime_into(out, get_time(self), mg_str_ptr(fmt), (size_t)mg_str_len(fmt)))
        mg_raise(mg_eArgumentError, "invalid format: %s", mg_str_cstr(fmt));
    return out;
}

static Value
time_to_s(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *t = get_time(self);
    Value out = mg_str_buf_new(32);
    if (t->mode == TM_UTC) strftime_into(out, t, "%Y-%m-%d %H:%M:%S UTC", 21);
    else strftime_into(out, t, "%Y-%m-%d %H:%M:%S %z", 20);
    return out;
}

static Value
time_inspect(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *t = get_time(self);
    Value out = mg_str_buf_new(40);
    strftime_into(out, t, "%Y-%m-%d %H:%M:%S", 17);
    if (t->nsec) {
        char buf[16];
        int n = snprintf(buf, sizeof buf, ".%09d", (int)t->nsec);
        while (n > 1 && buf[n - 1] == '0') n--;
        mg_str_cat(out, buf, (size_t)n);
    }
    if (t->mode == TM_UTC) mg_str_cat(out, " UTC", 4);
    else strftime_into(out, t, " %z", 3);
    return out;
}

/* Time#asctime / #ctime: "Thu Jan  1 00:00:00 1970" */
static Value
time_asctime(Value self, int argc, const Value *argv, Value blk)
{
    Value out = mg_str_buf_new(24);
    strftime_into(out, get_time(self), "%a %b %e %H:%M:%S %Y", 20);
    return out;
}

static Value
time_to_a(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *t = get_time(self);
    Civil c;
    civil_of(t, &c);
    Value parts[10] = {
        MG_FIX(c.sec), MG_FIX(c.min), MG_FIX(c.hour), MG_FIX(c.mday), MG_FIX(c.mon), MG_FIX(c.year),
        MG_FIX(c.wday), MG_FIX(c.yday), time_dst_p(self, 0, NULL, MG_NIL), time_zone(self, 0, NULL, MG_NIL),
    };
    return mg_ary_new_from(10, parts);
}

static Value
time_initialize_copy(Value self, int argc, const Value *argv, Value blk)
{
    TimeData *dst = get_time(self), *src = get_time(argv[0]);
    *dst = *src;
    return self;
}

/* ---- tables ---- */

static const MgMethodDef time_methods[] = {
    {"initialize", time_initialize, 0, 7, MEF_KW},
    {"initialize_copy", time_initialize_copy, 1, 1},
    {"year", time_year, 0, 0},
    {"month", time_mon, 0, 0},
    {"mon", time_mon, 0, 0},
    {"day", time_mday, 0, 0},
    {"mday", time_mday, 0, 0},
    {"hour", time_hour, 0, 0},
    {"min", time_min, 0, 0},
    {"sec", time_sec, 0, 0},
    {"wday", time_wday, 0, 0},
    {"yday", time_yday, 0, 0},
    {"usec", time_usec, 0, 0},
    {"tv_usec", time_usec, 0, 0},
    {"nsec", time_nsec, 0, 0},
    {"tv_nsec", time_nsec, 0, 0},
    {"subsec", time_subsec, 0, 0},
    {"to_i", time_to_i, 0, 0},
    {"tv_sec", time_to_i, 0, 0},
    {"to_f", time_to_f, 0, 0},
    {"utc_offset", time_utc_offset, 0, 0},
    {"gmt_offset", time_utc_offset, 0, 0},
    {"gmtoff", time_utc_offset, 0, 0},
    {"utc?", time_utc_p, 0, 0},
    {"gmt?", time_utc_p, 0, 0},
    {"zone", time_zone, 0, 0},
    {"dst?", time_dst_p, 0, 0},
    {"isdst", time_dst_p, 0, 0},
    {"sunday?", time_sunday_p, 0, 0},
    {"monday?", time_monday_p, 0, 0},
    {"tuesday?", time_tuesday_p, 0, 0},
    {"wednesday?", time_wednesday_p, 0, 0},
    {"thursday?", time_thursday_p, 0, 0},
    {"friday?", time_friday_p, 0, 0},
    {"saturday?", time_saturday_p, 0, 0},
    {"utc", time_utc_bang, 0, 0},
    {"gmtime", time_utc_bang, 0, 0},
    {"getutc", time_getutc, 0, 0},
    {"getgm", time_getutc, 0, 0},
    {"localtime", time_localtime, 0, 1},
    {"getlocal", time_getlocal, 0, 1},
    {"+", time_plus, 1, 1},
    {"-", time_minus, 1, 1},
    {"<=>", time_cmp, 1, 1},
    {"eql?", time_eql_p, 1, 1},
    {"hash", time_hash, 0, 0},
    {"strftime", time_strftime, 1, 1},
    {"to_s", time_to_s, 0, 0},
    {"inspect", time_inspect, 0, 0},
    {"to_a", time_to_a, 0, 0},
    {"to_r", time_to_r, 0, 0},
    {"round", time_round, 0, 1},
    {"floor", time_floor, 0, 1},
    {"ceil", time_ceil, 0, 1},
    {"asctime", time_asctime, 0, 0},
    {"ctime", time_asctime, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef time_singleton_methods[] = {
    {"now", time_s_now, 0, 1},
    {"at", time_s_at, 0, -1},      /* it checks 1..3 without the keywords */
    {"utc", time_s_utc, 1, 8},
    {"gm", time_s_utc, 1, 8},
    {"local", time_s_local, 1, 8},
    {"mktime", time_s_local, 1, 8},
    {NULL, NULL, 0, 0}
};

void
mg_init_time(void)
{
    RClass *c = time_class();
    mg_store_register_data(&time_type);
    mg_define_alloc_func(c, time_alloc);
    mg_include_module(c, mg_mComparable);
    mg_define_methods(c, time_methods);
    mg_define_singleton_methods(MG_VAL(c), time_singleton_methods);
}
