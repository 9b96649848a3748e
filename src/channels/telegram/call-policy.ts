// How long the bot waits for the Bot API, and how often it tries again. Every call has a timeout
// (a long poll gets its own wait on top), so a Bot API that hangs fails the call instead of the
// chat waiting for ever. A 429's retry_after is obeyed when it is short; a 5xx or a failure to
// connect is tried again a bounded number of times. In webhook mode the budget is small: the
// platform is waiting for the answer, and an update that fails for a reason a retry can fix is
// answered 5xx at once, so Telegram delivers it again later instead of the request being held.
import { GrammyError, HttpError, type Transformer } from 'grammy';
import { isRetryableFailure } from '../failure.js';

/** Timeouts and retries of Bot API calls. */
export interface CallPolicy {
  /** Tries per call, the first included. */
  attempts: number;
  /** The longest retry_after waited inside a call; a longer one fails the call. */
  maxRetryAfterSeconds: number;
  /** How long one try may take; getUpdates adds its long-poll timeout. */
  callTimeoutMs: number;
}

/** Webhook mode: answer Telegram within seconds. */
export const WEBHOOK_CALL_POLICY: CallPolicy = { attempts: 2, maxRetryAfterSeconds: 3, callTimeoutMs: 10_000 };
/** Long polling: nobody waits on an open request, so short 429s are waited out. */
export const POLLING_CALL_POLICY: CallPolicy = { attempts: 4, maxRetryAfterSeconds: 30, callTimeoutMs: 10_000 };

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const backoffMs = (attempt: number) => Math.min(5_000, 500 * 2 ** (attempt - 1));

/** The API transformer that applies a policy to every call. */
export function callPolicy(policy: CallPolicy): Transformer {
  return async (prev, method, payload, given) => {
    // grammY types its signal with a shim's AbortSignal; at runtime it is Node's.
    const signal = given as unknown as AbortSignal | undefined;
    const poll = method === 'getUpdates' ? Number((payload as { timeout?: unknown }).timeout ?? 0) : 0;
    const timeoutMs = policy.callTimeoutMs + (Number.isFinite(poll) ? poll * 1000 : 0);
    for (let attempt = 1; ; attempt++) {
      // One controller per try, aborted by the caller's signal or by the timeout (a timer cleared
      // when the try ends: cheaper per call than AbortSignal.timeout and AbortSignal.any).
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort(new DOMException(`${method} got no answer within ${timeoutMs} ms`, 'TimeoutError'));
      }, timeoutMs);
      const onAbort = () => controller.abort(signal?.reason);
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
      let result: Awaited<ReturnType<typeof prev>>;
      try {
        result = await prev(method, payload, controller.signal as unknown as typeof given);
      } catch (err) {
        // Stopped by the caller, out of tries, not the network's fault, or timed out (the call may
        // have been done, and waiting again would double the wait): as it is.
        if (signal?.aborted || timedOut || attempt >= policy.attempts || !(err instanceof HttpError)) throw err;
        await pause(backoffMs(attempt), signal);
        continue;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
      if (result.ok || attempt >= policy.attempts) return result;
      const retryAfter = result.parameters?.retry_after;
      if (typeof retryAfter === 'number') {
        if (retryAfter > policy.maxRetryAfterSeconds) return result;
        await pause(retryAfter * 1000, signal);
        continue;
      }
      if (result.error_code >= 500) {
        await pause(backoffMs(attempt), signal);
        continue;
      }
      return result;
    }
  };
}

/** Whether a failed Telegram update may succeed when delivered again: a 429, a 5xx, no answer, or the database. */
export function isRetryableTelegramFailure(err: unknown): boolean {
  if (err instanceof GrammyError) return err.error_code === 429 || err.error_code >= 500;
  if (err instanceof HttpError) return true;
  return isRetryableFailure(err);
}
