// Paces calls to a platform's limit (Telegram: about 30 messages a second overall). Calls go at
// 1/rate apart on a schedule (a timer that fires late is caught up on, so the pace does not drift
// below the rate), and a call never goes before a second has passed since the answer to the call
// a rate's worth before it: the platform saw that call at the latest when it answered, so however
// long a call took to leave this process or to arrive (a busy machine holds some back and lets
// them go together), the platform never counts more than the rate in one of its seconds and has
// no reason to answer 429.

/** A pacer of `perSecond` calls a second. */
export class RateLimiter {
  private readonly interval: number;
  /** How many calls one window holds, and the window's length after the first one's answer. */
  private readonly count: number;
  private readonly windowMs: number;
  /** When each of the last `count` calls was answered (Infinity while it is in flight); a ring. */
  private readonly answered: { at: number }[] = [];
  private head = 0;
  /** The time the next call is due on the schedule. */
  private next = -Infinity;
  /** No call before this time (the platform said 429 with retry_after). */
  private until = 0;
  private chain: Promise<void> = Promise.resolve();
  private onAnswer: (() => void) | null = null;

  constructor(perSecond: number, guardMs = 1) {
    this.interval = 1000 / perSecond;
    this.count = Math.max(1, Math.floor(perSecond));
    this.windowMs = this.count * this.interval + guardMs;
  }

  /** Makes a call when its turn comes (callers are served in order) and counts it until answered. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    const slot = await this.take();
    try {
      return await call();
    } finally {
      slot.at = performance.now();
      this.onAnswer?.();
    }
  }

  /**
   * Holds every call for a while (the platform said 429 with retry_after). Several 429s answered
   * to calls that were in flight together mean one pause, not one after the other.
   */
  pause(ms: number): void {
    this.until = Math.max(this.until, performance.now() + ms);
  }

  private take(): Promise<{ at: number }> {
    const turn = this.chain.then(() => this.wait());
    this.chain = turn.then(() => undefined);
    return turn;
  }

  private async wait(): Promise<{ at: number }> {
    for (;;) {
      const now = performance.now();
      let at = Math.max(this.next, this.until);
      const oldest = this.answered.length === this.count ? this.answered[this.head]! : null;
      if (oldest) at = Math.max(at, oldest.at + this.windowMs);
      if (at <= now) {
        const slot = { at: Infinity };
        if (!oldest) this.answered.push(slot);
        else {
          this.answered[this.head] = slot;
          this.head = (this.head + 1) % this.count;
        }
        // Late by less than a call's interval (a timer, a busy moment): the schedule holds and
        // the next call catches up; after an idle spell or a pause it starts again from now.
        this.next = now - at <= this.interval ? at + this.interval : now + this.interval;
        return slot;
      }
      if (at === Infinity) await new Promise<void>((r) => (this.onAnswer = r)).finally(() => (this.onAnswer = null));
      else await new Promise((r) => setTimeout(r, Math.max(1, Math.ceil(at - now))));
    }
  }
}
