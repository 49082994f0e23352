/* pg_schema.h -- the SQL of the PostgreSQL backend: its tables and its
 * server-side functions, and the version they make (the design, P1-P9, is
 * pg_backend.c's opening comment). Included by pg_backend.c only. */
#ifndef MG_STORE_PG_SCHEMA_H
#define MG_STORE_PG_SCHEMA_H

#define PG_SCHEMA      9           /* version of the SQL schema below (2: the class index, 3: mg_flush, 4: mg_save, mg_commit brings the next view,
                                      5: mg_save reads the log it brings after the token, 6: mg_commit reads max(oop) only for a big commit,
                                      7: mg_commit refuses writes of objects another session locks,
                                      8: mg_log.cid, the connection that made each commit, for a commit whose answer was lost,
                                      9: mg_commit in fewer statements, the server's start checked once per connection) */
#include "pg_int.h"   /* SESSION_CLASS */
#define PG_STR_(x)     #x
#define PG_STR(x)      PG_STR_(x)

/* P2: the server's start, in microseconds; the sequence gap after it */
#define BOOT    "(extract(epoch FROM pg_postmaster_start_time()) * 1000000)::bigint"
#define SEQ_GAP "1000000"

/* P2. Answers ret: {seq, gc_round} on success, {0, conflicting oops...},
 * {-2, a holding session, locked oops...} (backend.h contract 6: written
 * objects a live session of another connection locks) or {-1, dangling
 * oop}; and lg, after a success with p_since not NULL: the
 * commit-log entries in (p_since, seq) flattened, {seq, count, oops...} each,
 * in order -- with the commit's own OOPs, which the client has, the log the
 * next view needs (P6).
 * p_cls: each write's class OOP for the class index (P7), NULL elements for none.
 * p_expect may be shorter than p_oops: the OOPs after its end are new
 * (expected version 0), checked all at once when they lie above every
 * stored OOP (P9); only then is that largest OOP read (top): when p_expect
 * covers every write, each is checked by its own index probe, a new one
 * (expected 0) found absent, which costs less than max(oop) for the few
 * writes of a small commit. p_data NULL: the rows follow in the same transaction
 * through COPY (P9). p_app not NULL: application_name becomes p_app || seq
 * (P4: the view at seq the client begins next, on a connection that does not
 * flush).
 * On success the transaction commits without waiting for the disk
 * (synchronous_commit off for it: the token is free at once) and
 * maglev.flush holds the seq for the flush that follows (P2). Its statements
 * take generic plans: custom ones (plpgsql's default for statements with
 * parameters, as the arrays' sizes differ) cost a planning per statement
 * per call, more than the rest of the commit. */
