// Which failures a second try can fix. A webhook answers 5xx only for those (the platform delivers
// the update again later); anything else is acknowledged and logged, so one update the bot cannot
// process is not redelivered for ever. The pollers retry only those, briefly.

// SQLSTATE classes of a database that is unreachable, overloaded, shutting down or cancelled the
// statement (statement_timeout), and of a transaction that lost a race; PostgREST's own codes for
// "cannot reach the database"; Node's network error codes.
const RETRYABLE_DATABASE = /^(08|53|57|58|40|55P03|PGRST00[0-3]$|E[A-Z]+$)/;
const RETRYABLE_CODES = new Set(['TURN_CONFLICT', 'ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

/** The stable code a thrown error carries, for logs; UNEXPECTED when it has none. */
export function failureCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code ? code : 'UNEXPECTED';
}

/**
 * Whether trying the same update again may succeed: an error that says so (`retryable: true`),
 * a turn that kept losing races, a database call that failed for want of the database (no
 * answer, a timeout, a connection error), a fetch that timed out or could not connect.
 */
export function isRetryableFailure(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { retryable?: unknown; code?: unknown; postgrestCode?: unknown; name?: unknown; cause?: unknown };
  if (typeof e.retryable === 'boolean') return e.retryable;
  if (typeof e.code === 'string' && RETRYABLE_CODES.has(e.code)) return true;
  if (e.code === 'DB_CALL_FAILED') {
    // supabase-js reports a fetch that never got an answer with an empty code.
    const code = typeof e.postgrestCode === 'string' ? e.postgrestCode : '';
    return code === '' || RETRYABLE_DATABASE.test(code);
  }
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  // fetch() reports a network failure as a TypeError whose cause names it.
  if (e.name === 'TypeError' && e.cause !== undefined) return true;
  return false;
}
