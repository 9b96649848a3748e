// Retention: what the bot keeps only for a while is deleted every night, for the moment the job
// runs at: processed-event records (a platform may deliver an update again for a few days),
// finished conversations, account-link codes and attempts, delivered outgoing messages, and a
// nominee's photo and deeds once their campaign's records are no longer kept. The periods come
// from the configuration (EVENT_RETENTION_DAYS and the RETENTION_*_DAYS variables).
import type { RetentionDays } from '../../config.js';
import type { JobStore } from '../../db/job-store.js';
import type { JobDef } from './job.js';

/** The nightly clean-up. */
export function retentionJob(store: Pick<JobStore, 'runRetention'>, days: RetentionDays): JobDef {
  return {
    name: 'retention',
    cron: '17 3 * * *',
    run: async (at) => ({ ...(await store.runRetention(at, days)) }),
  };
}
