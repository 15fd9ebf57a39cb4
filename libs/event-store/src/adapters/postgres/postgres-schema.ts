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
 * Tables and the append function, idempotent. The global position is (transaction_id, seq): the
 * primary key doubles as the read order index. `data`/`metadata` are `json`, not `jsonb`: the exact
 * text is kept (key order, \u0000 escapes), which is what the content digest was computed over.
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
CREATE TABLE IF NOT EXISTS ${s}.es_streams (
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
${appendFunctionSql(schema)}
`;
}

function appendFunctionSql(schema: string): string {
  const s = `"${schema}"`;
  return `
CREATE OR REPLACE FUNCTION ${s}.es_append(
  p_stream   text,
  p_expected text,
  p_key      text,
  p_result   text,
  p_ids      uuid[],
  p_types    text[],
  p_versions integer[],
  p_data     text[],
  p_metadata text[],
  p_digests  text[]
) RETURNS TABLE (o_status text, o_revision bigint, o_seq bigint, o_xid xid8, o_result text)
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_current bigint;
  v_exists  boolean;
  v_ok      boolean;
  v_prev    text;
  v_hash    text;
  v_rev     bigint;
  v_seq     bigint;
BEGIN
  -- The xid is the position's first part. Taking it only after the lock makes xid order = lock
  -- order = chain order; a transaction that already wrote could hold an older xid.
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'es_append must be the first write of its transaction'
      USING ERRCODE = '55000', HINT = 'call it alone, in a transaction of its own';
  END IF;
  -- Each statement below must see what the previous lock holder committed.
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'es_append needs READ COMMITTED isolation' USING ERRCODE = '55000';
  END IF;
  -- The hash chain runs across the whole log: appends take turns.
  PERFORM pg_advisory_xact_lock(${appendLockKey(schema).toString()});

  IF p_key IS NOT NULL THEN
    RETURN QUERY SELECT 'duplicate'::text, i.next_revision, i.seq, i.transaction_id, i.result
      FROM ${s}.es_idempotency i WHERE i.key = p_key;
    IF FOUND THEN RETURN; END IF;
  END IF;

  SELECT st.revision INTO v_current FROM ${s}.es_streams st WHERE st.stream_id = p_stream;
  v_exists := FOUND;
  v_ok := CASE p_expected
    WHEN 'any' THEN true
    WHEN 'no_stream' THEN NOT v_exists
    WHEN 'stream_exists' THEN v_exists
    ELSE v_exists AND v_current = p_expected::bigint
  END;
  IF NOT v_ok THEN
    -- Answered, not raised: the caller throws WrongExpectedVersion with the actual revision.
    RETURN QUERY SELECT 'conflict'::text, v_current, NULL::bigint, NULL::xid8, NULL::text;
    RETURN;
  END IF;

  SELECT e.hash INTO v_prev FROM ${s}.es_events e ORDER BY e.transaction_id DESC, e.seq DESC LIMIT 1;
  v_prev := coalesce(v_prev, repeat('0', 64));
  v_rev := coalesce(v_current, -1);
  FOR i IN 1 .. cardinality(p_ids) LOOP
    v_rev := v_rev + 1;
    -- Must equal chainHash(previous, stream, revision, digest) in integrity/hash-chain.ts.
    v_hash := encode(sha256(convert_to(v_prev || '|' || p_stream || '|' || v_rev::text || '|' || p_digests[i], 'UTF8')), 'hex');
    INSERT INTO ${s}.es_events (stream_id, revision, event_id, type, schema_version, data, metadata, hash)
      VALUES (p_stream, v_rev, p_ids[i], p_types[i], p_versions[i], p_data[i]::json, p_metadata[i]::json, v_hash)
      RETURNING seq INTO v_seq;
    v_prev := v_hash;
  END LOOP;

  INSERT INTO ${s}.es_streams (stream_id, revision) VALUES (p_stream, v_rev)
    ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision;
  IF p_key IS NOT NULL THEN
    INSERT INTO ${s}.es_idempotency (key, next_revision, transaction_id, seq, result)
      VALUES (p_key, v_rev, pg_current_xact_id(), v_seq, p_result);
  END IF;
  -- Delivered at commit: wakes subscribers in other processes.
  PERFORM pg_notify('${notifyChannel(schema)}', '');
  RETURN QUERY SELECT 'ok'::text, v_rev, v_seq, pg_current_xact_id(), NULL::text;
END
$fn$;
`;
}
