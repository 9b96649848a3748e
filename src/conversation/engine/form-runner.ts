// Runs an open form: asks the current step, hands it the answer, and moves on, back, to an edit
// or to the end, keeping "back" and "edit from the summary" consistent.
import type { ConversationState, DataRequest, Effect, Json, Locale, Outbound, Text, TurnContext } from '../contract.js';
import { BACK_ACTION, CANCEL_ACTION } from './actions.js';
import { dataFor, type FlowDef, type Prompt, type PromptOption, type StepContext, type StepDef, type StepResult } from './flow.js';
import { msg } from './messages.js';
import { promptIdOf, promptMessage, tokenFor } from './prompt-view.js';

/** A decided turn before it becomes a TurnOutcome. */
export interface Decision {
  state: ConversationState;
  /** What is said; with `render`, these follow the rendered result of the effect. */
  messages: Outbound[];
  effect?: Effect;
  /** The registered renderer that turns the effect's result into the reply's first messages. */
  render?: { name: string; args?: Json };
  locale?: Locale;
}

// Fresh data a prompt needed and the turn's context did not hold, per context: the service
// fetches it and runs the turn again (see runTurn's `needs`).
const missing = new WeakMap<TurnContext, DataRequest>();

/** The first fresh-data request this turn could not answer from its context, if any. */
export function missingData(ctx: TurnContext): DataRequest | undefined {
  return missing.get(ctx);
}

/** The context's answer to a request, or undefined after noting it as needed (see missingData). */
export function requestData(ctx: TurnContext, request: DataRequest): unknown {
  const found = dataFor(ctx, request);
  if (found === undefined && !missing.has(ctx)) missing.set(ctx, request);
  return found;
}

/** The context a step sees for the given state. */
export function stepContext(state: ConversationState, ctx: TurnContext, locale: Locale): StepContext {
  return {
    formId: state.formId ?? '',
    answers: state.answers,
    scratch: state.scratch ?? {},
    catalog: ctx.catalog,
    member: ctx.member,
    locale,
    now: ctx.now,
    data: ctx.data,
  };
}

/** The step the state is on, if the flow still has it. */
export function currentStep(flow: FlowDef, state: ConversationState): StepDef | undefined {
  return flow.steps.find((s) => s.id === state.step);
}

function applies(step: StepDef, cx: StepContext): boolean {
  return !step.transient && (step.when ? step.when(cx) : true);
}

/** The first step a new form asks. */
export function firstStep(flow: FlowDef, cx: StepContext): StepDef {
  return flow.steps.find((s) => applies(s, cx)) ?? flow.steps[flow.steps.length - 1]!;
}

/** The first unanswered step of a form whose first answers were given in advance (a start link); the answered ones stay reachable by "back". */
export function firstOpenStep(flow: FlowDef, cx: StepContext): { step: StepDef; skipped: string[] } {
  const skipped: string[] = [];
  for (const step of flow.steps) {
    if (step.id === flow.reviewStep || !applies(step, cx)) continue;
    if (!step.answered(cx)) return { step, skipped };
    skipped.push(step.id);
  }
  return { step: reviewOf(flow), skipped };
}

function nextAfter(flow: FlowDef, stepId: string, cx: StepContext): StepDef {
  const index = flow.steps.findIndex((s) => s.id === stepId);
  return flow.steps.slice(index + 1).find((s) => applies(s, cx)) ?? reviewOf(flow);
}

function reviewOf(flow: FlowDef): StepDef {
  return flow.steps.find((s) => s.id === flow.reviewStep)!;
}

// After an edit: the first answer that no longer holds (a new category invalidates its criteria).
function firstUnanswered(flow: FlowDef, cx: StepContext): StepDef | undefined {
  return flow.steps.find((s) => s.id !== flow.reviewStep && applies(s, cx) && !s.answered(cx));
}

