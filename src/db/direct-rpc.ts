// The embedded backends' RpcClient: the caller of rpc-caller.ts without HTTP, supabase-js or a
// second JSON round trip. A chat turn makes two calls; through supabase-js each one built a
// request, headers and a response and turned the arguments and the result into JSON twice
// (in the bot's profile through the wire: about an eighth of its busy time). Errors carry PostgREST's codes,
// as supabase-js reports them, so the stores read both clients alike.
import { createRpcCaller } from './rpc-caller.js';
import type { RpcClient } from './rpc-client.js';
import type { SqlExecutor } from './sql-executor.js';

/** Creates the direct client over one database; calls run as the connecting user (service role). */
export async function createDirectRpc(db: SqlExecutor): Promise<RpcClient> {
  const call = await createRpcCaller(db);
  return {
    async rpc(fn, args = {}) {
      const outcome = await call(fn, args, false);
      if (!outcome.ok) return { data: null, error: outcome.body };
      return { data: JSON.parse(outcome.body) as unknown, error: null };
    },
  };
}
