// The conversation engine: one inbound event plus the stored state in, the next state, at most
// one effect and the reply (as data) out. Pure and synchronous; the services load and save around
// it. It knows commands, forms and overlays only through the registry the capabilities fill.
import { createHash } from 'node:crypto';
import { ellipsize } from '../../domain/text.js';
import type { ConversationState, DataRequest, Effect, InboundEvent, Json, Locale, Text, TurnContext, TurnOutcome } from '../contract.js';
import { matchChoice } from './choice-input.js';
import { dataFor, type FlowDef } from './flow.js';
import {
  applyResult,
  ask,
  cancelled,
  currentPrompt,
  currentStep,
  firstOpenStep,
  firstStep,
  goBack,
  idleState,
  missingData,
  requestData,
  restoreForm,
  stepContext,
  type Decision,
} from './form-runner.js';
import { foldCommandText, readIntent, type Intent } from './intents.js';
import { msg } from './messages.js';
import { promptIdOf, promptMessage, tokenFor } from './prompt-view.js';
import { readInput } from './read-input.js';
import { mayUse, type OverlayDef, type Registry, type TurnApi } from './registry.js';
import { availableCommands, commandList, menuHint } from './help.js';

/** The state of a chat that has never talked to the bot. */
export function initialState(): ConversationState {
  return { flow: null, step: null, answers: {}, trail: [], seq: 0 };
}

/** Runs one turn: decides the next state, at most one effect, and the reply as data. */
export function runTurn(state: ConversationState, event: InboundEvent, ctx: TurnContext, registry: Registry): TurnOutcome {
  const turn = new Turn(normalize(state, registry), event, ctx, registry);
  const decision = turn.decide();
  // Asked with the next input when the question asks for nothing else (no round trip of its own).
  if (registry.standing && !decision.state.lookup) decision.state = { ...decision.state, lookup: registry.standing };
  const outcome: TurnOutcome = {
    state: decision.state,
    effect: decision.effect ?? null,
    reply: { messages: decision.messages },
  };
  if (decision.render) outcome.reply.render = decision.render;
  if (decision.locale) outcome.reply.locale = decision.locale;
  const needs = missingData(ctx);
  if (needs) outcome.needs = needs;
  return outcome;
}

// A stored state may come from an older version or be partial: fill in what a turn relies on.
function normalize(state: ConversationState, registry: Registry): ConversationState {
  const s = { ...initialState(), ...state };
  if (!Array.isArray(s.trail)) s.trail = [];
  if (!s.answers || typeof s.answers !== 'object') s.answers = {};
  if (typeof s.seq !== 'number') s.seq = 0;
  if (s.flow && !registry.flow(s.flow)) return idleState(s.seq);
  return s;
}

const text = (...lines: Text[]) => ({ kind: 'text' as const, text: lines });

/** One turn's decision, with the event and context at hand; what commands see as their TurnApi. */
class Turn implements TurnApi {
  readonly locale: Locale;
  readonly flow: FlowDef | undefined;

  constructor(
    readonly state: ConversationState,
    readonly event: InboundEvent,
    readonly ctx: TurnContext,
    readonly registry: Registry,
  ) {
    this.locale = ctx.member.locale;
    this.flow = registry.flow(state.flow);
  }

  decide(): Decision {
    const intent = readIntent(this.event, this.registry);
    const standing = this.registry.standing ? dataFor(this.ctx, this.registry.standing) : undefined;
    let decision = this.decideInput(intent, standing);
    for (const gate of this.registry.gates) if (gate.after) decision = gate.after(this, decision, standing);
    return decision;
  }

  private decideInput(intent: Intent, standing: unknown): Decision {
    const overlay = this.registry.overlay(promptIdOf(this.state.view?.token));
    if (overlay) {
      const handled = overlay.answer(this, intent);
      if (handled) return handled;
    }
    for (const gate of this.registry.gates) {
      const first = gate.before?.(this, intent, standing);
      if (first) return first;
    }
    if (intent.type === 'command') {
      const answered = this.flow ? this.takenAsAnswer(this.flow, intent) : null;
      if (answered) return answered;
      if (!mayUse(intent.command, this.ctx.member, this.event.channel)) {
        const elsewhere = intent.command.channels && !intent.command.channels.includes(this.event.channel);
        return this.resume([elsewhere ? msg('command.notHere') : msg('command.notForYou')]);
      }
      return intent.command.run(this, intent.args);
    }
    if (intent.type === 'unknown_command') {
      const env = { catalog: this.ctx.catalog, member: this.ctx.member, locale: this.locale };
      return this.resume([msg('command.unknown', { command: `/${ellipsize(intent.name, 30)}` }), ...commandList(this.registry, env, this.event.channel)]);
    }
    if (this.flow) return this.onFormInput(this.flow, this.state, intent);
    return this.onIdleInput(intent);
  }

