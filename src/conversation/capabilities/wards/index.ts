// Several wards in one deployment: a person joins a ward by its deep link ("?start=w-<code>") or
// code (/phuong <code>), or picks it at the first contact when they came without one.
import { ellipsize, foldVietnamese } from '../../../domain/text.js';
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { joinWard, wardGate, wardOverlay } from './choose.js';
import { JOIN_WARD, WARD_CODE, readWardPayload } from './data.js';
import { WARD_JOINED, wardJoinedReply } from './replies.js';

/** /phuong [code or name]: where I am, or join that ward. */
export const wardCommand: CommandDef = {
  id: 'ward',
  brief: 'wards.brief',
  slash: ['phuong', 'ward', 'xaphuong'],
  words: ['chon phuong', 'doi phuong', 'phuong cua toi', 'my ward'],
  wordsWithArgs: ['phuong', 'ward'].map((words) => ({ words, accepts: (a: string) => /[a-z]/.test(a) && WARD_CODE.test(a) })),
  help: () => msg('wards.help'),
  helpIn: 'help',
  order: 95,
  run: (turn, args) => {
    // A form is filled in for the ward's own campaigns and units.
    if (turn.flow) return turn.resume([msg('wards.finishFormFirst')]);
    const code = args.trim();
    if (code.length > 60) return turn.resume([msg('wards.notFound', { code: ellipsize(code, 40) })]);
    if (!code) return turn.lookUp({ type: JOIN_WARD, code: '' }, WARD_JOINED);
    return joinWard(turn, WARD_CODE.test(foldVietnamese(code)) ? foldVietnamese(code) : code);
  },
};

/** Picking one's ward in a deployment of several. */
export const wardsCapability: Capability = {
  id: 'wards',
  commands: [wardCommand],
  overlays: [wardOverlay],
  gates: [wardGate],
  startReaders: [
    (turn, payload) => {
      const code = readWardPayload(payload);
      return code ? joinWard(turn, code) : null;
    },
  ],
  renderers: { [WARD_JOINED]: wardJoinedReply },
};
