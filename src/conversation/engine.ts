// The conversation engine: one inbound event plus the stored state in, the next state, at most
// one effect and the reply out. Pure and synchronous; the services load and save around it.
import { createHash } from 'node:crypto';
import { formatReceiptCode, parseReceiptCode } from '../domain/receipt.js';
import { ellipsize } from '../domain/text.js';
import { matchChoice } from './choice-input.js';
import type { ConversationState, Effect, EffectResult, InboundEvent, Locale, Outbound, Text, TurnContext, TurnOutcome } from './contract.js';
import type { FlowDef } from './flow.js';
import { flowById } from './flows/registry.js';
import { nominationFlow } from './flows/nomination.js';
import {
  applyResult,
  ask,
  currentPrompt,
  currentStep,
  firstOpenStep,
  firstStep,
  goBack,
  idleState,
  restoreForm,
  stepContext,
  type Decision,
} from './form-runner.js';
import { parseLinkCode, parseLocaleWord, readIntent, type GlobalName, type Intent } from './intents.js';
import { linkCodeReply, linkRedeemReply } from './link-replies.js';
import { LANGUAGE_PROMPT, languagePrompt } from './language.js';
import { capabilities, greeting, idleHelp, menuHint } from './menus.js';
import { msg } from './messages.js';
import { promptIdOf, promptMessage, tokenFor } from './prompt-view.js';
import { readInput } from './read-input.js';
import { readStartLink, type StartLink } from './start-link.js';
import { mineReply, statusReply } from './status-replies.js';

/** The state of a chat that has never talked to the bot. */
export function initialState(): ConversationState {
  return { flow: null, step: null, answers: {}, trail: [], seq: 0 };
}

/** Runs one turn: decides the next state, at most one effect, and how to reply once it ran. */
export function runTurn(state: ConversationState, event: InboundEvent, ctx: TurnContext): TurnOutcome {
  const turn = new Turn(normalize(state), event, ctx);
  const decision = turn.decide();
  const reply = decision.reply ?? (() => decision.messages);
  const outcome: TurnOutcome = { state: decision.state, effect: decision.effect ?? null, reply };
  if (decision.locale) outcome.locale = decision.locale;
  return outcome;
}

// A stored state may come from an older version or be partial: fill in what a turn relies on.
function normalize(state: ConversationState): ConversationState {
  const s = { ...initialState(), ...state };
  if (!Array.isArray(s.trail)) s.trail = [];
  if (!s.answers || typeof s.answers !== 'object') s.answers = {};
  if (typeof s.seq !== 'number') s.seq = 0;
  if (s.flow && !flowById(s.flow)) return idleState(s.seq);
  return s;
}

const text = (...lines: Text[]): Outbound => ({ kind: 'text', text: lines });

/** One turn's decision, with the event and context at hand. */
class Turn {
  private readonly locale: Locale;
  private readonly flow: FlowDef | undefined;

  constructor(
    private readonly state: ConversationState,
    private readonly event: InboundEvent,
    private readonly ctx: TurnContext,
  ) {
    this.locale = ctx.member.locale;
    this.flow = flowById(state.flow);
  }

  decide(): Decision {
    const intent = readIntent(this.event);
    if (intent.type === 'global') return this.onGlobal(intent.name, intent.args);
    if (intent.type === 'unknown_command') {
      return this.resume([msg('command.unknown', { command: `/${ellipsize(intent.name, 30)}` }), msg('command.available')]);
    }
    if (promptIdOf(this.state.view?.token) === LANGUAGE_PROMPT) return this.onLanguageAnswer(intent);
    if (this.flow) return this.onFormInput(this.flow, this.state, intent);
    return this.onIdleInput(intent);
  }

  // ---- what is on screen, again --------------------------------------------------------

  /** Shows the open form's question again (with notices), or the notices and a hint when idle. */
  private resume(notice: Text[], state: ConversationState = this.state, locale: Locale = this.locale): Decision {
    if (this.flow) return ask(this.flow, state, this.ctx, locale, notice);
    return { state: this.idle(), messages: notice.length ? [text(...notice, menuHint())] : [] };
  }

