// The privacy notice (decree 13/2023): shown with the reply to a person's first message and again
// whenever its text changes (a new PRIVACY_NOTICE_VERSION); the turn that shows it records it,
// with its version and time, in the same transaction as the turn's own effect.
import type { Outbound, Text } from '../../contract.js';
import type { Decision } from '../../engine/form-runner.js';
import { msg, raw } from '../../engine/messages.js';
import type { Gate } from '../../engine/registry.js';
import { JOIN_WARD } from '../wards/data.js';
import { DELETE_MY_DATA, PRIVACY_NOTICE } from './data.js';
import { readStanding } from './standing.js';

/**
 * The version of the notice's text (mydata.notice.text in the locales). Change it with the text:
 * everyone is shown the new notice with their next reply, and it is recorded again.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-02';

/**
 * The notice, and a blank line before what follows. Short on purpose: what is kept and why, that
 * a name and a phone number are kept only with consent, and where to see or delete it all
 * (/dulieu shows everything, with the way to delete it).
 */
export function privacyNoticeText(): Text[] {
  return [msg('mydata.notice.text'), raw('')];
}

/** Puts the notice at the top of the first message of a reply (one message more only when the first is a photo). */
function withNotice(messages: Outbound[]): Outbound[] {
  const [first, ...rest] = messages;
  if (!first || first.kind === 'photo') return [{ kind: 'text', text: privacyNoticeText().slice(0, -1) }, ...messages];
  return [{ ...first, text: [...privacyNoticeText(), ...first.text] }, ...rest];
}

/**
 * Puts the notice above the reply (in its first message: no message more) to a person who has not
 * seen this version, and records it with the turn's own effect.
 */
export const privacyNoticeGate: Gate = {
  id: 'privacy-notice',
  after: (_turn, decision, standing): Decision => {
    const s = readStanding(standing);
    if (!s || s.notice === PRIVACY_NOTICE_VERSION) return decision;
    // Deleting the data: nothing is kept to record the notice on.
    if (decision.effect?.type === DELETE_MY_DATA || decision.effect?.type === PRIVACY_NOTICE) return decision;
    // A person who must pick their ward is asked that first; the notice comes with their answer.
    if (s.ward?.choose && decision.effect?.type !== JOIN_WARD) return decision;
    const effect = decision.effect
      ? { type: PRIVACY_NOTICE, version: PRIVACY_NOTICE_VERSION, then: decision.effect }
      : { type: PRIVACY_NOTICE, version: PRIVACY_NOTICE_VERSION };
    return { ...decision, messages: withNotice(decision.messages), effect };
  },
};
