// Why an invitation cannot be accepted, one polite sentence each: mistyped and unknown codes read
// the same (a guess learns nothing), the others say what to do next.
import type { Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { InvitationStatus } from './data.js';

const REFUSAL: Record<Exclude<InvitationStatus, 'open'>, string> = {
  not_found: 'roles.join.refused.not_found',
  other_ward: 'roles.join.refused.other_ward',
  declined: 'roles.join.refused.declined',
  used_by_you: 'roles.join.refused.used_by_you',
  used: 'roles.join.refused.used',
  expired: 'roles.join.refused.expired',
  withdrawn: 'roles.join.refused.withdrawn',
  own: 'roles.join.refused.own',
  already_holds: 'roles.join.refused.already_holds',
  unit_has_leader: 'roles.join.refused.unit_has_leader',
};

/** The sentence for an invitation that cannot be accepted (the code is quoted for a mistyped one). */
export function refusalOf(status: InvitationStatus, code: string): Text {
  return status === 'open' ? msg('roles.join.refused.not_found', { code }) : msg(REFUSAL[status], { code });
}
