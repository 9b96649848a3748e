// The small set of action buttons shared by steps ("Xong", "Bo qua") and added by the engine
// ("Quay lai", "Huy"); typed, they are matched by the folded words below.
import type { PromptOption } from './flow.js';
import { msg } from './messages.js';

/** Finishes a multi-select. */
export const DONE_ACTION: PromptOption = {
  value: 'done',
  label: msg('action.done'),
  words: ['xong', 'done', 'hoan tat', 'xong roi', 'finish', 'finished'],
};

/** Skips an optional step (photo, phone). */
export const SKIP_ACTION: PromptOption = {
  value: 'skip',
  label: msg('action.skip'),
  words: ['bo qua', 'skip', 'khong', 'khong co', 'no', 'none'],
};

/** Goes to the previous question; typed "quay lai" is a global word, so no words here. */
export const BACK_ACTION: PromptOption = { value: 'back', label: msg('action.back') };

/** Drops the form; typed "huy" is a global word. */
export const CANCEL_ACTION: PromptOption = { value: 'cancel', label: msg('action.cancel') };
