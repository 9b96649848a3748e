// One checked RPC call for the stores that are not part of a chat turn (reports, templates,
// wards): call the function through supabase-js, then check its answer with a zod schema.
import type { RpcClient } from './rpc-client.js';
import type { z } from 'zod';
import { DatabaseCallError } from './turn-store.js';

/** Calls `fn` with named arguments and returns its result as the schema describes it. */
export async function callChecked<S extends z.ZodType>(db: RpcClient, fn: string, args: Record<string, unknown>, schema: S): Promise<z.infer<S>> {
  const { data, error } = await db.rpc(fn, args);
  if (error) throw new DatabaseCallError(fn, error.code, error.message);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new DatabaseCallError(fn, 'SHAPE', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}
