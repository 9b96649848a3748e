// Typed wrappers for scheduled jobs: claim a run (once per job and slot across processes), record
// its result, the retention clean-up and the reminders.
import type { RpcClient } from './rpc-client.js';
import { z } from 'zod';
import type { RetentionDays } from '../config.js';
import { DatabaseCallError } from './turn-store.js';

const retentionResultSchema = z.object({
  events: z.number().int(),
  conversations: z.number().int(),
  linkCodes: z.number().int(),
  linkAttempts: z.number().int(),
  outbox: z.number().int(),
  nomineeData: z.number().int(),
});

const remindersResultSchema = z.object({
  digests: z.number().int(),
  escalations: z.number().int(),
  questions: z.number().int(),
  drafts: z.number().int(),
});

/** What one reminders run queued, by kind (counts only). */
export type ReminderCounts = z.infer<typeof remindersResultSchema>;

/** What one retention run deleted or cleared, by kind (counts only). */
export type RetentionCounts = z.infer<typeof retentionResultSchema>;

/** The job calls. */
export interface JobStore {
  /** True for the one process that gets to run this job for this slot. */
  claim(job: string, slot: string, worker: string): Promise<boolean>;
  finish(job: string, slot: string, result: Record<string, number | string>): Promise<void>;
  /** Deletes processed-event records older than `days`; returns how many. */
  forgetProcessedEvents(days: number): Promise<number>;
  /** Deletes (or clears) what is kept longer than its period, as of the moment `at`; returns the counts. */
  runRetention(at: Date, days: RetentionDays): Promise<RetentionCounts>;
  /** Queues every reminder due at the moment `at` (each once); forms of `skipFlows` are never nudged. */
  runReminders(at: Date, skipFlows: readonly string[]): Promise<ReminderCounts>;
}

/** The JobStore over the database's RPC functions. */
export function createJobStore(db: RpcClient): JobStore {
  const call = async (fn: string, args: Record<string, unknown>) => {
    const { data, error } = await db.rpc(fn, args);
    if (error) throw new DatabaseCallError(fn, error.code, error.message);
    return data as unknown;
  };
  return {
    claim: async (job, slot, worker) => (await call('bot_job_claim', { p_job: job, p_slot: slot, p_worker: worker })) === true,
    finish: async (job, slot, result) => {
      await call('bot_job_finish', { p_job: job, p_slot: slot, p_result: result });
    },
    forgetProcessedEvents: async (days) => Number(await call('bot_forget_processed_events', { p_keep: `${days} days` })),
    runRetention: async (at, days) => {
      const parsed = retentionResultSchema.safeParse(await call('bot_retention_run', { p_at: at.toISOString(), p_days: days }));
      if (!parsed.success) throw new DatabaseCallError('bot_retention_run', 'SHAPE', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return parsed.data;
    },
    runReminders: async (at, skipFlows) => {
      const parsed = remindersResultSchema.safeParse(await call('bot_reminders_run', { p_at: at.toISOString(), p_skip_flows: [...skipFlows] }));
      if (!parsed.success) throw new DatabaseCallError('bot_reminders_run', 'SHAPE', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return parsed.data;
    },
  };
}
