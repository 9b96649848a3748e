// Typed call for adding a ward with its units in one transaction.
import type { RpcClient } from './rpc-client.js';
import { z } from 'zod';
import { callChecked } from './rpc-call.js';

const addResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('exists'), code: z.string() }),
  z.object({ status: z.literal('prefix_taken'), ward: z.string() }),
  z.object({ status: z.literal('created'), id: z.string(), code: z.string(), units: z.number().int() }),
]);

/** What adding a ward did, or why it refused. */
export type WardAddResult = z.infer<typeof addResultSchema>;

/** A new ward as ward_add takes it. */
export interface NewWard {
  code: string;
  name: string;
  receiptPrefix: string;
  units: { kind: string; name: string; seq: number }[];
}

/** The ward calls over the database's RPC functions. */
export interface WardStore {
  addWard(ward: NewWard): Promise<WardAddResult>;
}

/** The WardStore over the database's RPC functions. */
export function createWardStore(db: RpcClient): WardStore {
  return {
    addWard: (w) =>
      callChecked(db, 'ward_add', { p_code: w.code, p_name: w.name, p_prefix: w.receiptPrefix, p_units: w.units }, addResultSchema),
  };
}