/** Shows the current step's question (again), with notices above it; gives the prompt a new token. */
export function ask(flow: FlowDef, state: ConversationState, ctx: TurnContext, locale: Locale, notice: Text[] = []): Decision {
  const cx = stepContext(state, ctx, locale);
  // A step an older version of the flow had (a form saved before an upgrade): the first open question.
  const step = currentStep(flow, state) ?? firstUnanswered(flow, cx) ?? reviewOf(flow);
  // Data the question shows is fetched when it is shown and looked up again with the answer.
  const fetch = step.fetch?.(cx);
  const fetched = fetch ? dataFor(cx, fetch) !== undefined : true;
  const ended = fetched ? step.ends?.(cx) : undefined;
  if (ended) return { state: idleState(state.seq), messages: [{ kind: 'text', text: [...notice, ...ended] }] };
  const prompt = step.prompt(cx);
  const seq = (state.seq ?? 0) + 1;
  const token = tokenFor(step.id, seq);
  const next: ConversationState = {
    ...state,
    step: step.id,
    seq,
    view: { token, values: (prompt.options ?? []).map((o) => o.value) },
  };
  if (fetch && !fetched && !missing.has(ctx)) missing.set(ctx, fetch);
  const lookup = step.lookup?.(cx) ?? fetch;
  if (lookup) next.lookup = lookup;
  else delete next.lookup;
  const question = promptMessage(prompt, token, notice, formActions(state));
  // A photo goes with the question's first showing; asked again (a wrong answer), it is not re-sent.
  if (prompt.photo && promptIdOf(state.view?.token) !== step.id) {
    const photo: Outbound = { kind: 'photo', ref: prompt.photo.ref };
    if (prompt.photo.caption?.length) photo.caption = prompt.photo.caption;
    return { state: next, messages: [photo, question] };
  }
  return { state: next, messages: [question] };
}

/** The current step's prompt, for reading an answer against it. */
export function currentPrompt(flow: FlowDef, state: ConversationState, ctx: TurnContext, locale: Locale): Prompt {
  const cx = stepContext(state, ctx, locale);
  const step = currentStep(flow, state) ?? firstUnanswered(flow, cx) ?? reviewOf(flow);
  return step.prompt(cx);
}

// Every question of a form offers "back" (when something was asked before) and "cancel".
function formActions(state: ConversationState): PromptOption[] {
  return state.trail.length > 0 ? [BACK_ACTION, CANCEL_ACTION] : [CANCEL_ACTION];
}


/** The idle state: no form open; a finished form may be kept so a repeated "send" repeats its receipt. */
export function idleState(seq: number | undefined, lastForm?: unknown): ConversationState {
  const idle: ConversationState = { flow: null, step: null, answers: {}, trail: [], seq: seq ?? 0 };
  if (lastForm) idle.answers = { lastForm };
  return idle;
}

/** "Back": out of a step's sub-list first, else the previous question actually asked (skipped steps stay skipped). */
export function goBack(flow: FlowDef, state: ConversationState, ctx: TurnContext, locale: Locale): Decision {
  const inside = currentStep(flow, state)?.back?.(stepContext(state, ctx, locale));
  if (inside) return applyResult(flow, state, inside, ctx, locale);
  const trail = [...state.trail];
  while (trail.length) {
    const id = trail.pop()!;
    const step = flow.steps.find((s) => s.id === id);
    if (!step) continue;
    const candidate: ConversationState = { ...state, step: id, trail, scratch: {} };
    if (step.when && !step.when(stepContext(candidate, ctx, locale))) continue;
    if (id === flow.reviewStep) candidate.editing = false;
    return ask(flow, candidate, ctx, locale);
  }
  return ask(flow, state, ctx, locale, [msg('form.nothingBefore')]);
}

/** Applies what the step decided about an answer. */
export function applyResult(flow: FlowDef, state: ConversationState, result: StepResult, ctx: TurnContext, locale: Locale): Decision {
  const step = currentStep(flow, state) ?? reviewOf(flow);
  switch (result.type) {
    case 'invalid':
      return ask(flow, state, ctx, locale, result.reason);
    case 'stay':
      return ask(flow, { ...state, scratch: result.scratch ?? state.scratch ?? {} }, ctx, locale, result.notice);
    case 'edit': {
      if (!flow.steps.some((s) => s.id === result.step)) return ask(flow, state, ctx, locale, [msg('choice.pickFromList')]);
      const editing: ConversationState = { ...state, step: result.step, editing: true, trail: [...state.trail, step.id], scratch: {} };
      return ask(flow, editing, ctx, locale);
    }
    case 'cancel':
      return cancelled(flow, state);
    case 'finish':
      return finish(flow, state, result, ctx, locale);
    case 'answer':
      return advance(flow, state, step, result, ctx, locale);
  }
}

