// The lock file of an embedded database's folder, on the real file system: taken exclusively,
// refused while its process runs (the message names the folder and the process), taken over
// from a process that is gone, from another boot, or when unreadable; released only by its owner.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentHolder, DataDirInUseError, LOCK_FILE, lockDataDir, type LockHolder } from '../../src/db/data-dir-lock.js';

describe('the DATA_DIR lock', () => {
  let dir: string;
  const write = (holder: Partial<LockHolder> | string) =>
    writeFileSync(path.join(dir, LOCK_FILE), typeof holder === 'string' ? holder : JSON.stringify({ ...currentHolder(), ...holder }));

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lock-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is taken by one process and released on a clean stop', () => {
    const lock = lockDataDir(dir);
    const written = JSON.parse(readFileSync(lock.file, 'utf8')) as LockHolder;
    expect(written.pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it('refuses a folder held by a running process, naming the folder and the process', () => {
    // The test runner's parent process runs for sure.
    write({ pid: process.ppid, processStart: null });
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataDirInUseError);
    expect((error as Error).message).toContain(dir);
    expect((error as Error).message).toContain(`pid ${process.ppid}`);
    // The holder's file is untouched.
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.ppid);
  });

  it('refuses a second lock in the same process too (two databases on one folder)', () => {
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    lock.release();
  });

  it('takes over a lock whose process is gone, from another boot, reused, or unreadable', () => {
    const stale: (Partial<LockHolder> | string)[] = [
      { pid: 2 ** 22 + 12_345, processStart: null },
      { pid: process.ppid, boot: 'another-boot-id' },
      { pid: process.ppid, processStart: '1' },
      '{"pid": "nope"',
    ];
    for (const holder of stale) {
      write(holder);
      const lock = lockDataDir(dir);
      expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
      lock.release();
    }
  });

  it('does not remove a lock that another process has taken since', () => {
    const lock = lockDataDir(dir);
    write({ pid: process.ppid });
    lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
  });
});
