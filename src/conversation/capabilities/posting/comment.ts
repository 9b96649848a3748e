// A resident's comment on a posted exemplar: checked here first (something typed, at most 1,000
// characters: 10,000 get a clear answer with the limit), then by the database; and the one-question
// form for "/gopy TL-0042" typed without the comment.
import { charCount, cleanInput } from '../../../domain/text.js';
import type { Text } from '../../contract.js';
import type { FlowDef, StepDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { formatDateTime } from '../dossier/dates.js';
import { COMMENT_MAX, postedOneFor, postedOneRequest, type PostCommentEffect } from './data.js';
import { COMMENTED } from './replies.js';

/** The cleaned comment, or why it cannot be sent. */
export function checkComment(input: string): { ok: true; text: string } | { ok: false; problem: Text } {
  const text = cleanInput(input, { multiline: true });
  const count = charCount(text);
  if (!count) return { ok: false, problem: msg('posting.comment.empty') };
  if (count > COMMENT_MAX) return { ok: false, problem: msg('posting.comment.tooLong', { count, max: COMMENT_MAX }) };
  return { ok: true, text };
}

const codeOf = (answers: Record<string, unknown>): string => (typeof answers.code === 'string' ? answers.code : '');

/** The comment, typed in one message. */
export const commentStep: StepDef = {
  id: 'text',
  answered: () => false,
  fetch: (cx) => postedOneRequest(codeOf(cx.answers)),
  prompt: (cx) => {
    const code = codeOf(cx.answers);
    const posted = postedOneFor(cx, code);
    if (posted.status === 'open') {
      return { text: [msg('posting.comment.ask', { code, name: posted.name, until: formatDateTime(posted.postingUntil), max: COMMENT_MAX })], input: 'text' };
    }
    if (posted.status === 'closed') return { text: [msg('posting.comment.closed', { code, until: formatDateTime(posted.postingUntil) })], input: 'text' };
    return { text: [msg('posting.comment.notPosted', { code })], input: 'text' };
  },
  help: () => [msg('posting.comment.help', { max: COMMENT_MAX })],
  accept: (input, cx) => {
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('posting.comment.typeIt')] };
    const checked = checkComment(input.text);
    if (!checked.ok) return { type: 'invalid', reason: [checked.problem] };
    const effect: PostCommentEffect = { type: 'post_comment', code: codeOf(cx.answers), text: checked.text };
    return { type: 'finish', effect, render: COMMENTED };
  },
};

/** The comment form. */
export const commentFlow: FlowDef = {
  id: 'comment',
  steps: [commentStep],
  reviewStep: 'text',
  repeatableValue: 'send',
  start: () => ({ ok: true, answers: {}, intro: [] }),
};
