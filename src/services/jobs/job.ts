// What a scheduled job is: a name, when it runs (a cron expression in the ward's time zone), and
// what it does at a given moment of the bot's clock (returning counts for the log). A job passes
// that moment to the database rather than reading the database's clock, so `npm run job -- <name>
// --now <time>` can run it for any moment without touching the bot's clock.
import type { Logger } from '../../logging/logger.js';

/** One scheduled job. */
export interface JobDef {
  name: string;
  /** node-cron expression, evaluated in the ward's time zone. */
  cron: string;
  run: (at: Date, log: Logger) => Promise<Record<string, number | string>>;
}
