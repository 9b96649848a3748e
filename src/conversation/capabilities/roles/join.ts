// Joining by invitation: "/thamgia ABCD2345", the words "tham gia ABCD2345", or the Telegram deep
// link "?start=moi-ABCD2345". The code is looked up fresh (a step's fetch); an invitation that can
// be accepted opens a one-question form (accept or decline), anything else gets its polite answer
// at once, with no form left open.
import { invitationFromStartPayload, parseInvitationCode } from '../../../domain/invitations.js';
import { ellipsize } from '../../../domain/text.js';
import type { Text } from '../../contract.js';
import type { FlowDef, PromptOption, StepContext, StepDef } from '../../engine/flow.js';
import type { Decision } from '../../engine/form-runner.js';
import { msg } from '../../engine/messages.js';
import type { StartReader, TurnApi } from '../../engine/registry.js';
import { timeAndDate } from './when.js';
import { invitationFound, invitationRequest, type InvitationStatus } from './data.js';
import { INVITE_ANSWERED } from './replies.js';
import { refusalOf } from './refusals.js';
import { roleTitle } from './titles.js';

const codeOf = (cx: Pick<StepContext, 'answers'>) => (typeof cx.answers.code === 'string' ? cx.answers.code : '');

const DECISIONS: PromptOption[] = [
  { value: 'accept', label: msg('roles.join.accept'), words: ['nhan', 'nhan vai tro', 'dong y', 'co', 'accept', 'yes', 'ok'] },
  { value: 'decline', label: msg('roles.join.decline'), words: ['tu choi', 'khong', 'khong nhan', 'decline', 'no'] },
];

/** What the invitation offers, or why it cannot be accepted any more. */
function invitationLines(cx: StepContext): Text[] {
  const code = codeOf(cx);
  const found = invitationFound(cx, code);
  if (!found) return [msg('roles.join.looking', { code })];
  if (found.status !== 'open' || !('wardName' in found)) return [refusalOf(found.status as InvitationStatus, code)];
  const lines: Text[] = [msg('roles.join.invited', { ward: found.wardName }), roleTitle(found)];
  lines.push(found.inviterName ? msg('roles.join.byNamed', { name: found.inviterName }) : msg('roles.join.by'));
  if (found.holderName) lines.push(msg('roles.join.forName', { name: found.holderName }));
  lines.push(msg('roles.join.expires', timeAndDate(found.expiresAt)));
  return lines;
}

/** Accept or decline the invitation on screen. */
export const decideStep: StepDef = {
  id: 'decide',
  answered: () => false,
  fetch: (cx) => (codeOf(cx) ? invitationRequest(codeOf(cx)) : undefined),
  prompt: (cx) => ({ text: [...invitationLines(cx), msg('roles.join.ask')], input: 'single', options: DECISIONS }),
  help: () => [msg('roles.join.help')],
  accept: (input, cx) => {
    const code = codeOf(cx);
    if (input.kind === 'option' && input.value === 'accept') return { type: 'finish', effect: { type: 'invite_accept', code }, render: INVITE_ANSWERED, args: { code } };
    if (input.kind === 'option' && input.value === 'decline') return { type: 'finish', effect: { type: 'invite_decline', code }, render: INVITE_ANSWERED, args: { code } };
    return { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};

/** The one-question form of an invitation. */
export const joinFlow: FlowDef = {
  id: 'join',
  steps: [decideStep],
  reviewStep: 'decide',
  repeatableValue: 'accept',
  start: () => ({ ok: true, answers: {}, intro: [] }),
};

/** Forms that only show something (an invitation, the list of roles): a new command replaces them. */
export const BROWSING_FLOWS: ReadonlySet<string> = new Set(['join', 'roles']);

/**
 * Opens the invitation behind a typed code. The first pass (no data yet) opens the form, whose
 * question fetches the invitation; the turn is then run again with it, and an invitation that
 * cannot be accepted gets its answer instead of the form.
 */
export function openInvitation(turn: TurnApi, typed: string): Decision {
  const code = parseInvitationCode(typed);
  if (!code) return turn.resume([refusalOf('not_found', ellipsize(typed.trim(), 20))]);
  // A half-filled form is kept: the person finishes or cancels it first.
  if (turn.flow && !BROWSING_FLOWS.has(turn.flow.id)) return turn.resume([msg('roles.join.finishFormFirst', { code })]);
  const found = invitationFound(turn.ctx, code);
  if (found && found.status !== 'open') return turn.idleReply([refusalOf(found.status, code)]);
  return turn.startForm(joinFlow, [], { code });
}

/** A deep link "?start=moi-ABCD2345" opens the invitation; other payloads are not this capability's. */
export const readInvitationLink: StartReader = (turn, payload) => {
  const link = invitationFromStartPayload(payload);
  if (!link) return null;
  return link.code ? openInvitation(turn, link.code) : turn.idleReply([refusalOf('not_found', ellipsize(payload, 20))]);
};
