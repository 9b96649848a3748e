// The honours form's answers and what every question after the list reads: the nomination's
// dossier (fetched fresh for each question), whether it may be decided on now, and the end of the
// form when another officer decided it meanwhile.
import type { Text } from '../../contract.js';
import type { StepContext, StepResult } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { dossierFor, dossierRequest, type Dossier } from '../dossier/data.js';
import { HONOURED } from './replies.js';

/** What the officer chose so far. */
export interface HonourAnswers {
  code?: string;
  opened?: string;
  title?: string;
  titleFor?: string;
  date?: string;
  dateFor?: string;
}

/** The answers, typed. */
export const answersOf = (cx: StepContext) => cx.answers as HonourAnswers;

/** The code of the nomination opened, if any. */
export const codeOf = (cx: StepContext): string | undefined => {
  const code = answersOf(cx).code;
  return typeof code === 'string' && code ? code : undefined;
};

/** Whether a nomination is open (the questions after the list apply). */
export const hasCode = (cx: StepContext) => codeOf(cx) !== undefined;

/** The dossier each question after the list fetches. */
export const fetchDossier = (cx: StepContext) => {
  const code = codeOf(cx);
  return code ? dossierRequest(code, 'honour') : undefined;
};

/** The dossier fetched for this question, or the line that says why there is none. */
export function dossierOf(cx: StepContext): { ok: true; d: Dossier } | { ok: false; text: Text } {
  const code = codeOf(cx) ?? '';
  const found = dossierFor(cx, code, 'honour');
  if (found.status === 'found') return { ok: true, d: found.dossier };
  if (found.status === 'forbidden') return { ok: false, text: msg('appraisal.forbidden') };
  if (found.status === 'not_found') return { ok: false, text: msg('appraisal.notFound', { code }) };
  return { ok: false, text: msg('appraisal.list.unavailable') };
}

/** Whether the officer may decide on it now: approved, or posted and its period over. */
export function ready(d: Dossier): boolean {
  return d.line.status === 'approved' || (d.line.status === 'posted' && d.postingOpen !== true);
}

/** A question after the dossier was opened: when the nomination may no longer be decided on, the form ends saying where it is (decided meanwhile). */
export function whenMoved(cx: StepContext): StepResult | null {
  const found = dossierOf(cx);
  if (!found.ok) return { type: 'finish', effect: null, render: HONOURED, args: { code: codeOf(cx) ?? '', gone: true } };
  if (ready(found.d)) return null;
  return { type: 'finish', effect: null, render: HONOURED, args: { code: found.d.line.code, current: found.d.line.status } };
}

