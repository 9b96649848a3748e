// The review before sending: every answer in a few lines, then send, change something (a second
// short list says what), or cancel. Changing a nomination already sent ends here too, with
// "save the changes" instead of "send".
import { foldVietnamese } from '../../../domain/text.js';
import type { Text } from '../../contract.js';
import type { PromptOption, StepContext, StepDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { readAnswers } from './answers.js';
import type { NominationFields, SubmitNomination, UpdateNomination } from './data.js';
import { SUBMITTED, UPDATED } from './replies.js';
import { campaignTitle, categoryName, chosenCampaign, chosenCategory, criteriaOf, criterionLabel, openCampaigns } from './catalog-view.js';
import { unitById } from './catalog-view.js';

/** The review step's "send" option; repeated after the form ended, it repeats the receipt. */
export const CONFIRM = 'confirm';
const EDIT_MENU = 'menu:edit';

function summaryLines(cx: StepContext): Text[] {
  const a = readAnswers(cx.answers);
  const campaign = chosenCampaign(cx.catalog, a);
  const category = chosenCategory(cx.catalog, a);
  const criteria = criteriaOf(cx.catalog, category).filter((c) => a.criterionIds?.includes(c.id));
  const lines: Text[] = [];
  if (openCampaigns(cx.catalog).length > 1 && campaign) lines.push(msg('nomination.summary.campaign', { value: campaignTitle(campaign, cx.locale) }));
  const unit = unitById(cx.catalog, a.unitId)?.name ?? '';
  const who = { category: category ? categoryName(category, cx.locale) : '', name: a.name ?? '', unit };
  // A collective named after its unit is said once.
  lines.push(foldVietnamese(who.name) === foldVietnamese(unit) ? msg('nomination.summary.whoUnit', who) : msg('nomination.summary.who', who));
  if (category?.requiresLedUnit) lines.push(msg('nomination.summary.ledUnit', { value: unitById(cx.catalog, a.ledUnitId)?.name ?? '' }));
  lines.push(
    a.kind === 'collective' ? msg('nomination.summary.achievements', { value: a.deeds ?? '' }) : msg('nomination.summary.deeds', { value: a.deeds ?? '' }),
    msg('nomination.summary.criteria', { value: criteria.map((c) => criterionLabel(c, cx.locale)).join('; ') }),
    a.photoRef ? msg('nomination.summary.photoYes') : msg('nomination.summary.photoNo'),
    !a.consent ? msg('nomination.summary.consentNo') : a.phone ? msg('nomination.summary.consentPhone', { phone: a.phone }) : msg('nomination.summary.consentYes'),
  );
  return lines;
}

const edit = (step: string, label: Text, words: string[]): PromptOption => ({ value: `edit:${step}`, label, words });

// The parts that can be changed, as a list (the "Sua" menu) and as typed shortcuts ("sua ten").
function editOptions(cx: StepContext): PromptOption[] {
  const category = chosenCategory(cx.catalog, readAnswers(cx.answers));
  const options: PromptOption[] = [];
  if (openCampaigns(cx.catalog).length > 1 && !readAnswers(cx.answers).editOf) options.push(edit('campaign', msg('nomination.summary.part.campaign'), ['sua dot', 'dot']));
  options.push(
    edit('category', msg('nomination.summary.part.category'), ['sua loai', 'sua loai dien hinh', 'sua hinh thuc', 'loai', 'change category']),
    edit('unit', msg('nomination.summary.part.unit'), ['sua don vi', 'don vi', 'change unit']),
    edit('name', msg('nomination.summary.part.name'), ['sua ten', 'ten', 'change name']),
    edit('deeds', msg('nomination.summary.part.deeds'), ['sua viec lam', 'sua thanh tich', 'viec lam', 'thanh tich', 'change deeds']),
    edit('criteria', msg('nomination.summary.part.criteria'), ['sua tieu chi', 'tieu chi', 'change criteria']),
  );
  if (category?.requiresLedUnit) options.push(edit('led_unit', msg('nomination.summary.part.ledUnit'), ['sua tap the dung dau', 'tap the dung dau']));
  options.push(
    edit('photo', msg('nomination.summary.part.photo'), ['sua anh', 'anh', 'them anh', 'change photo']),
    edit('consent', msg('nomination.summary.part.contact'), ['sua lien lac', 'sua dong y', 'sua so dien thoai', 'sua sdt', 'lien lac', 'so dien thoai', 'change contact']),
  );
  return options;
}

function confirmOption(cx: StepContext): PromptOption {
  const label = readAnswers(cx.answers).editOf ? msg('nomination.summary.save') : msg('nomination.summary.confirm');
  return { value: CONFIRM, label, words: ['gui', 'gui di', 'gui de cu', 'luu', 'luu thay doi', 'xac nhan', 'dong y', 'send', 'save', 'confirm', 'ok'] };
}

/** The fields the confirmed answers make, or null when something is missing. */
function fields(cx: StepContext): NominationFields | null {
  const a = readAnswers(cx.answers);
  const campaign = chosenCampaign(cx.catalog, a);
  const category = chosenCategory(cx.catalog, a);
  if (!campaign || !category || !a.unitId || !a.name || !a.deeds || !a.criterionIds?.length) return null;
  const f: NominationFields = {
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
  if (a.consent === true && a.consentNotice) f.consentNotice = a.consentNotice;
  return f;
}

/** The submission the confirmed answers make. */
export function submission(cx: StepContext, formId: string): SubmitNomination | null {
  const f = fields(cx);
  return f ? { type: 'submit_nomination', formId, ...f } : null;
}

/** The changes the confirmed answers make to a nomination already sent. */
export function update(cx: StepContext): UpdateNomination | null {
  const f = fields(cx);
  const editOf = readAnswers(cx.answers).editOf;
  return f && editOf ? { type: 'update_nomination', nominationId: editOf.id, ...f } : null;
}

/** Every answer in a few lines; send, change one answer, or cancel. */
export const summaryStep: StepDef = {
  id: 'summary',
  answered: () => false,
  prompt: (cx) => {
    const editOf = readAnswers(cx.answers).editOf;
    if (cx.scratch.menu === 'edit') return { text: [msg('nomination.summary.whichPart')], input: 'single', options: editOptions(cx) };
    return {
      text: [editOf ? msg('nomination.summary.titleEdit', { code: editOf.code }) : msg('nomination.summary.title'), ...summaryLines(cx)],
      input: 'single',
      options: [
        confirmOption(cx),
        { value: EDIT_MENU, label: msg('nomination.summary.change'), words: ['sua', 'sua doi', 'thay doi', 'change', 'edit'] },
        { value: 'cancel', label: editOf ? msg('nomination.summary.dropChanges') : msg('nomination.summary.cancel'), words: ['huy de cu', 'bo', 'thoi'] },
      ],
      hiddenOptions: editOptions(cx),
    };
  },
  help: () => [msg('nomination.summary.help')],
  back: (cx) => (cx.scratch.menu === 'edit' ? { type: 'stay', scratch: {} } : null),
  accept: (input, cx) => {
    if (input.kind !== 'option') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    if (input.value === 'cancel') return { type: 'cancel' };
    if (input.value === EDIT_MENU) return { type: 'stay', scratch: { menu: 'edit' } };
    if (input.value.startsWith('edit:')) return { type: 'edit', step: input.value.slice('edit:'.length) };
    if (input.value === CONFIRM) {
      if (readAnswers(cx.answers).editOf) {
        const effect = update(cx);
        return effect ? { type: 'finish', effect, render: UPDATED, retryable: true } : { type: 'invalid', reason: [msg('nomination.summary.incomplete')] };
      }
      const effect = submission(cx, cx.formId);
      if (!effect) return { type: 'invalid', reason: [msg('nomination.summary.incomplete')] };
      return { type: 'finish', effect, render: SUBMITTED, retryable: true };
    }
    return { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};
