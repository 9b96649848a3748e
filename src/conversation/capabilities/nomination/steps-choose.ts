// The first questions: which campaign (only when several are open), and whom to nominate: one
// question lists the plan's categories, people first, so "a person or a collective?" needs no
// question of its own ("ca nhan" or "tap the" typed there narrows the list to that kind).
import { formatDate } from '../../../domain/dates.js';
import { foldVietnamese } from '../../../domain/text.js';
import type { CatalogCategory, Text } from '../../contract.js';
import type { PromptOption, StepContext, StepDef } from '../../engine/flow.js';
import { localized, msg, raw } from '../../engine/messages.js';
import { readAnswers, type NomineeKind } from './answers.js';
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
      const deadline = c.currentPhase?.deadline ? formatDate(c.currentPhase.deadline) : '';
      return {
        value: c.id,
        label: raw(campaignTitle(c, cx.locale)),
        hint: deadline ? msg('nomination.campaign.deadline', { deadline }) : undefined,
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

const KIND_VALUE: Record<NomineeKind, string> = { individual: 'kind:individual', collective: 'kind:collective' };

// "ca nhan" / "tap the" typed at the question: the list narrowed to that kind.
const KIND_SHORTCUTS: PromptOption[] = [
  { value: KIND_VALUE.individual, label: msg('nomination.category.onlyIndividual'), words: ['ca nhan', 'mot nguoi', 'nguoi', 'individual', 'person', 'a person'] },
  { value: KIND_VALUE.collective, label: msg('nomination.category.onlyCollective'), words: ['tap the', 'mot tap the', 'collective', 'group', 'a collective'] },
];

function narrowedKind(cx: StepContext): NomineeKind | undefined {
  const k = cx.scratch.kind;
  return k === 'individual' || k === 'collective' ? k : undefined;
}

function describe(c: CatalogCategory, cx: StepContext): Text {
  return msg('nomination.category.line', { name: categoryName(c, cx.locale), description: localized(cx.locale, c.descriptionVi, c.descriptionEn) });
}

/** Whom to nominate: one of the plan's categories (its kind follows from it). */
export const categoryStep: StepDef = {
  id: 'category',
  answered: (cx) => chosenCategory(cx.catalog, readAnswers(cx.answers)) !== undefined,
  prompt: (cx) => {
    const kind = narrowedKind(cx);
    const question = kind === 'individual' ? 'nomination.category.askIndividual' : kind === 'collective' ? 'nomination.category.askCollective' : 'nomination.category.ask';
    return {
      text: [msg(question)],
      input: 'single',
      options: categoriesOf(cx.catalog, chosenCampaign(cx.catalog, readAnswers(cx.answers)), kind).map((c) => ({
        value: c.id,
        label: raw(categoryName(c, cx.locale)),
        words: [foldVietnamese(c.nameVi), foldVietnamese(c.nameEn), foldVietnamese(c.code.replace(/_/g, ' '))],
      })),
      hiddenOptions: KIND_SHORTCUTS,
    };
  },
  help: (cx) => [
    msg('nomination.category.help'),
    ...categoriesOf(cx.catalog, chosenCampaign(cx.catalog, readAnswers(cx.answers)), narrowedKind(cx)).map((c) => describe(c, cx)),
  ],
  back: (cx) => (narrowedKind(cx) ? { type: 'stay', scratch: {} } : null),
  accept: (input, cx) => {
    if (input.kind !== 'option') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    if (input.value === KIND_VALUE.individual) return { type: 'stay', scratch: { kind: 'individual' } };
    if (input.value === KIND_VALUE.collective) return { type: 'stay', scratch: { kind: 'collective' } };
    const category = categoriesOf(cx.catalog, chosenCampaign(cx.catalog, readAnswers(cx.answers))).find((c) => c.id === input.value);
    if (!category) return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    const before = readAnswers(cx.answers).kind;
    // Another kind (a person became a residential group): what depends on it is asked again.
    const notice = before && before !== category.kind ? [msg('nomination.category.kindChanged')] : [];
    return { type: 'answer', set: { categoryId: category.id, kind: category.kind }, notice };
  },
};
