// Drains the outbox: claims messages that are due (Postgres decides who sends what, so several
// processes may run a worker each), sends each through its channel's sender at the channel's
// pace, and reports what happened (sent, unreachable, to retry, failed) in one call per batch.
import type { Channel, Locale, Outbound } from '../conversation/contract.js';
import type { ClaimRequest, ClaimedMessage, DeliveryReport, OutboxStore } from '../db/outbox-store.js';
import type { Logger } from '../logging/logger.js';
import { MENU_KIND, menuRolesOf, type ChannelSender, type SendResult } from './delivery.js';
import { RateLimiter } from './rate-limiter.js';
import type { BroadcastStore } from '../db/broadcast-store.js';
import { showProgress } from './broadcast-progress.js';
import { wakeablePause } from './wakeable-pause.js';

/** A running worker. */
export interface DeliveryWorker {
  /** Looks for due messages now (after a turn queued some) instead of at the next poll. */
  wake(): void;
  /** Finishes the batch in hand and stops. */
  stop(): Promise<void>;
}

/** The worker's settings. */
export interface DeliveryWorkerOptions {
  store: OutboxStore;
  senders: ChannelSender[];
  worker: string;
  consoleChat: string | null;
  quiet: ClaimRequest['quiet'];
  log: Logger;
  /** Turns a queued payload ({notice, args} or {messages}) into messages in the recipient's language. */
  render: (payload: ClaimedMessage['payload'], locale: Locale) => Outbound[];
  /** Messages per second per channel (Telegram about 30 overall; 25 keeps a margin). */
  ratePerSecond?: Partial<Record<Channel, number>>;
  /** How often to look when the outbox was empty. */
  idleMs?: number;
  batch?: number;
  /** Messages marked begun together (default: a third of a second's worth at the slowest channel's pace). */
  wave?: number;
  /** Messages handed to the pacers and not yet answered, at most (default: two waves). */
  inFlight?: number;
  leaseSeconds?: number;
  /** Broadcasts' progress messages to their officers, paced with the rest. */
  progress?: { store: BroadcastStore; minSeconds?: number; everyOnNew?: number; everyMs?: number };
}

const DEFAULT_RATES: Record<Channel, number> = { telegram: 25, zalo: 10, console: 1000 };
/** The least time between two messages to one chat (Telegram: one a second). */
const PER_CHAT_GAP_MS: Partial<Record<Channel, number>> = { telegram: 1000 };

