// Where log lines go. Logs are for operators, never for the person chatting: when the terminal is
// the chat and stderr prints into that same terminal (or the same pipe), the lines go to a file.
import { appendFileSync, fstatSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** Whether stderr ends up where stdout does (one terminal, or "2>&1" into one pipe or file). */
export function stderrSharesStdout(): boolean {
  try {
    const out = fstatSync(1);
    const err = fstatSync(2);
    return out.dev === err.dev && out.ino === err.ino && out.rdev === err.rdev;
  } catch {
    return Boolean(process.stderr.isTTY && process.stdout.isTTY);
  }
}

/** A writer of log lines: to `file` (created with its folder) or to stderr. */
export function logSink(file: string | undefined): { write: (line: string) => void; file: string | undefined } {
  if (!file) return { write: (line) => void process.stderr.write(line), file: undefined };
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return {
    file,
    write: (line) => {
      try {
        appendFileSync(file, line);
      } catch {
        // A log that cannot be written must not stop the bot (a full disk, a removed folder).
      }
    },
  };
}

/** The log file for this run: LOG_FILE, else DATA_DIR/bot.log when the terminal chat shares stderr, else none. */
export function logFileFor(opts: { logFile: string | undefined; console: boolean; dataDir: string }): string | undefined {
  if (opts.logFile) return opts.logFile;
  return opts.console && stderrSharesStdout() ? path.join(opts.dataDir, 'bot.log') : undefined;
}
