// What the reminders job queues, rendered in the recipient's language when it is sent: a leader's
// deadline digest (or a short "all done"), the officers' list of units late with their screening,
// a nominator's reminder of a question left unanswered, and the nudge for a form left half-filled.
import { z } from 'zod';
import type { Text } from '../../contract.js';
import { localized, msg } from '../../engine/messages.js';
import { COMMAND_TOKEN, type NoticeRenderer } from '../../engine/registry.js';

const phaseArgs = z.object({ phaseVi: z.string(), phaseEn: z.string(), deadline: z.string() });
const digestArgs = phaseArgs.extend({
  needCollectives: z.number(),
  needIndividuals: z.number(),
  units: z.array(z.object({ name: z.string(), waiting: z.number(), forwarded: z.number() })),
});
const escalationArgs = phaseArgs.extend({
  total: z.number(),
  units: z.array(z.object({ name: z.string(), waiting: z.number(), leader: z.boolean() })),
});
const questionArgs = z.object({ code: z.string(), name: z.string(), note: z.string().optional() });
const draftArgs = z.object({ flow: z.string() });

/** A leader's digest before a deadline: per unit what waits for them and what went to the ward, and the ward's quota. */
export const deadlineDigestNotice: NoticeRenderer = (args, locale) => {
  const a = digestArgs.parse(args);
  const phase = localized(locale, a.phaseVi, a.phaseEn);
  const waiting = a.units.reduce((sum, u) => sum + u.waiting, 0);
  const text: Text[] = [msg('reminders.digest.title', { phase, date: a.deadline })];
  if (!waiting) text.push(msg('reminders.digest.allDone'));
  for (const u of a.units) {
    text.push(u.waiting ? msg('reminders.digest.unit', { name: u.name, waiting: u.waiting, forwarded: u.forwarded }) : msg('reminders.digest.unitDone', { name: u.name, forwarded: u.forwarded }));
  }
  text.push(a.needCollectives || a.needIndividuals ? msg('reminders.digest.quotaNeed', { collectives: a.needCollectives, individuals: a.needIndividuals }) : msg('reminders.digest.quotaMet'));
  if (!waiting) return [{ kind: 'text', text }];
  // The screening list is one press (or the words to type) away.
  return [{ kind: 'choices', text, multi: false, token: COMMAND_TOKEN, options: [{ value: '/duyet', label: msg('reminders.digest.open') }] }];
};

/** The officers' list, after a deadline, of the units whose nominations still wait for screening. */
export const deadlineEscalationNotice: NoticeRenderer = (args, locale) => {
  const a = escalationArgs.parse(args);
  const text: Text[] = [msg('reminders.escalation.title', { phase: localized(locale, a.phaseVi, a.phaseEn), date: a.deadline, total: a.total })];
  for (const u of a.units) {
    text.push(u.leader ? msg('reminders.escalation.unit', { name: u.name, waiting: u.waiting }) : msg('reminders.escalation.unitNoLeader', { name: u.name, waiting: u.waiting }));
  }
  return [{ kind: 'choices', text, multi: false, token: COMMAND_TOKEN, options: [{ value: '/tiendo', label: msg('reminders.escalation.progress') }] }];
};

/** A nominator asked a question three days ago and not yet answered: once, with the way to answer. */
export const questionReminderNotice: NoticeRenderer = (args) => {
  const a = questionArgs.parse(args);
  const text: Text[] = [msg('reminders.question.title', { code: a.code, name: a.name })];
  if (a.note) text.push(msg('reminders.question.note', { note: a.note }));
  text.push(msg('reminders.question.why'));
  return [{ kind: 'choices', text, multi: false, token: COMMAND_TOKEN, options: [{ value: `/traloi ${a.code}`, label: msg('screening.notice.answer') }] }];
};

/** A form left half-filled for a day: kindly, how to carry on and how to cancel. */
export const draftNudgeNotice: NoticeRenderer = (args) => {
  const a = draftArgs.parse(args);
  const text: Text[] = [a.flow === 'nomination' ? msg('reminders.draft.nomination') : msg('reminders.draft.other'), msg('reminders.draft.howTo')];
  return [
    {
      kind: 'choices',
      text,
      multi: false,
      token: COMMAND_TOKEN,
      options: [
        { value: '/lamtiep', label: msg('reminders.draft.goOnButton') },
        { value: '/huy', label: msg('reminders.draft.cancelButton') },
      ],
    },
  ];
};
