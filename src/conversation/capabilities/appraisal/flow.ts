// The officers' appraisal form (/thamdinh): the list, one nomination, its marks and notes, the
// decision (and the reason when declining); or, for a proposal, closing the council's vote.
import type { FlowDef } from '../../engine/flow.js';
import { pickStep } from './steps-list.js';
import { decideStep, reasonStep } from './steps-decide.js';
import { marksStep, notesStep } from './steps-marks.js';
import { openStep } from './steps-open.js';

/** The appraisal flow. */
export const appraisalFlow: FlowDef = {
  id: 'appraisal',
  steps: [pickStep, openStep, marksStep, notesStep, decideStep, reasonStep],
  reviewStep: 'decide',
  repeatableValue: 'propose',
  start: () => ({ ok: true, answers: {}, intro: [] }),
};
