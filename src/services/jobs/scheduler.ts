// Runs scheduled jobs in this process on node-cron, in the ward's time zone; each run is claimed
// in Postgres first (once per job and minute of the bot's clock), so several processes do the
// work once. A job can also be run by hand for a given moment (operators, tests).
import cron, { type ScheduledTask } from 'node-cron';
import type { JobStore } from '../../db/job-store.js';
import type { Logger } from '../../logging/logger.js';
import type { JobDef } from './job.js';

/** The slot of a run: the minute it is due, on the bot's clock. */
export function slotOf(at: Date): string {
  return at.toISOString().slice(0, 16);
}

/** Runs one job for the moment `at` if no other process has; returns its counts, or null when another ran it. */
export async function runJobOnce(job: JobDef, at: Date, o: { store: Pick<JobStore, 'claim' | 'finish'>; worker: string; log: Logger }) {
  const slot = slotOf(at);
  if (!(await o.store.claim(job.name, slot, o.worker))) {
    o.log.debug('job.taken', { job: job.name, slot });
    return null;
  }
  const started = performance.now();
  const result = await job.run(at, o.log);
  await o.store.finish(job.name, slot, result);
  o.log.info('job.done', { job: job.name, slot, ms: Math.round(performance.now() - started), ...result });
  return result;
}

/** Schedules every job; stop() ends the schedule (a run in hand finishes). */
export function startScheduler(o: { jobs: JobDef[]; store: Pick<JobStore, 'claim' | 'finish'>; worker: string; timeZone: string; now: () => Date; log: Logger }): { stop(): Promise<void> } {
  const running = new Set<Promise<unknown>>();
  const tasks: ScheduledTask[] = o.jobs.map((job) =>
    cron.schedule(
      job.cron,
      () => {
        const work = runJobOnce(job, o.now(), o).catch((err: unknown) =>
          o.log.error('job.failed', { job: job.name, code: (err as { code?: string }).code ?? 'UNEXPECTED' }),
        );
        running.add(work);
        void work.finally(() => running.delete(work));
      },
      { name: job.name, timezone: o.timeZone, noOverlap: true },
    ),
  );
  return {
    async stop() {
      for (const t of tasks) await t.stop();
      await Promise.all([...running]);
    },
  };
}
