// The command menu Telegram shows next to the text box, derived from the command registry: in
// Vietnamese (the default, for every language) and in English (for people whose Telegram speaks
// English); per role, for the chats of leaders and officers.
import { createHash } from 'node:crypto';
import type { BotCommand } from 'grammy/types';
import type { Locale, MemberRole } from '../../conversation/contract.js';
import { mayUse, type Registry } from '../../conversation/engine/registry.js';
import type { Translate } from '../i18n.js';

/** The menu for one language and set of roles: the commands a person may use on Telegram, in registry order. */
export function commandMenu(registry: Registry, locale: Locale, t: Translate, roles: MemberRole[] = []): BotCommand[] {
  const member = { id: '', wardId: '', displayName: null, locale, roles };
  return registry.commands
    .filter((c) => c.menu && mayUse(c, member, 'telegram'))
    .map((c) => ({ command: c.menu![locale], description: t(c.menu!.description) }));
}

/**
 * A short fingerprint of every menu the registry can make (commands, the roles they need, their
 * descriptions in both languages): when a new version of the bot changes it, the chats of role
 * holders get their menus set again.
 */
export function menuVersion(registry: Registry, translator: (locale: Locale) => Translate): string {
  const entries = registry.commands
    .filter((c) => c.menu)
    .map((c) => [c.id, c.menu!.vi, c.menu!.en, c.roles ?? null, c.channels ?? null, translator('vi')(c.menu!.description), translator('en')(c.menu!.description)]);
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 16);
}
