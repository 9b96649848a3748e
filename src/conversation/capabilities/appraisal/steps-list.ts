// The first question of /thamdinh: the nominations waiting for the ward, per campaign and phase
// (with several, the officer chooses one first), forwarded ones first, oldest first, a page at a
// time, fresh each time the list is shown.
import { formatDate } from '../../../domain/dates.js';
import type { Text } from '../../contract.js';
import type { Prompt, PromptOption, StepContext, StepDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { pageActions, pageLine, turnedPage } from '../dossier/paging.js';
import { named } from '../dossier/view.js';
import { codeOf, readAnswers } from './answers.js';
import { appraisalListFor, appraisalListRequest, type QueueGroup, type QueueItem } from './data.js';

/** Shows the choice of campaign and phase again. */
const GROUPS_ACTION: PromptOption = { value: 'groups', label: msg('appraisal.list.otherGroups'), words: ['doi dot', 'dot khac', 'giai doan khac', 'other phase'] };

// The group asked for: the one chosen on this list (scratch; '' means "choose again"), else the
// one the officer came back from.
function groupOf(cx: StepContext): string | undefined {
  const chosen = cx.scratch.group;
  if (typeof chosen === 'string') return chosen || undefined;
  return readAnswers(cx.answers).group;
}

function pageOf(cx: StepContext): number {
  return typeof cx.scratch.page === 'number' ? cx.scratch.page : 0;
}

function groupLabel(g: QueueGroup, cx: StepContext): Text {
  const params = { campaign: named(cx.locale, g.campaign), forwarded: g.forwarded, proposed: g.proposed };
  return g.phase ? msg('appraisal.list.group', { ...params, phase: named(cx.locale, g.phase) }) : msg('appraisal.list.groupNoPhase', params);
}

function itemOption(item: QueueItem, cx: StepContext): PromptOption {
  const hint = item.council
    ? msg('appraisal.list.itemVoting', { voted: item.council.voted, members: item.council.members })
    : msg('appraisal.list.itemForwarded', { category: named(cx.locale, item.category), date: formatDate(item.since) });
  return {
    value: item.code,
    label: msg('appraisal.list.item', { code: item.code, name: item.nomineeName, unit: item.unitName }),
    hint,
    words: [item.code.toLowerCase()],
  };
}

function listPrompt(cx: StepContext): Prompt {
  const list = appraisalListFor(cx, groupOf(cx), pageOf(cx));
  if (list.status === 'unavailable') return { text: [msg('appraisal.list.unavailable')], input: 'single', options: [] };
  if (list.status === 'forbidden') return { text: [msg('appraisal.forbidden')], input: 'single', options: [] };
  const several = list.groups.length > 1;
  const group = list.groups.find((g) => g.key === list.group);
  if (!group) {
    if (!several) return { text: [msg('appraisal.list.empty')], input: 'single', options: [] };
    return {
      text: [msg('appraisal.list.chooseGroup')],
      input: 'single',
      options: list.groups.map((g, i) => ({ value: `g${i}`, label: groupLabel(g, cx) })),
    };
  }
  const title = group.phase
    ? msg('appraisal.list.title', { campaign: named(cx.locale, group.campaign), phase: named(cx.locale, group.phase) })
    : msg('appraisal.list.titleNoPhase', { campaign: named(cx.locale, group.campaign) });
  const text: Text[] = [title, msg('appraisal.list.counts', { forwarded: group.forwarded, proposed: group.proposed }), ...pageLine(list)];
  text.push(list.items.length ? msg('appraisal.list.pick') : msg('appraisal.list.emptyGroup'));
  return {
    text,
    input: 'single',
    options: list.items.map((item) => itemOption(item, cx)),
    actions: [...pageActions(list), ...(several ? [GROUPS_ACTION] : [])],
  };
}

/** The list of nominations waiting for the ward; choosing one opens it. */
export const pickStep: StepDef = {
  id: 'pick',
  answered: (cx) => codeOf(cx) !== undefined,
  fetch: (cx) => appraisalListRequest(groupOf(cx), pageOf(cx)),
  prompt: listPrompt,
  help: () => [msg('appraisal.list.help')],
  accept: (input, cx) => {
    const list = appraisalListFor(cx, groupOf(cx), pageOf(cx));
    if (list.status !== 'ok') return { type: 'invalid', reason: [msg('appraisal.list.unavailable')] };
    if (input.kind === 'action' && input.value === 'groups') return { type: 'stay', scratch: { group: '', page: 0 } };
    const page = turnedPage(input, list);
    if (page !== null) return { type: 'stay', scratch: { group: list.group ?? '', page } };
    if (input.kind !== 'option') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    const group = /^g(\d+)$/.exec(input.value);
    if (group) {
      const chosen = list.groups[Number(group[1])];
      return chosen ? { type: 'stay', scratch: { group: chosen.key, page: 0 } } : { type: 'invalid', reason: [msg('choice.pickFromList')] };
    }
    const item = list.items.find((i) => i.code === input.value);
    if (!item) return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    return { type: 'answer', set: { code: item.code, group: list.group } };
  },
};