#define COMMIT_FN \
    "CREATE OR REPLACE FUNCTION mg_commit(p_oops bigint[], p_expect bigint[], p_data bytea[], p_refs bigint[], p_cls bigint[],\n" \
    "                                     p_since bigint, p_app text, OUT ret bigint[], OUT lg bigint[])\n" \
    "LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$\n" \
    "DECLARE s bigint; top bigint; bad bigint[]; boot bigint; gr bigint; k int; rest bigint[]; holder int; locked boolean;\n" \
    "        dangling bigint; done text; gap boolean := false;\n" \
    "BEGIN\n" \
    "  PERFORM pg_advisory_xact_lock(1);\n" \
    "  k := coalesce(cardinality(p_expect), 0);\n" \
    "  IF k < cardinality(p_oops) THEN top := (SELECT coalesce(max(oop), 0) FROM mg_obj); END IF;\n" \
    /* one statement: the writes whose versions moved, whether any object is locked, a dangling reference */ \
    "  SELECT (SELECT array_agg(w.oop)\n" \
    "            FROM unnest(CASE WHEN k = cardinality(p_oops) THEN p_oops ELSE p_oops[1:k] END, p_expect) AS w(oop, exp)\n" \
    "           WHERE CASE WHEN top IS NOT NULL AND w.oop > top THEN w.exp <> 0 ELSE w.exp <> coalesce((SELECT CASE WHEN o.data\n" \
    "                 IS NULL THEN 0 ELSE o.version END FROM mg_obj o WHERE o.oop = w.oop ORDER BY o.version DESC LIMIT 1), 0) END),\n" \
    "         EXISTS (SELECT 1 FROM mg_lock),\n" \
    "         (SELECT r FROM unnest(p_refs) AS r WHERE (top IS NOT NULL AND r > top)\n" \
    "             OR NOT coalesce((SELECT o.data IS NOT NULL FROM mg_obj o WHERE o.oop = r ORDER BY o.version DESC LIMIT 1), false)\n" \
    "           LIMIT 1)\n" \
    "    INTO bad, locked, dangling;\n" \
    "  IF cardinality(p_oops) > k THEN\n" \
    "    rest := p_oops[k + 1:];\n" \
    "    IF NOT top < ALL(rest) THEN\n" \
    "      bad := bad || (SELECT array_agg(r) FROM unnest(rest) AS r WHERE r <= top AND coalesce((SELECT o.data IS NOT NULL\n" \
    "                     FROM mg_obj o WHERE o.oop = r ORDER BY o.version DESC LIMIT 1), false));\n" \
    "    END IF;\n" \
    "  END IF;\n" \
    "  IF bad IS NOT NULL THEN ret := array_prepend(0::bigint, bad); RETURN; END IF;\n" \
    "  IF locked THEN\n" \
    "    SELECT array_agg(DISTINCT l.oop), min(l.session) INTO bad, holder FROM mg_lock l\n" \
    "     WHERE l.oop = ANY(p_oops) AND l.session IN (SELECT objid::text::int FROM pg_locks WHERE locktype = 'advisory'\n" \
    "           AND classid = " PG_STR(SESSION_CLASS) "::oid AND objsubid = 2 AND granted AND pid <> pg_backend_pid()\n" \
    "           AND database = (SELECT oid FROM pg_database WHERE datname = current_database()));\n" \
    "    IF bad IS NOT NULL THEN ret := ARRAY[-2::bigint, holder::bigint] || bad; RETURN; END IF;\n" \
    "  END IF;\n" \
    "  IF dangling IS NOT NULL THEN ret := ARRAY[-1::bigint, dangling]; RETURN; END IF;\n" \
    /* the server's start is checked once per connection (maglev.booted): a connection never outlives its server */ \
    "  IF current_setting('maglev.booted', true) IS DISTINCT FROM '1' THEN\n" \
    "    boot := " BOOT ";\n" \
    "    IF (SELECT value FROM mg_meta WHERE key = 'boot') IS DISTINCT FROM boot THEN\n" \
    "      UPDATE mg_meta SET value = boot WHERE key = 'boot';\n" \
    "      IF NOT FOUND THEN INSERT INTO mg_meta VALUES ('boot', boot); END IF;\n" \
    "      UPDATE mg_meta SET value = value + " SEQ_GAP " WHERE key = 'seq';\n" \
    "      gap := true;\n" \
    "    END IF;\n" \
    "  END IF;\n" \
    "  PERFORM set_config('synchronous_commit', CASE WHEN gap THEN 'on' ELSE 'off' END, true);\n" \
    /* one statement: seq, the rows, the log row, the flag of P2 and the NOTIFY; gc_round as a view at seq reads it */ \
    "  WITH q AS (UPDATE mg_meta SET value = value + 1 WHERE key = 'seq' RETURNING value),\n" \
    "       o AS (INSERT INTO mg_obj SELECT u.oop, q.value, u.data, u.cls FROM q, unnest(p_oops, p_data, p_cls) AS u(oop, data, cls)\n" \
    "             WHERE p_data IS NOT NULL),\n" \
    "       l AS (INSERT INTO mg_log SELECT q.value, p_oops, nullif(current_setting('maglev.cid', true), '')::bigint FROM q)\n" \
    "  SELECT q.value, (SELECT value FROM mg_meta WHERE key = 'gc_round'), set_config('maglev.flush', q.value::text, false)\n" \
    "         || set_config('maglev.booted', '1', false) || pg_notify('maglev', q.value::text)::text INTO s, gr, done FROM q;\n" \
    "  IF p_app IS NOT NULL THEN PERFORM set_config('application_name', p_app || s, false); END IF;\n" \
    "  ret := ARRAY[s, gr];\n" \
    "  IF p_since IS NOT NULL THEN\n" \
    "    lg := '{}';\n" \
    "    IF p_since < s - 1 THEN\n" \
    "      SELECT coalesce(array_agg(u.x ORDER BY l.seq, u.i), '{}') INTO lg FROM mg_log l,\n" \
    "             unnest(ARRAY[l.seq, cardinality(l.oops)] || l.oops) WITH ORDINALITY AS u(x, i)\n" \
    "       WHERE l.seq > p_since AND l.seq < s;\n" \
    "    END IF;\n" \
    "  END IF;\n" \
    "END $$;\n" \
    /* P2: mg_commit, its commit (not waiting for the disk: the token is \
     * free), and after a success a transaction that writes a WAL record (a \
     * transactional logical message: an xid alone writes none, and then its \
     * commit does not wait either) and commits synchronously: the call \
     * returns once the WAL is flushed past the commit's record. p_app: P4, \
     * the view at the commit's seq, shown once the commit is durable (the \
     * setting goes back if that transaction fails). With p_flush, lg (P6) is \
     * read in that second transaction, not under the token: the log rows in \
     * (p_since, seq) are all committed once we had the token, and no trim \
     * takes them (the view shown is at most p_since, P4). */ \
    "CREATE OR REPLACE PROCEDURE mg_save(p_oops bigint[], p_expect bigint[], p_data bytea[], p_refs bigint[], p_cls bigint[],\n" \
    "                                    p_since bigint, p_app text, p_flush boolean, INOUT ret bigint[], INOUT lg bigint[])\n" \
    "LANGUAGE plpgsql AS $$\n" \
    "DECLARE c record;\n" \
    "BEGIN\n" \
    "  c := mg_commit(p_oops, p_expect, p_data, p_refs, p_cls, CASE WHEN p_flush THEN NULL ELSE p_since END,\n" \
    "                 CASE WHEN p_flush THEN NULL ELSE p_app END);\n" \
    "  ret := c.ret;\n" \
    "  lg := c.lg;\n" \
    "  IF p_flush AND ret[1] > 0 THEN\n" \
    "    COMMIT;\n" \
    "    PERFORM set_config('maglev.flush', '', false), pg_logical_emit_message(true, 'maglev', 'flush');\n" \
    "    IF p_since IS NOT NULL THEN\n" \
    "      lg := '{}';\n" \
    "      IF p_since < ret[1] - 1 THEN\n" \
    "        SELECT coalesce(array_agg(u.x ORDER BY l.seq, u.i), '{}') INTO lg FROM mg_log l,\n" \
    "               unnest(ARRAY[l.seq, cardinality(l.oops)] || l.oops) WITH ORDINALITY AS u(x, i)\n" \
    "         WHERE l.seq > p_since AND l.seq < ret[1];\n" \
    "      END IF;\n" \
    "    END IF;\n" \
    "    IF p_app IS NOT NULL THEN PERFORM set_config('application_name', p_app || ret[1], false); END IF;\n" \
    "    COMMIT;\n" \
    "  END IF;\n" \
    "END $$;\n" \
    /* P9: the same flush after a big commit (COPY), in a transaction of its own */ \
    "CREATE OR REPLACE FUNCTION mg_flush(p_app text) RETURNS bigint LANGUAGE plpgsql AS $$\n" \
    "DECLARE f text := current_setting('maglev.flush', true);\n" \
    "BEGIN\n" \
    "  IF f IS NULL OR f = '' THEN RETURN 0; END IF;\n" \
    "  PERFORM set_config('maglev.flush', '', false), pg_logical_emit_message(true, 'maglev', 'flush');\n" \
    "  IF p_app IS NOT NULL THEN PERFORM set_config('application_name', p_app || f, false); END IF;\n" \
    "  RETURN 1;\n" \
    "END $$;\n"

