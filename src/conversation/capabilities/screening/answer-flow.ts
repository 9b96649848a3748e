// The nominator's answer to a returned nomination: the question asked (fetched fresh), then the
// answer typed; saving it sends the nomination back to whoever screens it. One question, with
// "cancel" to answer later.
import type { FlowDef, StepContext, StepDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { fetched, NOTE_MAX, returnedRequest, returnedSchema, type ScreeningAnswer } from './data.js';
import { movedForNominator } from './outcomes.js';
import { ANSWERED } from './replies.js';
import { checkNote } from './steps-decide.js';

function codeOf(cx: StepContext): string {
  return typeof cx.answers.code === 'string' ? cx.answers.code : '';
}

function returnedOf(cx: StepContext) {
  return fetched(returnedSchema, cx, returnedRequest(codeOf(cx)));
}

/** The question, and the answer to it. */
const answerStep: StepDef = {
  id: 'answer',
  answered: () => false,
  fetch: (cx) => returnedRequest(codeOf(cx)),
  ends: (cx) => {
    const returned = returnedOf(cx);
    if (returned?.status === 'returned') return undefined;
    if (returned?.status === 'moved') return movedForNominator(returned);
    return [msg('screening.answer.notFound', { code: codeOf(cx) })];
  },
  prompt: (cx) => {
    const returned = returnedOf(cx);
    if (returned?.status !== 'returned') return { text: [], input: 'text' };
    const text = [msg('screening.answer.intro', { code: returned.code, name: returned.name })];
    if (returned.question) text.push(msg('screening.answer.question', { question: returned.question }));
    text.push(msg('screening.answer.ask', { max: NOTE_MAX }));
    return { text, input: 'text' };
  },
  help: () => [msg('screening.help.answer', { max: NOTE_MAX })],
  accept: (input, cx) => {
    const returned = returnedOf(cx);
    // Answered (or moved) since it was shown: asking again ends the form with where it stands.
    if (returned?.status !== 'returned') return { type: 'stay' };
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('screening.answer.typeIt')] };
    // Any answer that is not empty will do ("yes", a phone number), up to NOTE_MAX characters.
    const checked = checkNote(input.text, false);
    if (!checked.ok) return { type: 'invalid', reason: [checked.reason] };
    const effect: ScreeningAnswer = { type: 'screening_answer', code: returned.code, text: checked.note };
    return { type: 'finish', effect, render: ANSWERED, args: { code: returned.code } };
  },
};

/** The form a nominator answers a returned nomination with (opened with the code as its answer). */
export const answerFlow: FlowDef = {
  id: 'screening_answer',
  steps: [answerStep],
  reviewStep: 'answer',
  repeatableValue: 'answer',
  cancelled: msg('screening.answer.cancelled'),
  start: () => ({ ok: true, answers: {}, intro: [] }),
};
