// Fresh data for one end-to-end test: its own DATA_DIR (a temporary folder) and, when
// DATABASE_URL is set, its own database on that server, both removed afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createServerDatabase } from './databases.js';

/** The environment a bot process needs to run on this test's data, and how to remove it. */
export interface ChatData {
  backend: 'pglite' | 'postgres';
  dataDir: string;
  /** Pass as `env` to startChatProcess. */
  env: Record<string, string | undefined>;
  remove(): Promise<void>;
}

/** Creates the data for one test: PGlite in a new DATA_DIR, or a new database on DATABASE_URL's server. */
export async function freshChatData(): Promise<ChatData> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bot-e2e-'));
  const server = process.env.DATABASE_URL ? await createServerDatabase() : null;
  const env: Record<string, string | undefined> = {
    DATA_DIR: dataDir,
    // Without a server the child must not inherit one: it then opens PGlite in DATA_DIR.
    DATABASE_URL: server?.url,
    // The rest of the configuration at its defaults, whatever the developer's shell has set.
    SUPABASE_URL: undefined,
    SUPABASE_SERVICE_ROLE_KEY: undefined,
    DEFAULT_WARD: undefined,
    DEFAULT_LOCALE: undefined,
    TZ_NAME: undefined,
    CONSOLE_USER: undefined,
    LOG_FILE: undefined,
    // The terminal chat alone: no platform channel that would take the process over.
    CONSOLE: undefined,
    TELEGRAM_BOT_TOKEN: undefined,
    TELEGRAM_API_ROOT: undefined,
    TELEGRAM_WEBHOOK_URL: undefined,
    TELEGRAM_WEBHOOK_SECRET: undefined,
    ZALO_BOT_TOKEN: undefined,
    ZALO_API_ROOT: undefined,
    ZALO_WEBHOOK_URL: undefined,
    ZALO_WEBHOOK_SECRET: undefined,
    PORT: undefined,
  };
  return {
    backend: server ? 'postgres' : 'pglite',
    dataDir,
    env,
    async remove() {
      await server?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
