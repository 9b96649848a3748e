// Typed wrappers for the calls a chat turn makes: load before, save after, and (only where a step
// shows fresh data) one fetch in between; plus the flush of delivered-reply marks.
import type { RpcClient } from './rpc-client.js';
import type { z } from 'zod';
import type { Catalog, ConversationState, DataEntry, DataRequest, Effect, EffectResult, InboundEvent, MemberView, ReplyPlan } from '../conversation/contract.js';
import { loadResultSchema, saveResultSchema, undeliveredSchema } from './turn-schemas.js';

/** A reply kept with the conversation and not delivered, as loaded for a redelivered event. */
export interface StoredReply {
  plan: ReplyPlan;
  result: EffectResult | null;
  /** 'failed': the channel could not send it; 'pending': saved and maybe still being sent. */
  state: 'pending' | 'failed';
  /** The process that saved the turn. */
  owner: string | null;
  ageMs: number;
}

/** Everything loaded for a turn. */
export type LoadedTurn =
  | { foreign: true }
  | {
      foreign: false;
      duplicate: boolean;
      /** For a repeated event whose reply was never delivered: that reply, to send again. */
      pendingReply: StoredReply | null;
      conversationId: string;
      version: number;
      state: ConversationState;
      member: MemberView;
      catalog: Catalog | null;
      data: DataEntry[];
    };

/** What saving a turn said. */
export type SavedTurn = { ok: true; version: number; effect: EffectResult | null } | { ok: false; reason: 'stale' | 'duplicate_event' | 'foreign' };

/** A reply the channel delivered: conversation and event. */
export interface DeliveredMark {
  c: string;
  e: string;
}

/** The persistence a turn needs; the services depend on this, not on supabase-js. */
export interface TurnStore {
  load(event: InboundEvent, input: string | null, catalogVersions: Record<string, number>, defaultWard: string, delivered: DeliveredMark[]): Promise<LoadedTurn>;
  fetch(memberId: string, request: DataRequest): Promise<unknown>;
  save(turn: {
    conversationId: string;
    version: number;
    state: ConversationState;
    event: InboundEvent;
    memberId: string;
    effect: Effect | null;
    reply: ReplyPlan;
    /** The process saving the turn: it sends the reply. */
    owner: string;
    delivered: DeliveredMark[];
  }): Promise<SavedTurn>;
  markDelivered(delivered: DeliveredMark[]): Promise<void>;
  /** The reply of this event could not be sent: its next delivery gets it at once. */
  markFailed(mark: DeliveredMark): Promise<void>;
  /** The chats of a channel whose last reply was saved within `withinSeconds` and never delivered, oldest first. */
  undelivered(channel: InboundEvent['channel'], withinSeconds: number, limit: number): Promise<UndeliveredReply[]>;
}

/** A chat whose last turn's reply was kept and not delivered: the event that produced it. */
export interface UndeliveredReply {
  chatId: string;
  userId: string;
  eventId: string;
}

/** A database call that failed for an unexpected reason; carries a stable code. */
export class DatabaseCallError extends Error {
  readonly code = 'DB_CALL_FAILED';
  constructor(
    readonly fn: string,
    readonly postgrestCode: string | undefined,
    message: string,
  ) {
    super(`${fn} failed: ${message}`);
  }
}

/** The scope an event id is unique in: the bot it was sent to and the chat. */
export function eventScope(event: InboundEvent): string {
  return `${event.botId ?? ''}:${event.chatId}`;
}

/** The TurnStore over the database's RPC functions. */
export function createTurnStore(db: RpcClient): TurnStore {
  async function call<S extends z.ZodType>(fn: string, args: Record<string, unknown>, schema: S | null): Promise<z.infer<S>> {
    const { data, error } = await db.rpc(fn, args);
    if (error) throw new DatabaseCallError(fn, error.code, error.message);
    if (!schema) return data as z.infer<S>;
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new DatabaseCallError(fn, 'SHAPE', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return parsed.data;
  }
  return {
    async load(event, input, catalogVersions, defaultWard, delivered) {
      const r = await call(
        'bot_turn_load',
        {
          p_channel: event.channel,
          p_scope: eventScope(event),
          p_chat_id: event.chatId,
          p_user_id: event.userId,
          p_locale_hint: event.languageHint ?? null,
          p_event_id: event.eventId,
          p_input: input,
          p_catalog_versions: catalogVersions,
          p_default_ward: defaultWard,
          p_delivered: delivered,
        },
        loadResultSchema,
      );
      if ('foreign' in r) return { foreign: true };
      return {
        foreign: false,
        duplicate: r.duplicate,
        pendingReply: r.pendingReply
          ? {
              plan: r.pendingReply.plan as ReplyPlan,
              result: (r.pendingReply.result ?? null) as EffectResult | null,
              state: r.pendingReply.state,
              owner: r.pendingReply.owner,
              ageMs: r.pendingReply.ageMs,
            }
          : null,
        conversationId: r.conversation.id,
        version: r.conversation.version,
        state: r.conversation.state as unknown as ConversationState,
        member: r.member,
        catalog: r.catalog,
        data: r.data as DataEntry[],
      };
    },
    fetch: (memberId, request) => call('bot_turn_fetch', { p_member_id: memberId, p_request: request }, null),
    async save(turn) {
      return call(
        'bot_turn_save',
        {
          p_conversation_id: turn.conversationId,
          p_version: turn.version,
          p_state: turn.state,
          p_channel: turn.event.channel,
          p_scope: eventScope(turn.event),
          p_event_id: turn.event.eventId,
          p_member_id: turn.memberId,
          p_effect: turn.effect,
          p_reply: turn.reply,
          p_owner: turn.owner,
          p_delivered: turn.delivered,
        },
        saveResultSchema,
      ) as Promise<SavedTurn>;
    },
    async markDelivered(delivered) {
      await call('bot_replies_delivered', { p_items: delivered }, null);
    },
    async markFailed(mark) {
      await call('bot_reply_failed', { p_conversation_id: mark.c, p_event_id: mark.e }, null);
    },
    async undelivered(channel, withinSeconds, limit) {
      return call('bot_replies_undelivered', { p_channel: channel, p_within_seconds: withinSeconds, p_limit: limit }, undeliveredSchema);
    },
  };
}
