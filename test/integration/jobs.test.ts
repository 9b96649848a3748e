// Scheduled jobs run once per job and minute across processes (Postgres decides who runs), and
// the retention job forgets processed-event records older than the configured days; the job
// command line runs a job by name.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobStore } from '../../src/db/job-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { retentionJob } from '../../src/services/jobs/retention.js';
import { runJobOnce, slotOf } from '../../src/services/jobs/scheduler.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe.each(databaseBackends())('scheduled jobs on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  it('runs a job once when two processes reach the same minute, and forgets old processed events', async () => {
    await db.query(`insert into inbound_events (channel, scope, event_id, processed_at) values
      ('telegram', 'b:1', 'old', now() - interval '9 days'), ('telegram', 'b:1', 'recent', now() - interval '2 days')`);
    const store = createJobStore(db.supabase);
    const job = retentionJob(store, { events: 7, conversations: 30, links: 7, outbox: 30, nomineeData: 1825 });
    const at = new Date();
    const [a, b] = await Promise.all([
      runJobOnce(job, at, { store, worker: 'process-a', log: silentLogger }),
      runJobOnce(job, at, { store, worker: 'process-b', log: silentLogger }),
    ]);
    expect([a, b].filter(Boolean)).toEqual([{ events: 1, conversations: 0, linkCodes: 0, linkAttempts: 0, outbox: 0, nomineeData: 0 }]);
    expect((await db.query(`select event_id from inbound_events where scope = 'b:1'`)).map((r) => r.event_id)).toEqual(['recent']);
    const runs = await db.query<{ slot: string; finished: boolean }>(`select slot, finished_at is not null as finished from job_runs where job = 'retention'`);
    expect(runs).toEqual([{ slot: slotOf(at), finished: true }]);
  });

  it.runIf(kind === 'postgres')('runs a job from the command line, once for a given minute', async () => {
    const run = (now: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/job.ts', 'retention', '--now', now], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: db.url!, LOG_LEVEL: 'silent' },
      });
    expect((await run('2026-12-08T03:17:00+07:00')).stdout).toMatch(/^retention: \{"events":\d+,"conversations":\d+,"linkCodes":\d+,"linkAttempts":\d+,"outbox":\d+,"nomineeData":\d+\}/);
    expect((await run('2026-12-08T03:17:00+07:00')).stdout).toContain('retention: already run for 2026-12-07T20:17');
    await expect(run('yesterday')).rejects.toMatchObject({ code: 2 });
  });
});
