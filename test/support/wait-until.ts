// Waiting for a condition in a fake platform server: checked whenever the server notifies its
// listeners (after every API call) and every 50 ms for conditions outside the API (logs, rows).

/** Resolves with the predicate's first truthy value; rejects after `timeoutMs`. */
export function waitUntil<T>(
  listeners: Set<() => void>,
  what: string,
  check: () => T | undefined | false,
  timeoutMs: number,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const test = () => {
      const value = check();
      if (value !== undefined && value !== false) {
        listeners.delete(test);
        clearTimeout(timer);
        clearInterval(tick);
        resolve(value);
      }
    };
    const tick = setInterval(test, 50);
    const timer = setTimeout(() => {
      listeners.delete(test);
      clearInterval(tick);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    listeners.add(test);
    test();
  });
}

/** Polls an async condition every 25 ms until it holds; rejects after `timeoutMs`. */
export async function eventually(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * How long a test waits for the real process to be ready (database opened, migrations applied,
 * polling or webhook set): seconds on a quiet machine, minutes when other work shares its cores.
 */
export const STARTUP_MS = 150_000;
