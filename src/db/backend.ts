// Opens the database the configuration names: Supabase, a Postgres server, or embedded PGlite.
// The last two get the migrations and seed applied at start and are served through the
// in-process RPC handler, so everything above this file sees only a supabase-js client.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Config } from '../config.js';
import { migrateAndSeed } from './migrations.js';
import { openPgExecutor } from './pg-executor.js';
import { openPgliteExecutor } from './pglite-executor.js';
import { createRpcFetch } from './rpc-handler.js';
import type { SqlExecutor } from './sql-executor.js';
import { createServerClient } from './supabase-client.js';

/** An open database: the client the services use, and how to close it. */
export interface Backend {
  kind: Config['database']['kind'];
  supabase: SupabaseClient;
  /** The raw executor for the embedded backends (tests, benchmarks); null on Supabase. */
  sql: SqlExecutor | null;
  /** Versions of the migrations applied at this start. */
  applied: string[];
  close(): Promise<void>;
}

// The embedded handler is not reachable from outside the process; the URL only has to parse.
const EMBEDDED_URL = 'http://embedded.invalid';

/** Opens the configured backend, migrating and seeding the embedded ones. */
export async function openBackend(database: Config['database'], options: { maxConnections?: number } = {}): Promise<Backend> {
  if (database.kind === 'supabase') {
    return {
      kind: 'supabase',
      supabase: await createServerClient(database.url, database.serviceRoleKey),
      sql: null,
      applied: [],
      close: async () => undefined,
    };
  }
  let sql: SqlExecutor;
  if (database.kind === 'postgres') {
    sql = openPgExecutor(database.url, options.maxConnections);
  } else {
    const dir = database.dataDir.startsWith('memory://') ? database.dataDir : path.resolve(database.dataDir);
    if (!dir.startsWith('memory://')) await mkdir(dir, { recursive: true });
    sql = await openPgliteExecutor(dir);
  }
  try {
    const applied = await migrateAndSeed(sql);
    const key = randomBytes(24).toString('hex');
    const fetch = await createRpcFetch(sql, key);
    return { kind: database.kind, supabase: await createServerClient(EMBEDDED_URL, key, fetch), sql, applied, close: () => sql.close() };
  } catch (err) {
    await sql.close();
    throw err;
  }
}
