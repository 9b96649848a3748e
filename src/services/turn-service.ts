// One chat turn: load (state, person, catalog, lookups) -> run the engine -> save (state, event
// id, effect and the reply in one transaction) -> the reply. Two round trips (three where a step
// shows fresh data); a save refused because another process moved the conversation on re-runs the
// turn on the newer state. A reply is kept with the state until the channel says it was
// delivered, so an event the platform delivers again after a failed send (or after the process
// that was sending it died) gets the same reply; a copy that arrives while another process may
// still be sending it waits to see how that ends, so a person never gets the reply twice.
import { randomUUID } from 'node:crypto';
import type { ConversationState, InboundEvent, Locale, Outbound, TurnContext, TurnLinks } from '../conversation/contract.js';
import { initialState, runTurn } from '../conversation/engine/engine.js';
import type { Registry } from '../conversation/engine/registry.js';
import { renderReply } from '../conversation/engine/reply.js';
import type { DeliveredMark, TurnStore, UndeliveredReply } from '../db/turn-store.js';
import type { Logger } from '../logging/logger.js';
import { CatalogCache } from './catalog-cache.js';
import { KeyedQueue } from './keyed-queue.js';

/** What to show the person after a turn, in which language. */
export type TurnReply =
  | {
      kind: 'reply';
      locale: Locale;
      messages: Outbound[];
      /** The channel calls this once the messages are sent: the kept reply is then let go. */
      delivered: () => void;
      /** The channel calls this when sending failed (before answering the platform with an error). */
      failed: () => Promise<void>;
      /** The event came again and gets the reply it got before (which was not delivered). */
      redelivery: boolean;
    }
  /** The event was processed and answered before (a redelivery): show nothing. */
  | { kind: 'duplicate' }
  /** The chat belongs to another person (a malformed or hostile update): show nothing. */
  | { kind: 'ignored'; reason: 'foreign' };

/** How a turn is run. */
export interface HandleOptions {
  /**
   * The event is one whose reply was kept and not delivered, and the process that saved it is
   * known to be gone (a platform that never delivers an update again, at the start of its only
   * poller): the reply is sent at once, without waiting for that process.
   */
  orphaned?: boolean;
}

/** Handles inbound events for every channel. */
export interface TurnService {
  handle(event: InboundEvent, options?: HandleOptions): Promise<TurnReply>;
  /** Waits for turns in hand and records the replies delivered (graceful shutdown). */
  idle(): Promise<void>;
  /** Records the replies delivered so far now, instead of with the next call (before a platform forgets the update). */
  flushDelivered(): Promise<void>;
  /** The chats of a channel whose last reply was saved within `withinSeconds` and never delivered (their events, to handle as `orphaned`). */
  undelivered(channel: InboundEvent['channel'], withinSeconds: number): Promise<UndeliveredReply[]>;
}

/** How many undelivered replies a channel sends at start, at most. */
const UNDELIVERED_MAX = 500;

/** How many times a turn is re-run when other processes keep moving the same conversation. */
const MAX_ATTEMPTS = 8;
/** How many fresh-data fetches one turn may make (a step shows at most one list). */
const MAX_FETCHES = 2;
/** How long delivered marks wait for a call to ride on before they get a call of their own. */
const FLUSH_AFTER_MS = 1000;
/**
 * How long a reply saved by another process may still be on its way: a send (with its short
 * retries) ends well within this. Past it, that process is taken to be gone and the reply is
 * sent again.
 */
const IN_FLIGHT_MS = 10_000;

/** The chat an event belongs to: one chat's turns run one after another. */
const chatKey = (event: InboundEvent) => `${event.channel}:${event.chatId}`;

/** A turn that could not be saved because the conversation kept changing under it. */
export class TurnConflictError extends Error {
  readonly code = 'TURN_CONFLICT';
}

