// The nomination form: a resident proposes an exemplary collective or person for an open
// campaign, following the order of the ward's plan; the same form changes a nomination sent
// before screening starts (/sua).
import type { FlowDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { readAnswers } from './answers.js';
import { openCampaigns } from './catalog-view.js';
import { campaignStep, categoryStep } from './steps-choose.js';
import { consentStep, photoStep } from './steps-contact.js';
import { criteriaStep } from './steps-criteria.js';
import { deedsStep, duplicateStep, nameStep } from './steps-nominee.js';
import { CONFIRM, summaryStep } from './steps-summary.js';
import { ledUnitStep, unitStepDef } from './steps-unit.js';

/** The nomination flow, step by step. */
export const nominationFlow: FlowDef = {
  id: 'nomination',
  steps: [campaignStep, categoryStep, unitStepDef, nameStep, duplicateStep, deedsStep, criteriaStep, ledUnitStep, photoStep, consentStep, summaryStep],
  reviewStep: 'summary',
  repeatableValue: CONFIRM,
  start: (cx) => {
    const open = openCampaigns(cx.catalog);
    if (!open.length) return { ok: false, reason: [msg('nomination.noOpenCampaign')] };
    // The greeting named the open campaign and its deadline; the form starts with how to move in it.
    const intro = [msg('nomination.start.intro')];
    return { ok: true, answers: open.length === 1 ? { campaignId: open[0]!.id } : {}, intro };
  },
  cancelTexts: (answers) => {
    const editOf = readAnswers(answers).editOf;
    return editOf
      ? { ask: msg('nomination.cancelEdit.ask', { code: editOf.code }), done: msg('nomination.cancelEdit.done', { code: editOf.code }) }
      : { ask: msg('nomination.cancel.ask'), done: msg('nomination.cancel.done') };
  },
};
