// Typed wrappers for the delivery worker's two calls: claim messages that are due, report what
// became of them.
import type { RpcClient } from './rpc-client.js';
import { z } from 'zod';
import type { Channel } from '../conversation/contract.js';
import { DatabaseCallError } from './turn-store.js';

const claimedSchema = z.array(
  z.object({
    id: z.union([z.number(), z.string()]).transform(String),
    memberId: z.string(),
    channel: z.enum(['console', 'telegram', 'zalo']),
    chatId: z.string(),
    payload: z.object({ notice: z.string().optional(), args: z.unknown().optional(), messages: z.array(z.unknown()).optional() }).loose(),
    kind: z.string(),
    attempts: z.number().int(),
    locale: z.enum(['vi', 'en']),
  }),
);

/** A message claimed for sending. */
export type ClaimedMessage = z.infer<typeof claimedSchema>[number];

/** What became of one claimed message. */
export interface DeliveryReport {
  id: string;
  outcome: 'sent' | 'unreachable' | 'retry' | 'failed';
  afterMs?: number;
  error?: string;
}

/** What a worker asks for. */
export interface ClaimRequest {
  worker: string;
  channels: Channel[];
  /** The terminal's own person: console messages for anyone else wait for their own session. */
  consoleChat: string | null;
  limit: number;
  leaseSeconds: number;
  /** Quiet hours in ward time, e.g. {from: '21:00', to: '07:00'}; null: none. */
  quiet: { from: string; to: string } | null;
}

/** The outbox calls. */
export interface OutboxStore {
  claim(request: ClaimRequest): Promise<ClaimedMessage[]>;
  /**
   * Marks claimed rows as about to be sent (after a crash only these count as uncertain); returns
   * the ids marked: a row of a broadcast paused meanwhile is handed back instead.
   */
  started(worker: string, ids: string[]): Promise<string[]>;
  report(worker: string, reports: DeliveryReport[]): Promise<void>;
}

/** The OutboxStore over the database's RPC functions. */
export function createOutboxStore(db: RpcClient): OutboxStore {
  return {
    async claim(r) {
      const { data, error } = await db.rpc('bot_outbox_claim', {
        p_worker: r.worker,
        p_channels: r.channels,
        p_console_chat: r.consoleChat,
        p_limit: r.limit,
        p_lease_seconds: r.leaseSeconds,
        p_quiet: r.quiet,
      });
      if (error) throw new DatabaseCallError('bot_outbox_claim', error.code, error.message);
      const parsed = claimedSchema.safeParse(data);
      if (!parsed.success) throw new DatabaseCallError('bot_outbox_claim', 'SHAPE', parsed.error.message);
      return parsed.data;
    },
    async started(worker, ids) {
      if (!ids.length) return [];
      const { data, error } = await db.rpc('bot_outbox_started', { p_worker: worker, p_ids: ids.map(Number) });
      if (error) throw new DatabaseCallError('bot_outbox_started', error.code, error.message);
      const parsed = z.array(z.union([z.number(), z.string()]).transform(String)).safeParse(data);
      if (!parsed.success) throw new DatabaseCallError('bot_outbox_started', 'SHAPE', parsed.error.message);
      return parsed.data;
    },
    async report(worker, reports) {
      if (!reports.length) return;
      const { error } = await db.rpc('bot_outbox_report', { p_worker: worker, p_results: reports });
      if (error) throw new DatabaseCallError('bot_outbox_report', error.code, error.message);
    },
  };
}