/** Creates the turn service over a store. */
export function createTurnService(deps: {
  store: TurnStore;
  registry: Registry;
  defaultWard: string;
  log: Logger;
  now?: () => Date;
  cache?: CatalogCache;
  /** How long a reply saved by another process may still be on its way (tests shorten it). */
  inFlightMs?: number;
  /** Called after a turn whose effect queued messages for others (wakes the delivery worker). */
  onQueued?: () => void;
  /** Addresses only a channel knows (the Telegram bot's username), read at each turn: a channel starts after this service. */
  links?: () => TurnLinks;
}): TurnService {
  const inFlightMs = deps.inFlightMs ?? IN_FLIGHT_MS;
  const cache = deps.cache ?? new CatalogCache();
  const queue = new KeyedQueue();
  const now = deps.now ?? (() => new Date());
  const marks = createDeliveredMarks(deps.store, deps.log);
  // Who saved a turn (and sends its reply): a repeated event can tell its own replies from others'.
  const processId = randomUUID();

  const reply = (locale: Locale, messages: Outbound[], mark: DeliveredMark, chat: string, redelivery: boolean): TurnReply => ({
    kind: 'reply',
    locale,
    messages,
    redelivery,
    delivered: () => marks.add(mark, chat),
    failed: () =>
      deps.store.markFailed(mark).catch((err: unknown) => {
        // Not recorded: the reply is sent again once IN_FLIGHT_MS has passed instead of at once.
        deps.log.warn('turn.failed_mark_lost', { code: (err as { code?: string }).code ?? 'UNEXPECTED' });
      }),
  });

  async function runOnce(event: InboundEvent, options: HandleOptions): Promise<TurnReply | 'stale' | 'in_flight'> {
    const own = marks.holdBack(chatKey(event));
    let result: TurnReply | 'stale' | 'in_flight' | undefined;
    try {
      result = await runSaving(event, options);
      return result;
    } finally {
      // Saved: this chat's earlier marks are moot. Anything else: they still wait to be recorded.
      const saved = typeof result === 'object' && result.kind === 'reply' && !result.redelivery;
      if (!saved) marks.giveBack(own);
    }
  }

  async function runSaving(event: InboundEvent, options: HandleOptions): Promise<TurnReply | 'stale' | 'in_flight'> {
    const input = event.kind === 'text' ? (event.text ?? null) : null;
    const loaded = await marks.riding((delivered) => deps.store.load(event, input, cache.versions(), deps.defaultWard, delivered));
    if (loaded.foreign) return { kind: 'ignored', reason: 'foreign' };
    if (loaded.catalog) cache.put(loaded.catalog);
    const catalog = cache.get(loaded.member.wardId);
    if (!catalog) throw new Error(`no catalog for ward ${loaded.member.wardId}`);
    // The chat name comes with each event and is not stored (personal data, kept only with consent).
    const member = { ...loaded.member, displayName: event.displayName?.trim() || loaded.member.displayName };
    const mark = { c: loaded.conversationId, e: event.eventId };

    if (loaded.duplicate) {
      const pending = loaded.pendingReply;
      if (!pending || marks.has(mark)) return { kind: 'duplicate' };
      // Another process saved this turn a moment ago and may still be sending its reply.
      if (pending.state === 'pending' && pending.owner !== processId && pending.ageMs < inFlightMs && !options.orphaned) return 'in_flight';
      const locale = pending.result?.locale ?? pending.plan.locale ?? member.locale;
      const messages = renderReply(pending.plan, pending.result, { catalog, member, locale, links: deps.links?.() }, deps.registry);
      return reply(locale, messages, mark, chatKey(event), true);
    }

    const state: ConversationState = { ...initialState(), ...loaded.state };
    const links = deps.links?.();
    let ctx: TurnContext = { member, catalog, data: loaded.data, now: now(), links };
    let outcome = runTurn(state, event, ctx, deps.registry);
    for (let fetches = 0; outcome.needs && fetches < MAX_FETCHES; fetches++) {
      // A question about to be shown lists fresh data: fetch it and decide again with it.
      const request = outcome.needs;
      const result = await deps.store.fetch(member.id, request);
      ctx = { ...ctx, data: [...ctx.data, { request, result }] };
      outcome = runTurn(state, event, ctx, deps.registry);
    }
    const saved = await marks.riding((delivered) =>
      deps.store.save({
        conversationId: loaded.conversationId,
        version: loaded.version,
        state: outcome.state,
        event,
        memberId: loaded.member.id,
        effect: outcome.effect,
        reply: outcome.reply,
        owner: processId,
        delivered,
      }),
    );
    if (!saved.ok) {
      if (saved.reason === 'stale') return 'stale';
      if (saved.reason === 'foreign') return { kind: 'ignored', reason: 'foreign' };
      // Another process recorded this event between our load and save: it answers it.
      return { kind: 'duplicate' };
    }
    if (saved.effect && typeof saved.effect.notified === 'number' && saved.effect.notified > 0) deps.onQueued?.();
    // A new language, or the language of the member this identity was just linked to.
    const locale = saved.effect?.locale ?? outcome.reply.locale ?? loaded.member.locale;
    const messages = renderReply(outcome.reply, saved.effect, { catalog, member, locale, links }, deps.registry);
    return reply(locale, messages, mark, chatKey(event), false);
  }

  return {
    handle(event, options = {}) {
      return queue.run(chatKey(event), async () => {
        const started = performance.now();
        let waited = 0;
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; ) {
          const result = await runOnce(event, options);
          if (result === 'in_flight' && waited < inFlightMs) {
            // Look again shortly: the other process either delivers it or is gone.
            const pause = Math.min(1000, 50 * 2 ** Math.min(5, Math.floor(waited / 200)));
            await new Promise((r) => setTimeout(r, pause));
            waited += pause;
            continue;
          }
          if (result !== 'stale' && result !== 'in_flight') {
            deps.log.debug('turn.done', { channel: event.channel, event: event.eventId, attempt, ms: Math.round(performance.now() - started) });
            return result;
          }
          if (result === 'in_flight') return { kind: 'duplicate' };
          deps.log.debug('turn.stale', { channel: event.channel, event: event.eventId, attempt });
          attempt++;
        }
        throw new TurnConflictError(`conversation kept changing; gave up after ${MAX_ATTEMPTS} attempts`);
      });
    },
    async idle() {
      await queue.idle();
      await marks.flush();
    },
    flushDelivered: () => marks.flush(),
    undelivered: (channel, withinSeconds) => deps.store.undelivered(channel, withinSeconds, UNDELIVERED_MAX),
  };
}

