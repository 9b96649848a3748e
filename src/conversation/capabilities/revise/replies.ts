// What a resident reads after withdrawing a nomination or taking back a support.
import type { Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { unendorseResultSchema, withdrawResultSchema } from './data.js';

/** The renderer names this capability registers. */
export const WITHDRAWN = 'changes.withdrawn';
export const UNENDORSED = 'changes.unendorsed';

/** The nomination withdrawn, or why not. */
export const withdrawnReply: Renderer = (result, args) => {
  const r = readResult(withdrawResultSchema, result);
  const code = r?.code ?? (typeof args === 'string' ? args : '');
  const line: Text =
    r?.status === 'withdrawn'
      ? msg('revise.withdrawn', { code })
      : r?.status === 'already'
        ? msg('revise.alreadyWithdrawn', { code })
        : r?.status === 'locked'
          ? msg('revise.locked', { code })
          : msg('revise.notYours', { code });
  return [{ kind: 'text', text: [line] }];
};

/** The support taken back, or why not. */
export const unendorsedReply: Renderer = (result, args) => {
  const r = readResult(unendorseResultSchema, result);
  const code = r?.code ?? (typeof args === 'string' ? args : '');
  const line: Text =
    r?.status === 'removed'
      ? msg('revise.unendorsed', { code })
      : r?.status === 'not_endorsed'
        ? msg('revise.notEndorsed', { code })
        : r?.status === 'locked'
          ? msg('revise.locked', { code })
          : msg('revise.notFound', { code });
  return [{ kind: 'text', text: [line] }];
};
