// The sentences screening says when it cannot go on: a nomination that is no longer waiting (and
// where it stands), one that is not the person's to screen, a code that names nothing.
import { formatDate } from '../../../domain/dates.js';
import type { NominationStatusName } from '../../../domain/statuses.js';
import type { Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { z } from 'zod';
import type { movedSchema } from './data.js';

/** Where a nomination stands, in a few words. */
export const STATUS_WORDS: Record<NominationStatusName, string> = {
  submitted: 'screening.state.submitted',
  screened: 'screening.state.screened',
  forwarded: 'screening.state.forwarded',
  returned: 'screening.state.returned',
  appraised: 'screening.state.appraised',
  proposed: 'screening.state.proposed',
  posted: 'screening.state.posted',
  approved: 'screening.state.approved',
  honoured: 'screening.state.honoured',
  not_honoured: 'screening.state.not_honoured',
  declined: 'screening.state.declined',
  withdrawn: 'screening.state.withdrawn',
};

/** Why a screener may not open a nomination. */
const REFUSAL: Record<'no_role' | 'own' | 'head' | 'elsewhere', string> = {
  no_role: 'screening.refused.noRole',
  own: 'screening.refused.own',
  head: 'screening.refused.head',
  elsewhere: 'screening.refused.elsewhere',
};

/** The status a nomination moved to, as a parameter of a sentence (rendered in the reader's language later). */
function moveParams(m: z.infer<typeof movedSchema>): Record<string, string> {
  return { code: m.code, name: m.name, date: m.at ? formatDate(m.at) : '' };
}

/** A screener's nomination that is no longer waiting: who moved it (them or someone else) and where it stands. */
export function movedForScreener(m: z.infer<typeof movedSchema>): Text[] {
  return [
    msg(m.byYou ? 'screening.moved.byYou' : 'screening.moved.byOther', moveParams(m)),
    msg(STATUS_WORDS[m.current], { date: m.at ? formatDate(m.at) : '' }),
    msg('screening.moved.nothingChanged'),
  ];
}

/** A nominator's returned nomination that no longer waits for an answer. */
export function movedForNominator(m: z.infer<typeof movedSchema>): Text[] {
  return [
    msg(m.byYou && m.current === 'submitted' ? 'screening.answer.alreadyAnswered' : 'screening.answer.notWaiting', moveParams(m)),
    msg(STATUS_WORDS[m.current], { date: m.at ? formatDate(m.at) : '' }),
  ];
}

/** Why the person may not screen this nomination. */
export function refusal(reason: keyof typeof REFUSAL, code: string): Text[] {
  return [msg(REFUSAL[reason], { code })];
}
