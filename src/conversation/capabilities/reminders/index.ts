// Reminders: the notices the hourly reminders job queues (deadline digests for leaders, the
// officers' escalation, a question left unanswered, a form left half-filled), and /lamtiep, which
// the nudge's "carry on" stands for: the open form's question again.
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { deadlineDigestNotice, deadlineEscalationNotice, draftNudgeNotice, questionReminderNotice } from './notices.js';

/** /lamtiep, /continue: the question the open form stopped at; with none open, says so. */
export const continueCommand: CommandDef = {
  id: 'continue',
  slash: ['lamtiep', 'continue'],
  order: 48,
  run: (turn) => (turn.flow && !turn.flow.replaceable ? turn.resume([msg('reminders.draft.goOn')]) : turn.idleReply([msg('reminders.draft.nothingOpen')])),
};

/** Scheduled reminders. */
export const remindersCapability: Capability = {
  id: 'reminders',
  commands: [continueCommand],
  notices: {
    deadline_digest: deadlineDigestNotice,
    deadline_escalation: deadlineEscalationNotice,
    question_reminder: questionReminderNotice,
    draft_nudge: draftNudgeNotice,
  },
};
