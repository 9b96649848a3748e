// The optional parts: a photo, the nominator's consent to keep their contact (Decree 13/2023),
// and a phone number when they agreed.
import { checkVietnamesePhone } from '../../../domain/phone.js';
import type { StepDef } from '../../flow.js';
import { SKIP_ACTION } from '../../actions.js';
import { msg } from '../../messages.js';
import { readAnswers } from './answers.js';

/** A photo of the nominee, or "Bo qua". */
export const photoStep: StepDef = {
  id: 'photo',
  answered: (cx) => readAnswers(cx.answers).photoRef !== undefined,
  prompt: () => ({ text: [msg('nomination.photo.ask')], input: 'photo', actions: [SKIP_ACTION] }),
  help: () => [msg('nomination.photo.help')],
  accept: (input) => {
    if (input.kind === 'photo') return { type: 'answer', set: { photoRef: input.ref } };
    if (input.kind === 'action' && input.value === 'skip') return { type: 'answer', set: { photoRef: null } };
    return { type: 'invalid', reason: [msg('nomination.photo.needPhoto')] };
  },
};

/** May the ward keep the nominator's contact to verify the nomination? */
export const consentStep: StepDef = {
  id: 'consent',
  answered: (cx) => readAnswers(cx.answers).consent !== undefined,
  prompt: () => ({
    text: [msg('nomination.consent.explain'), msg('nomination.consent.ask')],
    input: 'single',
    options: [
      { value: 'yes', label: msg('nomination.consent.yes'), words: ['co', 'dong y', 'yes', 'y', 'ok', 'co dong y', 'agree'] },
      { value: 'no', label: msg('nomination.consent.no'), words: ['khong', 'khong dong y', 'no', 'n', 'disagree'] },
    ],
  }),
  help: () => [msg('nomination.consent.help')],
  accept: (input) => {
    if (input.kind === 'option' && input.value === 'yes') return { type: 'answer', set: { consent: true } };
    // Without consent no contact is kept: drop a phone number given earlier.
    if (input.kind === 'option' && input.value === 'no') return { type: 'answer', set: { consent: false, phone: undefined } };
    return { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};

/** An optional Vietnamese mobile number, asked only with consent. */
export const phoneStep: StepDef = {
  id: 'phone',
  when: (cx) => readAnswers(cx.answers).consent === true,
  answered: (cx) => readAnswers(cx.answers).phone !== undefined,
  prompt: () => ({ text: [msg('nomination.phone.ask')], input: 'text', actions: [SKIP_ACTION] }),
  help: () => [msg('nomination.phone.help')],
  accept: (input) => {
    if (input.kind === 'action' && input.value === 'skip') return { type: 'answer', set: { phone: null } };
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('nomination.phone.typeIt')] };
    const checked = checkVietnamesePhone(input.text);
    if (checked.ok) return { type: 'answer', set: { phone: checked.phone } };
    const reason =
      checked.problem === 'not_a_number'
        ? msg('nomination.phone.notANumber')
        : checked.problem === 'wrong_length'
          ? msg('nomination.phone.wrongLength')
          : msg('nomination.phone.notMobile');
    return { type: 'invalid', reason: [reason] };
  },
};
