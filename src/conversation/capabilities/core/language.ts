// The language question (/ngonngu, /lang): Tieng Viet or English, asked on top of whatever is open,
// and the command that asks it or switches directly ("ngon ngu english").
import { foldVietnamese } from '../../../domain/text.js';
import type { ConversationState, Locale, Outbound } from '../../contract.js';
import { BACK_ACTION } from '../../engine/actions.js';
import type { Prompt } from '../../engine/flow.js';
import type { Decision } from '../../engine/form-runner.js';
import { menuHint } from '../../engine/help.js';
import { msg } from '../../engine/messages.js';
import { readInput } from '../../engine/read-input.js';
import type { CommandDef, OverlayDef, TurnApi } from '../../engine/registry.js';

/** Reads a language name typed by a person ("english", "tieng viet", "en"); null if it is none. */
export function parseLocaleWord(input: string): Locale | null {
  const folded = foldVietnamese(input);
  if (['vi', 'viet', 'tieng viet', 'vietnamese', 'tv'].includes(folded)) return 'vi';
  if (['en', 'eng', 'english', 'tieng anh', 'anh'].includes(folded)) return 'en';
  return null;
}

function languagePrompt(): Prompt {
  return {
    text: [msg('language.ask')],
    input: 'single',
    options: [
      { value: 'vi', label: msg('language.vi'), words: ['tieng viet', 'vietnamese', 'vi', 'viet'] },
      { value: 'en', label: msg('language.en'), words: ['english', 'tieng anh', 'en', 'anh'] },
    ],
    actions: [BACK_ACTION],
  };
}

/** Switches the language: the member's row changes in the save, and the reply speaks the new one. */
function setLanguage(turn: TurnApi, locale: Locale): Decision {
  const form = turn.flow && !turn.flow.replaceable;
  const after = form ? turn.resume([], locale) : { state: turn.idle() as ConversationState, messages: [] as Outbound[] };
  const messages: Outbound[] = [{ kind: 'text', text: [msg('language.changed'), ...(form ? [] : [menuHint()])] }, ...after.messages];
  return { state: after.state, messages, effect: { type: 'set_locale', locale }, locale };
}

/** The language question, shown on top of the open form (which stays as it is). */
export const languageOverlay: OverlayDef = {
  id: 'lang',
  prompt: languagePrompt,
  answer: (turn, intent) => {
    if (intent.type === 'command') {
      if (intent.command.id === 'cancel' || intent.command.id === 'back') return turn.resume([msg('language.kept')]);
      if (intent.command.id === 'help') return turn.showOverlay(languageOverlay, [msg('language.help')]);
      return null;
    }
    if (intent.type === 'unknown_command') return null;
    const read = readInput(intent, languagePrompt(), turn.state);
    if (read.type === 'global') return turn.resume([msg('language.kept')]);
    if (read.type === 'stale') return turn.showOverlay(languageOverlay, [msg('form.staleButton')]);
    if (read.type === 'problem') return turn.showOverlay(languageOverlay, read.reason);
    const value = read.input.kind === 'option' ? read.input.value : null;
    if (value === 'vi' || value === 'en') return setLanguage(turn, value);
    return turn.showOverlay(languageOverlay, [msg('choice.pickFromList')]);
  },
};

/** /ngonngu, /lang: ask, or switch at once when the language is named. */
export const languageCommand: CommandDef = {
  id: 'language',
  brief: 'command.brief.language',
  slash: ['ngonngu', 'lang', 'language'],
  words: ['ngon ngu', 'doi ngon ngu', 'language'],
  wordsWithArgs: [
    { words: 'ngon ngu', accepts: (a) => parseLocaleWord(a) !== null },
    { words: 'language', accepts: (a) => parseLocaleWord(a) !== null },
  ],
  menu: { vi: 'ngonngu', en: 'language', description: 'telegram.commands.language' },
  help: () => msg('menu.language'),
  helpIn: 'help',
  order: 40,
  run: (turn, args) => {
    const chosen = args ? parseLocaleWord(args) : null;
    return chosen ? setLanguage(turn, chosen) : turn.showOverlay(languageOverlay, []);
  },
};
