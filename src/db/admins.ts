// The first officers, named by configuration: each identity gets a member and the officer role
// once (later officers are invited by an officer, in chat).
import type { RpcClient } from './rpc-client.js';
import type { Channel } from '../conversation/contract.js';
import { DatabaseCallError } from './turn-store.js';

/** Grants the officer role to these identities in the ward; returns how many were granted now. */
export async function ensureAdmins(db: RpcClient, wardCode: string, identities: { channel: Channel; externalId: string }[]): Promise<number> {
  if (!identities.length) return 0;
  const { data, error } = await db.rpc('bot_admins_ensure', { p_ward_code: wardCode, p_identities: identities });
  if (error) throw new DatabaseCallError('bot_admins_ensure', error.code, error.message);
  return Number(data ?? 0);
}
