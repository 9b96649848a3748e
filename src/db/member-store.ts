// Typed wrapper for what the channels report about a member outside a chat turn: whether the
// platform still lets the bot reach them (a block, an unblock).
import type { RpcClient } from './rpc-client.js';
import { z } from 'zod';
import type { Channel } from '../conversation/contract.js';
import { DatabaseCallError } from './turn-store.js';

/** The member calls the channel adapters make. */
export interface MemberStore {
  /** Marks the member behind a platform identity reachable or not; false when nobody has that identity. */
  setReachable(channel: Channel, userId: string, reachable: boolean): Promise<boolean>;
}

/** The MemberStore over the database's RPC functions. */
export function createMemberStore(db: RpcClient): MemberStore {
  return {
    async setReachable(channel, userId, reachable) {
      const { data, error } = await db.rpc('bot_member_set_reachable', { p_channel: channel, p_user_id: userId, p_reachable: reachable });
      if (error) throw new DatabaseCallError('bot_member_set_reachable', error.code, error.message);
      const parsed = z.boolean().safeParse(data);
      if (!parsed.success) throw new DatabaseCallError('bot_member_set_reachable', 'SHAPE', 'expected a boolean');
      return parsed.data;
    },
  };
}
