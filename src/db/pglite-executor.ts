// The embedded backend: Postgres in WebAssembly, in-process, persisted to a folder.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SqlExecutor } from './sql-executor.js';

/** Opens PGlite on a folder (or `memory://`) with the extensions the migrations need. */
export async function openPgliteExecutor(dataDir: string): Promise<SqlExecutor> {
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  let closed = false;
  const query = async <T>(sql: string, params?: unknown[]): Promise<T[]> =>
    (await db.query<T>(sql, params as unknown[] | undefined)).rows;
  return {
    kind: 'pglite',
    query,
    async script(sql) {
      await db.transaction(async (tx) => {
        await tx.exec(sql);
      });
    },
    async transaction(work) {
      return db.transaction(async (tx) =>
        work({
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params as unknown[] | undefined)).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}
