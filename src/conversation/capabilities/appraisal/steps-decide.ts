// The decision: the appraisal as a whole, then propose it for honour (with a council, without one,
// with or without a posting period) or decline it with a reason the nominator reads.
import type { Text } from '../../contract.js';
import type { StepContext, StepDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import type { Dossier } from '../dossier/data.js';
import { checkReason } from '../dossier/reason.js';
import { marksLines } from '../dossier/view.js';
import { codeOf, readAnswers } from './answers.js';
import type { AppraiseEffect } from './data.js';
import { NO_NOTES, type AppraisalNotes } from './notes.js';
import { APPRAISED } from './replies.js';
import { BACK_TO_LIST, dossierOf, fetchDossier, hasCode, whenMoved } from './review-context.js';

function notesOf(cx: StepContext): AppraisalNotes {
  const a = readAnswers(cx.answers);
  return a.notesFor === codeOf(cx) && a.notes ? a.notes : NO_NOTES;
}

// The marks to send: every criterion of the category, met or not, with its note.
function marksOf(cx: StepContext, d: Dossier): AppraiseEffect['marks'] {
  const a = readAnswers(cx.answers);
  if (a.marksFor !== d.line.code || !Array.isArray(a.met)) return [];
  const notes = notesOf(cx);
  return d.criteria.map((c) => {
    const note = notes.byCriterion[c.id];
    return { criterionId: c.id, met: a.met!.includes(c.id), ...(note ? { note } : {}) };
  });
}

// What proposing will do, for this campaign.
function whatNext(d: Dossier): Text {
  if (d.campaign.usesCouncil) return msg('appraisal.decide.nextCouncil', { members: d.council.members });
  if (d.campaign.postingDays > 0) return msg('appraisal.decide.nextPosting', { days: d.campaign.postingDays });
  return msg('appraisal.decide.nextApproved');
}

/** The appraisal as a whole: propose for honour, decline with a reason, or change the marks or notes. */
export const decideStep: StepDef = {
  id: 'decide',
  when: hasCode,
  answered: () => false,
  fetch: fetchDossier,
  prompt: (cx) => {
    const found = dossierOf(cx);
    if (!found.ok) return { text: [found.text], input: 'single', options: [BACK_TO_LIST] };
    const d = found.d;
    const marks = marksOf(cx, d);
    const general = notesOf(cx).general;
    const text: Text[] = [msg('appraisal.decide.title', { code: d.line.code, name: d.line.nomineeName }), ...marksLines(d.criteria, marks, cx.locale)];
    if (general) text.push(msg('appraisal.decide.note', { note: general }));
    text.push(whatNext(d), msg('appraisal.decide.ask'));
    return {
      text,
      input: 'single',
      options: [
        { value: 'propose', label: msg('appraisal.decide.propose'), words: ['de nghi', 'de nghi ton vinh', 'propose'] },
        { value: 'decline', label: msg('appraisal.decide.decline'), words: ['khong de nghi', 'decline'] },
        { value: 'edit:marks', label: msg('appraisal.decide.editMarks'), words: ['sua danh gia', 'sua tieu chi'] },
        { value: 'edit:notes', label: msg('appraisal.decide.editNotes'), words: ['sua ghi chu'] },
      ],
    };
  },
  help: () => [msg('appraisal.decide.help')],
  accept: (input, cx) => {
    if (input.kind !== 'option') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    if (input.value.startsWith('edit:')) return { type: 'edit', step: input.value.slice('edit:'.length) };
    const stop = whenMoved(cx);
    if (stop) return stop;
    const found = dossierOf(cx);
    if (!found.ok) return { type: 'invalid', reason: [found.text] };
    if (input.value === 'decline') return { type: 'answer', set: {}, goto: 'reason' };
    if (input.value !== 'propose') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    const d = found.d;
    const marks = marksOf(cx, d);
    if (marks.length !== d.criteria.length) return { type: 'edit', step: 'marks' };
    const general = notesOf(cx).general;
    const effect: AppraiseEffect = { type: 'appraise', nominationId: d.id, code: d.line.code, decision: 'propose', marks, ...(general ? { note: general } : {}) };
    return { type: 'finish', effect, render: APPRAISED };
  },
};

/** Declining: the reason, required; the nominator reads it. */
export const reasonStep: StepDef = {
  id: 'reason',
  transient: true,
  when: hasCode,
  answered: () => false,
  fetch: fetchDossier,
  prompt: (cx) => ({ text: [msg('appraisal.reason.ask', { code: codeOf(cx) ?? '' })], input: 'text' }),
  help: () => [msg('appraisal.reason.help')],
  accept: (input, cx) => {
    const stop = whenMoved(cx);
    if (stop) return stop;
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('appraisal.reason.required')] };
    const checked = checkReason(input.text);
    if (!checked.ok) return { type: 'invalid', reason: [checked.problem] };
    const found = dossierOf(cx);
    if (!found.ok) return { type: 'invalid', reason: [found.text] };
    const d = found.d;
    const effect: AppraiseEffect = { type: 'appraise', nominationId: d.id, code: d.line.code, decision: 'decline', marks: marksOf(cx, d), reason: checked.reason };
    return { type: 'finish', effect, render: APPRAISED };
  },
};
