// The command line of `npm start -- ...`: who is typing in the terminal chat.
import { parseArgs } from 'node:util';

/** What the command line asked for. */
export type CliArgs = { ok: true; as: string | undefined; help: boolean } | { ok: false; problem: string };

/** Parses `--as <name>` and `--help`; anything else is a problem to report. */
export function parseCliArgs(argv: string[]): CliArgs {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { as: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    const as = values.as?.trim();
    if (values.as !== undefined && !as) return { ok: false, problem: '--as needs a name, e.g. --as lan' };
    if (as && as.length > 60) return { ok: false, problem: '--as takes a name of at most 60 characters' };
    return { ok: true, as, help: Boolean(values.help) };
  } catch (err) {
    return { ok: false, problem: (err as Error).message };
  }
}

/** Shown for --help (developer-facing, like the configuration messages). */
export const USAGE = [
  'Usage: npm start [-- --as <name>]',
  '  --as <name>   chat in the terminal as this person (default: CONSOLE_USER, else your login name)',
  '  --help        show this help',
  'Configuration comes from the environment or .env: see .env.example and README.md.',
].join('\n');
