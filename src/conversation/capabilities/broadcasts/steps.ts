// The broadcast form (/thongbao): the text (or the honours draft), an optional photo, the
// audience, when, urgent or not, and the preview exactly as recipients will see it with the
// number of recipients; confirm, or change a part.
import { charCount, cleanInput, foldVietnamese } from '../../../domain/text.js';
import type { Text } from '../../contract.js';
import { DONE_ACTION, SKIP_ACTION } from '../../engine/actions.js';
import type { Prompt, PromptOption, StepContext, StepDef, StepResult } from '../../engine/flow.js';
import { msg, raw } from '../../engine/messages.js';
import { formatDateTime } from '../dossier/dates.js';
import { answersOf, parseWardTime } from './answers.js';
import { draftText } from './draft.js';
import { BROADCAST_CREATE, BROADCAST_TEXT_MAX, HONOURS_REQUEST, audienceFor, audienceRequest, honoursFor, type Audience, type BroadcastEffect } from './data.js';
import { broadcastMessages } from './message.js';
import { CREATED } from './replies.js';

/** The honours draft offered at the first question. */
const DRAFT: PromptOption = { value: 'draft', label: msg('broadcast.text.useDraft'), words: ['ban nhap', 'dung ban nhap', 'draft', 'use draft'] };

function checkText(text: string): StepResult | null {
  if (!text) return { type: 'invalid', reason: [msg('broadcast.text.empty')] };
  if (charCount(text) > BROADCAST_TEXT_MAX) return { type: 'invalid', reason: [msg('broadcast.text.tooLong', { count: charCount(text), max: BROADCAST_TEXT_MAX })] };
  return null;
}

/** The text, typed; or the honours draft when there are honours not announced yet. */
export const textStep: StepDef = {
  id: 'text',
  answered: (cx) => typeof answersOf(cx).text === 'string' || !!answersOf(cx).draft?.length,
  fetch: () => HONOURS_REQUEST,
  prompt: (cx): Prompt => {
    const honours = honoursFor(cx);
    const count = honours.status === 'ok' ? honours.honours.length : 0;
    return {
      text: [msg('broadcast.text.ask', { max: BROADCAST_TEXT_MAX }), ...(count ? [msg('broadcast.text.draftOffer', { count })] : [])],
      input: 'text',
      options: count ? [DRAFT] : [],
      freeText: true,
    };
  },
  help: () => [msg('broadcast.text.help', { max: BROADCAST_TEXT_MAX })],
  accept: (input, cx) => {
    if (input.kind === 'option' && input.value === 'draft') {
      const honours = honoursFor(cx);
      if (honours.status !== 'ok' || !honours.honours.length) return { type: 'invalid', reason: [msg('broadcast.text.noDraft')] };
      const photo = honours.honours.find((h) => h.photo)?.photo ?? null;
      const draft = honours.honours.map(({ name, unit, categoryVi, categoryEn, title, date, deeds }) => ({ name, unit, categoryVi, categoryEn, title, date, deeds }));
      return { type: 'answer', set: { text: undefined, honours: honours.honours.map((h) => h.nominationId), draft, photo }, goto: 'draft' };
    }
    if (input.kind === 'photo') return { type: 'invalid', reason: [msg('broadcast.text.textFirst')] };
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('broadcast.text.empty')] };
    const text = cleanInput(input.text, { multiline: true });
    return checkText(text) ?? { type: 'answer', set: { text, honours: undefined, draft: undefined } };
  },
};

/** The honours draft as recipients will read it: keep it, or type the text that replaces it. */
export const draftStep: StepDef = {
  id: 'draft',
  transient: true,
  answered: () => true,
  prompt: (cx): Prompt => ({
    text: [msg('broadcast.draft.shown'), ...draftText(answersOf(cx).draft ?? [], cx.locale), msg('broadcast.draft.editHow')],
    input: 'text',
    options: [{ value: 'keep', label: msg('broadcast.draft.keep'), words: ['giu', 'giu nguyen', 'keep'] }],
    freeText: true,
  }),
  help: () => [msg('broadcast.draft.editHow')],
  accept: (input) => {
    if (input.kind === 'option' && input.value === 'keep') return { type: 'answer', set: {}, goto: 'photo' };
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('broadcast.draft.editHow')] };
    const text = cleanInput(input.text, { multiline: true });
    return checkText(text) ?? { type: 'answer', set: { text }, goto: 'photo' };
  },
};

