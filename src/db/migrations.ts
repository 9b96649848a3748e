// Applies supabase/migrations to the embedded and DATABASE_URL backends, recording each in the
// same table the supabase CLI uses, so a database can move between the CLI and the bot.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SqlExecutor } from './sql-executor.js';
import { supabaseDir } from './project-paths.js';

/** One migration file: version is the timestamp prefix, name the rest. */
export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{14})_([a-z0-9_]+)\.sql$/;
// Several processes may start at once on one database: one applies, the others wait and skip.
const LOCK_KEY = 7_346_201;

/** Reads the migration files in version order; a badly named file is an error, not a skip. */
export async function readMigrations(dir = path.join(supabaseDir, 'migrations')): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const files: MigrationFile[] = [];
  for (const file of names) {
    const m = FILE_PATTERN.exec(file);
    if (!m) throw Object.assign(new Error(`migration file name not understood: ${file}`), { code: 'MIGRATION_NAME' });
    files.push({ version: m[1]!, name: m[2]!, sql: await readFile(path.join(dir, file), 'utf8') });
  }
  return files;
}

const LEDGER = `
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);`;

/**
 * Applies the migrations not yet recorded and then the idempotent seed, all in one transaction
 * under an advisory lock; returns the versions applied.
 */
export async function migrateAndSeed(db: SqlExecutor, options: { seed?: boolean } = {}): Promise<string[]> {
  const migrations = await readMigrations();
  const seed = options.seed === false ? null : await readFile(path.join(supabaseDir, 'seed.sql'), 'utf8');
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.exec(LEDGER);
    const done = new Set(
      (await tx.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).map((r) => r.version),
    );
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, array[$3::text])', [
        m.version,
        m.name,
        m.sql,
      ]);
      applied.push(m.version);
    }
    if (seed) await tx.exec(seed);
    return applied;
  });
}
