// The language question (/ngonngu, /lang): Tieng Viet or English, asked on top of whatever is open.
import { BACK_ACTION } from './actions.js';
import type { Prompt } from './flow.js';
import { msg } from './messages.js';

/** The prompt id of the language question (the start of its view token). */
export const LANGUAGE_PROMPT = 'lang';

/** The language question. */
export function languagePrompt(): Prompt {
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
