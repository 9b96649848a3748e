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

// A run of digits as people write a phone number inside a sentence: digits with spaces, dots,
// dashes or brackets between them, perhaps "+" first.
const DIGIT_RUN = /\+?\d[\d\s.\-()]*\d/g;

/** A phone number found in a sentence: the check, and the part of the text taken as the number. */
export type PhoneFound = PhoneCheck & { typed: string };

/**
 * The phone number in a sentence ("dong y, so 0912 345 678", "sdt: +84 912.345.678"), checked;
 * null when the text holds no run of three digits or more (no number was meant). Of several runs
 * the longest counts; a run that is no number as a whole is tried from each later word, so that a
 * stray digit before the number ("1 0912345678") does not spoil it.
 */
export function findVietnamesePhone(text: string): PhoneFound | null {
  const runs = [...text.matchAll(DIGIT_RUN)].map((m) => m[0]).filter((run) => run.replace(/\D/g, '').length >= 3);
  if (!runs.length) return null;
  const run = runs.reduce((a, b) => (b.replace(/\D/g, '').length > a.replace(/\D/g, '').length ? b : a));
  const whole = checkVietnamesePhone(run);
  if (whole.ok) return { ...whole, typed: run };
  const words = run.split(/\s+/);
  for (let from = 1; from < words.length; from++) {
    const typed = words.slice(from).join(' ');
    const tried = checkVietnamesePhone(typed);
    if (tried.ok) return { ...tried, typed };
  }
  return { ...whole, typed: run };
}
