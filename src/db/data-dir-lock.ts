// One process per embedded database. PGlite is Postgres in one process: two processes on one
// folder corrupt it (receipt numbers handed out twice, rows gone, an index that no longer finds
// a member). A lock file in DATA_DIR, created exclusively, names the process that holds the
// folder; a second start is refused with a message naming the folder and that process. A lock
// left by a process that no longer runs (killed, crashed, or from before a reboot) is taken over.
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The lock file's name inside DATA_DIR. */
export const LOCK_FILE = 'bot-process.lock';

/** Who holds a folder, as written in its lock file. */
export interface LockHolder {
  pid: number;
  /** When that process took the folder (ISO time). */
  startedAt: string;
  host: string;
  /** The kernel's boot id (Linux): a lock from an earlier boot is stale whatever its pid. */
  boot: string | null;
  /** The process's start time in clock ticks since boot (Linux): tells a reused pid apart. */
  processStart: string | null;
}

/** A second process on a folder that is in use: refused at start, with what to do. */
export class DataDirInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE';
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      [
        `The embedded database in ${dir} is in use by another bot process (pid ${holder.pid}${holder.host !== os.hostname() ? ` on ${holder.host}` : ''}, started ${holder.startedAt}).`,
        'Two processes on one embedded database corrupt it, so this one does not start. Either:',
        `  - stop that process first (kill ${holder.pid}), or chat in it: one process serves the terminal, Telegram and Zalo together;`,
        '  - or give this process another folder: DATA_DIR=./another-folder;',
        '  - or, for several processes on one database, use a Postgres server: DATABASE_URL=postgres://...',
      ].join('\n'),
    );
  }
}

function readProc(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

const bootId = (): string | null => readProc('/proc/sys/kernel/random/boot_id')?.trim() || null;

/** A process's state letter and start time from /proc/<pid>/stat (Linux); null elsewhere or when it is gone. */
function processStat(pid: number): { state: string; start: string } | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) is in parentheses and may hold spaces: read after the last ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields.length > 19 ? { state: fields[0]!, start: fields[19]! } : null;
}

/** This process, as its lock file describes it. */
export function currentHolder(): LockHolder {
  return { pid: process.pid, startedAt: new Date().toISOString(), host: os.hostname(), boot: bootId(), processStart: processStat(process.pid)?.start ?? null };
}

/** Whether the process named in a lock file still runs (on this machine, since this boot, the same process). */
export function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true; // Cannot be checked from here: assume it runs.
  const boot = bootId();
  if (holder.boot && boot && holder.boot !== boot) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    // EPERM: it runs, as another user.
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const stat = processStat(holder.pid);
  if (stat?.state === 'Z') return false;
  if (stat && holder.processStart && stat.start !== holder.processStart) return false;
  return true;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || !Number.isSafeInteger(h.pid) || h.pid <= 0) return null;
    return {
      pid: h.pid,
      startedAt: typeof h.startedAt === 'string' ? h.startedAt : 'at an unknown time',
      host: typeof h.host === 'string' ? h.host : os.hostname(),
      boot: typeof h.boot === 'string' ? h.boot : null,
      processStart: typeof h.processStart === 'string' ? h.processStart : null,
    };
  } catch {
    return null;
  }
}

/** A held folder: release() removes the lock file if it is still this process's. */
export interface DataDirLock {
  file: string;
  release(): void;
}

/**
 * Takes the folder for this process, or throws DataDirInUseError naming the process that has it.
 * A stale lock (its process is gone, or it is unreadable) is moved aside and taken over.
 */
export function lockDataDir(dir: string, me: LockHolder = currentHolder()): DataDirLock {
  const file = path.join(dir, LOCK_FILE);
  const content = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, 'utf8') === content) unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      return { file, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const seen = readProc(file);
    if (seen === null) continue; // Removed meanwhile: try again.
    const holder = parseHolder(seen);
    // A lock being written this very moment reads as empty: give its writer a moment.
    if (!holder && seen === '' && attempt === 0) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      continue;
    }
    if (holder && holderAlive(holder)) throw new DataDirInUseError(dir, holder);
    // Stale: move it aside, and make sure what was moved is the lock judged stale (another
    // process starting at the same moment may have replaced it); if not, put it back.
    const aside = `${file}.stale-${process.pid}-${attempt}`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    if (readProc(aside) !== seen) {
      try {
        linkSync(aside, file);
      } catch {
        // Someone holds the folder now: the next round reads who.
      }
    }
    try {
      unlinkSync(aside);
    } catch {
      // Nothing left to tidy.
    }
  }
  throw Object.assign(new Error(`could not take the lock file ${file}`), { code: 'DATA_DIR_LOCK_FAILED' });
}
