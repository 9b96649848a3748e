// The officer's invitation form (/moi): the role (leader of a unit, officer, council member), the
// unit for a leader (chosen as in the nomination form), whether a second leader may accept when
// the unit has one, the invited person's name (optional), then a summary that creates the
// invitation: a one-time code valid 7 days, and a Telegram deep link when Telegram is served.
import { cleanInput, charCount, ellipsize, hasLetters } from '../../../domain/text.js';
import { formatDate } from '../../../domain/dates.js';
import type { Text } from '../../contract.js';
import { SKIP_ACTION } from '../../engine/actions.js';
import type { FlowDef, PromptOption, StepContext, StepDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { unitStep } from '../nomination/steps-unit.js';
import { UNIT_LEADERS, leadersOf } from './data.js';
import { readInvite, type InvitedRole } from './invite-answers.js';
import { INVITE_CANCELLED, INVITE_CREATED } from './replies.js';
import { roleTitle } from './titles.js';

/** The longest name the invitations table keeps. */
export const HOLDER_NAME_MAX = 100;

/** The summary's "create" option; pressed again after the form ended, it shows the same code. */
export const CREATE = 'create';

function unitOf(cx: StepContext) {
  const a = readInvite(cx.answers);
  return cx.catalog.units.find((u) => u.id === a.unitId);
}

/** The role being invited to, as the bot names it. */
export function invitedTitle(cx: StepContext): Text {
  const a = readInvite(cx.answers);
  const unit = unitOf(cx);
  return roleTitle({ role: a.role ?? 'officer', unitName: unit?.name ?? null, unitKind: unit?.kind ?? null });
}

const ROLE_OPTIONS: (PromptOption & { value: InvitedRole })[] = [
  { value: 'leader', label: msg('roles.invite.role.leader'), hint: msg('roles.invite.role.leaderHint'), words: ['to truong', 'truong lang', 'nguoi phu trach', 'phu trach', 'leader'] },
  { value: 'officer', label: msg('roles.invite.role.officer'), hint: msg('roles.invite.role.officerHint'), words: ['can bo', 'can bo phuong', 'officer'] },
  { value: 'council', label: msg('roles.invite.role.council'), hint: msg('roles.invite.role.councilHint'), words: ['hoi dong', 'hoi dong thi dua', 'thanh vien hoi dong', 'council'] },
];

/** Which role the invitation is for. */
export const roleStep: StepDef = {
  id: 'role',
  answered: (cx) => readInvite(cx.answers).role !== undefined,
  prompt: () => ({ text: [msg('roles.invite.role.ask')], input: 'single', options: ROLE_OPTIONS }),
  help: () => [msg('roles.invite.role.help')],
  accept: (input) => {
    const role = input.kind === 'option' ? ROLE_OPTIONS.find((o) => o.value === input.value)?.value : undefined;
    return role ? { type: 'answer', set: { role } } : { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};

const baseUnitStep = unitStep({
  id: 'unit',
  answerKey: 'unitId',
  kinds: () => [],
  question: () => msg('roles.invite.unit.ask'),
  help: () => [msg('roles.invite.unit.help')],
  when: (cx: StepContext) => readInvite(cx.answers).role === 'leader',
});

/**
 * The unit a leader will lead, picked like the nomination form's; the ward's current leaders are
 * fetched with the question, so choosing a unit that has one asks about a second leader.
 */
export const inviteUnitStep: StepDef = {
  ...baseUnitStep,
  fetch: () => UNIT_LEADERS,
  accept: (input, cx) => {
    const result = baseUnitStep.accept(input, cx);
    if (result.type !== 'answer' || typeof result.set.unitId !== 'string') return result;
    return { ...result, set: { ...result.set, unitLeaders: leadersOf(cx, result.set.unitId) ?? undefined } };
  },
};

const SECOND_OPTIONS: PromptOption[] = [
  { value: 'allow', label: msg('roles.invite.second.allow'), words: ['cho phep', 'co', 'allow', 'yes'] },
  { value: 'deny', label: msg('roles.invite.second.deny'), words: ['khong', 'khong cho phep', 'no', 'deny'] },
  { value: 'other', label: msg('roles.invite.second.otherUnit'), words: ['don vi khac', 'chon don vi khac', 'other unit'] },
];

/** The unit has a leader: may the invited person lead it too, or only once that role is revoked? */
export const secondLeaderStep: StepDef = {
  id: 'second',
  when: (cx) => {
    const a = readInvite(cx.answers);
    return a.role === 'leader' && (a.unitLeaders?.length ?? 0) > 0;
  },
  answered: (cx) => {
    const a = readInvite(cx.answers);
    return a.allowSecond !== undefined && a.secondFor === a.unitId;
  },
  prompt: (cx) => {
    const a = readInvite(cx.answers);
    const unit = unitOf(cx)?.name ?? '';
    const current: Text[] = (a.unitLeaders ?? []).map((l) =>
      l.name ? msg('roles.invite.second.currentNamed', { name: l.name, since: formatDate(l.since) }) : msg('roles.invite.second.current', { since: formatDate(l.since) }),
    );
    return { text: [msg('roles.invite.second.intro', { unit }), ...current, msg('roles.invite.second.ask')], input: 'single', options: SECOND_OPTIONS };
  },
  help: () => [msg('roles.invite.second.help')],
  accept: (input, cx) => {
    if (input.kind !== 'option') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    const unitId = readInvite(cx.answers).unitId;
    if (input.value === 'allow') return { type: 'answer', set: { allowSecond: true, secondFor: unitId } };
    if (input.value === 'deny') return { type: 'answer', set: { allowSecond: false, secondFor: unitId } };
    if (input.value === 'other') return { type: 'answer', set: { unitId: undefined, unitLeaders: undefined, allowSecond: undefined, secondFor: undefined }, goto: 'unit' };
    return { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};

/** Checks a name the officer typed: letters, at most HOLDER_NAME_MAX characters. */
export function checkHolderName(input: string): { ok: true; name: string } | { ok: false; reason: Text } {
  const name = cleanInput(input);
  const count = charCount(name);
  if (!count) return { ok: false, reason: msg('form.empty') };
  if (count > HOLDER_NAME_MAX) return { ok: false, reason: msg('roles.invite.name.tooLong', { count, max: HOLDER_NAME_MAX }) };
  if (count < 2 || !hasLetters(name)) return { ok: false, reason: msg('roles.invite.name.needsLetters', { input: ellipsize(name, 30) }) };
  return { ok: true, name };
}

/** The invited person's name (shown in the list of roles and in histories), or "skip". */
export const holderNameStep: StepDef = {
  id: 'name',
  answered: (cx) => readInvite(cx.answers).holderName !== undefined,
  prompt: () => ({ text: [msg('roles.invite.name.ask', { max: HOLDER_NAME_MAX })], input: 'text', actions: [SKIP_ACTION] }),
  help: () => [msg('roles.invite.name.help')],
  accept: (input) => {
    if (input.kind === 'action' && input.value === 'skip') return { type: 'answer', set: { holderName: null } };
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('roles.invite.name.typeIt')] };
    const checked = checkHolderName(input.text);
    return checked.ok ? { type: 'answer', set: { holderName: checked.name } } : { type: 'invalid', reason: [checked.reason] };
  },
};

function summaryLines(cx: StepContext): Text[] {
  const a = readInvite(cx.answers);
  const lines: Text[] = [msg('roles.invite.summary.title'), invitedTitle(cx)];
  lines.push(a.holderName ? msg('roles.invite.summary.name', { name: a.holderName }) : msg('roles.invite.summary.noName'));
  if (a.role === 'leader' && (a.unitLeaders?.length ?? 0) > 0) {
    lines.push(a.allowSecond ? msg('roles.invite.summary.secondAllowed') : msg('roles.invite.summary.secondNotAllowed'));
  }
  return lines;
}

/** Every answer listed; create the invitation, change an answer, or cancel. */
export const inviteSummaryStep: StepDef = {
  id: 'summary',
  answered: () => false,
  prompt: (cx) => {
    const a = readInvite(cx.answers);
    const options: PromptOption[] = [
      { value: CREATE, label: msg('roles.invite.summary.create'), words: ['tao', 'tao loi moi', 'dong y', 'ok', 'create'] },
      { value: 'edit:role', label: msg('roles.invite.summary.editRole'), words: ['sua vai tro'] },
    ];
    if (a.role === 'leader') options.push({ value: 'edit:unit', label: msg('roles.invite.summary.editUnit'), words: ['sua don vi'] });
    options.push(
      { value: 'edit:name', label: msg('roles.invite.summary.editName'), words: ['sua ten'] },
      { value: 'drop', label: msg('roles.invite.summary.cancel'), words: ['huy loi moi', 'khong tao'] },
    );
    return { text: [...summaryLines(cx), msg('roles.invite.summary.ask')], input: 'single', options };
  },
  help: () => [msg('roles.invite.summary.help')],
  accept: (input, cx) => {
    if (input.kind !== 'option') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    if (input.value === 'drop') return { type: 'finish', effect: null, render: INVITE_CANCELLED };
    if (input.value.startsWith('edit:')) return { type: 'edit', step: input.value.slice('edit:'.length) };
    if (input.value !== CREATE) return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    const a = readInvite(cx.answers);
    if (!a.role || (a.role === 'leader' && !unitOf(cx))) return { type: 'invalid', reason: [msg('roles.invite.summary.incomplete')] };
    const effect = {
      type: 'invite_create',
      formId: cx.formId,
      role: a.role,
      unitId: a.role === 'leader' ? (a.unitId ?? null) : null,
      holderName: a.holderName ?? null,
      allowSecondLeader: a.role === 'leader' && a.allowSecond === true,
    };
    return { type: 'finish', effect, render: INVITE_CREATED, retryable: true };
  },
};

/** The invitation form, step by step. */
export const inviteFlow: FlowDef = {
  id: 'invite',
  steps: [roleStep, inviteUnitStep, secondLeaderStep, holderNameStep, inviteSummaryStep],
  reviewStep: 'summary',
  repeatableValue: CREATE,
  start: () => ({ ok: true, answers: {}, intro: [msg('roles.invite.intro')] }),
};
