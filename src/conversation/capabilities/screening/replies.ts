// What the screener reads once a decision is recorded (or why it was not: someone acted first,
// the role is gone), and what the nominator reads once their answer is sent.
import type { Json, Outbound, Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import { COMMAND_TOKEN, type Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { answerResultSchema, decideResultSchema, type ScreeningAction } from './data.js';
import { movedForNominator, movedForScreener } from './outcomes.js';

/** The renderer names this capability registers. */
export const DECIDED = 'screen.decided';
export const ANSWERED = 'screen.answered';

/** The sentence for a recorded decision. */
const DONE: Record<ScreeningAction, string> = {
  forward: 'screening.done.forward',
  return: 'screening.done.return',
  decline: 'screening.done.decline',
};

function codeArg(args: Json | undefined): string {
  return args && typeof args === 'object' && !Array.isArray(args) && typeof args.code === 'string' ? args.code : '';
}

const text = (...lines: Text[]): Outbound => ({ kind: 'text', text: lines });

/** The lines, with a button (or, without buttons, the words to type) under them for the rest of the queue. */
function withListButton(...lines: Text[]): Outbound {
  return { kind: 'choices', text: lines, multi: false, token: COMMAND_TOKEN, options: [{ value: '/duyet', label: msg('screening.done.openList') }] };
}

/** The reply to a decision; args: { code }. */
export const decidedReply: Renderer = (result, args) => {
  const code = codeArg(args);
  const r = readResult(decideResultSchema, result);
  if (!r) return [text(msg('screening.failed'))];
  switch (r.status) {
    case 'done': {
      const done = msg(DONE[r.action], { code: r.code, name: r.name });
      if (!r.remaining) return [text(done, msg('screening.done.noneLeft'))];
      return [withListButton(done, msg('screening.done.remaining', { count: r.remaining }))];
    }
    case 'moved':
      return [withListButton(...movedForScreener(r))];
    case 'forbidden':
      return [text(msg('screening.refused.gone', { code: r.code ?? code }))];
    case 'not_found':
      return [text(msg('screening.refused.notFound', { code: r.code ?? code }))];
    case 'invalid':
      return [text(msg('screening.invalid', { code }))];
  }
};

/** The reply to the nominator's answer; args: { code }. */
export const answeredReply: Renderer = (result, args) => {
  const code = codeArg(args);
  const r = readResult(answerResultSchema, result);
  if (!r) return [text(msg('screening.failed'))];
  switch (r.status) {
    case 'done':
      return [text(msg('screening.answer.done', { code: r.code, name: r.name }), msg('screening.answer.follow', { code: r.code }))];
    case 'moved':
      return [text(...movedForNominator(r))];
    case 'not_found':
      return [text(msg('screening.answer.notFound', { code: r.code ?? code }))];
    case 'invalid':
      return [text(msg('screening.answer.invalid', { code }))];
  }
};