/**
 * Replies the channels delivered, waiting to be recorded: they ride on the next load or save of
 * this process (no round trip of their own under load), or get one call after a quiet second.
 */
function createDeliveredMarks(store: TurnStore, log: Logger) {
  let pending: DeliveredMark[] = [];
  /** The chat of each pending mark (`channel:chatId`). */
  const chatOf = new WeakMap<DeliveredMark, string>();
  let timer: NodeJS.Timeout | null = null;
  const take = () => {
    const taken = pending;
    pending = [];
    if (timer) clearTimeout(timer);
    timer = null;
    return taken;
  };
  const wait = () => {
    if (!pending.length) return;
    timer ??= setTimeout(() => void flush(), FLUSH_AFTER_MS);
    timer.unref?.();
  };
  const flush = async () => {
    const taken = take();
    if (!taken.length) return;
    try {
      await store.markDelivered(taken);
    } catch (err) {
      // Not recorded: a redelivery of these events would send their reply once more, nothing worse.
      log.warn('turn.delivered_marks_lost', { count: taken.length, code: (err as { code?: string }).code ?? 'UNEXPECTED' });
    }
  };
  const key = (m: DeliveredMark) => `${m.c}\u0000${m.e}`;
  const recent = new Set<string>();
  return {
    /** Whether this process delivered the reply (recorded or about to be). */
    has(mark: DeliveredMark) {
      return recent.has(key(mark)) || pending.some((p) => p.c === mark.c && p.e === mark.e);
    },
    add(mark: DeliveredMark, chat: string) {
      recent.add(key(mark));
      // Remembered for a while so a copy of the event handled here right after finds it at once.
      if (recent.size > 5000) recent.delete(recent.values().next().value!);
      chatOf.set(mark, chat);
      pending.push(mark);
      wait();
    },
    /**
     * Takes one chat's marks out of the pending ones. A turn of that chat holds them: once it is
     * saved they are moot (the conversation then holds the newer event, which no mark of the older
     * one matches), so they cost neither the load nor the save an update of the same row; a turn
     * that saves nothing gives them back.
     */
    holdBack(chat: string): DeliveredMark[] {
      const mine = pending.filter((m) => chatOf.get(m) === chat);
      if (mine.length) pending = pending.filter((m) => chatOf.get(m) !== chat);
      return mine;
    },
    giveBack(marks: DeliveredMark[]) {
      if (!marks.length) return;
      pending.push(...marks);
      wait();
    },
    /** Runs a call with the marks gathered so far; if the call fails they wait for the next one. */
    async riding<T>(call: (delivered: DeliveredMark[]) => Promise<T>): Promise<T> {
      const taken = take();
      try {
        return await call(taken);
      } catch (err) {
        pending.push(...taken);
        wait();
        throw err;
      }
    },
    flush,
  };
}
