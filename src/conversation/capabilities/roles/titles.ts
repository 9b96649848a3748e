// How roles are named in messages (a residential group's leader, a ward officer, a member of the
// ward's emulation council). A leader's title depends on the kind of unit they lead; a
// title stands on a line of its own, so every sentence around it keeps one key per language.
import type { Text, UnitKind } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { RoleView } from './data.js';

/** A leader's title per kind of unit. */
const LEADER_TITLE: Record<UnitKind, string> = {
  to_dan_pho: 'roles.title.leader.to_dan_pho',
  lang: 'roles.title.leader.lang',
  co_quan: 'roles.title.leader.co_quan',
  doan_the: 'roles.title.leader.doan_the',
};

/** The role's title (a leader's with their unit). */
export function roleTitle(r: RoleView): Text {
  if (r.role === 'officer') return msg('roles.title.officer');
  if (r.role === 'council') return msg('roles.title.council');
  return msg(LEADER_TITLE[r.unitKind ?? 'to_dan_pho'], { unit: r.unitName ?? '' });
}
