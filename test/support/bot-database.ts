// The database of one end-to-end bot process: a fresh PGlite folder, or a fresh database on the
// Postgres server when DATABASE_URL is set; rows are read after the process has stopped (PGlite
// allows one process at a time).
import { rm } from 'node:fs/promises';
import { openBackend, type Backend } from '../../src/db/backend.js';
import { freshDataDir } from './bot-process.js';
import { createServerDatabase } from './databases.js';

/** A database for one bot process. */
export interface BotDatabase {
  /** The variables that point the process at it. */
  env: Record<string, string>;
  /** Runs a query (for PGlite: only once the process has stopped). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Lets go of the database, keeping its data, so a bot process can open it again (PGlite: one process at a time). */
  disconnect(): Promise<void>;
  close(): Promise<void>;
}

/** Creates the database for one process. */
export async function createBotDatabase(): Promise<BotDatabase> {
  let backend: Backend | null = null;
  let drop = async () => undefined as void;
  let env: Record<string, string>;
  let open: () => Promise<Backend>;
  if (process.env.DATABASE_URL) {
    const created = await createServerDatabase();
    drop = created.drop;
    env = { DATABASE_URL: created.url };
    open = () => openBackend({ kind: 'postgres', url: created.url });
  } else {
    const dir = freshDataDir();
    env = { DATA_DIR: dir };
    open = () => openBackend({ kind: 'pglite', dataDir: dir });
    drop = () => rm(dir, { recursive: true, force: true });
  }
  return {
    env,
    async query<T>(sql: string, params?: unknown[]) {
      backend ??= await open();
      return backend.sql!.query<T>(sql, params) as Promise<T[]>;
    },
    async disconnect() {
      await backend?.close();
      backend = null;
    },
    async close() {
      await backend?.close();
      await drop();
    },
  };
}