  private available(): Text[] {
    return availableCommands(this.registry, { catalog: this.ctx.catalog, member: this.ctx.member, locale: this.locale }, this.event.channel);
  }

  // ---- the TurnApi commands use ------------------------------------------------------------

  resume(notice: Text[], locale: Locale = this.locale): Decision {
    // A view (a unit's list) is not a form to come back to: whatever else is asked closes it.
    if (this.flow && !this.flow.replaceable) return ask(this.flow, this.state, this.ctx, locale, notice);
    return { state: this.idle(), messages: notice.length ? [text(...notice, menuHint())] : [] };
  }

  idle(): ConversationState {
    return idleState(this.state.seq, this.state.answers.lastForm);
  }

  idleReply(notice: Text[]): Decision {
    return { state: this.idle(), messages: [text(...notice, menuHint())] };
  }

  startForm(flow: FlowDef, notice: Text[], preset?: Record<string, unknown>, options: { quiet?: boolean } = {}): Decision {
    const started = flow.start({ catalog: this.ctx.catalog, member: this.ctx.member, locale: this.locale, now: this.ctx.now, data: this.ctx.data });
    if (!started.ok) return { state: this.idle(), messages: [text(...started.reason)] };
    const form: ConversationState = {
      flow: flow.id,
      step: null,
      answers: { ...started.answers, ...preset },
      trail: [],
      formId: formIdFor(this.ctx.member.id, this.event),
      editing: false,
      scratch: {},
      seq: this.state.seq,
    };
    const cx = stepContext(form, this.ctx, this.locale);
    const intro = options.quiet ? [] : started.intro;
    if (preset) {
      // A start link: skip the questions it answered; "back" still reaches them.
      const open = firstOpenStep(flow, cx);
      return ask(flow, { ...form, step: open.step.id, trail: open.skipped }, this.ctx, this.locale, [...notice, ...intro]);
    }
    return ask(flow, { ...form, step: firstStep(flow, cx).id }, this.ctx, this.locale, [...notice, ...intro]);
  }

  data(request: DataRequest): unknown {
    return requestData(this.ctx, request);
  }

  lookUp(effect: Effect, render: string, args?: Json): Decision {
    const after = this.flow && !this.flow.replaceable ? ask(this.flow, this.state, this.ctx, this.locale, [msg('form.continue')]) : { state: this.idle(), messages: [] };
    const decision: Decision = { state: after.state, messages: after.messages, effect, render: { name: render } };
    if (args !== undefined) decision.render!.args = args;
    return decision;
  }

  showOverlay(overlay: OverlayDef, notice: Text[], args?: string): Decision {
    const prompt = overlay.prompt(this, args);
    const seq = (this.state.seq ?? 0) + 1;
    const token = tokenFor(overlay.id, seq);
    const state: ConversationState = { ...this.state, seq, view: { token, values: (prompt.options ?? []).map((o) => o.value) } };
    return { state, messages: [promptMessage(prompt, token, notice, [])] };
  }

  // ---- answers to the open form ----------------------------------------------------------

  private onFormInput(flow: FlowDef, state: ConversationState, intent: Intent): Decision {
    const prompt = currentPrompt(flow, state, this.ctx, this.locale);
    const read = readInput(intent, prompt, state);
    switch (read.type) {
      case 'stale':
        return ask(flow, state, this.ctx, this.locale, [msg('form.staleButton')]);
      case 'problem':
        return ask(flow, state, this.ctx, this.locale, read.reason);
      case 'global':
        return read.name === 'back' ? goBack(flow, state, this.ctx, this.locale) : this.cancelForm(flow, state);
      case 'input': {
        const step = currentStep(flow, state);
        if (!step) return ask(flow, state, this.ctx, this.locale);
        const result = step.accept(read.input, stepContext(state, this.ctx, this.locale));
        if (result.type === 'cancel') return this.cancelForm(flow, state);
        return applyResult(flow, state, result, this.ctx, this.locale);
      }
    }
  }

