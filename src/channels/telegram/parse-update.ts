// Turns one Telegram update into what the bot should do with it: an inbound event for the engine
// (private chats), a pointer to the private chat (groups), a reachability change (the person
// blocked or unblocked the bot), a button press to dismiss, or nothing. Total: any JSON value
// gives an answer and nothing throws, because a webhook body is whatever was posted and Telegram
// adds update kinds and fields over time; ids are checked, text is cleaned (clean-text.ts).
import type { InboundEvent } from '../../conversation/contract.js';
import { capLength, cleanText, integerId, opaqueId, record } from '../clean-text.js';
import { CALLBACK_DATA_MAX_BYTES, decodeCallbackData } from './callback-data.js';

/** A button as a callback query shows it (the message's current keyboard). */
export interface ShownButton {
  text: string;
  callback_data?: string;
}

/** The message a pressed button was on, as Telegram says it looks now. */
export interface PressedMessage {
  messageId: number;
  /** Its text as shown (no markup); null when Telegram did not send it. */
  text: string | null;
  /** Its inline keyboard now; empty when the buttons are gone. */
  keyboard: ShownButton[][];
}

/** A button press that became an event: the query to answer and the message it was on. */
export interface PressedButton {
  id: string;
  /** Null for a press on a message the bot cannot edit (none was sent with the query). */
  message: PressedMessage | null;
}

/** Why an update was left alone (logged at debug level, with the update id only). */
export type IgnoreReason =
  | 'not_an_update'
  | 'unknown_kind'
  | 'malformed'
  | 'from_bot'
  | 'other_bot_command'
  | 'group_chatter'
  | 'not_private'
  | 'chat_not_sender'
  | 'member_status';

/** What an update means to the bot. */
export type ParsedUpdate =
  | { kind: 'event'; event: InboundEvent; callback?: PressedButton }
  /** A command (or a button) in a group: the bot answers with a link to a private chat. */
  | { kind: 'group'; chatId: string; languageHint?: string; callbackId?: string }
  | { kind: 'reachability'; userId: string; reachable: boolean }
  /** A press the bot has nothing to say to (a game's button, an inline message's): its spinner is stopped. */
  | { kind: 'dismiss'; callbackId: string; reason: 'game' | 'inline_message' | 'chat_not_sender' }
  | { kind: 'ignore'; reason: IgnoreReason };

/** The Bot API's limit for a message's text; longer is not Telegram's and is cut. */
const TEXT_MAX = 4096;
/** First and last names are at most 64 characters each on Telegram. */
const NAME_MAX = 64;
/** file_ids are about 100 characters; anything far longer is not one. */
const FILE_ID = /^[A-Za-z0-9_-]{1,512}$/;
const LANGUAGE = /^[A-Za-z0-9-]{1,35}$/;
const COMMAND = /^\/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/;

interface Person {
  id: string;
  displayName: string;
  languageHint?: string;
  isBot: boolean;
}

interface Chat {
  id: string;
  type: string;
}

function personOf(value: unknown): Person | null {
  const user = record(value);
  const id = integerId(user?.id);
  if (!user || !id) return null;
  const name = [cleanText(user.first_name, NAME_MAX, { singleLine: true }), cleanText(user.last_name, NAME_MAX, { singleLine: true })]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  const person: Person = { id, displayName: name, isBot: user.is_bot === true };
  if (typeof user.language_code === 'string' && LANGUAGE.test(user.language_code)) person.languageHint = user.language_code;
  return person;
}

function chatOf(value: unknown): Chat | null {
  const chat = record(value);
  const id = integerId(chat?.id);
  return chat && id && typeof chat.type === 'string' ? { id, type: chat.type } : null;
}

function base(updateId: number, person: Person, chatId: string): Omit<InboundEvent, 'kind'> {
  const event: Omit<InboundEvent, 'kind'> = { channel: 'telegram', chatId, userId: person.id, eventId: String(updateId) };
  if (person.displayName) event.displayName = person.displayName;
  if (person.languageHint) event.languageHint = person.languageHint;
  return event;
}

/** The update's id: a safe integer (or one written as a string); null when there is none. */
export function updateIdOf(update: unknown): number | null {
  const id = integerId(record(update)?.update_id);
  return id === null ? null : Number(id);
}

/** The largest size of a photo (the last one is the largest, but do not rely on the order); null when none is usable. */
export function largestPhoto(sizes: readonly unknown[]): string | null {
  let best: { fileId: string; area: number } | null = null;
  for (const raw of sizes) {
    const size = record(raw);
    if (!size || typeof size.file_id !== 'string' || !FILE_ID.test(size.file_id)) continue;
    const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
    const area = number(size.file_size) || number(size.width) * number(size.height);
    if (!best || area > best.area) best = { fileId: size.file_id, area };
  }
  return best?.fileId ?? null;
}

/** What an incoming message says, for a private chat; null for a command addressed to another bot. */
function fromMessage(message: Record<string, unknown>, botUsername: string): Pick<InboundEvent, 'kind' | 'text' | 'command' | 'photo'> | null {
  if (Array.isArray(message.photo) && message.photo.length) {
    const ref = largestPhoto(message.photo);
    return ref ? { kind: 'photo', photo: { ref } } : { kind: 'unsupported' };
  }
  const text = cleanText(message.text, TEXT_MAX);
  if (text === null) return { kind: 'unsupported' };
  const command = COMMAND.exec(text.trim());
  if (command) {
    if (command[2] && command[2].toLowerCase() !== botUsername.toLowerCase()) return null;
    return { kind: 'command', command: command[1]!.toLowerCase(), text: (command[3] ?? '').trim() };
  }
  return { kind: 'text', text };
}

