// The answers of the appraisal form, read with their types (they come back from the database as JSON).
import type { Answers, StepContext } from '../../engine/flow.js';
import type { AppraisalNotes } from './notes.js';

/** What the officer chose so far. */
export interface AppraisalAnswers {
  /** The nomination opened (its receipt code). */
  code?: string;
  /** The campaign and phase whose list was shown. */
  group?: string;
  /** The code whose dossier was read and the marking begun. */
  opened?: string;
  /** Ids of the criteria met; the others are not met. */
  met?: string[];
  /** The code the marks are for. */
  marksFor?: string;
  notes?: AppraisalNotes;
  notesFor?: string;
}

/** The answers, typed. */
export function readAnswers(answers: Answers): AppraisalAnswers {
  return answers as AppraisalAnswers;
}

/** The code of the nomination opened, if any. */
export function codeOf(cx: StepContext): string | undefined {
  const code = readAnswers(cx.answers).code;
  return typeof code === 'string' && code ? code : undefined;
}

/** Answers that forget the nomination opened (back to the list). */
export const CLEARED: Answers = { code: undefined, opened: undefined, met: undefined, marksFor: undefined, notes: undefined, notesFor: undefined };
