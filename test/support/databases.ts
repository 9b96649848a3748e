// Fresh, migrated and seeded databases for integration tests: PGlite in memory always, and a new
// database on the Postgres server when DATABASE_URL is set (created per test file, dropped after).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { openBackend, type Backend } from '../../src/db/backend.js';
import { createRpcFetch } from '../../src/db/rpc-handler.js';
import { createServerClient } from '../../src/db/supabase-client.js';

export type BackendKind = 'pglite' | 'postgres';

/** A database for one test file. */
export interface TestDatabase {
  kind: BackendKind;
  /** Raw SQL as the database owner (superuser): for arranging and inspecting rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Calls a function through supabase-js and the RPC handler; throws with the PostgREST error. */
  rpc<T = unknown>(fn: string, args?: Record<string, unknown>): Promise<T>;
  supabase: SupabaseClient;
  backend: Backend;
  /** The connection URL of this test's own database (postgres only). */
  url: string | null;
  close(): Promise<void>;
}

/** The backends to run integration tests on: the server when DATABASE_URL is set, else PGlite. */
export function databaseBackends(): BackendKind[] {
  return process.env.DATABASE_URL ? ['postgres'] : ['pglite'];
}

/** Creates an empty database on the server named by DATABASE_URL; returns its URL and a dropper. */
export async function createServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set');
  const name = `bot_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Opens a fresh database of the given kind with the migrations and seed applied. */
export async function openTestDatabase(kind: BackendKind): Promise<TestDatabase> {
  let url: string | null = null;
  let drop: () => Promise<void> = async () => undefined;
  let backend: Backend;
  if (kind === 'postgres') {
    const created = await createServerDatabase();
    url = created.url;
    drop = created.drop;
    backend = await openBackend({ kind: 'postgres', url });
  } else {
    backend = await openBackend({ kind: 'pglite', dataDir: 'memory://' });
  }
  const sql = backend.sql!;
  // supabase-js over the in-process PostgREST handler: the path the bot takes on Supabase (the bot
  // itself calls the embedded backends directly, backend.rpc).
  const key = randomBytes(24).toString('hex');
  const supabase = await createServerClient('http://embedded.invalid', key, await createRpcFetch(sql, key));
  return {
    kind,
    url,
    backend,
    supabase,
    query: (text, params) => sql.query(text, params),
    async rpc<T>(fn: string, args: Record<string, unknown> = {}) {
      const { data, error } = await supabase.rpc(fn, args);
      if (error) throw Object.assign(new Error(`${fn}: ${error.message}`), { code: error.code, details: error.details });
      return data as T;
    },
    async close() {
      await backend.close();
      await drop();
    },
  };
}
