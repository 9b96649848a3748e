// Long polling for Zalo: getUpdates returns one update per call and has no offset, so each
// update is handled (and recorded) before the next poll; a 408 means nothing arrived. One update
// never holds up the next poll for more than a few seconds: a failure a retry can fix is tried
// again briefly, anything else is given up at once (and logged with the event id). Poll errors
// pause the loop with a growing delay; a result that is not an update is skipped; a refused
// token stops it.
import type { Logger } from '../../logging/logger.js';
import { POLL_RETRY, withBoundedRetry } from '../bounded-retry.js';
import { failureCode } from '../failure.js';
import { ZaloTokenError, ZaloUnreadableUpdateError, type ZaloApi } from './api-client.js';
import type { ZaloUpdate } from './wire.js';

/** A running poll loop. */
export interface ZaloPoller {
  /** Stops polling after the update in hand; resolves when the loop has ended. */
  stop(): Promise<void>;
}

/** Poll settings. */
export interface ZaloPollerOptions {
  api: ZaloApi;
  handle: (update: ZaloUpdate) => Promise<void>;
  log: Logger;
  /** Seconds the server may hold a poll open. */
  timeoutSeconds?: number;
  /** Called when the token is refused while running. */
  onTokenRefused?: (err: ZaloTokenError) => void;
}

/** Starts the loop. */
export function startZaloPoller(o: ZaloPollerOptions): ZaloPoller {
  const abort = new AbortController();
  let stopped = false;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  // The event id makes a second try safe: a turn that was saved is not run twice.
  const handleWithRetry = async (update: ZaloUpdate) => {
    const outcome = await withBoundedRetry(() => o.handle(update), POLL_RETRY, {
      stopped: () => stopped,
      onFailure: (err, attempt) => o.log.warn('zalo.update_failed', { event: update.message?.message_id ?? null, attempt, code: failureCode(err) }),
    });
    if (!outcome.ok) o.log.error('zalo.update_given_up', { event: update.message?.message_id ?? null, attempts: outcome.attempts, code: failureCode(outcome.error) });
  };

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      let update: ZaloUpdate | null;
      try {
        update = await o.api.getUpdates(o.timeoutSeconds ?? 30, abort.signal);
        failures = 0;
      } catch (err) {
        if (stopped) break;
        if (err instanceof ZaloUnreadableUpdateError) {
          o.log.debug('zalo.ignored', { reason: 'unreadable_update' });
          continue;
        }
        if (err instanceof ZaloTokenError) {
          o.log.error('zalo.token_refused', { code: err.code });
          o.onTokenRefused?.(err);
          break;
        }
        failures++;
        o.log.warn('zalo.poll_failed', { code: failureCode(err), failures });
        await pause(Math.min(30_000, 250 * 2 ** Math.min(failures, 7)));
        continue;
      }
      if (update) await handleWithRetry(update);
    }
  })();

  return {
    async stop() {
      stopped = true;
      abort.abort();
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}
