// Roles in chat: an officer invites someone to a role (/moi), the invited person joins with the
// code or the Telegram deep link (/thamgia, ?start=moi-<code>) and accepts or declines, officers
// list the people with roles and revoke one (/vaitro). The database checks every role again.
import { looksLikeInvitationCode } from '../../../domain/invitations.js';
import { msg } from '../../engine/messages.js';
import type { Capability, CommandDef } from '../../engine/registry.js';
import { holdersFlow } from './holders-flow.js';
import { inviteFlow } from './invite-flow.js';
import { BROWSING_FLOWS, joinFlow, openInvitation, readInvitationLink } from './join.js';
import { invitationAnsweredNotice, roleRevokedNotice } from './notices.js';
import {
  INVITE_ANSWERED,
  INVITE_CANCELLED,
  INVITE_CREATED,
  REVOKED,
  inviteAnsweredReply,
  inviteCancelledReply,
  inviteCreatedReply,
  revokedReply,
} from './replies.js';

/** /moi: an officer invites someone to a role. */
export const inviteCommand: CommandDef = {
  id: 'invite',
  brief: 'roles.brief.invite',
  slash: ['moi', 'invite', 'moivaitro'],
  words: ['moi', 'moi vai tro', 'moi nhan vai tro', 'invite'],
  roles: ['officer'],
  menu: { vi: 'moi', en: 'invite', description: 'roles.commands.invite' },
  help: () => msg('roles.menu.invite'),
  order: 80,
  run: (turn) => (turn.flow && !BROWSING_FLOWS.has(turn.flow.id) ? turn.resume([msg('roles.invite.formOpen')]) : turn.startForm(inviteFlow, [])),
};

/** /vaitro: an officer's list of people with roles, to revoke one. */
export const rolesCommand: CommandDef = {
  id: 'roles',
  brief: 'roles.brief.roles',
  slash: ['vaitro', 'roles'],
  words: ['vai tro', 'danh sach vai tro', 'roles'],
  roles: ['officer'],
  menu: { vi: 'vaitro', en: 'roles', description: 'roles.commands.roles' },
  help: () => msg('roles.menu.roles'),
  order: 81,
  run: (turn) => (turn.flow && !BROWSING_FLOWS.has(turn.flow.id) ? turn.resume([msg('roles.invite.formOpen')]) : turn.startForm(holdersFlow, [])),
};

/** /thamgia <code>: the invited person opens their invitation (anyone may: the code is the key). */
export const joinCommand: CommandDef = {
  id: 'join',
  brief: 'roles.brief.join',
  slash: ['thamgia', 'join'],
  words: ['tham gia', 'nhan loi moi', 'join'],
  wordsWithArgs: ['tham gia', 'ma moi', 'join'].map((words) => ({ words, accepts: looksLikeInvitationCode })),
  help: () => msg('roles.menu.join'),
  helpIn: 'help',
  order: 62,
  run: (turn, args) => (args.trim() ? openInvitation(turn, args) : turn.resume([msg('roles.join.howTo')])),
};

/** Invitations to roles, the list of people with roles, revoking. */
export const rolesCapability: Capability = {
  id: 'roles',
  commands: [inviteCommand, rolesCommand, joinCommand],
  flows: [inviteFlow, joinFlow, holdersFlow],
  startReaders: [readInvitationLink],
  renderers: {
    [INVITE_CREATED]: inviteCreatedReply,
    [INVITE_CANCELLED]: inviteCancelledReply,
    [INVITE_ANSWERED]: inviteAnsweredReply,
    [REVOKED]: revokedReply,
  },
  notices: { invitation_answered: invitationAnsweredNotice, role_revoked: roleRevokedNotice },
};
