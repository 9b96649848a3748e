// Vietnamese mobile numbers, typed in any of the usual ways.

/** Why a phone number was refused, so the message can say what to fix. */
export type PhoneProblem = 'not_a_number' | 'wrong_length' | 'not_mobile';

/** A checked phone number (normalised to 0xxxxxxxxx) or the reason it was refused. */
export type PhoneCheck = { ok: true; phone: string } | { ok: false; problem: PhoneProblem };

// Mobile numbers start 03, 05, 07, 08 or 09 after the 2018 renumbering.
const MOBILE = /^0[35789]\d{8}$/;

/** Checks a Vietnamese mobile number: "0912 345 678", "+84 912345678", "84912345678", "0912.345.678". */
export function checkVietnamesePhone(input: string): PhoneCheck {
  const compact = input.replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, problem: 'not_a_number' };
  let digits = compact.replace(/^\+/, '');
  // Country code: "+84 912...", "84912..." (11 digits) and the common "+84 0912..." slip.
  if (compact.startsWith('+84') || (digits.startsWith('84') && digits.length === 11)) {
    digits = `0${digits.slice(2).replace(/^0/, '')}`;
  }
  // A landline (02x, 11 digits) is a complete number, just not a mobile one.
  if (/^0[^35789]/.test(digits) && digits.length >= 10 && digits.length <= 11) return { ok: false, problem: 'not_mobile' };
  if (digits.length !== 10 || !digits.startsWith('0')) return { ok: false, problem: 'wrong_length' };
  if (!MOBILE.test(digits)) return { ok: false, problem: 'not_mobile' };
  return { ok: true, phone: digits };
}
