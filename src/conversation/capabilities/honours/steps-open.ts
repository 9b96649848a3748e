// One nomination waiting for the honour: its dossier, appraisal, council result and residents'
// comments; honour it, or decline it with a reason the nominator reads.
import type { Prompt, PromptOption, StepDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { formatDateTime } from '../dossier/dates.js';
import { checkReason } from '../dossier/reason.js';
import { STATE, dossierLines, marksLines } from '../dossier/view.js';
import { answersOf, codeOf, dossierOf, fetchDossier, hasCode, ready, whenMoved } from './answers.js';
import type { HonourEffect } from './data.js';
import { HONOURED } from './replies.js';

/** Back to the list. */
const BACK_TO_LIST: PromptOption = { value: 'list', label: msg('appraisal.open.toList'), words: ['danh sach', 've danh sach', 'list'] };

/** One nomination: the dossier, the appraisal, the council's result, the residents' comments; honour or decline. */
export const honourOpenStep: StepDef = {
  id: 'open',
  when: hasCode,
  answered: (cx) => answersOf(cx).opened === codeOf(cx),
  fetch: fetchDossier,
  prompt: (cx): Prompt => {
    const found = dossierOf(cx);
    if (!found.ok) return { text: [found.text], input: 'single', options: [BACK_TO_LIST] };
    const d = found.d;
    const text = [...dossierLines(d, cx.locale), ...marksLines(d.criteria, d.marks, cx.locale)];
    if (d.line.status === 'posted' || d.line.status === 'approved') {
      if (d.council.voted > 0 && d.last?.note) text.push(msg('honours.open.council', { note: d.last.note }));
      if (d.postingUntil) text.push(msg('honours.open.comments', { count: d.comments, until: formatDateTime(d.postingUntil) }));
    }
    if (!ready(d)) {
      text.push(
        ...(d.line.status === 'posted' && d.postingUntil
          ? [msg('honours.open.stillPosted', { until: formatDateTime(d.postingUntil) })]
          : [msg('honours.open.notWaiting'), msg(STATE[d.line.status])]),
      );
      return { text, input: 'single', options: [BACK_TO_LIST] };
    }
    text.push(msg('honours.open.ask'));
    return {
      text,
      input: 'single',
      options: [
        { value: 'honour', label: msg('honours.open.honour'), words: ['ton vinh', 'khen thuong', 'honour', 'honor'] },
        { value: 'decline', label: msg('honours.open.decline'), words: ['khong ton vinh', 'decline'] },
        BACK_TO_LIST,
      ],
    };
  },
  help: () => [msg('honours.open.help')],
  accept: (input, cx) => {
    if (input.kind !== 'option') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    if (input.value === 'list') return { type: 'answer', set: { code: undefined, opened: undefined }, goto: 'pick' };
    const found = dossierOf(cx);
    if (!found.ok) return { type: 'invalid', reason: [found.text] };
    if (!ready(found.d)) return { type: 'invalid', reason: [msg('appraisal.moved', { code: found.d.line.code }), msg(STATE[found.d.line.status])] };
    if (input.value === 'honour') return { type: 'answer', set: { opened: found.d.line.code } };
    if (input.value === 'decline') return { type: 'answer', set: {}, goto: 'reason' };
    return { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};

/** Declining the honour: the reason, required; the nominator reads it. */
export const honourReasonStep: StepDef = {
  id: 'reason',
  transient: true,
  when: hasCode,
  answered: () => false,
  fetch: fetchDossier,
  prompt: (cx) => ({ text: [msg('honours.reason.ask', { code: codeOf(cx) ?? '' })], input: 'text' }),
  help: () => [msg('appraisal.reason.help')],
  accept: (input, cx) => {
    const stop = whenMoved(cx);
    if (stop) return stop;
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('appraisal.reason.required')] };
    const checked = checkReason(input.text);
    if (!checked.ok) return { type: 'invalid', reason: [checked.problem] };
    const found = dossierOf(cx);
    if (!found.ok) return { type: 'invalid', reason: [found.text] };
    const effect: HonourEffect = { type: 'honour', nominationId: found.d.id, code: found.d.line.code, decision: 'decline', reason: checked.reason };
    return { type: 'finish', effect, render: HONOURED };
  },
};
