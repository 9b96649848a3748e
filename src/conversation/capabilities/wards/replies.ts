// The reply to picking a ward (a deep link, /phuong, the first-contact question), or to asking
// where one is.
import type { Json, Outbound, Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import { COMMAND_TOKEN, type Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { joinResultSchema } from './data.js';

/** The renderer name this capability registers. */
export const WARD_JOINED = 'wardjoin.result';

/** The start link a person came with before picking their ward (renderer argument startAfter). */
function startAfterOf(args: Json | undefined): string | null {
  return args && typeof args === 'object' && !Array.isArray(args) && typeof args.startAfter === 'string' ? args.startAfter : null;
}

/** Where the person is now, or why they stay where they were; a start link they came with, offered again. */
export const wardJoinedReply: Renderer = (result, args) => {
  const r = readResult(joinResultSchema, result);
  if (!r) return [{ kind: 'text', text: [msg('wards.failed')] }];
  const list = (wards: { code: string; name: string }[], except?: string): Text[] =>
    wards.filter((w) => w.name !== except).map((w) => msg('wards.listLine', { name: w.name, code: w.code }));
  switch (r.status) {
    case 'joined': {
      const joined: Outbound[] = [{ kind: 'text', text: [msg('wards.joined', { ward: r.ward })] }];
      const startAfter = startAfterOf(args);
      if (startAfter) {
        joined.push({ kind: 'choices', text: [msg('wards.continueTitle')], multi: false, token: COMMAND_TOKEN, options: [{ value: `/start ${startAfter}`, label: msg('wards.continue') }] });
      }
      return joined;
    }
    case 'already':
      return [{ kind: 'text', text: [msg('wards.already', { ward: r.ward })] }];
    case 'settled':
      return [{ kind: 'text', text: [msg('wards.settled', { ward: r.ward })] }];
    case 'not_found':
      return [{ kind: 'text', text: [msg('wards.notFound', { code: r.code }), msg('wards.listTitle'), ...list(r.wards)] }];
    case 'info': {
      const text: Text[] = [msg('wards.info', { ward: r.ward })];
      if (r.movable) text.push(msg('wards.howToMove'), ...list(r.wards, r.ward));
      else if (r.wards.length > 1) text.push(msg('wards.cannotMove'));
      return [{ kind: 'text', text }];
    }
  }
};