/** Starts the loop. */
export function startDeliveryWorker(o: DeliveryWorkerOptions): DeliveryWorker {
  const senders = new Map(o.senders.map((s) => [s.channel, s]));
  const limiters = new Map(o.senders.map((s) => [s.channel, new RateLimiter(o.ratePerSecond?.[s.channel] ?? DEFAULT_RATES[s.channel], 1)]));
  const idleMs = o.idleMs ?? 1000;
  let stopped = false;
  const pause = wakeablePause();
  const sleep = pause.sleep;

  // What one send (or menu change) came to, for the report.
  const outcomeOf = (m: ClaimedMessage, result: SendResult): DeliveryReport => {
    if (result.ok) return { id: m.id, outcome: 'sent' };
    if (result.kind === 'unreachable') return { id: m.id, outcome: 'unreachable' };
    if (result.kind === 'retry') {
      if (result.afterMs) limiters.get(m.channel)!.pause(result.afterMs);
      return { id: m.id, outcome: 'retry', afterMs: result.afterMs ?? Math.min(300_000, 2000 * 2 ** m.attempts), error: result.error };
    }
    return { id: m.id, outcome: 'failed', error: result.error };
  };

  // A message's send: rendered, then (once its turn comes at the channel's pace) sent; `issued`
  // is told the moment it goes.
  const sendOne = async (m: ClaimedMessage, issued: () => void): Promise<DeliveryReport> => {
    const sender = senders.get(m.channel);
    if (!sender) return { id: m.id, outcome: 'retry', afterMs: 60_000, error: 'channel not served here' };
    let send: () => Promise<SendResult>;
    if (m.kind === MENU_KIND) {
      // Not a message: the chat's command menu follows the person's roles.
      const roles = menuRolesOf(m.payload);
      if (!roles || !sender.setMenu) return { id: m.id, outcome: 'failed', error: 'no menu to set here' };
      send = () => sender.setMenu!(m.chatId, roles);
    } else {
      let messages: Outbound[];
      try {
        messages = o.render(m.payload, m.locale);
      } catch {
        // A payload this version of the bot cannot render: a bug, not something a retry fixes.
        return { id: m.id, outcome: 'failed', error: `cannot render ${m.payload.notice ?? 'messages'}` };
      }
      send = () => sender.send(m.chatId, messages, m.locale);
    }
    try {
      return outcomeOf(
        m,
        await limiters.get(m.channel)!.run(() => {
          issued();
          return send();
        }),
      );
    } catch (err) {
      return { id: m.id, outcome: 'retry', afterMs: Math.min(300_000, 2000 * 2 ** m.attempts), error: (err as { code?: string }).code ?? 'UNEXPECTED' };
    }
  };

  // The pipeline. Claimed rows wait in `queue`; a wave of them (about a third of a second of sends)
  // is marked begun just before it goes (after a crash only the marked rows whose outcome was not
  // written yet are uncertain, about a second of sends at most; the rest go back to the queue when
  // their lease runs out). Each marked message is handed to its channel's pacer
  // as soon as there is room, without waiting for the rest of its wave: the next wave is marked
  // while the last third of this one goes, and the next batch is claimed while the queue still
  // holds a wave, so the pace never waits for the database nor for the slowest call of a wave.
  // Each wave's report is written once its last send is answered. One chat's messages go in
  // order (on Telegram, one a second); different chats side by side.
  const wave = Math.max(1, o.wave ?? Math.min(...o.senders.map((x) => Math.ceil((o.ratePerSecond?.[x.channel] ?? DEFAULT_RATES[x.channel]) / 3))));
  // Messages handed to the pacers and not yet answered, at most (a channel's own at most a third
  // of a second of its sends waiting for their turn, so a slow channel does not hold the others).
  const inHand = o.inFlight ?? 2 * wave;
  const laneCap = (c: Channel) => Math.max(2, Math.ceil((o.ratePerSecond?.[c] ?? DEFAULT_RATES[c]) / 3));
  const queue: ClaimedMessage[] = [];
  let claiming: Promise<void> | null = null;
  let failures = 0;
  const claimMore = (): Promise<void> =>
    (claiming ??= (async () => {
      try {
        const rows = await o.store.claim({
          worker: o.worker,
          channels: [...senders.keys()],
          consoleChat: o.consoleChat,
          limit: o.batch ?? 50,
          leaseSeconds: o.leaseSeconds ?? 120,
          quiet: o.quiet,
        });
        failures = 0;
        queue.push(...rows);
      } catch (err) {
        failures += 1;
        o.log.warn('delivery.claim_failed', { code: (err as { code?: string }).code ?? 'UNEXPECTED', failures });
      } finally {
        claiming = null;
      }
    })());

  interface Wave {
    rows: ClaimedMessage[];
    reports: DeliveryReport[];
  }
  const mark = (chunk: ClaimedMessage[]): Promise<Wave | null> =>
    o.store.started(o.worker, chunk.map((m) => m.id)).then(
      (ids) => {
        const begun = new Set(ids);
        return { rows: chunk.filter((m) => begun.has(m.id)), reports: [] };
      },
      (err: unknown) => {
        // Not marked: not sent either; the lease runs out and the rows are claimed again.
        o.log.warn('delivery.start_failed', { count: chunk.length, code: (err as { code?: string }).code ?? 'UNEXPECTED' });
        return null;
      },
    );

  const written = new Set<Promise<void>>();
  const writeReport = (w: Wave) => {
    const p = o.store
      .report(o.worker, w.reports)
      .catch((err: unknown) => {
        // Not recorded: the leases run out and the rows become 'uncertain' (never sent twice).
        o.log.error('delivery.report_failed', { count: w.reports.length, code: (err as { code?: string }).code ?? 'UNEXPECTED' });
      })
      .finally(() => written.delete(p));
    written.add(p);
    o.log.debug('delivery.wave', { count: w.rows.length, sent: w.reports.filter((r) => r.outcome === 'sent').length });
  };

  // Room to hand over one more message (a task ended): the dispatcher waits on this.
  let outstanding = 0;
  const lanes = new Map<Channel, number>();
  let roomMade: (() => void) | null = null;
  const room = () => new Promise<void>((r) => (roomMade = r));
  // per chat: the last message handed over (the next one waits for it) and when the last one went
  const chats = new Map<string, { tail: Promise<unknown>; at: number }>();
  const tasks = new Set<Promise<void>>();

  const dispatch = async (m: ClaimedMessage, w: Wave): Promise<void> => {
    while (outstanding >= inHand || (lanes.get(m.channel) ?? 0) >= laneCap(m.channel)) await room();
    outstanding += 1;
    lanes.set(m.channel, (lanes.get(m.channel) ?? 0) + 1);
    const key = `${m.channel}:${m.chatId}`;
    const before = chats.get(key);
    const gap = PER_CHAT_GAP_MS[m.channel] ?? 0;
    const chat = { tail: Promise.resolve() as Promise<unknown>, at: -Infinity };
    const task = (async () => {
      if (before) {
        await before.tail;
        const wait = before.at + gap - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      const report = await sendOne(m, () => (chat.at = performance.now()));
      w.reports.push(report);
      if (w.reports.length === w.rows.length) writeReport(w);
    })().finally(() => {
      outstanding -= 1;
      lanes.set(m.channel, lanes.get(m.channel)! - 1);
      tasks.delete(task);
      if (chats.get(key) === chat && performance.now() - chat.at >= gap) chats.delete(key);
      else if (chats.get(key) === chat) setTimeout(() => chats.get(key) === chat && chats.delete(key), gap).unref();
      roomMade?.();
      roomMade = null;
    });
    chat.tail = task;
    chats.set(key, chat);
    tasks.add(task);
  };

  const loop = (async () => {
    let next: Promise<Wave | null> | null = null;
    for (;;) {
      if (!next) {
        if (stopped) break;
        if (!queue.length) await claimMore();
        if (!queue.length) {
          if (stopped) break;
          await sleep(failures ? Math.min(30_000, idleMs * 2 ** Math.min(failures, 5)) : idleMs);
          continue;
        }
        next = mark(queue.splice(0, wave));
      }
      const current = await next;
      next = null;
      if (!current) {
        await sleep(idleMs);
        continue;
      }
      for (let i = 0; i < current.rows.length; i++) {
        if (!next && !stopped && current.rows.length - i <= Math.ceil(wave / 3)) {
          if (queue.length < wave) void claimMore();
          if (queue.length) next = mark(queue.splice(0, wave));
        }
        await dispatch(current.rows[i]!, current);
      }
    }
    await Promise.all(tasks);
    await Promise.all(written);
    await claiming;
  })();

  // The officers' progress messages: a pass every second or so, beside the sends.
  const progress = o.progress;
  const progressLoop = progress
    ? (async () => {
        while (!stopped) {
          try {
            await showProgress({
              store: progress.store,
              senders,
              worker: o.worker,
              paced: (channel, call) => limiters.get(channel)?.run(call) ?? call(),
              log: o.log,
              minSeconds: progress.minSeconds ?? 3,
              everyOnNew: progress.everyOnNew ?? 500,
            });
          } catch (err) {
            o.log.warn('broadcast.progress_claim_failed', { code: (err as { code?: string }).code ?? 'UNEXPECTED' });
          }
          await new Promise((r) => setTimeout(r, progress.everyMs ?? 1000));
        }
      })()
    : Promise.resolve();

  return {
    wake: pause.wake,
    async stop() {
      stopped = true;
      pause.interrupt();
      await loop;
      await progressLoop;
    },
  };
}
