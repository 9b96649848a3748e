// The review of every answer before sending: confirm, change one answer, or cancel; and the
// replies to the submission.
import type { Effect, EffectResult, Outbound, Text } from '../../contract.js';
import type { FinishReplyContext, PromptOption, StepContext, StepDef } from '../../flow.js';
import { msg, raw } from '../../messages.js';
import { readAnswers } from './answers.js';
import { campaignTitle, categoryName, chosenCampaign, chosenCategory, criteriaOf, criterionText, openCampaigns, unitById } from './catalog-view.js';

/** The review step's "send" option; repeated after the form ended, it repeats the receipt. */
export const CONFIRM = 'confirm';

function summaryLines(cx: StepContext): Text[] {
  const a = readAnswers(cx.answers);
  const campaign = chosenCampaign(cx.catalog, a);
  const category = chosenCategory(cx.catalog, a);
  const criteria = criteriaOf(cx.catalog, category).filter((c) => a.criterionIds?.includes(c.id));
  const lines: Text[] = [
    msg('nomination.summary.campaign', { value: campaign ? campaignTitle(campaign, cx.locale) : '' }),
    a.kind === 'collective' ? msg('nomination.summary.kindCollective') : msg('nomination.summary.kindIndividual'),
    msg('nomination.summary.category', { value: category ? categoryName(category, cx.locale) : '' }),
    msg('nomination.summary.unit', { value: unitById(cx.catalog, a.unitId)?.name ?? '' }),
    msg('nomination.summary.name', { value: a.name ?? '' }),
    msg('nomination.summary.deeds', { value: a.deeds ?? '' }),
    msg('nomination.summary.criteria'),
    ...criteria.map((c) => msg('nomination.summary.criterionLine', { value: criterionText(c, cx.locale) })),
  ];
  if (category?.requiresLedUnit) lines.push(msg('nomination.summary.ledUnit', { value: unitById(cx.catalog, a.ledUnitId)?.name ?? '' }));
  lines.push(a.photoRef ? msg('nomination.summary.photoYes') : msg('nomination.summary.photoNo'));
  lines.push(a.consent ? msg('nomination.summary.consentYes') : msg('nomination.summary.consentNo'));
  if (a.consent) lines.push(a.phone ? msg('nomination.summary.phone', { value: a.phone }) : msg('nomination.summary.phoneNone'));
  return lines;
}

function summaryOptions(cx: StepContext): PromptOption[] {
  const a = readAnswers(cx.answers);
  const category = chosenCategory(cx.catalog, a);
  const edit = (step: string, label: Text, words: string[]): PromptOption => ({ value: `edit:${step}`, label, words });
  const options: PromptOption[] = [{ value: CONFIRM, label: msg('nomination.summary.confirm'), words: ['gui', 'gui de cu', 'xac nhan', 'dong y', 'send', 'confirm', 'ok'] }];
  if (openCampaigns(cx.catalog).length > 1) options.push(edit('campaign', msg('nomination.summary.editCampaign'), ['sua dot']));
  options.push(
    edit('kind', msg('nomination.summary.editKind'), ['sua hinh thuc']),
    edit('category', msg('nomination.summary.editCategory'), ['sua loai']),
    edit('unit', msg('nomination.summary.editUnit'), ['sua don vi']),
    edit('name', msg('nomination.summary.editName'), ['sua ten']),
    edit('deeds', msg('nomination.summary.editDeeds'), ['sua viec lam', 'sua thanh tich']),
    edit('criteria', msg('nomination.summary.editCriteria'), ['sua tieu chi']),
  );
  if (category?.requiresLedUnit) options.push(edit('led_unit', msg('nomination.summary.editLedUnit'), ['sua tap the dung dau']));
  options.push(edit('photo', msg('nomination.summary.editPhoto'), ['sua anh']), edit('consent', msg('nomination.summary.editConsent'), ['sua dong y']));
  if (a.consent) options.push(edit('phone', msg('nomination.summary.editPhone'), ['sua so dien thoai', 'sua sdt']));
  options.push({ value: 'cancel', label: msg('nomination.summary.cancel'), words: ['huy de cu'] });
  return options;
}

/** The submission the confirmed answers make. */
export function submission(cx: StepContext, formId: string): Effect | null {
  const a = readAnswers(cx.answers);
  const campaign = chosenCampaign(cx.catalog, a);
  const category = chosenCategory(cx.catalog, a);
  if (!campaign || !category || !a.unitId || !a.name || !a.deeds || !a.criterionIds?.length) return null;
  return {
    type: 'submit_nomination',
    formId,
    campaignId: campaign.id,
    categoryId: category.id,
    unitId: a.unitId,
    nomineeName: a.name,
    deeds: a.deeds,
    criterionIds: a.criterionIds,
    ledUnitId: category.requiresLedUnit ? (a.ledUnitId ?? null) : null,
    photoRef: a.photoRef ?? null,
    consent: a.consent === true,
    contactName: a.consent === true ? (cx.member.displayName?.trim() || null) : null,
    phone: a.consent === true ? (a.phone ?? null) : null,
  };
}

/** What the person reads once the database has taken (or refused) the nomination. */
export function submitReply(result: EffectResult | null, cx: FinishReplyContext): Outbound[] {
  const r = result?.type === 'submit_nomination' ? result : null;
  if (r && (r.status === 'created' || r.status === 'already')) {
    const first = r.status === 'created' ? msg('nomination.submitted.created', { code: r.code }) : msg('nomination.submitted.already', { code: r.code });
    return [{ kind: 'text', text: [first, msg('nomination.submitted.follow', { code: r.code }), msg('nomination.submitted.next')] }];
  }
  const why =
    r?.status === 'campaign_closed'
      ? msg('nomination.submitted.campaignClosed')
      : r?.status === 'invalid'
        ? msg('nomination.submitted.invalid')
        : msg('nomination.submitted.failed');
  const text: Outbound = { kind: 'text', text: [why, msg('nomination.submitted.kept')] };
  return cx.retry ? [text, cx.retry] : [text];
}

/** Every answer listed; send, change one answer, or cancel. */
export const summaryStep: StepDef = {
  id: 'summary',
  answered: () => false,
  prompt: (cx) => ({
    text: [msg('nomination.summary.title'), ...summaryLines(cx), msg('nomination.summary.ask')],
    input: 'single',
    options: summaryOptions(cx),
  }),
  help: () => [msg('nomination.summary.help')],
  accept: (input, cx) => {
    if (input.kind !== 'option') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    if (input.value === 'cancel') return { type: 'cancel' };
    if (input.value.startsWith('edit:')) return { type: 'edit', step: input.value.slice('edit:'.length) };
    if (input.value === CONFIRM) {
      const effect = submission(cx, cx.formId);
      if (!effect) return { type: 'invalid', reason: [msg('nomination.summary.incomplete')] };
      return { type: 'finish', effect, reply: submitReply, retryable: true };
    }
    return { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};
