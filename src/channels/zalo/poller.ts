// Long polling for Zalo: getUpdates returns one update per call and has no offset, so each
// update is handled (and recorded) before the next poll; a 408 means nothing arrived. Errors
// pause the loop with a growing delay; a refused token stops it.
import type { Logger } from '../../logging/logger.js';
import { ZaloTokenError, type ZaloApi } from './api-client.js';
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

/** How often a failing update is tried before it is given up (the event id makes retries safe). */
const HANDLE_ATTEMPTS = 3;

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

  const handleWithRetry = async (update: ZaloUpdate) => {
    for (let attempt = 1; attempt <= HANDLE_ATTEMPTS; attempt++) {
      try {
        await o.handle(update);
        return;
      } catch (err) {
        o.log.error('zalo.update_failed', { event: update.message?.message_id ?? null, attempt, code: (err as { code?: string }).code ?? 'UNEXPECTED' });
        if (attempt < HANDLE_ATTEMPTS && !stopped) await pause(500 * attempt);
      }
    }
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
        if (err instanceof ZaloTokenError) {
          o.log.error('zalo.token_refused', { code: err.code });
          o.onTokenRefused?.(err);
          break;
        }
        failures++;
        o.log.warn('zalo.poll_failed', { code: (err as { code?: string }).code ?? 'UNEXPECTED', failures });
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
