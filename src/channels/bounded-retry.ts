// Retrying one update's processing a little, never for long: a poller must not be held up by one
// update for more than a few seconds, and a failure no retry can fix is not tried again at all.
import { isRetryableFailure } from './failure.js';

/** How an update is retried. */
export interface RetryBudget {
  /** Tries in all, the first included. */
  attempts: number;
  /** No new try starts after this many milliseconds since the first. */
  budgetMs: number;
  /** The pause before try n + 1. */
  pauseMs: (attempt: number) => number;
}

/** A poller's default: three tries within five seconds. */
export const POLL_RETRY: RetryBudget = { attempts: 3, budgetMs: 5_000, pauseMs: (attempt) => 300 * attempt };

/**
 * Runs `work`, again after a short pause when it fails in a way a retry can fix, within the
 * budget; resolves with the outcome as a value (the last error when every try failed).
 */
export async function withBoundedRetry(
  work: () => Promise<void>,
  budget: RetryBudget,
  options: { stopped?: () => boolean; onFailure?: (err: unknown, attempt: number) => void; retryable?: (err: unknown) => boolean } = {},
): Promise<{ ok: true } | { ok: false; error: unknown; attempts: number }> {
  const started = Date.now();
  const retryable = options.retryable ?? isRetryableFailure;
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return { ok: true };
    } catch (err) {
      options.onFailure?.(err, attempt);
      const pause = budget.pauseMs(attempt);
      const again = attempt < budget.attempts && retryable(err) && !options.stopped?.() && Date.now() - started + pause < budget.budgetMs;
      if (!again) return { ok: false, error: err, attempts: attempt };
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
