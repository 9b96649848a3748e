// What the ward's officers are told when a resident comments on a posted exemplar: the comment,
// and a button to the nomination's history.
import { z } from 'zod';
import { msg } from '../../engine/messages.js';
import { COMMAND_TOKEN, type NoticeRenderer } from '../../engine/registry.js';

const commentArgs = z.object({ code: z.string(), name: z.string(), text: z.string() });

/** A resident's comment, for the officers. */
export const publicCommentNotice: NoticeRenderer = (args) => {
  const a = commentArgs.parse(args);
  return [
    {
      kind: 'choices',
      text: [msg('posting.notice.comment', { code: a.code, name: a.name }), msg('posting.notice.text', { text: a.text })],
      multi: false,
      token: COMMAND_TOKEN,
      options: [{ value: `/lichsu ${a.code}`, label: msg('posting.notice.history') }],
    },
  ];
};
