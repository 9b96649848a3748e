// What the stores need of a database: call one function of the public schema by name, with
// named arguments, and get its JSON result or an error with PostgREST's code. supabase-js's client
// is one (the Supabase backend); the embedded backends get a direct one (direct-rpc.ts).

/** An error as PostgREST reports it. */
export interface RpcError {
  code?: string;
  message: string;
  details?: string | null;
  hint?: string | null;
}

/** The result of one call: the function's JSON result, or an error. */
export interface RpcResult {
  data: unknown;
  error: RpcError | null;
}

/** Calls functions by name. */
export interface RpcClient {
  rpc(fn: string, args?: Record<string, unknown>): PromiseLike<RpcResult>;
}
