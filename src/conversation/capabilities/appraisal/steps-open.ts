// One nomination in the officers' hands: its dossier with the leader's comment, and what can be
// done in its status: mark it for a proposal or decline it (forwarded), close the council's vote
// (proposed), or nothing (anything else).
import type { StepDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { STATE, councilLine, dossierLines, marksLines } from '../dossier/view.js';
import { codeOf, readAnswers } from './answers.js';
import { VOTE_CLOSED } from './replies.js';
import { BACK_TO_LIST, dossierOf, fetchDossier, hasCode, moved, toList } from './review-context.js';

/** What closing the vote now would decide, as a sentence. */
const IF_CLOSED: Record<'approved' | 'rejected' | 'no_quorum', string> = {
  approved: 'appraisal.open.ifClosed.approved',
  rejected: 'appraisal.open.ifClosed.rejected',
  no_quorum: 'appraisal.open.ifClosed.no_quorum',
};

/** One nomination: its dossier and what the officer can do with it in its status. */
export const openStep: StepDef = {
  id: 'open',
  when: hasCode,
  answered: (cx) => readAnswers(cx.answers).opened === codeOf(cx),
  fetch: fetchDossier,
  prompt: (cx) => {
    const found = dossierOf(cx);
    if (!found.ok) return { text: [found.text], input: 'single', options: [BACK_TO_LIST] };
    const d = found.d;
    const text = dossierLines(d, cx.locale);
    if (d.line.status === 'forwarded') {
      text.push(msg('appraisal.open.ask'));
      return {
        text,
        input: 'single',
        options: [
          { value: 'mark', label: msg('appraisal.open.mark'), words: ['danh gia', 'danh gia tieu chi', 'mark'] },
          { value: 'decline', label: msg('appraisal.open.decline'), words: ['khong de nghi', 'decline'] },
          BACK_TO_LIST,
        ],
      };
    }
    if (d.line.status === 'proposed') {
      text.push(...marksLines(d.criteria, d.marks, cx.locale), councilLine(d.council), msg(IF_CLOSED[d.council.outcome ?? 'no_quorum']));
      return {
        text,
        input: 'single',
        options: [{ value: 'close', label: msg('appraisal.open.close'), words: ['dong bieu quyet', 'close vote'] }, BACK_TO_LIST],
      };
    }
    text.push(msg('appraisal.open.notWaiting'), msg(STATE[d.line.status]));
    return { text, input: 'single', options: [BACK_TO_LIST] };
  },
  help: () => [msg('appraisal.open.help')],
  accept: (input, cx) => {
    if (input.kind !== 'option') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    if (input.value === 'list') return toList();
    const found = dossierOf(cx);
    if (!found.ok) return { type: 'invalid', reason: [found.text] };
    const d = found.d;
    if ((input.value === 'mark' || input.value === 'decline') && d.line.status !== 'forwarded') return { type: 'invalid', reason: moved(d) };
    if (input.value === 'mark') return { type: 'answer', set: { opened: d.line.code } };
    if (input.value === 'decline') return { type: 'answer', set: {}, goto: 'reason' };
    if (input.value === 'close') {
      if (d.line.status !== 'proposed') return { type: 'invalid', reason: moved(d) };
      return { type: 'finish', effect: { type: 'council_close', nominationId: d.id, code: d.line.code }, render: VOTE_CLOSED };
    }
    return { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};
