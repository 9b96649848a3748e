// The criteria the nominee meets: the plan's general criteria plus the category's own, listed in a
// few words each. Typed numbers or words tick ("1, 3") and answer the question at once; "bo 2"
// unticks; a button (Telegram) ticks or unticks in place, and "Xong" ends the choice.
import { foldVietnamese } from '../../../domain/text.js';
import type { StepContext, StepDef, StepResult } from '../../engine/flow.js';
import { DONE_ACTION } from '../../engine/actions.js';
import { msg, raw } from '../../engine/messages.js';
import { readAnswers } from './answers.js';
import { chosenCategory, criteriaOf, criterionLabel, criterionText } from './catalog-view.js';

function offered(cx: StepContext) {
  return criteriaOf(cx.catalog, chosenCategory(cx.catalog, readAnswers(cx.answers)));
}

// The ticks so far: the step's scratch, else the earlier answer (still valid ones only).
function ticked(cx: StepContext): string[] {
  const ids = new Set(offered(cx).map((c) => c.id));
  const fromScratch = Array.isArray(cx.scratch.selected) ? (cx.scratch.selected as string[]) : undefined;
  return (fromScratch ?? readAnswers(cx.answers).criterionIds ?? []).filter((id) => ids.has(id));
}

// The criteria chosen, as the answer: at least one.
function done(cx: StepContext, chosen: Set<string>, said: boolean): StepResult {
  const order = offered(cx).map((c) => c.id);
  if (!chosen.size) return { type: 'invalid', reason: [msg('nomination.criteria.atLeastOne')] };
  const notice = said ? [msg('nomination.criteria.chosen', { count: chosen.size })] : [];
  return { type: 'answer', set: { criterionIds: order.filter((id) => chosen.has(id)), criteriaFor: readAnswers(cx.answers).categoryId }, notice };
}

/** Multi-select of criteria; at least one. */
export const criteriaStep: StepDef = {
  id: 'criteria',
  answered: (cx) => {
    const a = readAnswers(cx.answers);
    const ids = new Set(offered(cx).map((c) => c.id));
    return a.criteriaFor === a.categoryId && !!a.criterionIds?.length && a.criterionIds.every((id) => ids.has(id));
  },
  prompt: (cx) => {
    const selected = ticked(cx);
    const name = readAnswers(cx.answers).name ?? '';
    return {
      text: [selected.length ? msg('nomination.criteria.askAgain', { name, count: selected.length }) : msg('nomination.criteria.ask', { name })],
      input: 'multi',
      options: offered(cx).map((c) => ({
        value: c.id,
        label: raw(criterionLabel(c, cx.locale)),
        selected: selected.includes(c.id),
        words: [c.labelVi, c.labelEn, c.textVi, c.textEn].filter((w): w is string => !!w).map(foldVietnamese),
      })),
      // "Xong" only once something is ticked; typed before that, it says what to do.
      actions: selected.length ? [DONE_ACTION] : [],
      hiddenOptions: selected.length ? [] : [DONE_ACTION],
    };
  },
  // The full wording of each criterion, on request.
  help: (cx) => [msg('nomination.criteria.help'), ...offered(cx).map((c, i) => msg('nomination.criteria.fullLine', { n: i + 1, text: criterionText(c, cx.locale) }))],
  accept: (input, cx) => {
    const order = offered(cx).map((c) => c.id);
    const current = new Set(ticked(cx));
    if (input.kind === 'toggle') {
      for (const v of input.values.filter((x) => order.includes(x))) {
        if (current.has(v)) current.delete(v);
        else current.add(v);
      }
      return { type: 'stay', scratch: { selected: order.filter((id) => current.has(id)) } };
    }
    if (input.kind === 'tick') {
      for (const v of input.values.filter((x) => order.includes(x))) {
        if (input.untick) current.delete(v);
        else current.add(v);
      }
      // Something left ticked: that is the answer. Nothing: ask again, with the ticks as they are.
      if (current.size) return done(cx, current, true);
      return { type: 'stay', scratch: { selected: [] }, notice: [msg('nomination.criteria.atLeastOne')] };
    }
    if ((input.kind === 'action' || input.kind === 'option') && input.value === 'done') return done(cx, current, false);
    return { type: 'invalid', reason: [msg('nomination.criteria.howTo')] };
  },
};