/** An optional photo; more text typed here is added to the announcement (a long text sent in two messages). */
export const photoStep: StepDef = {
  id: 'photo',
  answered: (cx) => answersOf(cx).photo !== undefined,
  prompt: (): Prompt => ({ text: [msg('broadcast.photo.ask')], input: 'photo', actions: [SKIP_ACTION], freeText: true }),
  help: () => [msg('broadcast.photo.help')],
  accept: (input, cx) => {
    if (input.kind === 'photo') return { type: 'answer', set: { photo: input.ref }, notice: [msg('broadcast.photo.received')] };
    if (input.kind === 'action' && input.value === 'skip') return { type: 'answer', set: { photo: null } };
    if (input.kind === 'text' && typeof answersOf(cx).text === 'string') {
      const more = cleanInput(input.text, { multiline: true });
      const text = `${answersOf(cx).text}\n${more}`;
      const problem = checkText(text);
      if (problem || !more) return problem ?? { type: 'invalid', reason: [msg('broadcast.photo.help')] };
      return { type: 'answer', set: { text }, goto: 'photo', notice: [msg('broadcast.photo.added', { count: charCount(text), max: BROADCAST_TEXT_MAX })] };
    }
    return { type: 'invalid', reason: [msg('broadcast.photo.help')] };
  },
};

const AUDIENCES: { value: string; audience: Audience | null; key: string; words: string[] }[] = [
  { value: 'ward', audience: { kind: 'ward' }, key: 'broadcast.audience.ward', words: ['ca phuong', 'toan phuong', 'tat ca', 'whole ward', 'everyone', 'all'] },
  { value: 'units', audience: null, key: 'broadcast.audience.units', words: ['to dan pho', 'theo to', 'don vi', 'units', 'unit'] },
  { value: 'leader', audience: { kind: 'role', role: 'leader' }, key: 'broadcast.audience.leaders', words: ['to truong', 'cac to truong', 'leaders'] },
  { value: 'council', audience: { kind: 'role', role: 'council' }, key: 'broadcast.audience.council', words: ['hoi dong', 'council'] },
  { value: 'resident', audience: { kind: 'role', role: 'resident' }, key: 'broadcast.audience.residents', words: ['nguoi dan', 'residents'] },
];

/** Who: the whole ward, some units, or a role. */
export const audienceStep: StepDef = {
  id: 'audience',
  answered: (cx) => !!answersOf(cx).audience,
  prompt: () => ({ text: [msg('broadcast.audience.ask')], input: 'single', options: AUDIENCES.map((a) => ({ value: a.value, label: msg(a.key), words: a.words })) }),
  help: () => [msg('broadcast.audience.help')],
  accept: (input) => {
    const chosen = input.kind === 'option' ? AUDIENCES.find((a) => a.value === input.value) : undefined;
    if (!chosen) return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    if (!chosen.audience) return { type: 'answer', set: { audience: { kind: 'units', unitIds: [] } }, goto: 'units' };
    return { type: 'answer', set: { audience: chosen.audience } };
  },
};

function unitsTicked(cx: StepContext): string[] {
  const fromScratch = Array.isArray(cx.scratch.selected) ? (cx.scratch.selected as string[]) : undefined;
  const a = answersOf(cx).audience;
  return fromScratch ?? (a?.kind === 'units' ? a.unitIds : []);
}

