// Typed wrappers for the two calls a chat turn makes: load before, save after.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { z } from 'zod';
import type { Catalog, ConversationState, Effect, EffectResult, InboundEvent, LookupResult, MemberView } from '../conversation/contract.js';
import { loadResultSchema, saveResultSchema } from './turn-schemas.js';

/** Everything loaded for a turn. */
export interface LoadedTurn {
  duplicate: boolean;
  conversationId: string;
  version: number;
  state: ConversationState;
  member: MemberView;
  catalog: Catalog | null;
  lookup: LookupResult | null;
}

/** What saving a turn said. */
export type SavedTurn = { ok: true; version: number; effect: EffectResult | null } | { ok: false; reason: 'stale' | 'duplicate_event' };

/** The persistence a turn needs; the services depend on this, not on supabase-js. */
export interface TurnStore {
  load(event: InboundEvent, input: string | null, catalogVersions: Record<string, number>, defaultWard: string): Promise<LoadedTurn>;
  save(turn: { conversationId: string; version: number; state: ConversationState; event: InboundEvent; memberId: string; effect: Effect | null }): Promise<SavedTurn>;
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

/** The TurnStore over supabase-js RPC. */
export function createTurnStore(supabase: SupabaseClient): TurnStore {
  async function call<S extends z.ZodType>(fn: string, args: Record<string, unknown>, schema: S): Promise<z.infer<S>> {
    const { data, error } = await supabase.rpc(fn, args);
    if (error) throw new DatabaseCallError(fn, error.code, error.message);
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new DatabaseCallError(fn, 'SHAPE', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return parsed.data;
  }
  return {
    async load(event, input, catalogVersions, defaultWard) {
      const r = await call(
        'bot_turn_load',
        {
          p_channel: event.channel,
          p_chat_id: event.chatId,
          p_user_id: event.userId,
          p_locale_hint: event.languageHint ?? null,
          p_event_id: event.eventId,
          p_input: input,
          p_catalog_versions: catalogVersions,
          p_default_ward: defaultWard,
        },
        loadResultSchema,
      );
      return {
        duplicate: r.duplicate,
        conversationId: r.conversation.id,
        version: r.conversation.version,
        state: r.conversation.state as unknown as ConversationState,
        member: r.member,
        catalog: r.catalog,
        lookup: r.lookup,
      };
    },
    async save(turn) {
      return call(
        'bot_turn_save',
        {
          p_conversation_id: turn.conversationId,
          p_version: turn.version,
          p_state: turn.state,
          p_channel: turn.event.channel,
          p_event_id: turn.event.eventId,
          p_member_id: turn.memberId,
          p_effect: turn.effect,
        },
        saveResultSchema,
      );
    },
  };
}
