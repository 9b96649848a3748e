// The campaign setup typed after /dot: an action word (Vietnamese or English, with or without
// diacritics) and its arguments, read into the effect the database runs, or the usage to show.
import { foldVietnamese } from '../../../domain/text.js';
import type { Effect } from '../../contract.js';
import { parseDay } from '../dossier/dates.js';
import { CAMPAIGN_SETUP } from './data.js';

/** What the typed arguments came to: an effect, or which usage to show (with what was wrong). */
export type SetupParse = { ok: true; effect: Effect } | { ok: false; usage: 'all' | 'create' | 'phase' | 'council' | 'posting' | 'open' | 'close'; bad?: string };

const ACTIONS: Record<string, 'create' | 'phase' | 'council' | 'posting' | 'open' | 'close'> = {
  tao: 'create',
  new: 'create',
  create: 'create',
  giaidoan: 'phase',
  phase: 'phase',
  hoidong: 'council',
  council: 'council',
  niemyet: 'posting',
  posting: 'posting',
  mo: 'open',
  open: 'open',
  dong: 'close',
  close: 'close',
};

const YES = new Set(['co', 'yes', 'dung', '1', 'bat']);
const NO = new Set(['khong', 'no', '0', 'tat', 'ko']);

/** Reads "/dot <action> <arguments>". */
export function parseSetup(args: string): SetupParse {
  const words = args.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return { ok: true, effect: { type: CAMPAIGN_SETUP, action: 'list' } };
  // one word ("giaidoan", "phase") or two ("giai doan", "hoi dong", "niem yet")
  const two = words.length > 1 ? ACTIONS[foldVietnamese(`${words[0]}${words[1]}`)] : undefined;
  const action = two ?? ACTIONS[foldVietnamese(words[0]!)];
  if (!action) return { ok: false, usage: 'all' };
  const rest = words.slice(two ? 2 : 1);
  const code = rest[0]?.toLowerCase();
  switch (action) {
    case 'create': {
      // /dot tao <template> <code> <title...>
      if (rest.length < 3) return { ok: false, usage: 'create' };
      return { ok: true, effect: { type: CAMPAIGN_SETUP, action, template: rest[0]!.toLowerCase(), code: rest[1]!.toLowerCase(), title: rest.slice(2).join(' ').slice(0, 300) } };
    }
    case 'phase': {
      // /dot giaidoan <code> <seq> <from> <to> <deadline or -> <collectives> <individuals>
      if (rest.length !== 7) return { ok: false, usage: 'phase' };
      const [, seq, from, to, deadline, qc, qi] = rest as [string, string, string, string, string, string, string];
      if (!/^\d{1,2}$/.test(seq)) return { ok: false, usage: 'phase', bad: seq };
      const startsOn = parseDay(from);
      if (!startsOn) return { ok: false, usage: 'phase', bad: from };
      const endsOn = parseDay(to);
      if (!endsOn) return { ok: false, usage: 'phase', bad: to };
      const due = deadline === '-' ? null : parseDay(deadline);
      if (deadline !== '-' && !due) return { ok: false, usage: 'phase', bad: deadline };
      if (!/^\d{1,3}$/.test(qc)) return { ok: false, usage: 'phase', bad: qc };
      if (!/^\d{1,3}$/.test(qi)) return { ok: false, usage: 'phase', bad: qi };
      return {
        ok: true,
        effect: { type: CAMPAIGN_SETUP, action, code: code!, seq: Number(seq), startsOn, endsOn, deadline: due, quotaCollectives: Number(qc), quotaIndividuals: Number(qi) },
      };
    }
    case 'council': {
      if (rest.length !== 2) return { ok: false, usage: 'council' };
      const answer = foldVietnamese(rest[1]!);
      if (!YES.has(answer) && !NO.has(answer)) return { ok: false, usage: 'council', bad: rest[1] };
      return { ok: true, effect: { type: CAMPAIGN_SETUP, action, code: code!, uses: YES.has(answer) } };
    }
    case 'posting': {
      if (rest.length !== 2 || !/^\d{1,2}$/.test(rest[1]!)) return { ok: false, usage: 'posting', bad: rest[1] };
      return { ok: true, effect: { type: CAMPAIGN_SETUP, action, code: code!, days: Number(rest[1]) } };
    }
    case 'open':
    case 'close':
      if (rest.length !== 1) return { ok: false, usage: action };
      return { ok: true, effect: { type: CAMPAIGN_SETUP, action, code: code! } };
  }
}
