// One chat turn: load (state, person, catalog, lookups) -> run the engine -> save (state, event
// id and effect in one transaction) -> the reply. Two round trips; a save refused because
// another process moved the conversation on re-runs the turn on the newer state.
import type { ConversationState, InboundEvent, Locale, Outbound } from '../conversation/contract.js';
import { initialState, runTurn } from '../conversation/engine.js';
import type { TurnStore } from '../db/turn-store.js';
import type { Logger } from '../logging/logger.js';
import { CatalogCache } from './catalog-cache.js';
import { KeyedQueue } from './keyed-queue.js';

/** What to show the person after a turn, in which language. */
export type TurnReply =
  | { kind: 'reply'; locale: Locale; messages: Outbound[] }
  /** The event was processed before (a redelivery): show nothing. */
  | { kind: 'duplicate' };

/** Handles inbound events for every channel. */
export interface TurnService {
  handle(event: InboundEvent): Promise<TurnReply>;
  /** Waits for turns in hand (graceful shutdown). */
  idle(): Promise<void>;
}

/** How many times a turn is re-run when other processes keep moving the same conversation. */
const MAX_ATTEMPTS = 8;

/** A turn that could not be saved because the conversation kept changing under it. */
export class TurnConflictError extends Error {
  readonly code = 'TURN_CONFLICT';
}

/** Creates the turn service over a store. */
export function createTurnService(deps: {
  store: TurnStore;
  defaultWard: string;
  log: Logger;
  now?: () => Date;
  cache?: CatalogCache;
}): TurnService {
  const cache = deps.cache ?? new CatalogCache();
  const queue = new KeyedQueue();
  const now = deps.now ?? (() => new Date());

  async function runOnce(event: InboundEvent): Promise<TurnReply | 'stale'> {
    const input = event.kind === 'text' ? (event.text ?? null) : null;
    const loaded = await deps.store.load(event, input, cache.versions(), deps.defaultWard);
    if (loaded.duplicate) return { kind: 'duplicate' };
    if (loaded.catalog) cache.put(loaded.catalog);
    const catalog = cache.get(loaded.member.wardId);
    if (!catalog) throw new Error(`no catalog for ward ${loaded.member.wardId}`);
    const state: ConversationState = { ...initialState(), ...loaded.state };
    // The chat name comes with each event and is not stored (personal data, kept only with consent).
    const member = { ...loaded.member, displayName: event.displayName?.trim() || loaded.member.displayName };
    const outcome = runTurn(state, event, { member, catalog, lookup: loaded.lookup, now: now() });
    const saved = await deps.store.save({
      conversationId: loaded.conversationId,
      version: loaded.version,
      state: outcome.state,
      event,
      memberId: loaded.member.id,
      effect: outcome.effect,
    });
    if (!saved.ok) return saved.reason === 'stale' ? 'stale' : { kind: 'duplicate' };
    // A new language, or the language of the member this identity was just linked to.
    const changed = saved.effect?.type === 'set_locale' || (saved.effect?.type === 'link_redeem' && saved.effect.status === 'linked') ? saved.effect.locale : null;
    const locale = changed ?? outcome.locale ?? loaded.member.locale;
    return { kind: 'reply', locale, messages: outcome.reply(saved.effect) };
  }

  return {
    handle(event) {
      return queue.run(`${event.channel}:${event.chatId}`, async () => {
        const started = performance.now();
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
          const result = await runOnce(event);
          if (result !== 'stale') {
            deps.log.debug('turn.done', { channel: event.channel, event: event.eventId, attempt, ms: Math.round(performance.now() - started) });
            return result;
          }
          deps.log.debug('turn.stale', { channel: event.channel, event: event.eventId, attempt });
        }
        throw new TurnConflictError(`conversation kept changing; gave up after ${MAX_ATTEMPTS} attempts`);
      });
    },
    idle: () => queue.idle(),
  };
}
