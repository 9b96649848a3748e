// The queue: the nominations waiting for this person's screening, oldest first, a page at a time,
// fetched fresh each time it is shown; a number (or a button, or the code) opens one.
import { formatDate } from '../../../domain/dates.js';
import type { StepContext, StepDef, PromptOption } from '../../engine/flow.js';
import { msg, raw } from '../../engine/messages.js';
import { readScreening } from './answers.js';
import { fetched, queueRequest, queueSchema, type QueueItem } from './data.js';

/** Shows the next page. */
const NEXT: PromptOption = {
  value: 'next',
  label: msg('screening.list.next'),
  words: ['tiep', 'tiep theo', 'trang sau', 'trang tiep', 'xem tiep', 'xem them', 'next', 'next page', 'more'],
};

/** Shows the previous page. */
const PREVIOUS: PromptOption = {
  value: 'previous',
  label: msg('screening.list.previous'),
  words: ['truoc', 'trang truoc', 'previous', 'prev', 'previous page'],
};

// The page asked for: the one paged to (scratch), else the one the nomination was opened from.
function pageOf(cx: StepContext): number {
  const paged = cx.scratch.page;
  return typeof paged === 'number' && paged >= 1 ? paged : readScreening(cx.answers).page;
}

function queueOf(cx: StepContext) {
  return fetched(queueSchema, cx, queueRequest(pageOf(cx)));
}

function option(item: QueueItem): PromptOption {
  const params = { unit: item.unitName ?? '', date: formatDate(item.submittedAt), count: item.endorsements };
  return {
    value: item.code,
    label: raw(`${item.code} · ${item.nomineeName}`),
    hint: item.answered ? msg('screening.list.hintAnswered', params) : msg('screening.list.hint', params),
    words: [item.code.toLowerCase()],
  };
}

/** The list of nominations waiting; ends the form with a kind line when there is none. */
export const listStep: StepDef = {
  id: 'list',
  answered: (cx) => readScreening(cx.answers).code !== undefined,
  fetch: (cx) => queueRequest(pageOf(cx)),
  ends: (cx) => {
    const queue = queueOf(cx);
    if (!queue || queue.status === 'forbidden') return [msg('screening.refused.noRole')];
    return queue.total === 0 ? [msg('screening.list.empty')] : undefined;
  },
  prompt: (cx) => {
    const queue = queueOf(cx);
    if (queue?.status !== 'ok') return { text: [], input: 'single', options: [] };
    const actions: PromptOption[] = [];
    if (queue.page > 1) actions.push(PREVIOUS);
    if (queue.page < queue.pages) actions.push(NEXT);
    const title =
      queue.pages > 1
        ? msg('screening.list.titlePaged', { total: queue.total, page: queue.page, pages: queue.pages })
        : msg('screening.list.title', { total: queue.total });
    return { text: [title, msg('screening.list.ask')], input: 'single', options: queue.items.map(option), actions };
  },
  help: () => [msg('screening.help.list')],
  accept: (input, cx) => {
    const queue = queueOf(cx);
    const page = queue?.status === 'ok' ? queue.page : pageOf(cx);
    if (input.kind === 'action' && input.value === 'next') return { type: 'stay', scratch: { page: page + 1 } };
    if (input.kind === 'action' && input.value === 'previous') return { type: 'stay', scratch: { page: Math.max(1, page - 1) } };
    if (input.kind === 'option' && queue?.status === 'ok') {
      const item = queue.items.find((i) => i.code === input.value);
      if (item) return { type: 'answer', set: { code: item.code, name: item.nomineeName, page, action: undefined, note: undefined } };
    }
    return { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};
