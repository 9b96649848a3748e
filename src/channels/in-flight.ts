// The updates a channel is handling right now, so a graceful stop can wait for their replies.

/** Wraps an update handler; `drain()` resolves once every update in hand has settled. */
export function trackInFlight<A extends unknown[]>(handle: (...args: A) => Promise<void>): { handle: (...args: A) => Promise<void>; drain: () => Promise<void> } {
  const inFlight = new Set<Promise<void>>();
  return {
    handle(...args) {
      const work = handle(...args);
      const tracked: Promise<void> = work.catch(() => undefined).finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      return work;
    },
    async drain() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}
