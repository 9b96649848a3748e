// What a flow is: steps described as data plus small functions, so the engine can run any flow
// (nomination now; leader review and officer broadcast later) on any channel.
import type {
  Catalog,
  Effect,
  EffectResult,
  Locale,
  LookupRequest,
  LookupResult,
  MemberView,
  Outbound,
  Text,
} from './contract.js';
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
  lookup: LookupResult | null;
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
}

/** An answer as the engine hands it to a step, already matched against the prompt. */
export type StepInput =
  /** Typed text; `unmatched` says why it picked no option when the prompt had some. */
  | { kind: 'text'; text: string; unmatched?: ChoiceMatch }
  | { kind: 'option'; value: string }
  | { kind: 'toggle'; values: string[] }
  | { kind: 'action'; value: string }
  | { kind: 'photo'; ref: string };

/** Extra context a finishing reply may use. */
export interface FinishReplyContext {
  /** The review question again (for a failed submission), already tokenised. */
  retry: Outbound | null;
}

/** What a step decided about an answer. */
export type StepResult =
  /** Store answers (undefined removes one) and move on (to `goto`, else the next step). */
  | { type: 'answer'; set: Answers; goto?: string; scratch?: Scratch; notice?: Text[] }
  /** Stay on this step with new scratch (a narrowed list, a toggled tick). */
  | { type: 'stay'; scratch?: Scratch; notice?: Text[] }
  /** The answer is not acceptable: say why and ask again. */
  | { type: 'invalid'; reason: Text[] }
  /** From the review step: change one answer, then come back. */
  | { type: 'edit'; step: string }
  /** Drop the form. */
  | { type: 'cancel' }
  /**
   * End the form with at most one effect. `retryable` keeps the form so a failed or repeated
   * confirmation can come back to the review step.
   */
  | {
      type: 'finish';
      effect: Effect | null;
      reply: (result: EffectResult | null, cx: FinishReplyContext) => Outbound[];
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
  /** Ask the loader to look something up with the next answer. */
  lookup?: (cx: StepContext) => LookupRequest | undefined;
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
  start: (cx: Omit<StepContext, 'answers' | 'scratch' | 'formId'>) => FlowStart;
}
