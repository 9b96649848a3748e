// What the bot says outside a form: the greeting with what it can do, help, and short hints.
import { formatDate } from '../domain/dates.js';
import { formatReceiptCode } from '../domain/receipt.js';
import type { Catalog, Locale, MemberView, Outbound, Text } from './contract.js';
import { localized, msg } from './messages.js';

/** The list of things a resident can do, one line each. */
export function capabilities(catalog: Catalog): Text[] {
  const example = formatReceiptCode(catalog.ward.receiptPrefix, 1);
  return [msg('menu.canDo'), msg('menu.nominate'), msg('menu.status', { example }), msg('menu.mine'), msg('menu.language'), msg('menu.help')];
}

/** The greeting for /start and "xin chao": who the bot is, what is open, what it can do. */
export function greeting(member: MemberView, catalog: Catalog, locale: Locale): Outbound {
  const name = member.displayName?.trim();
  const text: Text[] = [
    name ? msg('menu.greetingNamed', { name, ward: catalog.ward.name }) : msg('menu.greeting', { ward: catalog.ward.name }),
  ];
  for (const c of catalog.campaigns.filter((x) => x.status === 'open')) {
    const title = localized(locale, c.titleVi, c.titleEn);
    const deadline = c.currentPhase?.deadline ? formatDate(c.currentPhase.deadline) : null;
    text.push(deadline ? msg('menu.openCampaignDeadline', { title, deadline }) : msg('menu.openCampaign', { title }));
  }
  text.push(...capabilities(catalog));
  return { kind: 'text', text };
}

/** Help outside a form: the same list of what works. */
export function idleHelp(catalog: Catalog): Outbound {
  return { kind: 'text', text: [msg('menu.helpTitle'), ...capabilities(catalog), msg('menu.link'), msg('menu.formWords')] };
}

/** One line reminding what to type next when no form is open. */
export function menuHint(): Text {
  return msg('menu.hint');
}
