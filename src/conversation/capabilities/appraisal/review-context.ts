// What every question after the officers' list reads: the nomination's dossier (fetched fresh for
// each question), the way back to the list, and the end of the form when another officer decided
// the nomination meanwhile.
import type { Text } from '../../contract.js';
import type { PromptOption, StepContext, StepResult } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { dossierFor, dossierRequest, type Dossier } from '../dossier/data.js';
import { STATE } from '../dossier/view.js';
import { CLEARED, codeOf } from './answers.js';
import { APPRAISED } from './replies.js';

/** Whether a nomination is open (the questions after the list apply). */
export const hasCode = (cx: StepContext) => codeOf(cx) !== undefined;

/** The dossier each question after the list fetches. */
export const fetchDossier = (cx: StepContext) => {
  const code = codeOf(cx);
  return code ? dossierRequest(code, 'appraise') : undefined;
};

/** The dossier fetched for this question, or the line that says why there is none. */
export function dossierOf(cx: StepContext): { ok: true; d: Dossier } | { ok: false; text: Text } {
  const code = codeOf(cx) ?? '';
  const found = dossierFor(cx, code, 'appraise');
  if (found.status === 'found') return { ok: true, d: found.dossier };
  if (found.status === 'forbidden') return { ok: false, text: msg('appraisal.forbidden') };
  if (found.status === 'not_found') return { ok: false, text: msg('appraisal.notFound', { code }) };
  return { ok: false, text: msg('appraisal.list.unavailable') };
}

/** Back to the list of nominations. */
export const BACK_TO_LIST: PromptOption = { value: 'list', label: msg('appraisal.open.toList'), words: ['danh sach', 've danh sach', 'list'] };
/** The answer that goes back to the list. */
export const toList = (): StepResult => ({ type: 'answer', set: { ...CLEARED }, goto: 'pick' });

/** The nomination left the state this question was about: it was handled meanwhile. */
export function moved(d: Dossier): Text[] {
  return [msg('appraisal.moved', { code: d.line.code }), msg(STATE[d.line.status])];
}

/** A question after the dossier was opened: when the nomination is no longer forwarded, the form ends saying so (decided meanwhile). */
export function whenMoved(cx: StepContext): StepResult | null {
  const found = dossierOf(cx);
  if (!found.ok) return { type: 'finish', effect: null, render: APPRAISED, args: { code: codeOf(cx) ?? '', gone: true } };
  if (found.d.line.status === 'forwarded') return null;
  return { type: 'finish', effect: null, render: APPRAISED, args: { code: found.d.line.code, current: found.d.line.status } };
}
