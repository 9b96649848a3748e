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
