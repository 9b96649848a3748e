// The criteria the nominee meets: the plan's general criteria plus the category's own, ticked
// one by one (or several at once, "2,5"), finished with "Xong".
import { foldVietnamese } from '../../../domain/text.js';
import type { StepContext, StepDef } from '../../flow.js';
import { DONE_ACTION } from '../../actions.js';
import { msg, raw } from '../../messages.js';
import { readAnswers } from './answers.js';
import { chosenCategory, criteriaOf, criterionText } from './catalog-view.js';

function offered(cx: StepContext) {
  return criteriaOf(cx.catalog, chosenCategory(cx.catalog, readAnswers(cx.answers)));
}

// The ticks so far: the step's scratch, else the earlier answer (still valid ones only).
function ticked(cx: StepContext): string[] {
  const ids = new Set(offered(cx).map((c) => c.id));
  const fromScratch = Array.isArray(cx.scratch.selected) ? (cx.scratch.selected as string[]) : undefined;
  return (fromScratch ?? readAnswers(cx.answers).criterionIds ?? []).filter((id) => ids.has(id));
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
    return {
      text: [
        msg('nomination.criteria.ask', { name: readAnswers(cx.answers).name ?? '' }),
        selected.length ? msg('nomination.criteria.chosen', { count: selected.length }) : msg('nomination.criteria.noneYet'),
      ],
      input: 'multi',
      options: offered(cx).map((c) => ({
        value: c.id,
        label: raw(criterionText(c, cx.locale)),
        selected: selected.includes(c.id),
        words: [foldVietnamese(c.textVi), foldVietnamese(c.textEn)],
      })),
      actions: [DONE_ACTION],
    };
  },
  help: () => [msg('nomination.criteria.help')],
  accept: (input, cx) => {
    const order = offered(cx).map((c) => c.id);
    const current = new Set(ticked(cx));
    if (input.kind === 'toggle' || input.kind === 'option') {
      const values = input.kind === 'toggle' ? input.values : [input.value];
      for (const v of values) {
        if (!order.includes(v)) continue;
        if (current.has(v)) current.delete(v);
        else current.add(v);
      }
      return { type: 'stay', scratch: { selected: order.filter((id) => current.has(id)) } };
    }
    if (input.kind === 'action' && input.value === 'done') {
      if (!current.size) return { type: 'invalid', reason: [msg('nomination.criteria.atLeastOne')] };
      return { type: 'answer', set: { criterionIds: order.filter((id) => current.has(id)), criteriaFor: readAnswers(cx.answers).categoryId } };
    }
    return { type: 'invalid', reason: [msg('nomination.criteria.howTo')] };
  },
};