  /** The idle state without a view, keeping a finished form for a repeated "send". */
  private idle(): ConversationState {
    return idleState(this.state.seq, this.state.answers.lastForm);
  }

  // ---- global words ----------------------------------------------------------------------

  private onGlobal(name: GlobalName, args: string): Decision {
    const inLanguage = promptIdOf(this.state.view?.token) === LANGUAGE_PROMPT;
    switch (name) {
      case 'start': {
        const link = args ? readStartLink(args, this.ctx.catalog) : null;
        if (link && !this.flow) return this.startForm(nominationFlow, [], link);
        const hello = greeting(this.ctx.member, this.ctx.catalog, this.locale);
        if (!this.flow) return { state: this.idle(), messages: [hello] };
        const shown = ask(this.flow, this.state, this.ctx, this.locale, [msg('form.resumeNotice')]);
        return { ...shown, messages: [hello, ...shown.messages] };
      }
      case 'nominate':
        if (this.flow) return ask(this.flow, this.state, this.ctx, this.locale, [msg('form.alreadyOpen')]);
        return this.startForm(nominationFlow, []);
      case 'restart':
        return this.startForm(this.flow ?? nominationFlow, this.flow ? [msg('form.restarted')] : []);
      case 'cancel':
        if (inLanguage) return this.resume([msg('language.kept')]);
        if (this.flow) return { state: idleState(this.state.seq), messages: [text(msg('form.cancelled'), menuHint())] };
        return { state: this.idle(), messages: [text(msg('form.nothingToCancel'), menuHint())] };
      case 'back':
        if (inLanguage) return this.resume([msg('language.kept')]);
        if (this.flow) return goBack(this.flow, this.state, this.ctx, this.locale);
        return { state: this.idle(), messages: [text(msg('form.nothingToGoBack'), menuHint())] };
      case 'help':
        if (inLanguage) return this.askLanguage([msg('language.help')]);
        if (this.flow) {
          const step = currentStep(this.flow, this.state);
          const help = step ? step.help(stepContext(this.state, this.ctx, this.locale)) : [];
          return ask(this.flow, this.state, this.ctx, this.locale, [...help, msg('form.tips')]);
        }
        return { state: this.idle(), messages: [idleHelp(this.ctx.catalog)] };
      case 'language': {
        const chosen = args ? parseLocaleWord(args) : null;
        return chosen ? this.setLanguage(chosen) : this.askLanguage([]);
      }
      case 'status':
        return this.status(args);
      case 'mine':
        return this.lookUp({ type: 'mine' }, (r) => mineReply(r, this.ctx.catalog, this.locale));
      case 'link':
        return this.link(args);
    }
  }

  // ---- account linking: a code shown here, or a code from the other app typed here --------

  private link(args: string): Decision {
    if (!args) return this.lookUp({ type: 'link_create' }, linkCodeReply);
    const code = parseLinkCode(args);
    if (!code) return this.resume([msg('link.badCode', { input: ellipsize(args, 30) })]);
    return this.lookUp({ type: 'link_redeem', code }, linkRedeemReply);
  }

  private startForm(flow: FlowDef, notice: Text[], preset?: StartLink): Decision {
    const started = flow.start({ catalog: this.ctx.catalog, member: this.ctx.member, locale: this.locale, now: this.ctx.now, lookup: null });
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
    if (preset) {
      // A start link: skip the questions it answered; "back" still reaches them.
      const open = firstOpenStep(flow, cx);
      return ask(flow, { ...form, step: open.step.id, trail: open.skipped }, this.ctx, this.locale, [...notice, ...started.intro]);
    }
    return ask(flow, { ...form, step: firstStep(flow, cx).id }, this.ctx, this.locale, [...notice, ...started.intro]);
  }

  // ---- status and "mine": an effect, its result, then the open question again -------------

