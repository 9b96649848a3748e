// The answers of the screening form, read with their types: the nomination opened (and the queue
// page it was opened from), the decision and its note.
import type { Answers } from '../../engine/flow.js';
import { SCREENING_ACTIONS, type ScreeningAction } from './data.js';

/** The screening form's answers. */
export interface ScreeningAnswers {
  /** The receipt code of the nomination opened. */
  code?: string;
  /** Its nominee, for the confirmation. */
  name?: string;
  /** The queue page it was opened from ("back" shows that page again). */
  page: number;
  action?: ScreeningAction;
  /** The comment, question or reason; '' for a forward without a comment. */
  note?: string;
}

const isAction = (v: unknown): v is ScreeningAction => typeof v === 'string' && (SCREENING_ACTIONS as readonly string[]).includes(v);

/** Reads the stored answers, dropping anything malformed. */
export function readScreening(answers: Answers): ScreeningAnswers {
  const out: ScreeningAnswers = { page: typeof answers.page === 'number' && answers.page >= 1 ? Math.floor(answers.page) : 1 };
  if (typeof answers.code === 'string') out.code = answers.code;
  if (typeof answers.name === 'string') out.name = answers.name;
  if (isAction(answers.action)) out.action = answers.action;
  if (typeof answers.note === 'string') out.note = answers.note;
  return out;
}
