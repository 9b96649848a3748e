// What a flow is: steps described as data plus small functions, so the engine can run any flow
// (nomination, leader review, officer broadcast...) on any channel.
import type { Catalog, DataEntry, DataRequest, Effect, Json, Locale, MemberView, Text } from '../contract.js';
import type { ChoiceMatch } from './choice-input.js';

/** The answers of an open form, by name. */
export type Answers = Record<string, unknown>;

/** Scratch data of the step being asked (e.g. the unit filter typed so far). */
export type Scratch = Record<string, unknown>;

/** What a step needs to ask and to judge an answer. */
export interface StepContext {
  /** The form's id: a submission is made at most once per form id. */
  formId: string;
  answers: Answers;
  scratch: Scratch;
  catalog: Catalog;
  member: MemberView;
  locale: Locale;
  now: Date;
  /** Answers the database gave this turn (the state's lookup, fresh data for a prompt). */
  data: DataEntry[];
}

/** How an answer is given: typed text, one option, several options, or a photo. */
export type InputKind = 'text' | 'single' | 'multi' | 'photo';

/** One option or action; `words` are folded phrases that select it when typed. */
export interface PromptOption {
  value: string;
  label: Text;
  hint?: Text;
  selected?: boolean;
  words?: string[];
}

/** A question as a step wants it shown. */
export interface Prompt {
  text: Text[];
  input: InputKind;
  options?: PromptOption[];
  /** Step actions such as "done" or "skip", answered by button or by their words. */
  actions?: PromptOption[];
  /** Text that matches no option is still an answer (free text with quick answers, unit search). */
  freeText?: boolean;
  /** A photo shown above the question when it is first shown (not when it is asked again). */
  photo?: { ref: string; caption?: Text[] };
  /**
   * Options matched by their words only, never listed (a shortcut such as "sua ten" on the review
   * step, "xem" to browse units): they keep a question short without losing what people type.
   */
  hiddenOptions?: PromptOption[];
}

/** An answer as the engine hands it to a step, already matched against the prompt. */
export type StepInput =
  /** Typed text; `unmatched` says why it picked no option when the prompt had some. */
  | { kind: 'text'; text: string; unmatched?: ChoiceMatch }
  /** An option pressed, or named in `text` (the words typed, for a step that reads more from them). */
  | { kind: 'option'; value: string; text?: string }
  /** A button pressed on a multi-select: flips one tick. */
  | { kind: 'toggle'; values: string[] }
  /** Typed on a multi-select: ticks the options named ("2, 5"), or unticks them ("bo 2"). */
  | { kind: 'tick'; values: string[]; untick: boolean }
  | { kind: 'action'; value: string }
  | { kind: 'photo'; ref: string };

/** What a step decided about an answer. */
export type StepResult =
  /**
   * Store answers (undefined removes one) and move on (to `goto`, else the next step); `effect` is
   * a write that goes with the answer (remembering a person's home unit), its result unread.
   */
  | { type: 'answer'; set: Answers; goto?: string; scratch?: Scratch; notice?: Text[]; effect?: Effect }
  /** Stay on this step with new scratch (a narrowed list, a toggled tick). */
  | { type: 'stay'; scratch?: Scratch; notice?: Text[] }
  /** The answer is not acceptable: say why and ask again. */
  | { type: 'invalid'; reason: Text[] }
  /** From the review step: change one answer, then come back. */
  | { type: 'edit'; step: string }
  /** Drop the form. */
  | { type: 'cancel' }
  /**
   * End the form with at most one effect, replied to by a registered renderer. `retryable` keeps
   * the form so a failed or repeated confirmation can come back to the review step; the renderer
   * then gets the review question again as `retry` in its arguments.
   */
  | {
      type: 'finish';
      effect: Effect | null;
      render: string;
      args?: { [key: string]: Json | undefined };
      retryable?: boolean;
    };

/** One question of a flow. */
export interface StepDef {
  id: string;
  /** Asked only when true (skipped, forward and back, otherwise). */
  when?: (cx: StepContext) => boolean;
  /** Entered only by an explicit `goto`, never recorded for "back" (e.g. the duplicate check). */
  transient?: boolean;
  /** Whether the stored answer still holds after other answers changed (checked after an edit). */
  answered: (cx: StepContext) => boolean;
  prompt: (cx: StepContext) => Prompt;
  help: (cx: StepContext) => Text[];
  accept: (input: StepInput, cx: StepContext) => StepResult;
  /** "Back" inside the step (from a sub-list to the list it came from); null: back to the previous question. */
  back?: (cx: StepContext) => StepResult | null;
  /** Ask the loader to look something up with the next answer (e.g. names like the one typed). */
  lookup?: (cx: StepContext) => DataRequest | undefined;
  /**
   * Data the question shows (a leader's pending nominations as options), fetched fresh when the
   * question is shown and looked up again with the answer.
   */
  fetch?: (cx: StepContext) => DataRequest | undefined;
  /**
   * When the fetched data leaves nothing to ask (an empty list, a code that is not the person's),
   * the form ends with these notices instead of asking; checked once the data is at hand.
   */
  ends?: (cx: StepContext) => Text[] | undefined;
}

/** How a form begins: its first answers, or why it cannot start. */
export type FlowStart = { ok: true; answers: Answers; intro: Text[] } | { ok: false; reason: Text[] };

/** A form the engine can run. */
export interface FlowDef {
  id: string;
  steps: StepDef[];
  /** The step that lists every answer; an edited answer returns here. */
  reviewStep: string;
  /** An option of the review step that may be repeated after the form ended (confirm twice). */
  repeatableValue: string;
  /** What "cancel" says for this form (default: the nomination form's words). */
  cancelled?: Text;
  start: (cx: Omit<StepContext, 'answers' | 'scratch' | 'formId'>) => FlowStart;
  /**
   * A view more than a form (a unit's nominations to support): nothing typed in it is worth
   * keeping, so another form replaces it and the greeting does not offer to resume it.
   */
  replaceable?: boolean;
  /** What "cancel" asks and says for this form (a new nomination, or changes to a sent one). */
  cancelTexts?: (answers: Answers) => { ask: Text; done: Text };
}

/** The database's answer to a request, if this turn holds one (requests compare as canonical JSON). */
export function dataFor(cx: Pick<StepContext, 'data'>, request: DataRequest): unknown {
  const key = canonicalJson(request);
  return cx.data.find((d) => canonicalJson(d.request) === key)?.result;
}

/** JSON with object keys sorted, so two requests built in different orders compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
