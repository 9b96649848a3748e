// The updates a channel is handling right now, so a graceful stop can wait for their replies.

/** Wraps an update handler; `drain()` resolves once every update in hand has settled. */
export function trackInFlight<U>(handle: (update: U) => Promise<void>): { handle: (update: U) => Promise<void>; drain: () => Promise<void> } {
  const inFlight = new Set<Promise<void>>();
  return {
    handle(update) {
      const work = handle(update);
      const tracked: Promise<void> = work.catch(() => undefined).finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      return work;
    },
    async drain() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}
