// The council's vote (/bieuquyet): the proposals waiting for a vote, then one proposal with its
// dossier and the ward's appraisal, and the vote (agree, disagree, abstain), which a member may
// change while the vote is open. After it closed, the proposal shows the result.
import { formatDate } from '../../../domain/dates.js';
import type { Text } from '../../contract.js';
import type { FlowDef, Prompt, PromptOption, StepContext, StepDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { dossierFor, dossierRequest, type Dossier, type Vote } from '../dossier/data.js';
import { pageActions, pageLine, turnedPage } from '../dossier/paging.js';
import { councilLine, dossierLines, marksLines, named } from '../dossier/view.js';
import { councilListFor, councilListRequest, type CouncilVoteEffect, type ProposalItem } from './data.js';
import { VOTED } from './replies.js';
import { LISTED_VOTE, YOUR_VOTE } from './votes.js';

const codeOf = (cx: StepContext): string | undefined => {
  const code = (cx.answers as { code?: unknown }).code;
  return typeof code === 'string' && code ? code : undefined;
};

const pageOf = (cx: StepContext): number => (typeof cx.scratch.page === 'number' ? cx.scratch.page : 0);

function itemOption(item: ProposalItem, cx: StepContext): PromptOption {
  const category = named(cx.locale, item.category);
  return {
    value: item.code,
    label: msg('council.list.item', { code: item.code, name: item.nomineeName, unit: item.unitName }),
    hint: item.myVote ? msg(LISTED_VOTE[item.myVote], { category }) : msg('council.list.notVoted', { category }),
    words: [item.code.toLowerCase()],
  };
}

/** The proposals waiting for the council's vote, oldest first, a page at a time. */
export const proposalsStep: StepDef = {
  id: 'pick',
  answered: (cx) => codeOf(cx) !== undefined,
  fetch: (cx) => councilListRequest(pageOf(cx)),
  prompt: (cx): Prompt => {
    const list = councilListFor(cx, pageOf(cx));
    if (list.status === 'unavailable') return { text: [msg('appraisal.list.unavailable')], input: 'single', options: [] };
    if (list.status === 'forbidden') return { text: [msg('council.forbidden')], input: 'single', options: [] };
    if (!list.items.length) return { text: [msg('council.none')], input: 'single', options: [] };
    return {
      text: [msg('council.list.title', { count: list.total }), ...pageLine(list), msg('council.list.pick')],
      input: 'single',
      options: list.items.map((item) => itemOption(item, cx)),
      actions: pageActions(list),
    };
  },
  help: () => [msg('council.list.help')],
  accept: (input, cx) => {
    const list = councilListFor(cx, pageOf(cx));
    if (list.status !== 'ok') return { type: 'invalid', reason: [msg('appraisal.list.unavailable')] };
    const page = turnedPage(input, list);
    if (page !== null) return { type: 'stay', scratch: { page } };
    const item = input.kind === 'option' ? list.items.find((i) => i.code === input.value) : undefined;
    return item ? { type: 'answer', set: { code: item.code } } : { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};

const BACK_TO_LIST: PromptOption = { value: 'list', label: msg('council.open.toList'), words: ['danh sach', 've danh sach', 'list'] };

const VOTE_OPTIONS: PromptOption[] = [
  { value: 'agree', label: msg('council.vote.agree'), words: ['dong y', 'tan thanh', 'agree', 'yes'] },
  { value: 'disagree', label: msg('council.vote.disagree'), words: ['khong dong y', 'phan doi', 'disagree', 'no'] },
  { value: 'abstain', label: msg('council.vote.abstain'), words: ['khong y kien', 'trung lap', 'abstain'] },
];

/** The lines of a proposal whose vote has closed: when, the result, the member's own vote. */
export function votingClosedLines(d: Dossier): Text[] {
  const lines: Text[] = [msg('council.open.closed', { code: d.line.code, date: d.last ? formatDate(d.last.at) : '' })];
  if (d.last?.note) lines.push(msg('council.open.result', { note: d.last.note }));
  if (d.council.myVote) lines.push(msg(YOUR_VOTE[d.council.myVote]));
  return lines;
}

/** One proposal: what was nominated, the ward's appraisal, the votes so far, and the member's vote. */
export const voteStep: StepDef = {
  id: 'vote',
  when: (cx) => codeOf(cx) !== undefined,
  answered: () => false,
  fetch: (cx) => {
    const code = codeOf(cx);
    return code ? dossierRequest(code, 'council') : undefined;
  },
  prompt: (cx): Prompt => {
    const code = codeOf(cx) ?? '';
    const found = dossierFor(cx, code, 'council');
    if (found.status === 'forbidden') return { text: [msg('council.forbidden')], input: 'single', options: [BACK_TO_LIST] };
    if (found.status === 'not_found') return { text: [msg('council.notFound', { code })], input: 'single', options: [BACK_TO_LIST] };
    if (found.status !== 'found') return { text: [msg('appraisal.list.unavailable')], input: 'single', options: [BACK_TO_LIST] };
    const d = found.dossier;
    const text = [...dossierLines(d, cx.locale), ...marksLines(d.criteria, d.marks, cx.locale)];
    if (d.line.status !== 'proposed') return { text: [...text, ...votingClosedLines(d)], input: 'single', options: [BACK_TO_LIST] };
    text.push(councilLine(d.council));
    text.push(...(d.council.myVote ? [msg(YOUR_VOTE[d.council.myVote]), msg('council.open.change')] : [msg('council.open.ask')]));
    return { text, input: 'single', options: [...VOTE_OPTIONS, BACK_TO_LIST] };
  },
  help: () => [msg('council.open.help')],
  accept: (input, cx) => {
    if (input.kind !== 'option') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    if (input.value === 'list') return { type: 'answer', set: { code: undefined }, goto: 'pick' };
    const vote = VOTE_OPTIONS.find((o) => o.value === input.value)?.value as Vote | undefined;
    const code = codeOf(cx) ?? '';
    const found = dossierFor(cx, code, 'council');
    if (!vote || found.status !== 'found') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    // Sent even when the dossier shows the vote closed: the database answers with the result.
    const effect: CouncilVoteEffect = { type: 'council_vote', nominationId: found.dossier.id, code: found.dossier.line.code, vote };
    return { type: 'finish', effect, render: VOTED };
  },
};

/** The council's voting form. */
export const councilFlow: FlowDef = {
  id: 'council',
  steps: [proposalsStep, voteStep],
  reviewStep: 'vote',
  repeatableValue: 'agree',
  start: () => ({ ok: true, answers: {}, intro: [] }),
};

