// The first-contact question of a deployment that serves several wards: a person who came without
// a ward's link or code is asked where they are before anything else (once: until they pick, or
// until something ties them to the ward they were put in). A one-ward deployment never asks.
import { foldVietnamese } from '../../../domain/text.js';
import type { Text } from '../../contract.js';
import type { Prompt, PromptOption } from '../../engine/flow.js';
import type { Decision } from '../../engine/form-runner.js';
import { menuHint } from '../../engine/help.js';
import { msg, raw } from '../../engine/messages.js';
import { promptIdOf } from '../../engine/prompt-view.js';
import { readInput } from '../../engine/read-input.js';
import type { Gate, OverlayDef, TurnApi } from '../../engine/registry.js';
import { readStanding, standingOf, type WardChoice } from '../mydata/standing.js';
import { JOIN_WARD, readWardPayload } from './data.js';
import { WARD_JOINED } from './replies.js';

/** The overlay's id, which prefixes its buttons' token. */
const WARD_QUESTION = 'ward';

/** Commands that work before the ward is picked: picking it, the person's data, the language. */
const BEFORE_WARD = new Set(['ward', 'mydata', 'forget', 'withdraw_contact', 'language']);

function wardOption(w: WardChoice): PromptOption {
  const name = foldVietnamese(w.name);
  const bare = name.replace(/^(phuong|xa|thi tran) /, '');
  return { value: w.code, label: raw(w.name), words: [...new Set([name, bare, w.code, w.code.replace(/-/g, ' ')])] };
}

function wardPrompt(turn: TurnApi): Prompt {
  const wards = standingOf(turn)?.ward?.wards ?? [];
  if (!wards.length) return { text: [msg('wards.ask.typeCode')], input: 'text' };
  return { text: [msg('wards.ask.question')], input: 'single', options: wards.map(wardOption) };
}

/** Start links are what Telegram allows: 1-64 of A-Z, a-z, 0-9, _ and -. */
const START_PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

/** The start link a person came with, kept while they are asked for their ward. */
function pendingStart(turn: TurnApi): string | undefined {
  const kept = turn.state.scratch?.startAfterWard;
  return typeof kept === 'string' && START_PAYLOAD.test(kept) ? kept : undefined;
}

/**
 * Joins the ward picked (its code or name) and says so, then what to type next; a start link the
 * person came with (an invitation, a campaign) is offered again, to open in the ward now theirs.
 */
export function joinWard(turn: TurnApi, code: string, startAfter?: string): Decision {
  const decision: Decision = { state: turn.idle(), messages: [{ kind: 'text', text: [menuHint()] }], effect: { type: JOIN_WARD, code }, render: { name: WARD_JOINED } };
  if (startAfter) decision.render!.args = { startAfter };
  return decision;
}

function askWard(turn: TurnApi, notice: Text[], startAfter: string | undefined): Decision {
  const asked = turn.showOverlay(wardOverlay, notice);
  return startAfter ? { ...asked, state: { ...asked.state, scratch: { ...asked.state.scratch, startAfterWard: startAfter } } } : asked;
}

/** "Ban o phuong, xa nao?" (which ward are you in) */
export const wardOverlay: OverlayDef = {
  id: WARD_QUESTION,
  prompt: wardPrompt,
  answer: (turn, intent) => {
    if (intent.type === 'command' || intent.type === 'unknown_command') return null;
    const prompt = wardPrompt(turn);
    const read = readInput(intent, prompt, turn.state);
    const later = pendingStart(turn);
    if (read.type === 'stale') return askWard(turn, [msg('form.staleButton')], later);
    if (read.type === 'problem') return askWard(turn, [...read.reason, msg('wards.ask.help')], later);
    if (read.type === 'global') return askWard(turn, [msg('wards.ask.first')], later);
    if (read.input.kind === 'option') return joinWard(turn, read.input.value, later);
    if (read.input.kind === 'text' && !prompt.options) return joinWard(turn, read.input.text.trim(), later);
    return askWard(turn, [msg('wards.ask.help')], later);
  },
};

/** Asks the ward first when the person must pick one; lets through what works before that. */
export const wardGate: Gate = {
  id: 'ward-first',
  before: (turn, intent, standing) => {
    if (!readStanding(standing)?.ward?.choose) return null;
    if (intent.type === 'command' && BEFORE_WARD.has(intent.command.id)) return null;
    if (intent.type === 'command' && intent.command.id === 'start' && readWardPayload(intent.args)) return null;
    const again = promptIdOf(turn.state.view?.token) === WARD_QUESTION;
    // Another start link (an invitation, a campaign) waits for the answer.
    const link = intent.type === 'command' && intent.command.id === 'start' && START_PAYLOAD.test(intent.args.trim()) ? intent.args.trim() : undefined;
    return askWard(turn, again ? [msg('wards.ask.first')] : [msg('wards.ask.intro')], link ?? pendingStart(turn));
  },
};
