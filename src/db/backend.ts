// Opens the database the configuration names: Supabase, a Postgres server, or embedded PGlite.
// The last two get the migrations and seed applied at start. Everything above this file sees one
// RpcClient: supabase-js for Supabase, the direct caller (no HTTP, no supabase-js) for the others.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Config } from '../config.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { compareMigrations, migrateAndSeed, MigrationsDifferError, readMigrations, type AppliedMigration } from './migrations.js';
import { openPgExecutor } from './pg-executor.js';
import { createDirectRpc } from './direct-rpc.js';
import type { RpcClient } from './rpc-client.js';
import type { SqlExecutor } from './sql-executor.js';
import { createServerClient } from './supabase-client.js';

/** An open database: the client the services use, and how to close it. */
export interface Backend {
  kind: Config['database']['kind'];
  rpc: RpcClient;
  /** The raw executor for the embedded backends (tests, benchmarks); null on Supabase. */
  sql: SqlExecutor | null;
  /** Versions of the migrations applied at this start. */
  applied: string[];
  close(): Promise<void>;
}

/** Opens the configured backend, migrating and seeding the embedded ones. */
export async function openBackend(database: Config['database'], options: { maxConnections?: number } = {}): Promise<Backend> {
  if (database.kind === 'supabase') {
    const supabase = await createServerClient(database.url, database.serviceRoleKey);
    await checkSupabaseMigrations(supabase);
    return { kind: 'supabase', rpc: supabase, sql: null, applied: [], close: async () => undefined };
  }
  let sql: SqlExecutor;
  // The embedded database's folder belongs to one process (a second is refused: DataDirInUseError).
  let lock: DataDirLock | null = null;
  if (database.kind === 'postgres') {
    sql = openPgExecutor(database.url, options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections });
  } else {
    const dir = database.dataDir.startsWith('memory://') ? database.dataDir : path.resolve(database.dataDir);
    if (!dir.startsWith('memory://')) {
      await mkdir(dir, { recursive: true });
      lock = lockDataDir(dir);
    }
    try {
      // Loaded only here: a process on a Postgres server or Supabase does not carry PGlite.
      const { openPgliteExecutor } = await import('./pglite-executor.js');
      sql = await openPgliteExecutor(dir);
    } catch (err) {
      lock?.release();
      throw err;
    }
  }
  // A process that ends without closing (an uncaught error) still leaves the folder free.
  const releaseOnExit = () => lock?.release();
  if (lock) process.once('exit', releaseOnExit);
  const close = async () => {
    try {
      await sql.close();
    } finally {
      lock?.release();
      process.removeListener('exit', releaseOnExit);
    }
  };
  try {
    const applied = await migrateAndSeed(sql);
    return { kind: database.kind, rpc: await createDirectRpc(sql), sql, applied, close };
  } catch (err) {
    await close();
    throw err;
  }
}

// Supabase projects get their migrations from the supabase CLI: the bot only checks that what the
// project applied is what its files say, and refuses to run on a project that differs.
async function checkSupabaseMigrations(supabase: SupabaseClient): Promise<void> {
  const { data, error } = await supabase.rpc('bot_applied_migrations');
  if (error) {
    throw new MigrationsDifferError([
      `the project does not answer bot_applied_migrations (${error.code ?? 'error'}): push the migrations first with: npx supabase@2.117.0 db push`,
    ]);
  }
  const applied = (Array.isArray(data) ? data : []) as AppliedMigration[];
  const files = await readMigrations();
  const problems = compareMigrations(applied, files);
  const missing = files.filter((f) => !applied.some((a) => a.version === f.version));
  for (const m of missing) problems.push(`${m.version}_${m.name}.sql is not applied yet: push it with: npx supabase@2.117.0 db push`);
  if (problems.length) throw new MigrationsDifferError(problems);
}
