// The broadcast form's answers, typed, and the time typed for a scheduled broadcast.
import type { StepContext } from '../../engine/flow.js';
import type { Audience } from './data.js';
import type { DraftLine } from './draft.js';

/** What the officer chose so far. */
export interface BroadcastAnswers {
  /** The officer's own text; absent when the honours draft is sent as it is. */
  text?: string;
  /** The honours the draft announces (nomination ids), and the draft as shown to the officer. */
  honours?: string[];
  draft?: DraftLine[];
  /** A photo reference; null: none. */
  photo?: string | null;
  audience?: Audience;
  /** ISO instant; null: now. */
  sendAt?: string | null;
  urgent?: boolean;
}

/** The answers, typed. */
export const answersOf = (cx: Pick<StepContext, 'answers'>) => cx.answers as BroadcastAnswers;

/** The ward's offset from UTC (Vietnam keeps no daylight saving time). */
const WARD_OFFSET_MS = 7 * 3600_000;

/**
 * Reads "dd/mm/yyyy hh:mm" or "hh:mm dd/mm/yyyy" (also "hh'h'mm", without leading zeros) in the
 * ward's time into an instant; null when it is no real time.
 */
export function parseWardTime(input: string): Date | null {
  const text = input.trim().toLowerCase();
  const date = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})/.exec(text);
  const rest = date ? text.replace(date[0], ' ') : text;
  const time = /(?:^|\s)(\d{1,2})\s*[:h]\s*(\d{2})?(?:\s|$)/.exec(` ${rest} `);
  if (!date || !time) return null;
  const [d, mo, y] = [Number(date[1]), Number(date[2]), date[3]!.length === 2 ? 2000 + Number(date[3]) : Number(date[3])];
  const [h, mi] = [Number(time[1]), Number(time[2] ?? '0')];
  if (h > 23 || mi > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - WARD_OFFSET_MS);
}
