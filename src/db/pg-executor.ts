// A Postgres server reached by DATABASE_URL, through a small connection pool. Every wait has an
// end (connecting, an answer to a query, a migration's transaction), so a database that hangs,
// or a port that accepts and never speaks, fails a chat turn in seconds instead of stalling that
// chat for ever.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { SqlExecutor } from './sql-executor.js';

/** How long the pool waits, in milliseconds. */
export interface PgTimeouts {
  /** Getting a connection: the TCP connect, TLS and the start-up handshake (or a free pool slot). */
  connectMs: number;
  /**
   * An answer to one query, enforced here: a server that stops answering fails the call and its
   * connection is dropped. Not as a statement_timeout start-up parameter: poolers in front of
   * Postgres (PgBouncer, Supabase's pooler) refuse connections that carry one.
   */
  queryMs: number;
  /** Migrations, the seed and other explicit transactions (SET LOCAL statement_timeout, which poolers allow). */
  scriptMs: number;
}

/** The timeouts the bot runs with: a chat turn's call takes milliseconds, so these are generous. */
export const DEFAULT_PG_TIMEOUTS: PgTimeouts = { connectMs: 5_000, queryMs: 15_000, scriptMs: 120_000 };

/** Opens a pool on a Postgres server; each query borrows a connection for one statement. */
export function openPgExecutor(connectionString: string, options: { maxConnections?: number; timeouts?: Partial<PgTimeouts> } = {}): SqlExecutor {
  const t = { ...DEFAULT_PG_TIMEOUTS, ...options.timeouts };
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: t.connectMs,
    query_timeout: t.queryMs,
    idleTimeoutMillis: 30_000,
    // Finds a connection whose server vanished (no FIN, no RST) instead of waiting on it.
    keepAlive: true,
  });
  // pg honours a per-query query_timeout; its type declarations do not list it.
  const longQuery = (text: string, values?: unknown[]) => ({ text, values, query_timeout: t.scriptMs }) as pg.QueryConfig<unknown[]>;
  const long = async (client: pg.PoolClient, sql: string) => {
    await client.query(longQuery(sql));
  };
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  let closed = false;
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[], options?: { prepared?: boolean }) {
      if (options?.prepared) {
        // A named statement is parsed and planned once per connection; later calls send only
        // Bind/Execute. Measured by the benchmark: a chat turn's two calls cost the server
        // noticeably less CPU this way. The name is derived from the text, so a different
        // statement can never reuse another's name on the same connection.
        return (await pool.query({ name: statementName(sql), text: sql, values: params as unknown[] | undefined })).rows as T[];
      }
      return (await pool.query(sql, params as unknown[] | undefined)).rows as T[];
    },
    async script(sql) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(`set local statement_timeout = ${t.scriptMs}`);
        await long(client, sql);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        // Migrations run here (and wait for another process's under a lock): the long limit.
        await client.query(`set local statement_timeout = ${t.scriptMs}`);
        const result = await work({
          query: async <T>(sql: string, params?: unknown[]) =>
            (await client.query(longQuery(sql, params))).rows as T[],
          exec: async (sql: string) => {
            await long(client, sql);
          },
        });
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

const statementNames = new Map<string, string>();

/** A stable server-side name for a prepared statement's text. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `bot_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}
