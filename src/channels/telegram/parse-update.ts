// Turns one Telegram update into what the bot should do with it: an inbound event for the engine
// (private chats), a pointer to the private chat (groups), a reachability change (the person
// blocked or unblocked the bot), or nothing.
import type { Message, Update, User } from 'grammy/types';
import type { InboundEvent } from '../../conversation/contract.js';
import { decodeCallbackData } from './callback-data.js';

/** What an update means to the bot. */
export type ParsedUpdate =
  | { kind: 'event'; event: InboundEvent; callback?: { id: string; messageId: number | null } }
  /** A command (or a button) in a group: the bot answers with a link to a private chat. */
  | { kind: 'group'; chatId: string; languageHint?: string; callbackId?: string }
  | { kind: 'reachability'; userId: string; reachable: boolean }
  | { kind: 'ignore' };

const COMMAND = /^\/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/;

function displayName(user: User): string {
  return [user.first_name, user.last_name].filter(Boolean).join(' ');
}

function base(update: Update, user: User, chatId: number): Omit<InboundEvent, 'kind'> {
  const event: Omit<InboundEvent, 'kind'> = {
    channel: 'telegram',
    chatId: String(chatId),
    userId: String(user.id),
    eventId: String(update.update_id),
    displayName: displayName(user),
  };
  if (user.language_code) event.languageHint = user.language_code;
  return event;
}

/** The largest size of a photo (the last one is the largest, but do not rely on the order). */
export function largestPhoto(sizes: NonNullable<Message['photo']>): string | null {
  let best: (typeof sizes)[number] | undefined;
  const area = (p: (typeof sizes)[number]) => p.file_size ?? p.width * p.height;
  for (const size of sizes) if (!best || area(size) > area(best)) best = size;
  return best?.file_id ?? null;
}

/** What an incoming message says, for a private chat. */
function fromMessage(message: Message, botUsername: string): Pick<InboundEvent, 'kind' | 'text' | 'command' | 'photo'> | null {
  if (message.photo?.length) {
    const ref = largestPhoto(message.photo);
    return ref ? { kind: 'photo', photo: { ref } } : { kind: 'unsupported' };
  }
  if (typeof message.text === 'string') {
    const command = COMMAND.exec(message.text.trim());
    if (command) {
      if (command[2] && command[2].toLowerCase() !== botUsername.toLowerCase()) return null;
      return { kind: 'command', command: command[1]!.toLowerCase(), text: (command[3] ?? '').trim() };
    }
    return { kind: 'text', text: message.text };
  }
  return { kind: 'unsupported' };
}

/** Reads an update; `botUsername` tells commands meant for this bot from others in groups. */
export function parseUpdate(update: Update, botUsername: string): ParsedUpdate {
  if (update.my_chat_member) {
    const m = update.my_chat_member;
    if (m.chat.type !== 'private') return { kind: 'ignore' };
    const status = m.new_chat_member.status;
    if (status === 'kicked') return { kind: 'reachability', userId: String(m.from.id), reachable: false };
    if (status === 'member') return { kind: 'reachability', userId: String(m.from.id), reachable: true };
    return { kind: 'ignore' };
  }
  if (update.callback_query) {
    const q = update.callback_query;
    const chat = q.message?.chat;
    if (chat && chat.type !== 'private') {
      const group: ParsedUpdate = { kind: 'group', chatId: String(chat.id), callbackId: q.id };
      if (q.from.language_code) group.languageHint = q.from.language_code;
      return group;
    }
    const choice = decodeCallbackData(q.data);
    const event: InboundEvent = choice
      ? { ...base(update, q.from, chat?.id ?? q.from.id), kind: 'choice', choice }
      : { ...base(update, q.from, chat?.id ?? q.from.id), kind: 'unsupported' };
    return { kind: 'event', event, callback: { id: q.id, messageId: q.message?.message_id ?? null } };
  }
  const message = update.message;
  if (!message?.from || message.from.is_bot) return { kind: 'ignore' };
  const parsed = fromMessage(message, botUsername);
  if (!parsed) return { kind: 'ignore' };
  if (message.chat.type !== 'private') {
    if (parsed.kind !== 'command') return { kind: 'ignore' };
    const group: ParsedUpdate = { kind: 'group', chatId: String(message.chat.id) };
    if (message.from.language_code) group.languageHint = message.from.language_code;
    return group;
  }
  return { kind: 'event', event: { ...base(update, message.from, message.chat.id), ...parsed } };
}

/** The chat an update belongs to, for processing one chat's updates in order; undefined when none. */
export function chatKeyOf(update: Update): string | undefined {
  const id =
    update.message?.chat.id ??
    update.callback_query?.message?.chat.id ??
    update.callback_query?.from.id ??
    update.my_chat_member?.chat.id;
  return id === undefined ? undefined : String(id);
}
