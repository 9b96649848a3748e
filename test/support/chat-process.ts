// Drives the real bot process in terminal mode: writes lines to its stdin and waits for text on
// its stdout, as a person at the terminal would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** A running bot process and its transcript. */
export interface ChatProcess {
  /** Types a line. */
  send(line: string): void;
  /** Waits until the output after the last mark matches; returns that output and moves the mark. */
  expect(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /** Everything printed so far. */
  transcript(): string;
  /** Closes stdin (end of input) and waits for the exit code. */
  end(timeoutMs?: number): Promise<number | null>;
  /** Kills the whole process group without warning (SIGKILL). */
  kill(): Promise<void>;
  stderr(): string;
}

/** Starts `npm start` (or node with tsx directly) in a new process group. */
export function startChatProcess(options: { env?: Record<string, string | undefined>; args?: string[]; viaNpm?: boolean }): ChatProcess {
  const env = { ...process.env, LOG_LEVEL: 'warn', ...options.env } as Record<string, string>;
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const args = options.args ?? [];
  const child: ChildProcessWithoutNullStreams = options.viaNpm
    ? spawn('npm', ['start', '--silent', '--', ...args], { cwd: root, env, detached: true, stdio: 'pipe' })
    : spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: root, env, detached: true, stdio: 'pipe' });
  let out = '';
  let err = '';
  let mark = 0;
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    for (const w of waiters) w();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  return {
    send(line) {
      child.stdin.write(`${line}\n`);
    },
    expect(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const rest = out.slice(mark);
          const m = typeof pattern === 'string' ? (rest.includes(pattern) ? rest.indexOf(pattern) + pattern.length : -1) : matchEnd(pattern, rest);
          if (m >= 0) {
            waiters.delete(check);
            clearTimeout(timer);
            mark += m;
            resolve(rest.slice(0, m));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${String(pattern)}\n--- output since last match ---\n${out.slice(mark)}\n--- stderr ---\n${err}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    transcript: () => out,
    stderr: () => err,
    async end(timeoutMs = 30_000) {
      child.stdin.end();
      const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs));
      const result = await Promise.race([exited, timer]);
      if (result === 'timeout') {
        await this.kill();
        throw new Error(`process did not exit within ${timeoutMs} ms after end of input\n${err}`);
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
}

function matchEnd(re: RegExp, text: string): number {
  const m = re.exec(text);
  return m ? m.index + m[0].length : -1;
}
