// Reminders: every hour (on the hour, ward time) the database queues what is due at that moment,
// each once: leaders' deadline digests, the officers' escalation after a deadline, the nominator's
// reminder of a question left unanswered, and the nudge for a form left half-filled. The outbox
// worker delivers them (not in quiet hours, not in the middle of a form).
import type { JobStore } from '../../db/job-store.js';
import type { JobDef } from './job.js';

/** The reminders job; `skipFlows` are views that need no finishing (never nudged). */
export function remindersJob(store: Pick<JobStore, 'runReminders'>, skipFlows: readonly string[]): JobDef {
  return {
    name: 'reminders',
    cron: '0 * * * *',
    run: async (at) => ({ ...(await store.runReminders(at, skipFlows)) }),
  };
}
