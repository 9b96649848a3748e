// The announcement as every recipient sees it (and the officer in the preview): the ward's name
// above, the officer's text (or the honours draft, in the reader's language), how to switch
// announcements off below; the photo first where the recipient's app can show it.
import { z } from 'zod';
import type { Locale, Outbound } from '../../contract.js';
import { msg, raw } from '../../engine/messages.js';
import type { NoticeRenderer } from '../../engine/registry.js';
import { draftLineSchema, draftText } from './draft.js';

const argsSchema = z.object({
  ward: z.string(),
  text: z.string().optional(),
  draft: z.array(draftLineSchema).optional(),
  photo: z.string().optional(),
});

/** What a queued broadcast row carries. */
export type BroadcastArgs = z.infer<typeof argsSchema>;

/** The announcement's messages in the recipient's language. */
export function broadcastMessages(a: BroadcastArgs, locale: Locale): Outbound[] {
  const body = a.text ? [raw(a.text)] : draftText(a.draft ?? [], locale);
  const text: Outbound = { kind: 'text', text: [msg('broadcast.header', { ward: a.ward }), ...body, msg('broadcast.footer')] };
  return a.photo ? [{ kind: 'photo', ref: a.photo }, text] : [text];
}

/** The outbox's renderer for broadcast rows. */
export const broadcastNotice: NoticeRenderer = (args, locale) => broadcastMessages(argsSchema.parse(args), locale);
