// Every scheduled job of the bot, built from the configuration and the stores they use.
import type { Config } from '../../config.js';
import { appRegistry } from '../../conversation/capabilities/index.js';
import type { JobStore } from '../../db/job-store.js';
import type { JobDef } from './job.js';
import { remindersJob } from './reminders.js';
import { retentionJob } from './retention.js';

/** The forms the draft nudge leaves alone: views that stay open without anything to finish. */
export const VIEW_FLOWS: readonly string[] = appRegistry.flows.filter((f) => f.replaceable).map((f) => f.id);

/** The jobs this bot schedules (and `npm run job` runs by name). */
export function allJobs(config: Pick<Config, 'retention'>, store: JobStore): JobDef[] {
  return [retentionJob(store, config.retention), remindersJob(store, VIEW_FLOWS)];
}
