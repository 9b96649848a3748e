// The nomination form: a resident proposes an exemplary collective or person for an open
// campaign, following the order of the ward's plan.
import { formatDate } from '../../domain/dates.js';
import type { FlowDef } from '../flow.js';
import { localized, msg } from '../messages.js';
import { campaignTitle, openCampaigns } from './nomination/catalog-view.js';
import { campaignStep, categoryStep, kindStep } from './nomination/steps-choose.js';
import { consentStep, phoneStep, photoStep } from './nomination/steps-contact.js';
import { criteriaStep } from './nomination/steps-criteria.js';
import { deedsStep, duplicateStep, nameStep } from './nomination/steps-nominee.js';
import { CONFIRM, summaryStep } from './nomination/steps-summary.js';
import { ledUnitStep, unitStepDef } from './nomination/steps-unit.js';

/** The nomination flow, step by step. */
export const nominationFlow: FlowDef = {
  id: 'nomination',
  steps: [
    campaignStep,
    kindStep,
    categoryStep,
    unitStepDef,
    nameStep,
    duplicateStep,
    deedsStep,
    criteriaStep,
    ledUnitStep,
    photoStep,
    consentStep,
    phoneStep,
    summaryStep,
  ],
  reviewStep: 'summary',
  repeatableValue: CONFIRM,
  start: (cx) => {
    const open = openCampaigns(cx.catalog);
    if (!open.length) return { ok: false, reason: [msg('nomination.noOpenCampaign')] };
    const intro = [msg('nomination.start.intro')];
    if (open.length > 1) return { ok: true, answers: {}, intro };
    const only = open[0]!;
    const phase = only.currentPhase;
    intro.push(
      phase?.deadline
        ? msg('nomination.start.campaignDeadline', {
            title: campaignTitle(only, cx.locale),
            phase: localized(cx.locale, phase.nameVi, phase.nameEn),
            deadline: formatDate(phase.deadline),
          })
        : msg('nomination.start.campaign', { title: campaignTitle(only, cx.locale) }),
    );
    return { ok: true, answers: { campaignId: only.id }, intro };
  },
};