function keyboardOf(markup: unknown): ShownButton[][] {
  const rows = record(markup)?.inline_keyboard;
  if (!Array.isArray(rows)) return [];
  return rows.map((row) =>
    (Array.isArray(row) ? row : []).map((b) => {
      const button = record(b);
      const shown: ShownButton = { text: typeof button?.text === 'string' ? button.text : '' };
      if (typeof button?.callback_data === 'string') shown.callback_data = button.callback_data;
      return shown;
    }),
  );
}

function pressedMessage(value: unknown): PressedMessage | null {
  const message = record(value);
  const id = message?.message_id;
  if (!message || typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return null;
  return { messageId: id, text: typeof message.text === 'string' ? message.text : null, keyboard: keyboardOf(message.reply_markup) };
}

function myChatMember(value: unknown): ParsedUpdate {
  const m = record(value);
  const chat = chatOf(m?.chat);
  const person = personOf(m?.from);
  if (!m || !chat || !person) return { kind: 'ignore', reason: 'malformed' };
  if (chat.type !== 'private') return { kind: 'ignore', reason: 'not_private' };
  const status = record(m.new_chat_member)?.status;
  if (status === 'kicked') return { kind: 'reachability', userId: person.id, reachable: false };
  if (status === 'member') return { kind: 'reachability', userId: person.id, reachable: true };
  return { kind: 'ignore', reason: 'member_status' };
}

function callbackQuery(updateId: number, value: unknown): ParsedUpdate {
  const q = record(value);
  const id = opaqueId(q?.id);
  const person = personOf(q?.from);
  if (!q || !id || !person) return { kind: 'ignore', reason: 'malformed' };
  const message = record(q.message);
  if (!message) return { kind: 'dismiss', callbackId: id, reason: 'inline_message' };
  if (typeof q.data !== 'string') return { kind: 'dismiss', callbackId: id, reason: 'game' };
  const chat = chatOf(message.chat);
  if (!chat) return { kind: 'ignore', reason: 'malformed' };
  if (chat.type !== 'private') {
    const group: ParsedUpdate = { kind: 'group', chatId: chat.id, callbackId: id };
    if (person.languageHint) group.languageHint = person.languageHint;
    return group;
  }
  if (chat.id !== person.id) return { kind: 'dismiss', callbackId: id, reason: 'chat_not_sender' };
  const data = Buffer.byteLength(q.data, 'utf8') <= CALLBACK_DATA_MAX_BYTES ? cleanText(q.data, CALLBACK_DATA_MAX_BYTES) : null;
  const choice = decodeCallbackData(data ?? undefined);
  const event: InboundEvent = choice ? { ...base(updateId, person, chat.id), kind: 'choice', choice } : { ...base(updateId, person, chat.id), kind: 'unsupported' };
  return { kind: 'event', event, callback: { id, message: pressedMessage(message) } };
}

function incomingMessage(updateId: number, value: unknown, botUsername: string): ParsedUpdate {
  const message = record(value);
  const person = personOf(message?.from);
  const chat = chatOf(message?.chat);
  if (!message || !person || !chat) return { kind: 'ignore', reason: 'malformed' };
  if (person.isBot) return { kind: 'ignore', reason: 'from_bot' };
  const parsed = fromMessage(message, botUsername);
  if (!parsed) return { kind: 'ignore', reason: 'other_bot_command' };
  if (chat.type !== 'private') {
    if (parsed.kind !== 'command') return { kind: 'ignore', reason: 'group_chatter' };
    const group: ParsedUpdate = { kind: 'group', chatId: chat.id };
    if (person.languageHint) group.languageHint = person.languageHint;
    return group;
  }
  // In a private chat the chat is the person; anything else is not Telegram's and must not mix two people.
  if (chat.id !== person.id) return { kind: 'ignore', reason: 'chat_not_sender' };
  return { kind: 'event', event: { ...base(updateId, person, chat.id), ...parsed } };
}

/** Reads an update (any JSON value); `botUsername` tells commands meant for this bot from others in groups. */
export function parseUpdate(update: unknown, botUsername: string): ParsedUpdate {
  const u = record(update);
  const updateId = updateIdOf(u);
  if (!u || updateId === null) return { kind: 'ignore', reason: 'not_an_update' };
  if (u.my_chat_member !== undefined) return myChatMember(u.my_chat_member);
  if (u.callback_query !== undefined) return callbackQuery(updateId, u.callback_query);
  if (u.message !== undefined) return incomingMessage(updateId, u.message, botUsername);
  return { kind: 'ignore', reason: 'unknown_kind' };
}

/** The chat an update belongs to, for processing one chat's updates in order; undefined when none. */
export function chatKeyOf(update: unknown): string | undefined {
  const u = record(update);
  const q = record(u?.callback_query);
  const id =
    integerId(record(record(u?.message)?.chat)?.id) ??
    integerId(record(record(q?.message)?.chat)?.id) ??
    integerId(record(q?.from)?.id) ??
    integerId(record(record(u?.my_chat_member)?.chat)?.id);
  return id === null ? undefined : capLength(id, 32);
}
