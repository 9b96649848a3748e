// Recognises the words and commands that work everywhere (cancel, back, help, language...),
// typed with or without diacritics or sent as slash commands.
import { cleanInput, foldVietnamese } from '../domain/text.js';
import type { InboundEvent } from './contract.js';

/** A global word: what it does does not depend on the step. */
export type GlobalName = 'start' | 'nominate' | 'cancel' | 'back' | 'help' | 'restart' | 'language' | 'status' | 'mine' | 'link';

/** What an inbound event means before the step looks at it. */
export type Intent =
  | { type: 'global'; name: GlobalName; args: string }
  | { type: 'unknown_command'; name: string }
  | { type: 'text'; text: string }
  | { type: 'choice'; token: string; value: string }
  | { type: 'photo'; ref: string }
  | { type: 'unsupported' };

// Slash commands (without the slash), Vietnamese and English.
const COMMANDS: Record<string, GlobalName> = {
  start: 'start',
  batdau: 'start',
  xinchao: 'start',
  decu: 'nominate',
  nominate: 'nominate',
  huy: 'cancel',
  cancel: 'cancel',
  back: 'back',
  quaylai: 'back',
  help: 'help',
  trogiup: 'help',
  huongdan: 'help',
  lamlai: 'restart',
  restart: 'restart',
  lang: 'language',
  ngonngu: 'language',
  language: 'language',
  trangthai: 'status',
  status: 'status',
  cuatoi: 'mine',
  mine: 'mine',
  lienket: 'link',
  link: 'link',
};

// Whole messages (folded) that mean a global word.
const WORDS: Record<string, GlobalName> = {
  'xin chao': 'start',
  chao: 'start',
  'chao ban': 'start',
  hello: 'start',
  hi: 'start',
  'bat dau': 'start',
  start: 'start',
  'de cu': 'nominate',
  nominate: 'nominate',
  huy: 'cancel',
  'huy bo': 'cancel',
  cancel: 'cancel',
  'quay lai': 'back',
  'tro lai': 'back',
  back: 'back',
  'tro giup': 'help',
  'huong dan': 'help',
  help: 'help',
  '?': 'help',
  'lam lai': 'restart',
  restart: 'restart',
  'ngon ngu': 'language',
  'doi ngon ngu': 'language',
  language: 'language',
  'trang thai': 'status',
  status: 'status',
  'cua toi': 'mine',
  'de cu cua toi': 'mine',
  mine: 'mine',
  'lien ket': 'link',
  'lien ket tai khoan': 'link',
  link: 'link',
  'link account': 'link',
};

// Words followed by an argument ("trang thai TL-0001", "ngon ngu english"); the argument must
// look right, so a description that happens to start with "status" stays a description.
const LOOKS_LIKE_CODE = /^#?[a-z]{0,6}[\s\-_.]*\d{1,9}$/;
const LOOKS_LIKE_LINK_CODE = /^\d{3}[\s-]?\d{3}$/;
const WORDS_WITH_ARGS: { words: string; name: GlobalName; accepts: (folded: string) => boolean }[] = [
  { words: 'trang thai', name: 'status', accepts: (a) => LOOKS_LIKE_CODE.test(a) },
  { words: 'status', name: 'status', accepts: (a) => LOOKS_LIKE_CODE.test(a) },
  { words: 'tra cuu', name: 'status', accepts: (a) => LOOKS_LIKE_CODE.test(a) },
  { words: 'lien ket', name: 'link', accepts: (a) => LOOKS_LIKE_LINK_CODE.test(a) },
  { words: 'link', name: 'link', accepts: (a) => LOOKS_LIKE_LINK_CODE.test(a) },
  { words: 'ngon ngu', name: 'language', accepts: (a) => parseLocaleWord(a) !== null },
  { words: 'language', name: 'language', accepts: (a) => parseLocaleWord(a) !== null },
];

/** Reads a link code typed by a person ("123456", "123 456", "123-456"); null if it is none. */
export function parseLinkCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** Reads a language name typed by a person ("english", "tieng viet", "en"); null if it is none. */
export function parseLocaleWord(input: string): 'vi' | 'en' | null {
  const folded = foldVietnamese(input);
  if (['vi', 'viet', 'tieng viet', 'vietnamese', 'tv'].includes(folded)) return 'vi';
  if (['en', 'eng', 'english', 'tieng anh', 'anh'].includes(folded)) return 'en';
  return null;
}

/** Reads an inbound event as a global word, a command, or input for the current step. */
export function readIntent(event: InboundEvent): Intent {
  switch (event.kind) {
    case 'command':
      return fromCommand(event.command ?? '', cleanInput(event.text ?? ''));
    case 'choice':
      return event.choice ? { type: 'choice', token: event.choice.token, value: event.choice.value } : { type: 'unsupported' };
    case 'photo':
      return event.photo?.ref ? { type: 'photo', ref: event.photo.ref } : { type: 'unsupported' };
    case 'text':
      return fromText(event.text ?? '');
    default:
      return { type: 'unsupported' };
  }
}

function fromCommand(name: string, args: string): Intent {
  const key = foldVietnamese(name).replace(/^\//, '').replace(/@.*$/, '').replace(/[\s_-]/g, '');
  const global = COMMANDS[key];
  return global ? { type: 'global', name: global, args } : { type: 'unknown_command', name: key || name };
}

function fromText(input: string): Intent {
  const text = cleanInput(input);
  const slash = /^\/(\S+)(?:\s+([\s\S]*))?$/.exec(text);
  if (slash) return fromCommand(slash[1]!, (slash[2] ?? '').trim());
  const folded = foldVietnamese(text).replace(/[.!]+$/, '').trim();
  const global = WORDS[folded];
  if (global) return { type: 'global', name: global, args: '' };
  for (const { words, name, accepts } of WORDS_WITH_ARGS) {
    if (!folded.startsWith(`${words} `)) continue;
    const args = text.split(' ').slice(words.split(' ').length).join(' ');
    if (accepts(foldVietnamese(args))) return { type: 'global', name, args };
  }
  return { type: 'text', text };
}
