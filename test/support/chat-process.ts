// Drives the real bot process in terminal mode: writes lines to its stdin and waits for text on
// its stdout, as a person at the terminal would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** A running bot process and its transcript. */
export interface ChatProcess {
  /** The process id (the process that runs the bot: node with tsx loaded in-process). */
  pid: number;
  /** Types a line. */
  send(line: string): void;
  /** Waits until the output after the last mark matches; returns that output and moves the mark. */
  expect(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /**
   * Types a line, then waits for `until` (best: the last line of the expected reply, so the mark
   * ends up at the end of that reply); returns what was printed in reply.
   */
  say(line: string, until: RegExp | string, timeoutMs?: number): Promise<string>;
  /** Everything printed so far. */
  transcript(): string;
  /** Closes stdin (end of input) and waits for the exit code. */
  end(timeoutMs?: number): Promise<number | null>;
  /** Waits for the process to exit by itself, without closing stdin; returns the exit code. */
  exited(timeoutMs?: number): Promise<number | null>;
  /** Kills the whole process group without warning (SIGKILL). */
  kill(): Promise<void>;
  stderr(): string;
}

/**
 * Starts `npm start` (or node with tsx directly) in a new process group. `mergeStderr` sends the
 * process's stderr into its stdout, as a terminal shows both: what a person at the terminal sees.
 */
export function startChatProcess(options: { env?: Record<string, string | undefined>; args?: string[]; viaNpm?: boolean; mergeStderr?: boolean }): ChatProcess {
  const env = { ...process.env, LOG_LEVEL: 'warn', ...options.env } as Record<string, string>;
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const args = options.args ?? [];
  const child: ChildProcessWithoutNullStreams = options.viaNpm
    ? spawn('npm', ['start', '--silent', '--', ...args], { cwd: root, env, detached: true, stdio: 'pipe' })
    : options.mergeStderr
      ? spawn('sh', ['-c', 'exec "$0" "$@" 2>&1', process.execPath, '--import', 'tsx', 'src/main.ts', ...args], { cwd: root, env, detached: true, stdio: 'pipe' })
      : spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: root, env, detached: true, stdio: 'pipe' });
  let out = '';
  let err = '';
  let mark = 0;
  let exitCode: number | null | undefined;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of waiters) w();
  };
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    wake();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  // Writing to a process that has already gone fails with EPIPE on stdin; without a listener
  // that error would crash the test worker instead of failing the test with the transcript.
  child.stdin.on('error', (e: Error) => {
    err += `\n[harness] stdin: ${e.message}\n`;
  });
  const exited = new Promise<number | null>((resolve) =>
    // 'close' (not 'exit') so that everything the process printed has been read.
    child.on('close', (code) => {
      exitCode = code;
      resolve(code);
      wake();
    }),
  );

  const waitExit = async (timeoutMs: number): Promise<number | null | 'timeout'> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => {
      timer = setTimeout(() => r('timeout'), timeoutMs);
    });
    try {
      return await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  const api: ChatProcess = {
    pid: child.pid!,
    send(line) {
      if (exitCode !== undefined) throw new Error(`cannot send ${JSON.stringify(line.slice(0, 60))}: the process has exited (${exitCode})\n${err}`);
      child.stdin.write(`${line}\n`);
    },
    expect(pattern, timeoutMs = 40_000) {
      return new Promise((resolve, reject) => {
        const fail = (why: string) => {
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`${why} waiting for ${String(pattern)}\n--- output since last match ---\n${out.slice(mark)}\n--- stderr ---\n${err}`));
        };
        const check = () => {
          const rest = out.slice(mark);
          const m = typeof pattern === 'string' ? (rest.includes(pattern) ? rest.indexOf(pattern) + pattern.length : -1) : matchEnd(pattern, rest);
          if (m >= 0) {
            waiters.delete(check);
            clearTimeout(timer);
            mark += m;
            resolve(rest.slice(0, m));
          } else if (exitCode !== undefined) {
            // No point waiting for the timeout: nothing more will be printed.
            fail(`the process exited (code ${exitCode}) while`);
          }
        };
        const timer = setTimeout(() => fail('timed out'), timeoutMs);
        waiters.add(check);
        check();
      });
    },
    say(line, until, timeoutMs) {
      api.send(line);
      return api.expect(until, timeoutMs);
    },
    transcript: () => out,
    stderr: () => err,
    async end(timeoutMs = 30_000) {
      child.stdin.end();
      const result = await waitExit(timeoutMs);
      if (result === 'timeout') {
        await api.kill();
        throw new Error(`process did not exit within ${timeoutMs} ms after end of input\n${err}`);
      }
      return result;
    },
    async exited(timeoutMs = 30_000) {
      const result = await waitExit(timeoutMs);
      if (result === 'timeout') {
        await api.kill();
        throw new Error(`process did not exit by itself within ${timeoutMs} ms\n--- stdout ---\n${out}\n--- stderr ---\n${err}`);
      }
      return result;
    },
    async kill() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
  };
  return api;
}

function matchEnd(re: RegExp, text: string): number {
  const m = re.exec(text);
  return m ? m.index + m[0].length : -1;
}