  // Cancelling goes through the cancel command, which asks first when answers would be lost. A
  // form that already ended (kept for a repeated "send") has nothing left to cancel: it may well
  // have been sent, so "not sent" would be wrong.
  private cancelForm(flow: FlowDef, state: ConversationState): Decision {
    if (state !== this.state) return this.idleReply([msg('form.nothingToCancel')]);
    const cancel = this.registry.commandById('cancel');
    return cancel ? cancel.run(this, '') : cancelled(flow, state);
  }

  // A command typed as a word that is also an everyday answer ("Huy", a given name) at a question
  // answered in free text: the answer, when the question takes it, with a line on running the command.
  private takenAsAnswer(flow: FlowDef, intent: Extract<Intent, { type: 'command' }>): Decision | null {
    const also = intent.command.alsoAnswer;
    if (!also || intent.typed === undefined) return null;
    const said = intent.typed.normalize('NFC').toLowerCase().replace(/[.!]+$/, '').trim();
    if (!also.words.includes(said)) return null;
    const prompt = currentPrompt(flow, this.state, this.ctx, this.locale);
    const step = currentStep(flow, this.state);
    if (!step || !(prompt.input === 'text' || prompt.freeText)) return null;
    const result = step.accept({ kind: 'text', text: intent.typed }, stepContext(this.state, this.ctx, this.locale));
    if (result.type !== 'answer') return null;
    return applyResult(flow, this.state, { ...result, notice: [...(result.notice ?? []), msg(also.notice, { text: intent.typed })] }, this.ctx, this.locale);
  }

  // ---- no form open ----------------------------------------------------------------------

  private onIdleInput(intent: Intent): Decision {
    const kept = this.keptForm();
    if (intent.type === 'choice') {
      // A button of the finished form's summary: the one shown after a failed send, or "send"
      // pressed again (the database answers "already" with the receipt code).
      if (kept && (intent.token === this.state.view?.token || intent.value === kept.flow.repeatableValue)) {
        const values = currentPrompt(kept.flow, kept.state, this.ctx, this.locale).options?.map((o) => o.value) ?? [];
        return this.onFormInput(kept.flow, { ...kept.state, view: { token: intent.token, values } }, intent);
      }
      return this.idleReply([msg('form.staleButtonNoForm')]);
    }
    if (intent.type === 'text' && kept && promptIdOf(this.state.view?.token) === kept.flow.reviewStep) {
      const prompt = currentPrompt(kept.flow, kept.state, this.ctx, this.locale);
      if (matchChoice(intent.text, prompt.options ?? [], false).ok) return this.onFormInput(kept.flow, kept.state, intent);
    }
    if (intent.type === 'photo') return this.idleReply([msg('idle.photo')]);
    if (intent.type === 'unsupported') return this.idleReply([msg('idle.unsupported')]);
    // Everyday answers that mean a command when nothing is being asked ("ok", "ung ho").
    const command = intent.type === 'text' ? this.registry.commandByIdleWords(foldCommandText(intent.text)) : undefined;
    if (command && mayUse(command, this.ctx.member, this.event.channel)) return command.run(this, '');
    return { state: this.idle(), messages: [text(msg('idle.notUnderstood'), ...this.available())] };
  }

  private keptForm(): { flow: FlowDef; state: ConversationState } | null {
    const last = this.state.answers.lastForm as { flow?: unknown } | undefined;
    const flow = typeof last?.flow === 'string' ? this.registry.flow(last.flow) : undefined;
    const state = flow ? restoreForm(this.state, flow) : null;
    return flow && state ? { flow, state } : null;
  }
}

/** A form id derived from the event that opened the form: re-running the turn gives the same id. */
function formIdFor(memberId: string, event: InboundEvent): string {
  const hex = createHash('sha256').update(`${memberId}\u0000${event.channel}\u0000${event.eventId}`).digest('hex');
  // Shaped as a version-4 UUID so it fits a uuid column.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
