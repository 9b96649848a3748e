// One nomination opened for screening: everything the nominator gave (the photo sent above it,
// their chat name and phone only when they consented), its endorsements and history, fetched
// fresh; then what to do with it. A nomination someone else has just moved ends the form with
// where it stands.
import { formatDate } from '../../../domain/dates.js';
import type { NominationStatusName } from '../../../domain/statuses.js';
import type { Locale, Text } from '../../contract.js';
import type { Prompt, PromptOption, StepContext, StepDef } from '../../engine/flow.js';
import { localized, msg } from '../../engine/messages.js';
import { readScreening } from './answers.js';
import { fetched, nominationRequest, openedSchema, type HistoryEntry, type ScreenedNomination, type ScreeningAction } from './data.js';
import { movedForScreener, refusal } from './outcomes.js';

/** One line of history per status a nomination went through. */
const EVENT: Record<NominationStatusName, string> = {
  submitted: 'screening.event.submitted',
  screened: 'screening.event.screened',
  forwarded: 'screening.event.forwarded',
  returned: 'screening.event.returned',
  appraised: 'screening.event.appraised',
  proposed: 'screening.event.proposed',
  posted: 'screening.event.posted',
  approved: 'screening.event.approved',
  honoured: 'screening.event.honoured',
  not_honoured: 'screening.event.not_honoured',
  declined: 'screening.event.declined',
  withdrawn: 'screening.event.withdrawn',
};

/** The three decisions, as options. */
export const ACTION_OPTIONS: Record<ScreeningAction, PromptOption> = {
  forward: {
    value: 'forward',
    label: msg('screening.action.forward'),
    words: ['chuyen', 'chuyen len', 'chuyen len phuong', 'chuyen phuong', 'gui phuong', 'forward', 'forward to the ward'],
  },
  return: {
    value: 'return',
    label: msg('screening.action.return'),
    words: ['tra lai', 'hoi them', 'hoi', 'tra lai hoi them', 'return', 'ask', 'return with a question'],
  },
  decline: {
    value: 'decline',
    label: msg('screening.action.decline'),
    words: ['khong chon', 'tu choi', 'loai', 'decline', 'reject'],
  },
};

function openedOf(cx: StepContext) {
  const code = readScreening(cx.answers).code;
  return code ? fetched(openedSchema, cx, nominationRequest(code)) : null;
}

function historyLines(history: HistoryEntry[]): Text[] {
  const lines: Text[] = [];
  for (const h of history) {
    const answered = h.status === 'submitted' && h.by === 'nominator' && h.note;
    lines.push(msg(answered ? 'screening.event.answered' : EVENT[h.status], { date: formatDate(h.at) }));
    if (h.note) lines.push(msg('screening.event.note', { note: h.note }));
  }
  return lines;
}

function contactLine(n: ScreenedNomination): Text {
  if (n.contactName && n.contactPhone) return msg('screening.open.contact', { name: n.contactName, phone: n.contactPhone });
  if (n.contactName) return msg('screening.open.contactName', { name: n.contactName });
  if (n.contactPhone) return msg('screening.open.contactPhone', { phone: n.contactPhone });
  return msg('screening.open.contactNone');
}

/** Everything the screener reads about a nomination, in their language. */
export function nominationLines(n: ScreenedNomination, locale: Locale): Text[] {
  const text: Text[] = [
    msg('screening.open.header', { code: n.code, date: formatDate(n.submittedAt) }),
    msg(n.kind === 'collective' ? 'screening.open.kindCollective' : 'screening.open.kindIndividual'),
    msg('screening.open.category', { value: n.category ? localized(locale, n.category.vi, n.category.en) : '' }),
    msg('screening.open.unit', { value: n.unitName ?? '' }),
    msg('screening.open.name', { value: n.nomineeName }),
    msg('screening.open.deeds', { value: n.deeds }),
  ];
  if (n.criteria.length) {
    text.push(msg('screening.open.criteria'));
    for (const c of n.criteria) text.push(msg('screening.open.criterionLine', { value: localized(locale, c.vi, c.en) }));
  } else text.push(msg('screening.open.criteriaNone'));
  if (n.ledUnitName) text.push(msg('screening.open.ledUnit', { value: n.ledUnitName }));
  text.push(msg(n.photoRef ? 'screening.open.photoYes' : 'screening.open.photoNo'));
  text.push(contactLine(n), msg('screening.open.endorsements', { count: n.endorsements }));
  if (n.history.length) text.push(msg('screening.open.historyTitle'), ...historyLines(n.history));
  return text;
}

/** The nomination and the question what to do with it. */
export const openStep: StepDef = {
  id: 'open',
  when: (cx) => readScreening(cx.answers).code !== undefined,
  answered: (cx) => readScreening(cx.answers).action !== undefined,
  fetch: (cx) => {
    const code = readScreening(cx.answers).code;
    return code ? nominationRequest(code) : undefined;
  },
  ends: (cx) => {
    const opened = openedOf(cx);
    const code = readScreening(cx.answers).code ?? '';
    if (!opened) return refusal('no_role', code);
    switch (opened.status) {
      case 'open':
        return undefined;
      case 'forbidden':
        return refusal(opened.reason, opened.code ?? code);
      case 'not_found':
        return [msg('screening.refused.notFound', { code })];
      case 'moved':
        return [...movedForScreener(opened), msg('screening.moved.listHint')];
    }
  },
  prompt: (cx): Prompt => {
    const opened = openedOf(cx);
    if (opened?.status !== 'open') return { text: [], input: 'single', options: [] };
    const n = opened.nomination;
    const prompt: Prompt = {
      text: [...nominationLines(n, cx.locale), msg('screening.open.ask')],
      input: 'single',
      options: [ACTION_OPTIONS.forward, ACTION_OPTIONS.return, ACTION_OPTIONS.decline],
    };
    if (n.photoRef) prompt.photo = { ref: n.photoRef, caption: [msg('screening.open.photoCaption', { code: n.code, name: n.nomineeName })] };
    return prompt;
  },
  help: () => [msg('screening.help.open')],
  accept: (input, cx) => {
    const opened = openedOf(cx);
    // Moved since it was shown: asking again ends the form with where it stands now.
    if (opened?.status !== 'open') return { type: 'stay' };
    if (input.kind === 'option' && (input.value === 'forward' || input.value === 'return' || input.value === 'decline')) {
      // The same decision again (edited from the confirmation) keeps its note; another one asks anew.
      const same = readScreening(cx.answers).action === input.value;
      return { type: 'answer', set: { action: input.value, name: opened.nomination.nomineeName, ...(same ? {} : { note: undefined }) } };
    }
    return { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};