function unitsDone(cx: StepContext, chosen: Set<string>): StepResult {
  if (!chosen.size) return { type: 'invalid', reason: [msg('broadcast.units.atLeastOne')] };
  return { type: 'answer', set: { audience: { kind: 'units', unitIds: cx.catalog.units.map((u) => u.id).filter((id) => chosen.has(id)) } } };
}

/** The units, when the audience is some units: ticked, then "Xong". */
export const unitsStep: StepDef = {
  id: 'units',
  when: (cx) => answersOf(cx).audience?.kind === 'units',
  answered: (cx) => {
    const a = answersOf(cx).audience;
    return a?.kind === 'units' && a.unitIds.length > 0;
  },
  prompt: (cx): Prompt => {
    const selected = unitsTicked(cx);
    return {
      text: [msg('broadcast.units.ask')],
      input: 'multi',
      options: cx.catalog.units.map((u) => ({ value: u.id, label: raw(u.name), selected: selected.includes(u.id), words: [foldVietnamese(u.name)] })),
      actions: selected.length ? [DONE_ACTION] : [],
      hiddenOptions: selected.length ? [] : [DONE_ACTION],
    };
  },
  help: () => [msg('broadcast.units.help')],
  accept: (input, cx) => {
    const order = cx.catalog.units.map((u) => u.id);
    const current = new Set(unitsTicked(cx));
    if (input.kind === 'toggle' || input.kind === 'tick') {
      for (const v of input.values.filter((x) => order.includes(x))) {
        if (input.kind === 'tick' && input.untick) current.delete(v);
        else if (input.kind === 'toggle' && current.has(v)) current.delete(v);
        else current.add(v);
      }
      if (input.kind === 'tick' && current.size) return unitsDone(cx, current);
      return { type: 'stay', scratch: { selected: order.filter((id) => current.has(id)) } };
    }
    if ((input.kind === 'action' || input.kind === 'option') && input.value === 'done') return unitsDone(cx, current);
    return { type: 'invalid', reason: [msg('broadcast.units.help')] };
  },
};

/** When: now, or a day and time in the ward (not in the past). */
export const whenStep: StepDef = {
  id: 'when',
  answered: (cx) => answersOf(cx).sendAt !== undefined,
  prompt: () => ({ text: [msg('broadcast.when.ask')], input: 'text', options: [{ value: 'now', label: msg('broadcast.when.now'), words: ['ngay', 'gui ngay', 'bay gio', 'now'] }], freeText: true }),
  help: () => [msg('broadcast.when.help')],
  accept: (input, cx) => {
    if (input.kind === 'option' && input.value === 'now') return { type: 'answer', set: { sendAt: null } };
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('broadcast.when.help')] };
    const at = parseWardTime(input.text);
    if (!at) return { type: 'invalid', reason: [msg('broadcast.when.notATime')] };
    if (at.getTime() < cx.now.getTime() - 60_000) return { type: 'invalid', reason: [msg('broadcast.when.past', { when: formatDateTime(at.toISOString()) })] };
    return { type: 'answer', set: { sendAt: at.toISOString() } };
  },
};

/** Urgent: sent in the quiet hours and to people in the middle of a form too. */
export const urgentStep: StepDef = {
  id: 'urgent',
  answered: (cx) => typeof answersOf(cx).urgent === 'boolean',
  prompt: () => ({
    text: [msg('broadcast.urgent.ask')],
    input: 'single',
    options: [
      { value: 'no', label: msg('broadcast.urgent.no'), words: ['khong', 'khong khan', 'binh thuong', 'no'] },
      { value: 'yes', label: msg('broadcast.urgent.yes'), words: ['co', 'khan', 'khan cap', 'yes', 'urgent'] },
    ],
  }),
  help: () => [msg('broadcast.urgent.help')],
  accept: (input) => {
    if (input.kind !== 'option') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    return { type: 'answer', set: { urgent: input.value === 'yes' } };
  },
};

