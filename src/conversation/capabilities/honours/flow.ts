// The honours form (/tonvinh): the list, one nomination, the honour's name and day, the
// confirmation; or a refusal with a reason.
import type { FlowDef } from '../../engine/flow.js';
import { confirmStep, dateStep, titleStep } from './steps-honour.js';
import { honourOpenStep, honourReasonStep } from './steps-open.js';
import { honourListStep } from './steps-list.js';

/** The honours form. */
export const honoursFlow: FlowDef = {
  id: 'honours',
  steps: [honourListStep, honourOpenStep, titleStep, dateStep, confirmStep, honourReasonStep],
  reviewStep: 'confirm',
  repeatableValue: 'confirm',
  start: () => ({ ok: true, answers: {}, intro: [] }),
};