/* P7: the rows of the indexed classes, in OOP order per class */
#define CLASS_INDEX "CREATE INDEX mg_obj_cls ON mg_obj (cls, oop, version) WHERE cls IS NOT NULL;\n"

static const char SCHEMA[] =
    "CREATE TABLE mg_meta (key text PRIMARY KEY, value bigint NOT NULL);\n"
    "CREATE TABLE mg_obj (oop bigint NOT NULL, version bigint NOT NULL, data bytea, cls bigint,\n"
    "                     PRIMARY KEY (oop, version));\n"
    CLASS_INDEX
    "CREATE TABLE mg_log (seq bigint PRIMARY KEY, oops bigint[] NOT NULL, cid bigint);\n"
    "CREATE TABLE mg_session (id int PRIMARY KEY, pid int NOT NULL, started bigint NOT NULL,\n"
    "                         host text NOT NULL, name text NOT NULL);\n"
    "CREATE TABLE mg_lock (oop bigint NOT NULL, session int NOT NULL, kind int NOT NULL,\n"
    "                      PRIMARY KEY (oop, session));\n"
    "CREATE TABLE mg_counter (idx int PRIMARY KEY, value bigint NOT NULL);\n"
    "CREATE TABLE mg_gcdead (oop bigint PRIMARY KEY, kept boolean NOT NULL);\n"
    "CREATE TABLE mg_gcvote (session int PRIMARY KEY, round bigint NOT NULL);\n"
    /* out of line but not compressed: OOP lists and payloads do not shrink much, and pglz costs */
    "ALTER TABLE mg_log ALTER oops SET STORAGE EXTERNAL;\n"
    "ALTER TABLE mg_obj ALTER data SET STORAGE EXTERNAL;\n"
    "INSERT INTO mg_meta VALUES ('schema', " PG_STR(PG_SCHEMA) "), ('format', " PG_STR(MG_STORE_FORMAT) "), ('classidx', 1), ('seq', 0), ('next_oop', 1048576),\n"
    "  ('gc_round', 0), ('gc_seq', 0), ('gc_opened', 0), ('gc_rounds', 0), ('gc_last_round', 0),\n"
    "  ('gc_last_time', 0), ('gc_last_freed', 0), ('gc_last_bytes', 0), ('gc_last_kept', 0), ('boot', " BOOT ");\n"
    /* P3: the live session ids */
    "CREATE FUNCTION mg_live() RETURNS SETOF int LANGUAGE sql STABLE AS $$\n"
    "  SELECT objid::text::int FROM pg_locks WHERE locktype = 'advisory' AND classid = " PG_STR(SESSION_CLASS) "::oid\n"
    "    AND objsubid = 2 AND granted\n"
    "    AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) $$;\n"
    COMMIT_FN
    /* contract 6: 0 granted, else holder * 4 + the kind it holds */
    "CREATE FUNCTION mg_lock(p_oop bigint, p_sess int, p_kind int) RETURNS bigint LANGUAGE plpgsql AS $$\n"
    "DECLARE mine int; other int; okind int;\n"
    "BEGIN\n"
    "  PERFORM pg_advisory_xact_lock(p_oop);\n"
    "  SELECT kind INTO mine FROM mg_lock WHERE oop = p_oop AND session = p_sess;\n"
    "  IF mine = 2 OR (mine = 1 AND p_kind = 1) THEN RETURN 0; END IF;\n"
    "  SELECT l.session, l.kind INTO other, okind FROM mg_lock l WHERE l.oop = p_oop AND l.session <> p_sess\n"
    "    AND (p_kind = 2 OR l.kind = 2) AND l.session IN (SELECT mg_live()) ORDER BY l.session LIMIT 1;\n"
    "  IF other IS NOT NULL THEN RETURN other::bigint * 4 + okind; END IF;\n"
    "  INSERT INTO mg_lock VALUES (p_oop, p_sess, p_kind)\n"
    "    ON CONFLICT (oop, session) DO UPDATE SET kind = excluded.kind;\n"
    "  RETURN 0;\n"
    "END $$;\n";

#endif
