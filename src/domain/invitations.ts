// Invitation codes to a role: 8 characters from an alphabet without look-alikes (no 0, O, 1, I,
// L), as the invitations table checks; typed on Zalo or in the terminal ("/thamgia abcd-2345")
// or carried by a Telegram deep link ("?start=moi-ABCD2345").

/** The characters a code is made of (the same as the database's check). */
export const INVITATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const CODE = new RegExp(`^[${INVITATION_ALPHABET}]{8}$`);

/** The prefix of a start payload that carries an invitation code. */
export const INVITATION_START_PREFIX = 'moi-';

/**
 * Reads a code as people type it: any case, with spaces, dashes or dots ("abcd 2345",
 * "ABCD-2345"); null when it cannot be one (a mistyped code then reads like an unknown one).
 */
export function parseInvitationCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s_.-]/g, '');
  return CODE.test(code) ? code : null;
}

/** Whether typed words after "tham gia" look like an attempt at a code (so they are taken as the command). */
export function looksLikeInvitationCode(input: string): boolean {
  return /^[a-z0-9]{6,10}$/i.test(input.replace(/[\s_.-]/g, ''));
}

/** The Telegram start payload of an invitation ("moi-ABCD2345": within the 64 characters of A-Z a-z 0-9 _ -). */
export function invitationStartPayload(code: string): string {
  return `${INVITATION_START_PREFIX}${code}`;
}

/** The code in a start payload, or null when the payload is not an invitation's. */
export function invitationFromStartPayload(payload: string): { code: string | null } | null {
  const text = payload.trim();
  if (!text.toLowerCase().startsWith(INVITATION_START_PREFIX)) return null;
  return { code: parseInvitationCode(text.slice(INVITATION_START_PREFIX.length)) };
}
