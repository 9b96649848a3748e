// The first question of /tonvinh: what waits for the officer's decision (posting period over, or
// approved), oldest first, a page at a time, with how many are still posted.
import { formatDate } from '../../../domain/dates.js';
import type { Text } from '../../contract.js';
import type { Prompt, PromptOption, StepContext, StepDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { formatDateTime } from '../dossier/dates.js';
import { pageActions, pageLine, turnedPage } from '../dossier/paging.js';
import { named } from '../dossier/view.js';
import { hasCode } from './answers.js';
import { honourListFor, honourListRequest, type HonourItem } from './data.js';

const pageOf = (cx: StepContext): number => (typeof cx.scratch.page === 'number' ? cx.scratch.page : 0);

function itemOption(item: HonourItem, cx: StepContext): PromptOption {
  const category = named(cx.locale, item.category);
  return {
    value: item.code,
    label: msg('honours.list.item', { code: item.code, name: item.nomineeName, unit: item.unitName }),
    hint: item.postingUntil
      ? msg('honours.list.itemPosted', { category, date: formatDate(item.postingUntil), count: item.comments })
      : msg('honours.list.itemApproved', { category }),
    words: [item.code.toLowerCase()],
  };
}

/** What waits for the officer's decision, oldest first, a page at a time. */
export const honourListStep: StepDef = {
  id: 'pick',
  answered: (cx) => hasCode(cx),
  fetch: (cx) => honourListRequest(pageOf(cx)),
  prompt: (cx): Prompt => {
    const list = honourListFor(cx, pageOf(cx));
    if (list.status === 'unavailable') return { text: [msg('appraisal.list.unavailable')], input: 'single', options: [] };
    if (list.status === 'forbidden') return { text: [msg('appraisal.forbidden')], input: 'single', options: [] };
    const text: Text[] = [msg('honours.list.title', { count: list.total }), ...pageLine(list)];
    if (list.posting.count && list.posting.nextUntil) text.push(msg('honours.list.stillPosted', { count: list.posting.count, until: formatDateTime(list.posting.nextUntil) }));
    text.push(list.items.length ? msg('honours.list.pick') : msg('honours.none'));
    return { text, input: 'single', options: list.items.map((item) => itemOption(item, cx)), actions: pageActions(list) };
  },
  help: () => [msg('honours.list.help')],
  accept: (input, cx) => {
    const list = honourListFor(cx, pageOf(cx));
    if (list.status !== 'ok') return { type: 'invalid', reason: [msg('appraisal.list.unavailable')] };
    const page = turnedPage(input, list);
    if (page !== null) return { type: 'stay', scratch: { page } };
    const item = input.kind === 'option' ? list.items.find((i) => i.code === input.value) : undefined;
    return item ? { type: 'answer', set: { code: item.code } } : { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};

