// The first questions: which campaign, a collective or a person, and which category of the plan.
import { formatDate } from '../../../domain/dates.js';
import { foldVietnamese } from '../../../domain/text.js';
import type { StepDef } from '../../flow.js';
import { localized, msg, raw } from '../../messages.js';
import { readAnswers } from './answers.js';
import { campaignTitle, categoriesOf, categoryName, chosenCampaign, chosenCategory, openCampaigns } from './catalog-view.js';

/** Which open campaign the nomination is for; skipped when only one is open. */
export const campaignStep: StepDef = {
  id: 'campaign',
  when: (cx) => openCampaigns(cx.catalog).length > 1,
  answered: (cx) => chosenCampaign(cx.catalog, readAnswers(cx.answers)) !== undefined,
  prompt: (cx) => ({
    text: [msg('nomination.campaign.ask')],
    input: 'single',
    options: openCampaigns(cx.catalog).map((c) => {
      const phase = c.currentPhase;
      const deadline = phase?.deadline ? formatDate(phase.deadline) : '';
      const phaseName = phase ? localized(cx.locale, phase.nameVi, phase.nameEn) : '';
      return {
        value: c.id,
        label: raw(campaignTitle(c, cx.locale)),
        hint: !phase ? undefined : deadline ? msg('nomination.campaign.phaseDeadline', { phase: phaseName, deadline }) : msg('nomination.campaign.phase', { phase: phaseName }),
        words: [foldVietnamese(c.titleVi), foldVietnamese(c.titleEn), foldVietnamese(c.code)],
      };
    }),
  }),
  help: () => [msg('nomination.campaign.help')],
  accept: (input, cx) =>
    input.kind === 'option' && openCampaigns(cx.catalog).some((c) => c.id === input.value)
      ? { type: 'answer', set: { campaignId: input.value } }
      : { type: 'invalid', reason: [msg('choice.pickFromList')] },
};

/** A collective or an individual: the two halves of the plan. */
export const kindStep: StepDef = {
  id: 'kind',
  answered: (cx) => readAnswers(cx.answers).kind !== undefined,
  prompt: () => ({
    text: [msg('nomination.kind.ask')],
    input: 'single',
    options: [
      { value: 'collective', label: msg('nomination.kind.collective'), hint: msg('nomination.kind.collectiveHint'), words: ['tap the', 'collective', 'group'] },
      { value: 'individual', label: msg('nomination.kind.individual'), hint: msg('nomination.kind.individualHint'), words: ['ca nhan', 'individual', 'person', 'nguoi'] },
    ],
  }),
  help: () => [msg('nomination.kind.help')],
  accept: (input) =>
    input.kind === 'option' && (input.value === 'collective' || input.value === 'individual')
      ? { type: 'answer', set: { kind: input.value } }
      : { type: 'invalid', reason: [msg('choice.pickFromList')] },
};

/** The category of the plan, each with its one-line description. */
export const categoryStep: StepDef = {
  id: 'category',
  answered: (cx) => chosenCategory(cx.catalog, readAnswers(cx.answers)) !== undefined,
  prompt: (cx) => {
    const a = readAnswers(cx.answers);
    return {
      text: [a.kind === 'collective' ? msg('nomination.category.askCollective') : msg('nomination.category.askIndividual')],
      input: 'single',
      options: categoriesOf(cx.catalog, chosenCampaign(cx.catalog, a), a.kind).map((c) => ({
        value: c.id,
        label: raw(categoryName(c, cx.locale)),
        hint: raw(localized(cx.locale, c.descriptionVi, c.descriptionEn)),
        words: [foldVietnamese(c.nameVi), foldVietnamese(c.nameEn)],
      })),
    };
  },
  help: () => [msg('nomination.category.help')],
  accept: (input, cx) => {
    const a = readAnswers(cx.answers);
    const offered = categoriesOf(cx.catalog, chosenCampaign(cx.catalog, a), a.kind);
    return input.kind === 'option' && offered.some((c) => c.id === input.value)
      ? { type: 'answer', set: { categoryId: input.value } }
      : { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};
