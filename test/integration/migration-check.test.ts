// Migrations that have landed are never edited: at start the bot compares what a database has
// applied with the files, names each difference, and refuses to run on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareMigrations, migrateAndSeed, MigrationsDifferError, readMigrations } from '../../src/db/migrations.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

describe('comparing applied migrations with the files', () => {
  it('accepts the statements the supabase CLI records for a file (split, semicolons and comments aside)', async () => {
    const [first] = await readMigrations();
    const statements = first!.sql
      .split(/;\s*\n/)
      .map((x) => x.replace(/^\s*--[^\n]*\n/gm, ''))
      .filter((x) => x.trim());
    expect(compareMigrations([{ version: first!.version, name: first!.name, statements }], [first!])).toEqual([]);
  });

  it('names a file changed after it was applied, a renamed one and one that is gone', async () => {
    const files = await readMigrations();
    const [a, b] = files;
    const problems = compareMigrations(
      [
        { version: a!.version, name: a!.name, statements: [a!.sql.replace('create table public.wards', 'create table public.wardz')] },
        { version: b!.version, name: 'something_else', statements: [b!.sql] },
        { version: '20200101000000', name: 'old_thing', statements: ['select 1'] },
      ],
      files,
    );
    expect(problems).toEqual([
      `${a!.version}_${a!.name}.sql was changed after it was applied to this database`,
      `${b!.version}_something_else is applied under another name than its file ${b!.version}_${b!.name}.sql`,
      '20200101000000_old_thing is applied but has no file in supabase/migrations',
    ]);
  });
});

describe.each(databaseBackends())('a database whose history differs (%s)', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  it('starts again on an unchanged database, and refuses one where a landed migration was edited, by name', async () => {
    expect(await migrateAndSeed(db.backend.sql!)).toEqual([]);
    const [first] = await readMigrations();
    await db.query(`update supabase_migrations.schema_migrations set statements = array['create table public.other (id int)'] where version = $1`, [first!.version]);
    const refused = await migrateAndSeed(db.backend.sql!).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(MigrationsDifferError);
    expect((refused as Error).message).toContain(`${first!.version}_${first!.name}.sql was changed after it was applied`);
  });
});
