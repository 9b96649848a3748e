// The honour as it is recorded: its name (the ward's usual one offered, another typed), its day
// (today in the ward on the bot's clock offered, dd/mm/yyyy typed), the phase it counts for, and
// the confirmation.
import { charCount, cleanInput, hasLetters } from '../../../domain/text.js';
import type { Text } from '../../contract.js';
import type { Prompt, StepDef } from '../../engine/flow.js';
import { msg, raw } from '../../engine/messages.js';
import { addDays, formatDay, parseDay } from '../dossier/dates.js';
import type { Dossier, Phase } from '../dossier/data.js';
import { named } from '../dossier/view.js';
import { answersOf, codeOf, dossierOf, fetchDossier, hasCode, whenMoved } from './answers.js';
import type { HonourEffect } from './data.js';
import { HONOURED } from './replies.js';

/** Titles of honours: at least two characters with letters, at most 200. */
const TITLE_MAX = 200;

/** The honour's name: the ward's usual one offered, another typed. */
export const titleStep: StepDef = {
  id: 'title',
  when: hasCode,
  answered: (cx) => answersOf(cx).titleFor === codeOf(cx) && typeof answersOf(cx).title === 'string',
  fetch: fetchDossier,
  prompt: (cx): Prompt => {
    const found = dossierOf(cx);
    const usual = found.ok ? (found.d.defaultTitle ?? '') : '';
    return {
      text: [msg('honours.title.ask', { name: found.ok ? found.d.line.nomineeName : '' })],
      input: 'text',
      options: usual ? [{ value: 'usual', label: raw(usual) }] : [],
    };
  },
  help: () => [msg('honours.title.help', { max: TITLE_MAX })],
  accept: (input, cx) => {
    const stop = whenMoved(cx);
    if (stop) return stop;
    const found = dossierOf(cx);
    const code = codeOf(cx);
    if (input.kind === 'option' && input.value === 'usual' && found.ok && found.d.defaultTitle) return { type: 'answer', set: { title: found.d.defaultTitle, titleFor: code } };
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('honours.title.typeIt')] };
    const title = cleanInput(input.text);
    if (charCount(title) < 2 || !hasLetters(title)) return { type: 'invalid', reason: [msg('honours.title.tooShort')] };
    if (charCount(title) > TITLE_MAX) return { type: 'invalid', reason: [msg('honours.title.tooLong', { count: charCount(title), max: TITLE_MAX })] };
    return { type: 'answer', set: { title, titleFor: code } };
  },
};

/** The honour's day: today (in the ward, on the bot's clock) offered, another typed as dd/mm/yyyy. */
export const dateStep: StepDef = {
  id: 'date',
  when: hasCode,
  answered: (cx) => answersOf(cx).dateFor === codeOf(cx) && typeof answersOf(cx).date === 'string',
  fetch: fetchDossier,
  prompt: (cx): Prompt => {
    const found = dossierOf(cx);
    const today = found.ok ? found.d.today : '';
    return {
      text: [msg('honours.date.ask', { example: formatDay(today) })],
      input: 'text',
      options: today ? [{ value: 'today', label: msg('honours.date.today', { date: formatDay(today) }), words: ['hom nay', 'today'] }] : [],
    };
  },
  help: () => [msg('honours.date.help')],
  accept: (input, cx) => {
    const stop = whenMoved(cx);
    if (stop) return stop;
    const found = dossierOf(cx);
    if (!found.ok) return { type: 'invalid', reason: [found.text] };
    const code = codeOf(cx);
    const today = found.d.today;
    if (input.kind === 'option' && input.value === 'today') return { type: 'answer', set: { date: today, dateFor: code } };
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('honours.date.typeIt', { example: formatDay(today) })] };
    const day = parseDay(input.text);
    if (!day) return { type: 'invalid', reason: [msg('honours.date.notADate', { example: formatDay(today) })] };
    if (day < '2000-01-01' || day > addDays(today, 366)) return { type: 'invalid', reason: [msg('honours.date.outOfRange', { date: formatDay(day) })] };
    return { type: 'answer', set: { date: day, dateFor: code } };
  },
};

/** The phase an honour on this day counts for: the one containing it, else the current one, else the last. */
export function phaseFor(d: Dossier, day: string): Phase | undefined {
  return (
    d.phases.find((p) => p.startsOn <= day && day <= p.endsOn) ??
    d.phases.find((p) => p.id === d.currentPhaseId) ??
    d.phases.at(-1)
  );
}

/** The honour as it will be recorded; confirm, or change its name or day. */
export const confirmStep: StepDef = {
  id: 'confirm',
  when: hasCode,
  answered: () => false,
  fetch: fetchDossier,
  prompt: (cx): Prompt => {
    const found = dossierOf(cx);
    if (!found.ok) return { text: [found.text], input: 'single', options: [] };
    const d = found.d;
    const a = answersOf(cx);
    const phase = phaseFor(d, a.date ?? d.today);
    const text: Text[] = [
      msg('honours.confirm.title', { code: d.line.code, name: d.line.nomineeName }),
      msg('honours.confirm.honour', { title: a.title ?? '' }),
      msg('honours.confirm.date', { date: formatDay(a.date ?? d.today) }),
      phase ? msg('honours.confirm.phase', { phase: named(cx.locale, phase) }) : msg('honours.confirm.noPhase'),
      msg('honours.confirm.ask'),
    ];
    return {
      text,
      input: 'single',
      options: [
        { value: 'confirm', label: msg('honours.confirm.confirm'), words: ['xac nhan', 'dong y', 'confirm', 'ok'] },
        { value: 'edit:title', label: msg('honours.confirm.editTitle'), words: ['sua ten', 'sua hinh thuc'] },
        { value: 'edit:date', label: msg('honours.confirm.editDate'), words: ['sua ngay'] },
      ],
    };
  },
  help: () => [msg('honours.confirm.help')],
  accept: (input, cx) => {
    if (input.kind !== 'option') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    if (input.value.startsWith('edit:')) return { type: 'edit', step: input.value.slice('edit:'.length) };
    const stop = whenMoved(cx);
    if (stop) return stop;
    const found = dossierOf(cx);
    const a = answersOf(cx);
    if (input.value !== 'confirm' || !found.ok || !a.title || !a.date) return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    const effect: HonourEffect = { type: 'honour', nominationId: found.d.id, code: found.d.line.code, decision: 'honour', title: a.title, date: a.date };
    return { type: 'finish', effect, render: HONOURED };
  },
};