  private status(args: string): Decision {
    if (!args) return this.lookUp({ type: 'mine' }, (r) => mineReply(r, this.ctx.catalog, this.locale));
    const code = parseReceiptCode(args, this.ctx.catalog.ward.receiptPrefix);
    if (!code) {
      const example = formatReceiptCode(this.ctx.catalog.ward.receiptPrefix, 1);
      return this.resume([msg('status.badCode', { input: ellipsize(args, 30), example })]);
    }
    return this.lookUp({ type: 'status', code }, (r) => statusReply(r, code, this.ctx.catalog, this.locale));
  }

  private lookUp(effect: Extract<Effect, { type: 'mine' | 'status' | 'link_create' | 'link_redeem' }>, render: (r: EffectResult | null) => Outbound[]): Decision {
    const after = this.flow ? ask(this.flow, this.state, this.ctx, this.locale, [msg('form.continue')]) : { state: this.idle(), messages: [] };
    const reply = (r: EffectResult | null) => [...render(r), ...after.messages];
    return { state: after.state, messages: reply(null), effect, reply };
  }

  // ---- language ------------------------------------------------------------------------

  private askLanguage(notice: Text[]): Decision {
    const prompt = languagePrompt();
    const seq = (this.state.seq ?? 0) + 1;
    const token = tokenFor(LANGUAGE_PROMPT, seq);
    const state: ConversationState = { ...this.state, seq, view: { token, values: (prompt.options ?? []).map((o) => o.value) } };
    return { state, messages: [promptMessage(prompt, token, notice, [])] };
  }

  private setLanguage(locale: Locale): Decision {
    const after = this.flow
      ? ask(this.flow, this.state, this.ctx, locale, [])
      : { state: this.idle(), messages: [] as Outbound[] };
    const messages = [text(msg('language.changed'), ...(this.flow ? [] : [menuHint()])), ...after.messages];
    return { state: after.state, messages, effect: { type: 'set_locale', locale }, reply: () => messages, locale };
  }

  private onLanguageAnswer(intent: Intent): Decision {
    const read = readInput(intent, languagePrompt(), this.state);
    if (read.type === 'global') return this.resume([msg('language.kept')]);
    if (read.type === 'stale') return this.askLanguage([msg('form.staleButton')]);
    if (read.type === 'problem') return this.askLanguage(read.reason);
    const value = read.input.kind === 'option' ? read.input.value : null;
    if (value === 'vi' || value === 'en') return this.setLanguage(value);
    return this.askLanguage([msg('choice.pickFromList')]);
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
        return read.name === 'back'
          ? goBack(flow, state, this.ctx, this.locale)
          : { state: idleState(state.seq), messages: [text(msg('form.cancelled'), menuHint())] };
      case 'input': {
        const step = currentStep(flow, state);
        if (!step) return ask(flow, state, this.ctx, this.locale);
        const result = step.accept(read.input, stepContext(state, this.ctx, this.locale));
        return applyResult(flow, state, result, this.ctx, this.locale);
      }
    }
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
      return { state: this.idle(), messages: [text(msg('form.staleButtonNoForm'), menuHint())] };
    }
    if (intent.type === 'text' && kept && promptIdOf(this.state.view?.token) === kept.flow.reviewStep) {
      const prompt = currentPrompt(kept.flow, kept.state, this.ctx, this.locale);
      if (matchChoice(intent.text, prompt.options ?? [], false).ok) return this.onFormInput(kept.flow, kept.state, intent);
    }
    if (intent.type === 'photo') return { state: this.idle(), messages: [text(msg('idle.photo'), menuHint())] };
    if (intent.type === 'unsupported') return { state: this.idle(), messages: [text(msg('idle.unsupported'), menuHint())] };
    return { state: this.idle(), messages: [text(msg('idle.notUnderstood'), ...capabilities(this.ctx.catalog))] };
  }

  private keptForm(): { flow: FlowDef; state: ConversationState } | null {
    const last = this.state.answers.lastForm as { flow?: unknown } | undefined;
    const flow = typeof last?.flow === 'string' ? flowById(last.flow) : undefined;
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
