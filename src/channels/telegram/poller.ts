// Long polling for Telegram: getUpdates -> handle the whole batch (one chat's updates in order,
// different chats at once) -> only then the next getUpdates, whose offset confirms the batch.
// Telegram forgets an update once a later offset confirms it, so confirming only what has been
// handled means that a crash at any moment, even kill -9, loses no update: the unconfirmed ones
// come again at the next start, and those already recorded are recognised as duplicates.
import type { Logger } from '../../logging/logger.js';
import { POLL_RETRY, withBoundedRetry } from '../bounded-retry.js';
import { failureCode } from '../failure.js';
import { chatKeyOf, updateIdOf } from './parse-update.js';

/** A running poll loop. */
export interface TelegramPoller {
  /** Stops polling, finishes the batch in hand and confirms it; resolves when the loop has ended. */
  stop(): Promise<void>;
}

/** What the loop needs. */
export interface TelegramPollerOptions {
  /** One getUpdates call: up to `limit` updates from `offset` on (every unconfirmed one when undefined). */
  getUpdates: (request: { offset: number | undefined; timeout: number; limit: number }, signal: AbortSignal) => Promise<unknown[]>;
  /** Processes one update; a failure a retry can fix is tried again briefly, then given up. */
  handle: (update: unknown) => Promise<void>;
  /** Whether a failure may go away on a second try. */
  retryable: (err: unknown) => boolean;
  log: Logger;
  /** Seconds the server may hold a poll open. */
  timeoutSeconds?: number;
}

/** Starts the loop. */
export function startTelegramPoller(o: TelegramPollerOptions): TelegramPoller {
  const abort = new AbortController();
  const timeoutSeconds = o.timeoutSeconds ?? 30;
  let stopped = false;
  let offset: number | undefined;
  let confirmed: number | undefined;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const handleOne = async (update: unknown) => {
    const outcome = await withBoundedRetry(() => o.handle(update), POLL_RETRY, { stopped: () => stopped, retryable: o.retryable });
    if (!outcome.ok) o.log.error('telegram.update_given_up', { update: updateIdOf(update), attempts: outcome.attempts, code: failureCode(outcome.error) });
  };

  // One chat's updates one after another, in the order Telegram gave them; chats side by side.
  const handleBatch = async (updates: unknown[]) => {
    const chats = new Map<string, unknown[]>();
    for (const update of updates) {
      const key = chatKeyOf(update) ?? `update:${updateIdOf(update) ?? chats.size}`;
      chats.set(key, [...(chats.get(key) ?? []), update]);
    }
    await Promise.all(
      [...chats.values()].map(async (queue) => {
        for (const update of queue) await handleOne(update);
      }),
    );
  };

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      let updates: unknown[];
      try {
        updates = await o.getUpdates({ offset, timeout: timeoutSeconds, limit: 100 }, abort.signal);
        confirmed = offset;
        failures = 0;
      } catch (err) {
        if (stopped) break;
        failures++;
        o.log.warn('telegram.poll_failed', { code: failureCode(err), status: (err as { error_code?: number }).error_code ?? null, failures });
        await pause(Math.min(30_000, 250 * 2 ** Math.min(failures, 7)));
        continue;
      }
      if (!updates.length) continue;
      await handleBatch(updates);
      for (const update of updates) {
        const id = updateIdOf(update);
        if (id !== null && (offset === undefined || id + 1 > offset)) offset = id + 1;
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      abort.abort();
      (wake as (() => void) | null)?.();
      await loop;
      // Confirm the last batch, so the next start does not get it again (harmless if this fails).
      if (offset !== undefined && offset !== confirmed) {
        await o.getUpdates({ offset, timeout: 0, limit: 1 }, AbortSignal.timeout(5_000)).catch(() => undefined);
      }
    },
  };
}
