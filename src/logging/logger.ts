// Structured logs, one JSON object per line. They carry ids and codes, never names, phone
// numbers or message text: callers pass only such fields.

/** Log levels in increasing severity. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Fields a log line may carry: identifiers, counts, codes, durations. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** What the rest of the code logs through. */
export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** A logger writing JSON lines to a stream (stderr, or a file while the terminal is the chat). */
export function createLogger(level: LogLevel, write: (line: string) => void): Logger {
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (event: string, fields: LogFields = {}) => {
    if (ORDER[lvl] < ORDER[level]) return;
    // A field named "event" (an inbound event's id) must not replace the line's event name.
    const { event: eventId, ...rest } = fields;
    const line = { t: new Date().toISOString(), level: lvl, event, ...rest, ...(eventId !== undefined ? { event_id: eventId } : {}) };
    write(`${JSON.stringify(line)}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = createLogger('silent', () => undefined);
