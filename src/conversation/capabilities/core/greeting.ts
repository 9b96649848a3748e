// What the bot says outside a form: the greeting (who it is, what is open, the few things a
// newcomer needs) and the full help, both derived from the command registry.
import { formatDate } from '../../../domain/dates.js';
import type { Channel, Outbound, Text } from '../../contract.js';
import { availableCommands, commandLines } from '../../engine/help.js';
import { localized, msg } from '../../engine/messages.js';
import type { Registry, RenderEnv } from '../../engine/registry.js';


/** The greeting for /start and "xin chao": who the bot is, what is open, what the person can do. */
export function greeting(registry: Registry, env: RenderEnv, channel: Channel): Outbound {
  const name = env.member.displayName?.trim();
  const ward = env.catalog.ward.name;
  const open = env.catalog.campaigns.filter((x) => x.status === 'open');
  const deadlineOf = (c: (typeof open)[number]) => (c.currentPhase?.deadline ? formatDate(c.currentPhase.deadline) : null);
  const only = open.length === 1 ? open[0]! : null;
  const text: Text[] = [];
  if (only && deadlineOf(only)) {
    // One campaign: who the bot is and what it takes, until when, in one sentence.
    const params = { ward, title: localized(env.locale, only.titleVi, only.titleEn), deadline: deadlineOf(only)! };
    text.push(name ? msg('menu.greetingCampaignNamed', { ...params, name }) : msg('menu.greetingCampaign', params));
  } else {
    text.push(name ? msg('menu.greetingNamed', { name, ward }) : msg('menu.greeting', { ward }));
    for (const c of open) {
      const title = localized(env.locale, c.titleVi, c.titleEn);
      const deadline = deadlineOf(c);
      text.push(deadline ? msg('menu.openCampaignDeadline', { title, deadline }) : msg('menu.openCampaign', { title }));
    }
  }
  text.push(...commandLines(registry, env, channel));
  return { kind: 'text', text };
}

/** Help outside a form: every command the person may use here, and the words that work in a form. */
export function idleHelp(registry: Registry, env: RenderEnv, channel: Channel): Outbound {
  return { kind: 'text', text: [msg('menu.helpTitle'), ...availableCommands(registry, env, channel, true, 'help'), msg('menu.formWords')] };
}
