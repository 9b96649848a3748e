// Replies of the data-rights capability: everything held about the person (/dulieu), the consent
// to be contacted withdrawn (/rutdongy), and the data deleted (/xoadulieu).
import { formatDate } from '../../../domain/dates.js';
import type { Channel, Outbound, Text } from '../../contract.js';
import { msg, raw } from '../../engine/messages.js';
import { COMMAND_TOKEN, type Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { deletedSchema, myDataSchema, withdrawnSchema, type MyData } from './data.js';

/** The renderer names this capability registers. */
export const MY_DATA_REPLY = 'rights.mydata';
export const WITHDRAWN = 'rights.withdrawn';
export const FORGOTTEN = 'rights.forgotten';

const IDENTITY: Record<Channel, string> = {
  telegram: 'mydata.identity.telegram',
  zalo: 'mydata.identity.zalo',
  console: 'mydata.identity.console',
};

const ROLE: Record<MyData['roles'][number]['role'], string> = {
  officer: 'mydata.role.officer',
  leader: 'mydata.role.leader',
  council: 'mydata.role.council',
};

/** How many codes a list shows before "and n more". */
const CODES_SHOWN = 30;

function codes(list: string[], count: number): Text[] {
  const shown = list.slice(0, CODES_SHOWN);
  return count > shown.length ? [raw(`  ${shown.join(', ')}`), msg('mydata.andMore', { count: count - shown.length })] : [raw(`  ${shown.join(', ')}`)];
}

function contactLine(c: MyData['contacts'][number]): Text {
  if (c.name && c.phone) return msg('mydata.contact.namePhone', { code: c.code, name: c.name, phone: c.phone });
  if (c.phone) return msg('mydata.contact.phone', { code: c.code, phone: c.phone });
  return msg('mydata.contact.name', { code: c.code, name: c.name ?? '' });
}

function consentLine(c: MyData['consents'][number]): Text {
  const params = { version: c.noticeVersion, date: formatDate(c.givenAt), purpose: c.purpose };
  const withdrawn = c.withdrawnAt ? formatDate(c.withdrawnAt) : null;
  switch (c.purpose) {
    case 'privacy_notice':
      return msg('mydata.consent.notice', params);
    case 'contact':
      return withdrawn ? msg('mydata.consent.contactWithdrawn', { ...params, withdrawn }) : msg('mydata.consent.contact', params);
    default:
      return withdrawn ? msg('mydata.consent.otherWithdrawn', { ...params, withdrawn }) : msg('mydata.consent.other', params);
  }
}

/** Everything the bot holds about the person, and the buttons to withdraw consent or delete it all. */
export const myDataReply: Renderer = (result, _args, { locale }) => {
  const d = readResult(myDataSchema, result);
  if (!d) return [{ kind: 'text', text: [msg('mydata.failed')] }];
  const text: Text[] = [msg('mydata.title'), msg('mydata.since', { date: formatDate(d.since) })];
  for (const i of d.identities) text.push(msg(IDENTITY[i.channel], { id: i.id, date: formatDate(i.since) }));
  if (d.ward) text.push(msg('mydata.ward', { ward: d.ward }));
  text.push(d.locale === 'en' ? msg('mydata.languageEn') : msg('mydata.languageVi'));
  if (!d.roles.length) text.push(msg('mydata.noRole'));
  for (const r of d.roles) {
    text.push(msg(ROLE[r.role], { unit: r.unit ?? '', date: formatDate(r.since) }));
    if (r.holderName) text.push(msg('mydata.holderName', { name: r.holderName }));
  }
  if (d.nominationCount) text.push(msg('mydata.nominations', { count: d.nominationCount }), ...codes(d.nominations, d.nominationCount));
  else text.push(msg('mydata.noNominations'));
  if (d.endorsementCount) text.push(msg('mydata.endorsements', { count: d.endorsementCount }), ...codes(d.endorsements, d.endorsementCount));
  else text.push(msg('mydata.noEndorsements'));
  if (d.contacts.length) text.push(msg('mydata.contactsTitle'), ...d.contacts.map(contactLine));
  else text.push(msg('mydata.noContacts'));
  if (d.consents.length) text.push(msg('mydata.consentsTitle'), ...d.consents.map(consentLine));
  text.push(d.announcements ? msg('mydata.announcementsOn') : msg('mydata.announcementsOff'));
  if (d.openForms) text.push(msg('mydata.openForms', { count: d.openForms }));
  text.push(msg('mydata.conversations'));
  const en = locale === 'en';
  const options = [
    ...(d.contacts.length || d.consents.some((c) => c.purpose === 'contact' && !c.withdrawnAt)
      ? [{ value: en ? '/withdrawconsent' : '/rutdongy', label: msg('mydata.action.withdraw') }]
      : []),
    { value: en ? '/deletemydata' : '/xoadulieu', label: msg('mydata.action.delete') },
  ];
  return [
    { kind: 'text', text },
    { kind: 'choices', text: [msg('mydata.action.title')], multi: false, token: COMMAND_TOKEN, options },
  ];
};

/** What withdrawing consent to be contacted did. */
export const withdrawnReply: Renderer = (result) => {
  const r = readResult(withdrawnSchema, result);
  if (!r) return [{ kind: 'text', text: [msg('mydata.failed')] }];
  if (r.status === 'nothing') return [{ kind: 'text', text: [msg('mydata.withdrawn.nothing')] }];
  const first = r.codes.length
    ? msg('mydata.withdrawn.done', { count: r.codes.length, codes: r.codes.slice(0, CODES_SHOWN).join(', ') })
    : msg('mydata.withdrawn.doneNone');
  return [{ kind: 'text', text: [first, msg('mydata.withdrawn.after')] }];
};

/** What deleting the data did; the next message starts afresh. */
export const forgottenReply: Renderer = (result): Outbound[] => {
  const r = readResult(deletedSchema, result);
  if (!r) return [{ kind: 'text', text: [msg('mydata.failed')] }];
  if (r.status === 'nothing') return [{ kind: 'text', text: [msg('mydata.forgotten.nothing'), msg('mydata.forgotten.afresh')] }];
  const text: Text[] = [msg('mydata.forgotten.done')];
  if (r.nominations && r.endorsements) text.push(msg('mydata.forgotten.keptBoth', { nominations: r.nominations, endorsements: r.endorsements }));
  else if (r.nominations) text.push(msg('mydata.forgotten.keptNominations', { count: r.nominations }));
  else if (r.endorsements) text.push(msg('mydata.forgotten.keptEndorsements', { count: r.endorsements }));
  text.push(msg('mydata.forgotten.afresh'));
  return [{ kind: 'text', text }];
};
