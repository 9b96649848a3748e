// How the review steps show a nomination: its dossier (what was nominated, by which criteria, the
// comment it was forwarded with), the appraisal marks, the council's votes, who did what, and a
// status in a few words. Shared by appraisal, the council's vote, honours and the history.
import { formatDate } from '../../../domain/dates.js';
import type { NominationStatusName } from '../../../domain/statuses.js';
import type { Locale, Text } from '../../contract.js';
import { localized, msg } from '../../engine/messages.js';
import type { Actor, CouncilView, Dossier, Mark } from './data.js';

/** A status in a few words ("waiting for the council's vote"), for "it is now ...". */
export const STATE: Record<NominationStatusName, string> = {
  submitted: 'appraisal.state.submitted',
  screened: 'appraisal.state.screened',
  forwarded: 'appraisal.state.forwarded',
  returned: 'appraisal.state.returned',
  appraised: 'appraisal.state.appraised',
  proposed: 'appraisal.state.proposed',
  posted: 'appraisal.state.posted',
  approved: 'appraisal.state.approved',
  honoured: 'appraisal.state.honoured',
  not_honoured: 'appraisal.state.not_honoured',
  declined: 'appraisal.state.declined',
  withdrawn: 'appraisal.state.withdrawn',
};

/** A name given in both languages, in the reader's. */
export function named(locale: Locale, names: { vi: string; en: string }): string {
  return localized(locale, names.vi, names.en);
}

/** Who did something, as one line: the role, its holder's name when set, a leader's unit; never the nominator's name. */
export function actorLine(actor: Actor | undefined): Text {
  if (!actor) return msg('history.by.someone');
  if (actor.system) return msg('history.by.system');
  if (actor.nominator) return msg('history.by.nominator');
  const name = actor.holderName;
  switch (actor.role) {
    case 'leader': {
      const unit = actor.unitName ?? '';
      if (actor.unitKind === 'to_dan_pho') return name ? msg('history.by.groupLeaderNamed', { unit, name }) : msg('history.by.groupLeader', { unit });
      if (actor.unitKind === 'lang') return name ? msg('history.by.villageLeaderNamed', { unit, name }) : msg('history.by.villageLeader', { unit });
      return name ? msg('history.by.unitHeadNamed', { unit, name }) : msg('history.by.unitHead', { unit });
    }
    case 'officer':
      return name ? msg('history.by.officerNamed', { name }) : msg('history.by.officer');
    case 'council':
      return name ? msg('history.by.councilNamed', { name }) : msg('history.by.council');
    default:
      return msg('history.by.someone');
  }
}

/** The criteria numbered as the dossier lists them, with their marks (✓ met, ✗ not) and notes. */
export function marksLines(criteria: Dossier['criteria'], marks: Mark[], locale: Locale): Text[] {
  if (!marks.length) return [msg('appraisal.marks.none')];
  const met = marks.filter((m) => m.met).length;
  const lines: Text[] = [msg('appraisal.marks.summary', { met, total: criteria.length })];
  criteria.forEach((c, i) => {
    const mark = marks.find((m) => m.criterionId === c.id);
    if (!mark) return;
    const params = { n: i + 1, text: named(locale, c) };
    lines.push(mark.met ? msg('appraisal.marks.met', params) : msg('appraisal.marks.notMet', params));
    if (mark.note) lines.push(msg('appraisal.marks.note', { note: mark.note }));
  });
  return lines;
}

/** The council's votes so far (or, for a council member, how many voted). */
export function councilLine(council: CouncilView): Text {
  if (council.agree === undefined) return msg('council.votedSoFar', { voted: council.voted, members: council.members });
  return msg('council.tally', {
    agree: council.agree,
    disagree: council.disagree ?? 0,
    abstain: council.abstain ?? 0,
    voted: council.voted,
    members: council.members,
  });
}

/** What was nominated and why: the dossier's opening lines (the nominator's contact only for officers, with consent). */
export function dossierLines(d: Dossier, locale: Locale): Text[] {
  const line = d.line;
  const category = named(locale, line.category);
  const lines: Text[] = [
    msg('appraisal.dossier.header', { code: line.code, name: line.nomineeName }),
    d.kind === 'collective' ? msg('appraisal.dossier.collective', { category }) : msg('appraisal.dossier.individual', { category }),
    msg('appraisal.dossier.unit', { unit: line.unitName }),
  ];
  if (d.ledUnitName) lines.push(msg('appraisal.dossier.ledUnit', { unit: d.ledUnitName }));
  lines.push(msg('appraisal.dossier.deeds', { deeds: d.deeds }));
  const claimed = d.criteria.map((c, i) => ({ c, n: i + 1 })).filter(({ c }) => d.claimed.includes(c.id));
  if (claimed.length) {
    lines.push(msg('appraisal.dossier.claimed'));
    for (const { c, n } of claimed) lines.push(msg('appraisal.dossier.claimedLine', { n, text: named(locale, c) }));
  }
  lines.push(msg('appraisal.dossier.submitted', { date: formatDate(d.submittedAt), count: d.endorsements }));
  if (d.hasPhoto) lines.push(msg('appraisal.dossier.photo'));
  const contact = d.contact;
  if (contact?.phone) {
    lines.push(contact.name ? msg('appraisal.dossier.contactPhone', { name: contact.name, phone: contact.phone }) : msg('appraisal.dossier.contactPhoneOnly', { phone: contact.phone }));
  } else if (contact?.name) lines.push(msg('appraisal.dossier.contact', { name: contact.name }));
  if (d.forwarded) {
    lines.push(msg('appraisal.dossier.forwarded', { date: formatDate(d.forwarded.at) }), actorLine(d.forwarded.by));
    lines.push(d.forwarded.note ? msg('appraisal.dossier.comment', { note: d.forwarded.note }) : msg('appraisal.dossier.noComment'));
  }
  return lines;
}
