// Turns one Zalo update into what the bot should do with it: an inbound event for the engine
// (private chats), a pointer to the private chat (groups), or nothing (unknown events, the bot's
// own messages, events without a message or with one whose ids cannot be read). Total: nothing
// throws. Text, names and photo URLs are cleaned and capped here (clean-text.ts), so nothing a
// person types can make the update's database calls fail.
import type { InboundEvent } from '../../conversation/contract.js';
import { appRegistry } from '../../conversation/capabilities/index.js';
import { readIntent } from '../../conversation/engine/intents.js';
import { cleanText } from '../clean-text.js';
import type { ZaloMessage, ZaloUpdate } from './wire.js';

/** What an update means to the bot. */
export type ParsedZaloUpdate =
  | { kind: 'event'; event: InboundEvent }
  /** A command (or a command word) in a group: the bot answers that forms run in a private chat. */
  | { kind: 'group'; chatId: string; eventId: string }
  | { kind: 'ignore'; reason: 'unknown_event' | 'no_message' | 'unreadable_message' | 'from_bot' | 'group_chatter' | 'not_senders_chat' };

/**
 * The longest text kept from one message. Zalo's own limit for a message is 2000 characters;
 * a little more is kept so that an answer over the form's limits is refused by the form with a
 * message the person understands, not cut silently.
 */
export const ZALO_INBOUND_TEXT_MAX = 4000;
const NAME_MAX = 128;
const URL_MAX = 2048;

const UNSUPPORTED_EVENTS = new Set(['message.sticker.received', 'message.voice.received', 'message.unsupported.received']);
const KNOWN_EVENTS = new Set(['message.text.received', 'message.image.received', ...UNSUPPORTED_EVENTS]);

/** An update's event name for a log line: a name the bot knows, else "other" (a name is whatever was posted). */
export function loggableEventName(name: string): string {
  return KNOWN_EVENTS.has(name) ? name : 'other';
}

function content(name: string, message: ZaloMessage): Pick<InboundEvent, 'kind' | 'text' | 'photo'> | null {
  switch (name) {
    case 'message.text.received': {
      const text = cleanText(message.text, ZALO_INBOUND_TEXT_MAX);
      return text === null ? { kind: 'unsupported' } : { kind: 'text', text };
    }
    case 'message.image.received': {
      const ref = [message.photo_url, message.photo].find((v): v is string => typeof v === 'string' && v.length <= URL_MAX && /^https?:\/\/\S+$/i.test(v));
      const clean = ref === undefined ? null : cleanText(ref, URL_MAX);
      return clean && clean === ref ? { kind: 'photo', photo: { ref: clean } } : { kind: 'unsupported' };
    }
    default:
      return UNSUPPORTED_EVENTS.has(name) ? { kind: 'unsupported' } : null;
  }
}

/** Reads an update. */
export function parseZaloUpdate(update: ZaloUpdate): ParsedZaloUpdate {
  if (update.unreadable) return { kind: 'ignore', reason: 'unreadable_message' };
  const message = update.message;
  if (!message) return { kind: 'ignore', reason: 'no_message' };
  const parsed = content(update.event_name, message);
  if (!parsed) return { kind: 'ignore', reason: 'unknown_event' };
  if (message.from.is_bot === true) return { kind: 'ignore', reason: 'from_bot' };
  const chatType = typeof message.chat.chat_type === 'string' ? message.chat.chat_type : 'PRIVATE';
  if (chatType.toUpperCase() !== 'PRIVATE') {
    // Only a command or a command word gets an answer: the group's own talk is none of the bot's business.
    const intent = parsed.kind === 'text' ? readIntent({ channel: 'zalo', chatId: '', userId: '', eventId: '', ...parsed }, appRegistry).type : null;
    if (intent !== 'command' && intent !== 'unknown_command') return { kind: 'ignore', reason: 'group_chatter' };
    return { kind: 'group', chatId: message.chat.id, eventId: message.message_id };
  }
  // A private chat is the sender's own: an update that names another chat (with or without a
  // chat type) is not routed to a conversation, or two people would share one.
  if (message.chat.id !== message.from.id) return { kind: 'ignore', reason: 'not_senders_chat' };
  const event: InboundEvent = {
    channel: 'zalo',
    chatId: message.chat.id,
    userId: message.from.id,
    eventId: message.message_id,
    ...parsed,
  };
  const name = cleanText(message.from.display_name, NAME_MAX, { singleLine: true })?.trim();
  if (name) event.displayName = name;
  return { kind: 'event', event };
}
