// Starts the real bot process (src/main.ts through tsx) as a service: no terminal input, logs on
// stderr, stopped with a signal; for the Telegram end-to-end tests.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** A running bot process. */
export interface BotProcess {
  pid: number;
  stderr(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Sends a signal and waits for the exit code (SIGKILL after the timeout). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

/** What `npm start` runs after `node`: its flags and dist/main.js, read from package.json. */
export function startCommand(): string[] {
  const start = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  const [node, ...args] = start.trim().split(/\s+/);
  if (node !== 'node' || args.at(-1) !== 'dist/main.js') throw new Error(`npm start is not "node [flags] dist/main.js": ${start}`);
  return args;
}

/** A fresh folder for an embedded database. */
export function freshDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'tg-e2e-'));
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts the bot with the given environment (on top of this process's, minus Telegram, Zalo and
 * database settings); `nodeArgs` go to node before the script (e.g. --cpu-prof). From the sources
 * through tsx, or `compiled`: dist/main.js with the flags `npm start` gives node, `nodeArgs` after
 * them (build it first: buildBot()).
 */
export function startBotProcess(env: Record<string, string | undefined>, options: { nodeArgs?: string[]; compiled?: boolean } = {}): BotProcess {
  const base: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'info' };
  for (const k of Object.keys(base)) if (/^(TELEGRAM_|SUPABASE_|CONSOLE|PORT$)/.test(k)) delete base[k];
  if (!env.DATABASE_URL) delete base.DATABASE_URL;
  const merged = { ...base, ...env };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  // Compiled: npm start's flags, then the caller's (a later flag wins, so one can be tried against
  // npm start's own), then dist/main.js.
  const start = startCommand();
  const argv = options.compiled
    ? [...start.slice(0, -1), ...(options.nodeArgs ?? []), ...start.slice(-1)]
    : [...(options.nodeArgs ?? []), '--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, argv, { cwd: root, env: merged as NodeJS.ProcessEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    pid: child.pid!,
    stderr: () => err,
    exited,
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs));
      const result = await Promise.race([exited, timer]);
      if (result === 'timeout') {
        child.kill('SIGKILL');
        throw new Error(`bot did not exit within ${timeoutMs} ms of ${signal}\n${err}`);
      }
      return result;
    },
  };
}

/** Builds dist/ from src/ as `npm start` does before it starts (npm run build). */
export function buildBot(): void {
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}
