// The pause a background worker takes between rounds, which a wake-up ends at once: new work was
// queued, or the worker is stopping. A wake-up while no pause is running makes the next one end
// at once, so a wake-up is never lost.

export interface WakeablePause {
  /** Waits up to `ms`, or less when woken. */
  sleep(ms: number): Promise<void>;
  /** Ends the current pause, or the next one when none is running. */
  wake(): void;
  /** Ends the current pause, if one is running (stopping: the loop checks its own flag). */
  interrupt(): void;
}

export function wakeablePause(): WakeablePause {
  let woken = false;
  let wakeUp: (() => void) | null = null;
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        if (woken) {
          woken = false;
          return resolve();
        }
        const timer = setTimeout(() => {
          wakeUp = null;
          resolve();
        }, ms);
        wakeUp = () => {
          clearTimeout(timer);
          wakeUp = null;
          resolve();
        };
      }),
    wake() {
      if (wakeUp) wakeUp();
      else woken = true;
    },
    interrupt() {
      wakeUp?.();
    },
  };
}
