import { createHash } from 'node:crypto';

// Lower-case only: the schema name also names the NOTIFY channel, which LISTEN folds to lower case,
// and it must leave room for the '_es_appended' suffix within PostgreSQL's 63-byte identifiers.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,50}$/;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name for the event store: ${JSON.stringify(schema)}`);
  }
}

export function notifyChannel(schema: string): string {
  return `${schema}_es_appended`;
}

/** One advisory lock key per schema, so stores in different schemas of one database do not queue on each other. */
export function appendLockKey(schema: string): bigint {
  return createHash('sha256').update(`cpb-event-store/append/${schema}`).digest().readBigInt64BE(0);
}

/** A key of its own for the DDL, so two processes starting at once do not race on CREATE ... IF NOT EXISTS. */
export function ddlLockKey(schema: string): bigint {
  return createHash('sha256').update(`cpb-event-store/ddl/${schema}`).digest().readBigInt64BE(0);
}

/**
 * Tables and the append functions, idempotent. The global position is (transaction_id, seq): the
 * primary key doubles as the read order index. `data`/`metadata` are `json`, not `jsonb`: the exact
 * text is kept (key order, \u0000 escapes), which is what the content digest was computed over.
 * A stream's revision is max(revision) over the UNIQUE (stream_id, revision) index: no table of
 * stream heads to keep up to date on every append.
 */
export function schemaSql(schema: string): string {
  assertSchemaName(schema);
  const s = `"${schema}"`;
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE SEQUENCE IF NOT EXISTS ${s}.es_events_seq AS bigint;
CREATE TABLE IF NOT EXISTS ${s}.es_events (
  transaction_id xid8    NOT NULL DEFAULT pg_current_xact_id(),
  seq            bigint  NOT NULL DEFAULT nextval('${schema}.es_events_seq'),
  stream_id      text    NOT NULL,
  revision       bigint  NOT NULL,
  event_id       uuid    NOT NULL UNIQUE,
  type           text    NOT NULL,
  schema_version integer NOT NULL,
  data           json    NOT NULL,
  metadata       json    NOT NULL,
  hash           text    NOT NULL,
  PRIMARY KEY (transaction_id, seq),
  UNIQUE (stream_id, revision)
);
ALTER SEQUENCE ${s}.es_events_seq OWNED BY ${s}.es_events.seq;
-- One board's events in log order (issue 21: a board's export reads its own events, not the whole log).
-- An index on the tenant inside the metadata, not a column of its own: nothing to back-fill in a log
-- written before it (built here once, over the rows there are, under the DDL lock), and what it finds is
-- what the hash chain covers, so no unhashed column could move an event out of a board's export.
CREATE INDEX IF NOT EXISTS es_events_board ON ${s}.es_events ((metadata ->> 'tenantId'), transaction_id, seq);
-- Where a stream with no events yet stands (a stream carried over from elsewhere, or started high by
-- a test): its first append follows this revision. Read only when the stream has no events.
CREATE TABLE IF NOT EXISTS ${s}.es_stream_floors (
  stream_id text   PRIMARY KEY,
  revision  bigint NOT NULL
);
CREATE TABLE IF NOT EXISTS ${s}.es_idempotency (
  key            text   PRIMARY KEY,
  next_revision  bigint NOT NULL,
  transaction_id xid8   NOT NULL,
  seq            bigint NOT NULL,
  -- JSON text of the command's answer; NULL when it had none (kept apart from a JSON null).
  result         text
);
-- Earlier versions kept each stream's revision in es_streams, written on every append: derived data,
-- now read from es_events itself.
DROP TABLE IF EXISTS ${s}.es_streams;
-- Earlier versions returned a set (RETURNS TABLE); a function's result type cannot be replaced in place.
DO $drop$ DECLARE f regprocedure; BEGIN
  FOR f IN SELECT p.oid FROM pg_proc p WHERE p.pronamespace = '${s}'::regnamespace
      AND p.proname IN ('es_append', 'es_append_one') AND p.prorettype <> 'text[]'::regtype LOOP
    EXECUTE 'DROP FUNCTION ' || f;
  END LOOP;
