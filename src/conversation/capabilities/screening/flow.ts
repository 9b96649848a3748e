// The screening form: the queue (fresh, a page at a time), one nomination, the decision's note
// and the confirmation. Opened by /duyet, or by /duyet TL-0042 at the nomination itself (the
// queue stays one "back" away).
import type { FlowDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { confirmStep, noteStep } from './steps-decide.js';
import { listStep } from './steps-list.js';
import { openStep } from './steps-open.js';

/** The form a leader or an officer screens nominations with. */
export const screeningFlow: FlowDef = {
  id: 'screening',
  steps: [listStep, openStep, noteStep, confirmStep],
  reviewStep: 'confirm',
  repeatableValue: 'confirm',
  cancelled: msg('screening.cancelled'),
  start: () => ({ ok: true, answers: {}, intro: [] }),
};
