// The broadcast form (/thongbao): text or honours draft, photo, audience, units, when, urgent, preview.
import type { FlowDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { audienceStep, confirmStep, draftStep, photoStep, textStep, unitsStep, urgentStep, whenStep } from './steps.js';

/** The broadcast form. */
export const broadcastFlow: FlowDef = {
  id: 'broadcast',
  steps: [textStep, draftStep, photoStep, audienceStep, unitsStep, whenStep, urgentStep, confirmStep],
  reviewStep: 'confirm',
  repeatableValue: 'confirm',
  cancelled: msg('broadcast.cancelled'),
  start: () => ({ ok: true, answers: {}, intro: [] }),
};
