// The appraisal itself: each criterion of the category ticked when met (a multi-select like the
// nomination's criteria), then optional notes, one for the whole appraisal or per criterion.
import { foldVietnamese } from '../../../domain/text.js';
import type { Text } from '../../contract.js';
import { DONE_ACTION, SKIP_ACTION } from '../../engine/actions.js';
import type { StepContext, StepDef } from '../../engine/flow.js';
import { msg, raw } from '../../engine/messages.js';
import type { Dossier } from '../dossier/data.js';
import { named } from '../dossier/view.js';
import { codeOf, readAnswers } from './answers.js';
import { NO_NOTES, parseNotes } from './notes.js';
import { dossierOf, fetchDossier, hasCode, whenMoved } from './review-context.js';

// The criteria ticked as met so far: this question's scratch, else the earlier answer for this nomination.
function ticked(cx: StepContext, d: Dossier): string[] {
  const ids = d.criteria.map((c) => c.id);
  const a = readAnswers(cx.answers);
  const fromScratch = Array.isArray(cx.scratch.met) ? (cx.scratch.met as string[]) : undefined;
  const earlier = a.marksFor === d.line.code ? (a.met ?? []) : [];
  return (fromScratch ?? earlier).filter((id) => ids.includes(id));
}

/** Each criterion of the category: ticked when met, left unticked when not; finished with "Xong". */
export const marksStep: StepDef = {
  id: 'marks',
  when: hasCode,
  answered: (cx) => {
    const a = readAnswers(cx.answers);
    return a.marksFor === codeOf(cx) && Array.isArray(a.met);
  },
  fetch: fetchDossier,
  prompt: (cx) => {
    const found = dossierOf(cx);
    if (!found.ok) return { text: [found.text], input: 'multi', options: [], actions: [DONE_ACTION] };
    const d = found.d;
    const met = ticked(cx, d);
    const claimed = d.criteria.map((c, i) => (d.claimed.includes(c.id) ? i + 1 : 0)).filter((n) => n > 0);
    const text: Text[] = [msg('appraisal.marks.ask', { code: d.line.code, name: d.line.nomineeName })];
    if (claimed.length) text.push(msg('appraisal.marks.claimed', { numbers: claimed.join(', ') }));
    text.push(msg('appraisal.marks.count', { met: met.length, total: d.criteria.length }));
    return {
      text,
      input: 'multi',
      options: d.criteria.map((c) => ({ value: c.id, label: raw(named(cx.locale, c)), selected: met.includes(c.id), words: [foldVietnamese(c.vi), foldVietnamese(c.en)] })),
      actions: [DONE_ACTION],
    };
  },
  help: () => [msg('appraisal.marks.help')],
  accept: (input, cx) => {
    const stop = whenMoved(cx);
    if (stop) return stop;
    const found = dossierOf(cx);
    if (!found.ok) return { type: 'invalid', reason: [found.text] };
    const order = found.d.criteria.map((c) => c.id);
    const current = new Set(ticked(cx, found.d));
    if (input.kind === 'toggle' || input.kind === 'option') {
      for (const v of input.kind === 'toggle' ? input.values : [input.value]) {
        if (!order.includes(v)) continue;
        if (current.has(v)) current.delete(v);
        else current.add(v);
      }
      return { type: 'stay', scratch: { met: order.filter((id) => current.has(id)) } };
    }
    // Typed: "1, 2" ticks those (again: they stay ticked), "bo 2" unticks.
    if (input.kind === 'tick') {
      for (const v of input.values) {
        if (!order.includes(v)) continue;
        if (input.untick) current.delete(v);
        else current.add(v);
      }
      return { type: 'stay', scratch: { met: order.filter((id) => current.has(id)) } };
    }
    if (input.kind === 'action' && input.value === 'done') {
      return { type: 'answer', set: { met: order.filter((id) => current.has(id)), marksFor: found.d.line.code } };
    }
    return { type: 'invalid', reason: [msg('appraisal.marks.howTo')] };
  },
};

/** Optional notes: one for the whole appraisal, or per criterion ("2: ..."). */
export const notesStep: StepDef = {
  id: 'notes',
  when: hasCode,
  answered: (cx) => readAnswers(cx.answers).notesFor === codeOf(cx),
  fetch: fetchDossier,
  prompt: () => ({ text: [msg('appraisal.notes.ask'), msg('appraisal.notes.example')], input: 'text', actions: [SKIP_ACTION] }),
  help: () => [msg('appraisal.notes.help')],
  accept: (input, cx) => {
    const stop = whenMoved(cx);
    if (stop) return stop;
    const code = codeOf(cx);
    if (input.kind === 'action' && input.value === 'skip') return { type: 'answer', set: { notes: NO_NOTES, notesFor: code } };
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('appraisal.notes.typeIt')] };
    const found = dossierOf(cx);
    const ids = found.ok ? found.d.criteria.map((c) => c.id) : [];
    const parsed = parseNotes(input.text, ids);
    if (!parsed.ok) return { type: 'invalid', reason: [msg('appraisal.notes.tooLong', { count: parsed.tooLong, max: 1000 })] };
    return { type: 'answer', set: { notes: parsed.notes, notesFor: code } };
  },
};
