// What a nominator (and an endorser) is told when a nomination moves on: the notices the database
// queues as {notice, args}, rendered here in the recipient's language.
import { z } from 'zod';
import { NOMINATION_STATUSES, type NominationStatusName } from '../../../domain/statuses.js';
import type { Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import { COMMAND_TOKEN, type NoticeRenderer } from '../../engine/registry.js';

/** One sentence per status a nomination moves to. */
const STATUS_NOTICE: Record<NominationStatusName, string> = {
  submitted: 'notice.status.submitted',
  screened: 'notice.status.screened',
  forwarded: 'notice.status.forwarded',
  returned: 'notice.status.returned',
  appraised: 'notice.status.appraised',
  proposed: 'notice.status.proposed',
  posted: 'notice.status.posted',
  approved: 'notice.status.approved',
  honoured: 'notice.status.honoured',
  not_honoured: 'notice.status.not_honoured',
  declined: 'notice.status.declined',
  withdrawn: 'notice.status.withdrawn',
};

const statusArgs = z.object({ status: z.enum(NOMINATION_STATUSES), code: z.string(), name: z.string(), note: z.string().optional() });
const nominationArgs = z.object({ code: z.string(), name: z.string() });

/** The nominator's notice of a status change, with the reason or question where there is one. */
export const statusNotice: NoticeRenderer = (args) => {
  const a = statusArgs.parse(args);
  const text: Text[] = [msg(STATUS_NOTICE[a.status], { code: a.code, name: a.name })];
  if (a.note) text.push(msg('notice.note', { note: a.note }));
  text.push(msg('notice.follow', { code: a.code }));
  if (a.status !== 'returned') return [{ kind: 'text', text }];
  // A returned nomination is answered from its notice (the screening capability's /traloi).
  return [{ kind: 'choices', text, multi: false, token: COMMAND_TOKEN, options: [{ value: `/traloi ${a.code}`, label: msg('screening.notice.answer') }] }];
};

/** An endorser hears that the nomination they supported was honoured. */
export const endorsedHonouredNotice: NoticeRenderer = (args) => {
  const a = nominationArgs.parse(args);
  return [{ kind: 'text', text: [msg('notice.endorsedHonoured', { code: a.code, name: a.name })] }];
};
