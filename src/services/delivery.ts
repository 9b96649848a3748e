// What the delivery worker needs from a channel to send a message the bot sends first (a notice,
// a reminder, a broadcast): one sender per channel, telling apart what a retry can fix.
import { z } from 'zod';
import type { Channel, Locale, MemberRole, Outbound } from '../conversation/contract.js';

/** How one send ended. */
export type SendResult =
  | { ok: true }
  /** The person blocked the bot (or left): stop writing to them. */
  | { ok: false; kind: 'unreachable' }
  /** The platform is busy or failing: try again after a pause (its retry_after when it gave one). */
  | { ok: false; kind: 'retry'; afterMs?: number; error: string }
  /** The platform refused the message itself: retrying will not help. */
  | { ok: false; kind: 'failed'; error: string };

/** A file the bot sends (a report's workbook, its chart picture). */
export interface OutboundFile {
  /** ASCII letters, digits, dots and dashes. */
  name: string;
  contentType: string;
  /** 'photo' shows in the chat; 'document' is a file to open. */
  kind: 'document' | 'photo';
  bytes: Buffer;
}
/** How a send or an edit of an editable message ended; `gone`: the message to edit no longer exists. */
export type EditableResult = { ok: true; messageId: string } | Exclude<SendResult, { ok: true }> | { ok: false; kind: 'gone' };

/** Sends messages the bot starts, on one channel; renders them in the recipient's language. */
export interface ChannelSender {
  channel: Channel;
  send(chatId: string, messages: Outbound[], locale: Locale): Promise<SendResult>;
  /** Sends files (Telegram uploads them; the terminal saves them); missing where a chat takes no file (Zalo). */
  sendFiles?(chatId: string, files: OutboundFile[], locale: Locale): Promise<SendResult>;
  /**
   * Sends one message and says its id, so that it can be edited later (a broadcast's progress);
   * only channels that can edit a sent message (Telegram) have it.
   */
  sendEditable?(chatId: string, message: Outbound, locale: Locale): Promise<EditableResult>;
  /** Replaces a sent message's text and buttons; an edit that changes nothing counts as done. */
  edit?(chatId: string, messageId: string, message: Outbound, locale: Locale): Promise<EditableResult>;
  /** Sets a chat's command menu to a person's roles (none left: the bot's default menu again); only Telegram has one. */
  setMenu?(chatId: string, roles: MemberRole[]): Promise<SendResult>;
}

/** The outbox kind of a row that sets a chat's command menu (queued with every role change) rather than saying something. */
export const MENU_KIND = 'menu';

const menuPayload = z.object({
  menu: z.object({ roles: z.array(z.object({ role: z.enum(['leader', 'officer', 'council']), unitId: z.string().nullable() })) }),
});

/** The roles a 'menu' row carries; null when the payload is not one. */
export function menuRolesOf(payload: unknown): MemberRole[] | null {
  const parsed = menuPayload.safeParse(payload);
  return parsed.success ? parsed.data.menu.roles : null;
}
