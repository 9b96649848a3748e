// The officer's list of people with roles (/vaitro): a page at a time, fresh when shown (a step
// fetch); choosing one asks to confirm revoking that role. The database checks again that the
// asker is an officer, that the role is still the one listed, and that the ward keeps an officer.
import { formatDate } from '../../../domain/dates.js';
import type { Text } from '../../contract.js';
import type { FlowDef, PromptOption, StepContext, StepDef } from '../../engine/flow.js';
import { dataFor } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { holderSchema, holdersPageSchema, holdersRequest, type Holder } from './data.js';
import { REVOKED } from './replies.js';
import { roleTitle } from './titles.js';

const pageOf = (cx: Pick<StepContext, 'scratch'>) => (typeof cx.scratch.page === 'number' && cx.scratch.page >= 0 ? cx.scratch.page : 0);

function pageShown(cx: StepContext) {
  const parsed = holdersPageSchema.safeParse(dataFor(cx, holdersRequest(pageOf(cx))));
  return parsed.success ? parsed.data : null;
}

function chosenOf(cx: Pick<StepContext, 'answers'>): Holder | null {
  const parsed = holderSchema.safeParse(cx.answers.chosen);
  return parsed.success ? parsed.data : null;
}

/** Who holds the role, and since when, under the role's title. */
function holderLine(h: Holder): Text {
  const since = formatDate(h.since);
  if (h.self) return msg('roles.list.self', { since });
  return h.name ? msg('roles.list.holder', { name: h.name, since }) : msg('roles.list.holderNoName', { since });
}

const NEXT: PromptOption = { value: 'next', label: msg('roles.list.next'), words: ['trang sau', 'tiep', 'next'] };
const PREV: PromptOption = { value: 'prev', label: msg('roles.list.prev'), words: ['trang truoc', 'prev', 'previous'] };

/** The ward's people with roles, a page at a time. */
export const holdersStep: StepDef = {
  id: 'holders',
  answered: (cx) => chosenOf(cx) !== null,
  fetch: (cx) => holdersRequest(pageOf(cx)),
  prompt: (cx) => {
    const shown = pageShown(cx);
    if (!shown) return { text: [msg('roles.list.loading')], input: 'single', options: [] };
    if (shown.status === 'forbidden') return { text: [msg('roles.list.forbidden')], input: 'single', options: [] };
    const pages = Math.max(1, Math.ceil(shown.total / shown.size));
    const text: Text[] = [msg('roles.list.title', { ward: cx.catalog.ward.name, count: shown.total })];
    if (pages > 1) text.push(msg('roles.list.page', { page: shown.page + 1, pages }));
    text.push(msg('roles.list.pick'));
    const actions: PromptOption[] = [];
    if (shown.page > 0) actions.push(PREV);
    if (shown.page + 1 < pages) actions.push(NEXT);
    return {
      text,
      input: 'single',
      options: shown.holders.map((h) => ({ value: h.roleId, label: roleTitle(h), hint: holderLine(h) })),
      actions,
    };
  },
  help: () => [msg('roles.list.help')],
  accept: (input, cx) => {
    const shown = pageShown(cx);
    if (input.kind === 'action' && (input.value === 'next' || input.value === 'prev')) {
      const page = shown?.status === 'ok' ? shown.page : pageOf(cx);
      return { type: 'stay', scratch: { page: Math.max(0, page + (input.value === 'next' ? 1 : -1)) } };
    }
    if (input.kind === 'option' && shown?.status === 'ok') {
      const chosen = shown.holders.find((h) => h.roleId === input.value);
      if (chosen) return { type: 'answer', set: { chosen } };
    }
    return { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};

/** Revoke the chosen role, after saying what that means. */
export const confirmRevokeStep: StepDef = {
  id: 'confirm',
  answered: () => false,
  prompt: (cx) => {
    const h = chosenOf(cx);
    if (!h) return { text: [msg('roles.list.forbidden')], input: 'single', options: [] };
    const text: Text[] = [msg('roles.revoke.ask'), roleTitle(h), holderLine(h), h.self ? msg('roles.revoke.selfWarning') : msg('roles.revoke.willBeTold')];
    return {
      text,
      input: 'single',
      options: [
        { value: 'revoke', label: msg('roles.revoke.confirm'), words: ['thu hoi', 'dong y', 'revoke', 'yes'] },
        { value: 'list', label: msg('roles.revoke.backToList'), words: ['khong', 'danh sach', 'no', 'list'] },
      ],
    };
  },
  help: () => [msg('roles.revoke.help')],
  accept: (input, cx) => {
    const h = chosenOf(cx);
    if (input.kind === 'option' && input.value === 'list') return { type: 'answer', set: { chosen: undefined }, goto: 'holders' };
    if (input.kind === 'option' && input.value === 'revoke' && h) return { type: 'finish', effect: { type: 'role_revoke', roleId: h.roleId }, render: REVOKED };
    return { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};

/** The list of people with roles and the revoke that follows a choice. */
export const holdersFlow: FlowDef = {
  id: 'roles',
  steps: [holdersStep, confirmRevokeStep],
  reviewStep: 'confirm',
  repeatableValue: 'revoke',
  start: () => ({ ok: true, answers: {}, intro: [] }),
};
