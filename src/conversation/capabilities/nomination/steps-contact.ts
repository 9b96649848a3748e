// The optional parts: a photo, and whether the ward may keep the nominator's contact (Decree
// 13/2023) with, in the same answer, a phone number. The notice that explains why is said once
// per person: once they have agreed to this version of it, the question comes alone.
import { findVietnamesePhone } from '../../../domain/phone.js';
import type { Text } from '../../contract.js';
import { matchChoice } from '../../engine/choice-input.js';
import type { PromptOption, StepContext, StepDef } from '../../engine/flow.js';
import { SKIP_ACTION } from '../../engine/actions.js';
import { msg } from '../../engine/messages.js';
import { readAnswers } from './answers.js';
import { CONTACT_NOTICE_VERSION } from './data.js';

function nomineeKind(cx: StepContext) {
  return readAnswers(cx.answers).kind ?? 'individual';
}

/** A photo of the nominee, or "Bo qua" (asked again when the nominee's kind changes). */
export const photoStep: StepDef = {
  id: 'photo',
  answered: (cx) => {
    const a = readAnswers(cx.answers);
    return a.photoRef !== undefined && (a.photoKind === undefined || a.photoKind === nomineeKind(cx));
  },
  prompt: (cx) => ({ text: [msg('nomination.photo.ask', { name: readAnswers(cx.answers).name ?? '' })], input: 'photo', actions: [SKIP_ACTION] }),
  help: () => [msg('nomination.photo.help')],
  accept: (input, cx) => {
    if (input.kind === 'photo') return { type: 'answer', set: { photoRef: input.ref, photoKind: nomineeKind(cx) }, notice: [msg('nomination.photo.received')] };
    if (input.kind === 'action' && input.value === 'skip') return { type: 'answer', set: { photoRef: null, photoKind: nomineeKind(cx) } };
    return { type: 'invalid', reason: [msg('nomination.photo.needPhoto')] };
  },
};

const phoneProblem = (problem: 'not_a_number' | 'wrong_length' | 'not_mobile'): Text =>
  problem === 'not_a_number' ? msg('nomination.phone.notANumber') : problem === 'wrong_length' ? msg('nomination.phone.wrongLength') : msg('nomination.phone.notMobile');

const CONSENT_OPTIONS: PromptOption[] = [
  { value: 'yes', label: msg('nomination.consent.yes'), words: ['co', 'dong y', 'duoc', 'yes', 'y', 'ok', 'co dong y', 'agree', 'i agree'] },
  { value: 'no', label: msg('nomination.consent.no'), words: ['khong', 'ko', 'khong dong y', 'khong duoc', 'no', 'n', 'disagree', "i don't agree"] },
];

/** May the ward keep the nominator's contact to ask about the nomination? "Dong y", "Khong", or a phone number (which agrees). */
export const consentStep: StepDef = {
  id: 'consent',
  answered: (cx) => readAnswers(cx.answers).consent !== undefined,
  // The privacy notice every person reads at their first contact says that a name and a phone
  // number are kept only with consent; the question itself is all that is needed here.
  prompt: () => ({ text: [msg('nomination.consent.ask')], input: 'single', freeText: true, options: CONSENT_OPTIONS }),
  help: () => [msg('nomination.consent.help')],
  accept: (input) => {
    // "Dong y, so 0912 345 678": agreeing and giving the number in one answer, as the question invites.
    if (input.kind === 'option' && input.value === 'yes') {
      const typed = input.text ? findVietnamesePhone(input.text) : null;
      if (typed && !typed.ok) return { type: 'invalid', reason: [phoneProblem(typed.problem)] };
      return { type: 'answer', set: { consent: true, phone: typed?.ok ? typed.phone : null, consentNotice: CONTACT_NOTICE_VERSION } };
    }
    // Without consent no contact is kept: drop a phone number given earlier (and any typed with "khong").
    if (input.kind === 'option' && input.value === 'no') return { type: 'answer', set: { consent: false, phone: undefined, consentNotice: undefined } };
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('choice.pickFromList')] };
    // A number, alone or in a sentence ("so toi 0912 345 678"), agrees, unless the words around it
    // say no ("ko, 0912...": nothing kept) or both ("khong dong y, 0912...": the choices again).
    const found = findVietnamesePhone(input.text);
    if (!found) return { type: 'invalid', reason: [msg('nomination.consent.pickOrPhone')] };
    const besides = input.text.replace(found.typed, ' ').trim();
    const said = besides ? matchChoice(besides, CONSENT_OPTIONS, false) : null;
    if (said?.ok && said.values[0] === 'no') return { type: 'answer', set: { consent: false, phone: undefined, consentNotice: undefined } };
    if (said && !said.ok && said.problem === 'ambiguous') return { type: 'invalid', reason: [msg('nomination.consent.pickOrPhone')] };
    if (found.ok) return { type: 'answer', set: { consent: true, phone: found.phone, consentNotice: CONTACT_NOTICE_VERSION } };
    return { type: 'invalid', reason: [phoneProblem(found.problem)] };
  },
};
