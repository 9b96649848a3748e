// What the bot tells people first about roles: the inviting officer hears that an invitation was
// accepted or declined; a person whose role was revoked hears it (their Telegram menu is reset by
// the 'menu' row queued with it).
import { z } from 'zod';
import type { Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { NoticeRenderer } from '../../engine/registry.js';
import { roleViewSchema } from './data.js';
import { roleTitle } from './titles.js';

const answeredArgs = roleViewSchema.extend({ answer: z.enum(['accepted', 'declined']), code: z.string(), name: z.string().optional() });

/** An officer's invitation was answered. */
export const invitationAnsweredNotice: NoticeRenderer = (args) => {
  const a = answeredArgs.parse(args);
  const text: Text[] = [a.answer === 'accepted' ? msg('roles.notice.accepted', { code: a.code }) : msg('roles.notice.declined', { code: a.code }), roleTitle(a)];
  if (a.name) text.push(msg('roles.notice.invitedName', { name: a.name }));
  if (a.answer === 'declined') text.push(msg('roles.notice.inviteAgain'));
  return [{ kind: 'text', text }];
};

/** A person's role was revoked by an officer. */
export const roleRevokedNotice: NoticeRenderer = (args) => {
  const a = roleViewSchema.parse(args);
  return [{ kind: 'text', text: [msg('roles.notice.revoked'), roleTitle(a), msg('roles.notice.revokedAfter')] }];
};
