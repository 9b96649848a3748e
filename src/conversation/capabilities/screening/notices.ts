// What a unit's leader (or the ward's officers, for the nominations a leader does not screen) is
// told when a nomination arrives or comes back answered, with a button (or the words to type)
// that opens it; and what the ward's officers are told when a nomination is forwarded to them.
import { z } from 'zod';
import { msg } from '../../engine/messages.js';
import { COMMAND_TOKEN, type NoticeRenderer } from '../../engine/registry.js';

const screenArgs = z.object({ event: z.enum(['new', 'answered']), code: z.string(), name: z.string(), unit: z.string().nullable().optional() });
const forwardedArgs = z.object({ code: z.string(), name: z.string(), unit: z.string().nullable().optional() });

/** A nomination waiting for screening: what, where, and how to open it. */
export const screenNotice: NoticeRenderer = (args) => {
  const a = screenArgs.parse(args);
  const params = { code: a.code, name: a.name, unit: a.unit ?? '' };
  const line = a.event === 'new' ? msg('notice.newNomination', params) : msg('notice.answeredNomination', params);
  // One message: the button sits under the sentence (without buttons, the words to type follow it).
  return [{ kind: 'choices', text: [line], multi: false, token: COMMAND_TOKEN, options: [{ value: `/duyet ${a.code}`, label: msg('notice.openIt') }] }];
};

/** A nomination forwarded to the ward: the officers' cue to appraise it (/thamdinh belongs to the ward's capability). */
export const forwardedNotice: NoticeRenderer = (args) => {
  const a = forwardedArgs.parse(args);
  const line = msg('screening.notice.forwarded', { code: a.code, name: a.name, unit: a.unit ?? '' });
  return [{ kind: 'choices', text: [line], multi: false, token: COMMAND_TOKEN, options: [{ value: `/thamdinh ${a.code}`, label: msg('screening.notice.appraise') }] }];
};
