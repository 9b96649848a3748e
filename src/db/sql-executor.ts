// The smallest database surface the embedded backends need: one statement with parameters,
// a multi-statement script in a transaction, and shutdown. PGlite and node-postgres both fit it.

/** A row-returning statement runner over one Postgres database. */
export interface SqlExecutor {
  /** Which engine answers: used in logs, tests and benchmark tables. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs one statement with $1..$n parameters; each call is its own implicit transaction.
   * `prepared`: the statement is one of a few that run on every chat turn (the RPC handler's
   * calls), so the server may keep it parsed and planned per connection instead of parsing it
   * on every call. Ad-hoc statements must not set it (each would stay prepared on the server).
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: { prepared?: boolean }): Promise<T[]>;
  /** Runs several statements as one transaction (migrations, seed). */
  script(sql: string): Promise<void>;
  /** Runs statements on one connection inside a transaction (migration locks, role switches). */
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  /** Releases connections; for PGlite flushes and closes the data directory. */
  close(): Promise<void>;
}

/** The statements available inside a transaction. */
export interface SqlTransaction {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters. */
  exec(sql: string): Promise<void>;
}

/** An error raised by Postgres, with the fields PostgREST copies into its error JSON. */
export interface PostgresErrorFields {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
}

/** Reads the Postgres error fields from whatever the driver threw. */
export function postgresErrorFields(err: unknown): PostgresErrorFields {
  if (err && typeof err === 'object') {
    const e = err as Record<string, unknown>;
    return {
      code: typeof e.code === 'string' ? e.code : undefined,
      message: typeof e.message === 'string' ? e.message : String(err),
      detail: typeof e.detail === 'string' ? e.detail : undefined,
      hint: typeof e.hint === 'string' ? e.hint : undefined,
    };
  }
  return { message: String(err) };
}
