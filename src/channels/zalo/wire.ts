// The Zalo Bot Platform's wire format, as zod schemas: the answer envelope of every method and
// the update a poll or a webhook delivers. Unknown fields pass through; ids are opaque strings.
import { z } from 'zod';
import { opaqueId, record } from '../clean-text.js';

/** An id the platform may send as a string or a number: printable ASCII, kept as a string. */
const id = z.union([z.string(), z.number()]).transform((value) => opaqueId(value)).pipe(z.string());

/** Who sent a message; the name and flags are read defensively where they are used. */
export const zaloUserSchema = z.object({ id, display_name: z.unknown().optional(), is_bot: z.unknown().optional() });

/** The chat a message belongs to. */
export const zaloChatSchema = z.object({ id, chat_type: z.unknown().optional() });

/**
 * One incoming message (text, photo, sticker, voice...). Only the ids must be right: the other
 * fields may have any type on the wire (the parser takes strings where it expects them and
 * cleans them), so an odd field makes a message unsupported, never unreadable.
 */
export const zaloMessageSchema = z.object({
  message_id: id,
  date: z.unknown().optional(),
  from: zaloUserSchema,
  chat: zaloChatSchema,
  text: z.unknown().optional(),
  photo: z.unknown().optional(),
  photo_url: z.unknown().optional(),
  caption: z.unknown().optional(),
});

/** A message as read from the wire. */
export type ZaloMessage = z.infer<typeof zaloMessageSchema>;

/** One update: an event name and, usually, a message; `unreadable` when it had one whose ids could not be read. */
export interface ZaloUpdate {
  event_name: string;
  message?: ZaloMessage;
  unreadable?: true;
}

/** The envelope of every answer: ok with a result, or an error code and description. */
export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error_code: z.number().int(),
    description: z.string().optional(),
    parameters: z.object({ retry_after: z.number().optional() }).partial().optional(),
  }),
]);

/** getMe's result. */
export const botInfoSchema = z.object({ id, account_name: z.string().optional(), display_name: z.string().optional() });

/** sendMessage / sendPhoto's result: at least the new message's id. */
export const sentSchema = z.object({ message_id: id.optional() }).loose();

/** Event names are short dotted words; anything else is not one. */
const EVENT_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * Reads a webhook body or a poll's result: flat `{event_name, message}` or wrapped
 * `{ok, result: {event_name, message}}`; null when it is neither. Total: never throws.
 */
export function readUpdate(body: unknown): ZaloUpdate | null {
  const outer = record(body);
  const inner = outer && 'result' in outer && !('event_name' in outer) ? record(outer.result) : outer;
  if (!inner || typeof inner.event_name !== 'string' || !EVENT_NAME.test(inner.event_name)) return null;
  const update: ZaloUpdate = { event_name: inner.event_name };
  if (inner.message === undefined || inner.message === null) return update;
  const message = zaloMessageSchema.safeParse(inner.message);
  if (message.success) update.message = message.data;
  else update.unreadable = true;
  return update;
}