function audienceLine(a: Audience, cx: StepContext): Text {
  if (a.kind === 'ward') return msg('broadcast.audience.ward');
  if (a.kind === 'role') return msg(a.role === 'leader' ? 'broadcast.audience.leaders' : a.role === 'council' ? 'broadcast.audience.council' : 'broadcast.audience.residents');
  return raw(cx.catalog.units.filter((u) => a.unitIds.includes(u.id)).map((u) => u.name).join(', '));
}

/** The preview as recipients will see it, who and how many, when; confirm or change. */
export const confirmStep: StepDef = {
  id: 'confirm',
  answered: () => false,
  fetch: (cx) => {
    const a = answersOf(cx).audience;
    return a ? audienceRequest(a) : undefined;
  },
  prompt: (cx): Prompt => {
    const a = answersOf(cx);
    const audience = a.audience ?? { kind: 'ward' };
    const size = audienceFor(cx, audience);
    const edits: PromptOption[] = [
      { value: 'edit:text', label: msg('broadcast.confirm.editText'), words: ['sua noi dung', 'edit text'] },
      { value: 'edit:audience', label: msg('broadcast.confirm.editAudience'), words: ['sua nguoi nhan', 'edit audience'] },
      { value: 'edit:when', label: msg('broadcast.confirm.editWhen'), words: ['sua thoi gian', 'edit time'] },
    ];
    if (size.status === 'forbidden') return { text: [msg('broadcast.forbidden')], input: 'single', options: [] };
    const count = size.status === 'ok' ? size.count : 0;
    const preview = broadcastMessages({ ward: cx.catalog.ward.name, ...(a.text ? { text: a.text } : { draft: a.draft ?? [] }) }, cx.locale);
    const text: Text[] = [msg('broadcast.confirm.preview'), ...preview.flatMap((m) => (m.kind === 'text' ? m.text : [])), msg('broadcast.confirm.line')];
    text.push(msg('broadcast.confirm.audience', { count }), audienceLine(audience, cx));
    text.push(a.sendAt ? msg('broadcast.confirm.at', { when: formatDateTime(a.sendAt) }) : msg('broadcast.confirm.now'));
    text.push(a.urgent ? msg('broadcast.confirm.urgent') : msg('broadcast.confirm.notUrgent'));
    if (a.photo && !/^https?:\/\//i.test(a.photo)) text.push(msg('broadcast.confirm.photoHere'));
    if (!count) {
      text.push(msg('broadcast.confirm.nobody'));
      return { text, input: 'single', options: edits.slice(1), ...(a.photo ? { photo: { ref: a.photo } } : {}) };
    }
    text.push(msg('broadcast.confirm.ask'));
    return {
      text,
      input: 'single',
      options: [{ value: 'confirm', label: msg('broadcast.confirm.send', { count }), words: ['gui', 'xac nhan', 'dong y', 'send', 'confirm', 'ok'] }, ...edits],
      ...(a.photo ? { photo: { ref: a.photo } } : {}),
    };
  },
  help: () => [msg('broadcast.confirm.help')],
  accept: (input, cx) => {
    if (input.kind !== 'option') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    if (input.value.startsWith('edit:')) return { type: 'edit', step: input.value.slice('edit:'.length) };
    const a = answersOf(cx);
    const size = audienceFor(cx, a.audience ?? { kind: 'ward' });
    if (size.status === 'ok' && size.count === 0) return { type: 'invalid', reason: [msg('broadcast.confirm.nobody')] };
    if (a.sendAt && Date.parse(a.sendAt) < cx.now.getTime() - 60_000) return { type: 'edit', step: 'when' };
    const effect: BroadcastEffect = {
      type: BROADCAST_CREATE,
      formId: cx.formId,
      text: a.text ?? '',
      audience: a.audience ?? { kind: 'ward' },
      urgent: a.urgent === true,
      ...(a.photo ? { photo: a.photo } : {}),
      ...(a.sendAt ? { sendAt: a.sendAt } : {}),
      ...(a.honours?.length ? { honours: a.honours } : {}),
    };
    return { type: 'finish', effect, render: CREATED, retryable: true };
  },
};
