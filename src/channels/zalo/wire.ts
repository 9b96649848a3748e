// The Zalo Bot Platform's wire format, as zod schemas: the answer envelope of every method and
// the update a poll or a webhook delivers. Unknown fields pass through; ids are opaque strings.
import { z } from 'zod';

/** An id the platform may send as a string or a number; kept as a string. */
const id = z.union([z.string().min(1), z.number()]).transform(String);

/** Who sent a message. */
export const zaloUserSchema = z.object({ id, display_name: z.string().optional(), is_bot: z.boolean().optional() });

/** The chat a message belongs to. */
export const zaloChatSchema = z.object({ id, chat_type: z.string().optional() });

/** One incoming message (text, photo, sticker, voice...). */
export const zaloMessageSchema = z.object({
  message_id: id,
  date: z.number().optional(),
  from: zaloUserSchema,
  chat: zaloChatSchema,
  text: z.string().optional(),
  photo: z.string().optional(),
  photo_url: z.string().optional(),
  caption: z.string().optional(),
});

/** One update: an event name and, usually, a message. */
export const zaloUpdateSchema = z.object({ event_name: z.string().min(1), message: zaloMessageSchema.optional() });

/** An update as read from the wire. */
export type ZaloUpdate = z.infer<typeof zaloUpdateSchema>;
/** A message as read from the wire. */
export type ZaloMessage = z.infer<typeof zaloMessageSchema>;

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

/**
 * Reads a webhook body or a poll's result: flat `{event_name, message}` or wrapped
 * `{ok, result: {event_name, message}}`; null when it is neither.
 */
export function readUpdate(body: unknown): ZaloUpdate | null {
  const inner = typeof body === 'object' && body !== null && 'result' in body && !('event_name' in body) ? (body as { result: unknown }).result : body;
  const parsed = zaloUpdateSchema.safeParse(inner);
  return parsed.success ? parsed.data : null;
}
