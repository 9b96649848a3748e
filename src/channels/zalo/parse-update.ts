// Turns one Zalo update into what the bot should do with it: an inbound event for the engine
// (private chats), a pointer to the private chat (groups), or nothing (unknown events, the bot's
// own messages, events without a message).
import type { InboundEvent } from '../../conversation/contract.js';
import { readIntent } from '../../conversation/intents.js';
import type { ZaloMessage, ZaloUpdate } from './wire.js';

/** What an update means to the bot. */
export type ParsedZaloUpdate =
  | { kind: 'event'; event: InboundEvent }
  /** A command (or a command word) in a group: the bot answers that forms run in a private chat. */
  | { kind: 'group'; chatId: string; eventId: string }
  | { kind: 'ignore'; reason: 'unknown_event' | 'no_message' | 'from_bot' | 'group_chatter' };

const UNSUPPORTED_EVENTS = new Set(['message.sticker.received', 'message.voice.received', 'message.unsupported.received']);

function content(name: string, message: ZaloMessage): Pick<InboundEvent, 'kind' | 'text' | 'photo'> | null {
  switch (name) {
    case 'message.text.received':
      return typeof message.text === 'string' ? { kind: 'text', text: message.text } : { kind: 'unsupported' };
    case 'message.image.received': {
      const ref = message.photo_url ?? message.photo;
      return ref && /^https?:\/\//i.test(ref) ? { kind: 'photo', photo: { ref } } : { kind: 'unsupported' };
    }
    default:
      return UNSUPPORTED_EVENTS.has(name) ? { kind: 'unsupported' } : null;
  }
}

/** Reads an update. */
export function parseZaloUpdate(update: ZaloUpdate): ParsedZaloUpdate {
  const message = update.message;
  if (!message) return { kind: 'ignore', reason: 'no_message' };
  const parsed = content(update.event_name, message);
  if (!parsed) return { kind: 'ignore', reason: 'unknown_event' };
  if (message.from.is_bot) return { kind: 'ignore', reason: 'from_bot' };
  if ((message.chat.chat_type ?? 'PRIVATE').toUpperCase() !== 'PRIVATE') {
    // Only a command or a command word gets an answer: the group's own talk is none of the bot's business.
    const intent = parsed.kind === 'text' ? readIntent({ channel: 'zalo', chatId: '', userId: '', eventId: '', ...parsed }).type : null;
    if (intent !== 'global' && intent !== 'unknown_command') return { kind: 'ignore', reason: 'group_chatter' };
    return { kind: 'group', chatId: message.chat.id, eventId: message.message_id };
  }
  const event: InboundEvent = {
    channel: 'zalo',
    chatId: message.chat.id,
    userId: message.from.id,
    eventId: message.message_id,
    ...parsed,
  };
  if (message.from.display_name) event.displayName = message.from.display_name;
  return { kind: 'event', event };
}