END $drop$;
${appendFunctionSql(schema, 'many')}
${appendFunctionSql(schema, 'one')}
`;
}

/**
 * `es_append` takes a batch as arrays; `es_append_one` the same for one event, with plain parameters
 * (no arrays to build, escape and parse: most appends carry one event). One body serves both.
 * Every step is a plain expression or one statement: each statement in PL/pgSQL pays for an
 * executor start-up, and appends take turns, so every microsecond here is one the whole log waits.
 * The answer is one text[], called as `SELECT es_append(...)` (no set-returning function scan):
 * {'ok', revision, seq, xid}, {'conflict', actual revision or NULL} or
 * {'duplicate', revision, seq, xid, the first append's result}.
 */
function appendFunctionSql(schema: string, shape: 'many' | 'one'): string {
  const s = `"${schema}"`;
  const one = shape === 'one';
  const eventParams = one
    ? `p_id uuid, p_type text, p_version integer, p_data json, p_metadata json, p_digest text`
    : `p_ids uuid[], p_types text[], p_versions integer[], p_data text[], p_metadata text[], p_digests text[]`;
  // Must equal chainHash(previous, stream, revision, digest) in integrity/hash-chain.ts.
  const chain = (digest: string): string =>
    `encode(sha256(convert_to(v_prev || '|' || p_stream || '|' || v_rev::text || '|' || ${digest}, 'UTF8')), 'hex')`;
  const insert = (values: string): string =>
    `INSERT INTO ${s}.es_events (stream_id, revision, event_id, type, schema_version, data, metadata, hash)
      VALUES (${values})
      RETURNING seq INTO v_seq;`;
  const writes = one
    ? `  v_rev := v_rev + 1;
  v_prev := ${chain('p_digest')};
  ${insert('p_stream, v_rev, p_id, p_type, p_version, p_data, p_metadata, v_prev')}`
    : `  FOR i IN 1 .. cardinality(p_ids) LOOP
    v_rev := v_rev + 1;
    v_prev := ${chain('p_digests[i]')};
    ${insert('p_stream, v_rev, p_ids[i], p_types[i], p_versions[i], p_data[i]::json, p_metadata[i]::json, v_prev')}
  END LOOP;`;
  return `
CREATE OR REPLACE FUNCTION ${s}.${one ? 'es_append_one' : 'es_append'}(
  p_stream text, p_expected text, p_key text, p_result text,
  ${eventParams}
) RETURNS text[] LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_current bigint;
  v_prev    text;
  v_rev     bigint;
  v_seq     bigint;
  v_xid     xid8;
  v_ok      boolean;
  v_answer  text[];
BEGIN
  -- The xid is the position's first part. Taking it only after the lock makes xid order = lock
  -- order = chain order; a transaction that already wrote could hold an older xid.
  -- Each statement below must see what the previous lock holder committed: READ COMMITTED.
  -- (One test for both on the way in; the error says which.)
  IF pg_current_xact_id_if_assigned() IS NOT NULL OR current_setting('transaction_isolation') <> 'read committed' THEN
    IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
      RAISE EXCEPTION 'es_append must be the first write of its transaction'
        USING ERRCODE = '55000', HINT = 'call it alone, in a transaction of its own';
    END IF;
    RAISE EXCEPTION 'es_append needs READ COMMITTED isolation' USING ERRCODE = '55000';
  END IF;
  -- The hash chain runs across the whole log: appends take turns. (An assignment, not PERFORM:
  -- PERFORM runs a whole query, an expression is evaluated directly.)
  v_ok := pg_advisory_xact_lock(${appendLockKey(schema).toString()}) IS NULL;

  IF p_key IS NOT NULL THEN
    SELECT ARRAY['duplicate', i.next_revision::text, i.seq::text, i.transaction_id::text, i.result]
      INTO v_answer FROM ${s}.es_idempotency i WHERE i.key = p_key;
    IF v_answer IS NOT NULL THEN RETURN v_answer; END IF;
  END IF;

  -- The stream's revision and the chain's last hash: index probes (backward scans of
  -- UNIQUE (stream_id, revision) and of the primary key). A floor counts only for a stream with no events.
  SELECT e.revision INTO v_current FROM ${s}.es_events e WHERE e.stream_id = p_stream ORDER BY e.revision DESC LIMIT 1;
  IF v_current IS NULL THEN
    SELECT f.revision INTO v_current FROM ${s}.es_stream_floors f WHERE f.stream_id = p_stream;
  END IF;
  SELECT e.hash INTO v_prev FROM ${s}.es_events e ORDER BY e.transaction_id DESC, e.seq DESC LIMIT 1;
  v_ok := CASE p_expected
    WHEN 'any' THEN true
    WHEN 'no_stream' THEN v_current IS NULL
    WHEN 'stream_exists' THEN v_current IS NOT NULL
    ELSE v_current IS NOT NULL AND v_current = p_expected::bigint
  END;
  IF NOT v_ok THEN
    -- Answered, not raised: the caller throws WrongExpectedVersion with the actual revision.
    RETURN ARRAY['conflict', v_current::text];
  END IF;

  v_prev := coalesce(v_prev, repeat('0', 64));
  v_rev := coalesce(v_current, -1);
${writes}
  v_xid := pg_current_xact_id();
  IF p_key IS NOT NULL THEN
    INSERT INTO ${s}.es_idempotency (key, next_revision, transaction_id, seq, result)
      VALUES (p_key, v_rev, v_xid, v_seq, p_result);
  END IF;
  -- Delivered at commit: wakes subscribers in other processes.
  v_ok := pg_notify('${notifyChannel(schema)}', '') IS NULL;
  RETURN ARRAY['ok', v_rev::text, v_seq::text, v_xid::text];
END
$fn$;
`;
}
