// Typed wrappers for a broadcast's progress message: claim the broadcasts whose officer should see
// new counts now, and record what was shown.
import type { RpcClient } from './rpc-client.js';
import { z } from 'zod';
import type { Channel } from '../conversation/contract.js';
import { countsSchema } from '../conversation/capabilities/broadcasts/data.js';
import { DatabaseCallError } from './turn-store.js';

const shownSchema = z.object({ status: z.enum(['sending', 'paused', 'cancelled', 'done']), counts: countsSchema });

const claimedSchema = z.array(
  z.object({
    id: z.string(),
    channel: z.enum(['console', 'telegram', 'zalo']),
    chatId: z.string().nullable(),
    messageId: z.string().nullable(),
    status: z.enum(['sending', 'paused', 'cancelled', 'done']),
    counts: countsSchema,
    shown: shownSchema.nullable(),
    locale: z.enum(['vi', 'en']),
  }),
);

/** A broadcast whose progress is due. */
export type ProgressDue = z.infer<typeof claimedSchema>[number];

/** What a progress message showed. */
export type ProgressShown = z.infer<typeof shownSchema>;

/** The progress calls. */
export interface BroadcastStore {
  claimProgress(worker: string, channels: Channel[], minSeconds: number): Promise<ProgressDue[]>;
  /** Records what was shown (null: nothing, the claim is let go) and the message showing it. */
  reportProgress(id: string, messageId: string | null, shown: ProgressShown | null): Promise<void>;
}

/** The BroadcastStore over the database's RPC functions. */
export function createBroadcastStore(db: RpcClient): BroadcastStore {
  return {
    async claimProgress(worker, channels, minSeconds) {
      const { data, error } = await db.rpc('bot_broadcast_progress_claim', { p_worker: worker, p_channels: channels, p_min_seconds: minSeconds });
      if (error) throw new DatabaseCallError('bot_broadcast_progress_claim', error.code, error.message);
      const parsed = claimedSchema.safeParse(data);
      if (!parsed.success) throw new DatabaseCallError('bot_broadcast_progress_claim', 'SHAPE', parsed.error.message);
      return parsed.data;
    },
    async reportProgress(id, messageId, shown) {
      const { error } = await db.rpc('bot_broadcast_progress_report', { p_id: id, p_message_id: messageId, p_shown: shown });
      if (error) throw new DatabaseCallError('bot_broadcast_progress_report', error.code, error.message);
    },
  };
}
