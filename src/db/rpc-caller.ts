// The part of PostgREST's RPC endpoint the bot uses, without HTTP: resolve a function of the public
// schema by its name and argument names (like PostgREST's schema cache), call it with the
// arguments as parameters, and answer its result as JSON text or PostgREST's error. The embedded
// backends call it directly (direct-rpc.ts); the in-process HTTP handler (rpc-handler.ts) serves
// it to supabase-js.
import { functionNotFound, postgrestError, type PostgrestErrorBody } from './rpc-errors.js';
import { callStatement, loadRpcFunctions, paramFor, resolveOverload, type RpcFunction } from './rpc-functions.js';
import { postgresErrorFields, type SqlExecutor } from './sql-executor.js';

/** One call's outcome: the result as JSON text, or PostgREST's status and error body. */
export type RpcOutcome = { ok: true; body: string } | { ok: false; status: number; body: PostgrestErrorBody };

/** Calls `fnName` with named arguments; `anonymous` runs it as the `anon` role (granted nothing). */
export type RpcCaller = (fnName: string, args: Record<string, unknown>, anonymous: boolean) => Promise<RpcOutcome>;

/** Creates a caller over one database; reads the functions now and again when one is not found. */
export async function createRpcCaller(db: SqlExecutor): Promise<RpcCaller> {
  let functions = await loadRpcFunctions(db);
  // The statement of each (function, argument names): built once, prepared on the server.
  const statements = new Map<string, { fn: RpcFunction; given: string[]; sql: string }>();

  const resolve = async (fnName: string, given: string[]) => {
    const key = `${fnName}(${given.join(',')})`;
    const known = statements.get(key);
    if (known) return known;
    let fn = resolveOverload(functions.get(fnName), given);
    if (!fn) {
      // A migration may have added it since start: refresh once, as PostgREST reloads its cache.
      functions = await loadRpcFunctions(db);
      fn = resolveOverload(functions.get(fnName), given);
      if (!fn) return null;
    }
    const statement = { fn, given, sql: callStatement(fn, given) };
    statements.set(key, statement);
    return statement;
  };

  return async (fnName, args, anonymous) => {
    // An argument left undefined is left out, as it is from JSON.
    const given = Object.keys(args)
      .filter((name) => args[name] !== undefined)
      .sort();
    const statement = await resolve(fnName, given);
    if (!statement) return { ok: false, ...functionNotFound(fnName, given) };
    const { fn, sql } = statement;
    const params = given.map((name) => paramFor(fn, name, args[name]));
    try {
      const rows = anonymous
        ? await db.transaction(async (tx) => {
            await tx.exec('set local role anon');
            return tx.query<{ body: string }>(sql, params);
          })
        : await db.query<{ body: string }>(sql, params, { prepared: true });
      return { ok: true, body: rows[0]?.body ?? 'null' };
    } catch (err) {
      return { ok: false, ...postgrestError(postgresErrorFields(err), anonymous) };
    }
  };
}
