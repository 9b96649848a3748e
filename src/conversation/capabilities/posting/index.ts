// Public posting: /congkhai lists, for everyone, the exemplars posted for residents' comments;
// /gopy TL-0042 <comment> sends a comment that reaches the ward's officers.
import { formatReceiptCode, parseReceiptCode } from '../../../domain/receipt.js';
import { ellipsize } from '../../../domain/text.js';
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { CODE_THEN_TEXT, splitCodeAndText } from '../dossier/codes.js';
import { formatDateTime } from '../dossier/dates.js';
import { openReview } from '../dossier/open-review.js';
import { checkComment, commentFlow } from './comment.js';
import { COMMENT_MAX, postedOneRequest, readPostedOne, type PostCommentEffect } from './data.js';
import { publicCommentNotice } from './notices.js';
import { COMMENTED, POSTED_LIST, commentedReply, postedListReply } from './replies.js';

/** /congkhai: the exemplars posted for comments now. */
export const postedCommand: CommandDef = {
  id: 'posted',
  brief: 'posting.brief',
  slash: ['congkhai', 'public', 'posted'],
  words: ['cong khai', 'danh sach cong khai', 'posted', 'public list'],
  help: () => msg('posting.help'),
  // In the full help: the greeting stays short for a first nomination.
  helpIn: 'help',
  order: 35,
  run: (turn) => turn.lookUp({ type: 'posted_list' }, POSTED_LIST),
};

/** /gopy TL-0042 <comment>: a comment on a posted exemplar; with the code alone, the comment is asked for. */
export const commentCommand: CommandDef = {
  id: 'comment',
  slash: ['gopy', 'comment'],
  words: ['gop y', 'comment'],
  wordsWithArgs: ['gop y', 'comment'].map((words) => ({ words, accepts: (a: string) => CODE_THEN_TEXT.test(a) })),
  help: () => msg('posting.commentHelp', { max: COMMENT_MAX }),
  helpIn: 'help',
  order: 36,
  run: (turn, args) => {
    if (!args) return turn.lookUp({ type: 'posted_list' }, POSTED_LIST);
    const prefix = turn.ctx.catalog.ward.receiptPrefix;
    const parts = splitCodeAndText(args);
    const code = parseReceiptCode(parts.code, prefix);
    if (!code) return turn.resume([msg('posting.comment.usage', { input: ellipsize(parts.code, 30), example: formatReceiptCode(prefix, 1) })]);
    if (!parts.text) {
      return openReview(
        turn,
        commentFlow,
        postedOneRequest(code),
        (data) => {
          const posted = readPostedOne(data);
          if (posted.status === 'not_posted') return [msg('posting.comment.notPosted', { code })];
          return posted.status === 'closed' ? [msg('posting.comment.closed', { code, until: formatDateTime(posted.postingUntil) })] : null;
        },
        { code },
      );
    }
    const checked = checkComment(parts.text);
    if (!checked.ok) return turn.resume([checked.problem]);
    const effect: PostCommentEffect = { type: 'post_comment', code, text: checked.text };
    return turn.lookUp(effect, COMMENTED);
  },
};

/** Public posting and residents' comments. */
export const postingCapability: Capability = {
  id: 'posting',
  commands: [postedCommand, commentCommand],
  flows: [commentFlow],
  renderers: { [POSTED_LIST]: postedListReply, [COMMENTED]: commentedReply },
  notices: { public_comment: publicCommentNotice },
};
