// The reason an officer gives for declining (a nomination, an honour): required, read by the
// nominator, so it must say something: letters, at least a word, at most 1,000 characters.
import { charCount, cleanInput, foldVietnamese, hasLetters } from '../../../domain/text.js';
import type { Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';

/** The longest reason or note the database keeps. */
export const NOTE_MAX = 1000;

// Words that skip a question elsewhere: typed here they are no reason.
const NOT_A_REASON = new Set(['bo qua', 'skip', 'khong', 'no', 'none', 'ko', 'k', 'x']);

/** The cleaned reason, or why it is not one. */
export function checkReason(input: string): { ok: true; reason: string } | { ok: false; problem: Text } {
  const reason = cleanInput(input, { multiline: true });
  const count = charCount(reason);
  if (count > NOTE_MAX) return { ok: false, problem: msg('appraisal.reason.tooLong', { count, max: NOTE_MAX }) };
  if (count < 3 || !hasLetters(reason) || NOT_A_REASON.has(foldVietnamese(reason))) return { ok: false, problem: msg('appraisal.reason.required') };
  return { ok: true, reason };
}