function advance(
  flow: FlowDef,
  state: ConversationState,
  step: StepDef,
  result: Extract<StepResult, { type: 'answer' }>,
  ctx: TurnContext,
  locale: Locale,
): Decision {
  const answers = { ...state.answers };
  for (const [key, value] of Object.entries(result.set)) {
    if (value === undefined) delete answers[key];
    else answers[key] = value;
  }
  const moved: ConversationState = { ...state, answers, scratch: {} };
  const cx = stepContext(moved, ctx, locale);
  let target: StepDef;
  if (result.goto) target = flow.steps.find((s) => s.id === result.goto) ?? nextAfter(flow, step.id, cx);
  else if (state.editing) target = firstUnanswered(flow, cx) ?? reviewOf(flow);
  else target = nextAfter(flow, step.id, cx);

  let trail = step.transient ? [...state.trail] : [...state.trail, step.id];
  if (target.id === flow.reviewStep && state.editing) {
    // Back at the summary after an edit: "back" from there is what it was before the edit.
    const at = state.trail.lastIndexOf(flow.reviewStep);
    trail = at >= 0 ? state.trail.slice(0, at) : trail;
    moved.editing = false;
  }
  const decision = ask(flow, { ...moved, step: target.id, trail, scratch: result.scratch ?? {} }, ctx, locale, result.notice);
  if (result.effect) decision.effect = result.effect;
  return decision;
}

/** Drops the form and says so, in the form's own words when it has them. */
export function cancelled(flow: FlowDef, state: ConversationState): Decision {
  const done = flow.cancelTexts?.(state.answers).done ?? flow.cancelled ?? msg('form.cancelled');
  return { state: idleState(state.seq), messages: [{ kind: 'text', text: [done, msg('menu.hint')] }] };
}

function finish(
  flow: FlowDef,
  state: ConversationState,
  result: Extract<StepResult, { type: 'finish' }>,
  ctx: TurnContext,
  locale: Locale,
): Decision {
  let idle = idleState(state.seq);
  let retry: Outbound | null = null;
  if (result.retryable) {
    // Keep the finished form: a failed submission goes back to the summary, a repeated "send"
    // re-sends the same form id and the database answers "already" with the receipt code.
    const snapshot = { flow: flow.id, formId: state.formId, answers: state.answers, trail: state.trail };
    const review: ConversationState = { ...state, step: flow.reviewStep, editing: false, scratch: {} };
    const shown = ask(flow, review, ctx, locale);
    retry = shown.messages[0] ?? null;
    idle = { ...idleState(shown.state.seq, snapshot), view: shown.state.view };
  }
  const decision: Decision = { state: idle, messages: [], render: { name: result.render, args: { ...result.args, retry: retry as Json } } };
  if (result.effect) decision.effect = result.effect;
  return decision;
}

/** Restores a form kept after it finished, at its review step. */
export function restoreForm(state: ConversationState, flow: FlowDef): ConversationState | null {
  const last = state.answers.lastForm as { flow?: unknown; formId?: unknown; answers?: unknown; trail?: unknown } | undefined;
  if (!last || last.flow !== flow.id || typeof last.formId !== 'string' || typeof last.answers !== 'object' || !last.answers) return null;
  return {
    flow: flow.id,
    step: flow.reviewStep,
    answers: last.answers as Record<string, unknown>,
    trail: Array.isArray(last.trail) ? last.trail.filter((t): t is string => typeof t === 'string') : [],
    formId: last.formId,
    editing: false,
    scratch: {},
    seq: state.seq,
    view: state.view,
  };
}
