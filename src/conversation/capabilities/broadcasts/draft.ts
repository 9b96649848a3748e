// The announcement drafted for the officer when nominations were honoured: who (name, unit,
// category), the honour, and a line of what each did. Kept as data, so each recipient reads it in
// their own language; the database builds it from final honours only.
import { z } from 'zod';
import type { Locale, Text } from '../../contract.js';
import { localized, msg } from '../../engine/messages.js';
import { formatDay } from '../dossier/dates.js';

/** One honoured exemplar in a draft. */
export const draftLineSchema = z.object({
  name: z.string(),
  unit: z.string(),
  categoryVi: z.string(),
  categoryEn: z.string(),
  title: z.string(),
  date: z.string(),
  deeds: z.string(),
});

/** One honoured exemplar in a draft. */
export type DraftLine = z.infer<typeof draftLineSchema>;

/** The draft's paragraphs in the reader's language. */
export function draftText(lines: readonly DraftLine[], locale: Locale): Text[] {
  return [
    msg('broadcast.draft.intro', { count: lines.length }),
    ...lines.flatMap((h, i) => [
      msg('broadcast.draft.line', { n: i + 1, name: h.name, unit: h.unit, category: localized(locale, h.categoryVi, h.categoryEn), title: h.title, date: formatDay(h.date) }),
      msg('broadcast.draft.deeds', { deeds: h.deeds }),
    ]),
    msg('broadcast.draft.outro'),
  ];
}
