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

/** A migration as a database's ledger records it. */
export interface AppliedMigration {
  version: string;
  name: string | null;
  statements: string[] | null;
}

/** The database's history does not match the migration files: the bot must not run on it. */
export class MigrationsDifferError extends Error {
  readonly code = 'MIGRATIONS_DIFFER';
  constructor(readonly problems: string[]) {
    super(
      [
        'the database has applied migrations that differ from supabase/migrations (a migration that has landed must never be edited; add a new one instead):',
        ...problems.map((p) => `  - ${p}`),
      ].join('\n'),
    );
  }
}

// SQL compared without comments, semicolons and layout: the supabase CLI records a file as its
// statements, the bot's runner as the whole text; both are the same file when these agree.
function normalizeSql(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/;/g, ' ').replace(/\s+/g, ' ').trim();
}

/** What differs between the migrations a database applied and the files: one line per migration, by name. */
export function compareMigrations(applied: readonly AppliedMigration[], files: readonly MigrationFile[]): string[] {
  const byVersion = new Map(files.map((f) => [f.version, f]));
  const problems: string[] = [];
  for (const a of applied) {
    const file = byVersion.get(a.version);
    const label = `${a.version}_${a.name ?? '?'}`;
    if (!file) {
      problems.push(`${label} is applied but has no file in supabase/migrations`);
      continue;
    }
    if (a.name && a.name !== file.name) problems.push(`${label} is applied under another name than its file ${file.version}_${file.name}.sql`);
    else if (a.statements && normalizeSql(a.statements.join('\n')) !== normalizeSql(file.sql)) {
      problems.push(`${file.version}_${file.name}.sql was changed after it was applied to this database`);
    }
  }
  return problems;
}

/**
 * Applies the migrations not yet recorded and then the idempotent seed, all in one transaction
 * under an advisory lock; returns the versions applied. Refuses (MigrationsDifferError) a
 * database whose applied migrations differ from the files.
 */
export async function migrateAndSeed(db: SqlExecutor, options: { seed?: boolean } = {}): Promise<string[]> {
  const migrations = await readMigrations();
  const seed = options.seed === false ? null : await readFile(path.join(supabaseDir, 'seed.sql'), 'utf8');
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.exec(LEDGER);
    const ledger = await tx.query<AppliedMigration>('select version, name, statements from supabase_migrations.schema_migrations');
    const problems = compareMigrations(ledger, migrations);
    if (problems.length) throw new MigrationsDifferError(problems);
    const done = new Set(ledger.map((r) => r.version));
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
