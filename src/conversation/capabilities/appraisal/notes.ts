// The officer's notes on an appraisal, typed as one message: "2: da xac minh; 5: chua co giay xac
// nhan" gives notes to criteria 2 and 5; anything else is one note on the whole appraisal.
import { charCount, cleanInput } from '../../../domain/text.js';
import { NOTE_MAX } from '../dossier/reason.js';

/** Notes by criterion number (1-based, as listed) and one general note. */
export interface AppraisalNotes {
  general: string | null;
  /** Criterion id -> note. */
  byCriterion: Record<string, string>;
}

/** No notes at all. */
export const NO_NOTES: AppraisalNotes = { general: null, byCriterion: {} };

/** Reads typed notes against the criteria listed (ids in display order); `tooLong` names a note over the limit. */
export function parseNotes(input: string, criterionIds: readonly string[]): { ok: true; notes: AppraisalNotes } | { ok: false; tooLong: number } {
  const general: string[] = [];
  const byCriterion: Record<string, string> = {};
  for (const part of cleanInput(input, { multiline: true }).split(/[\n;]+/)) {
    const text = part.trim();
    if (!text) continue;
    const numbered = /^(\d{1,2})\s*[:.)\-–]\s*(.+)$/.exec(text);
    const id = numbered ? criterionIds[Number(numbered[1]) - 1] : undefined;
    if (numbered && id) byCriterion[id] = byCriterion[id] ? `${byCriterion[id]}; ${numbered[2]!.trim()}` : numbered[2]!.trim();
    else general.push(text);
  }
  const notes: AppraisalNotes = { general: general.length ? general.join('; ') : null, byCriterion };
  const longest = Math.max(charCount(notes.general ?? ''), ...Object.values(byCriterion).map(charCount));
  return longest > NOTE_MAX ? { ok: false, tooLong: longest } : { ok: true, notes };
}
