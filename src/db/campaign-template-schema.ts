// A campaign template as a file holds it and as campaign_template_import takes it: the plan's
// phases with their quotas, its categories and criteria, in Vietnamese and English. One zod
// schema checks a file before anything is written and types what the export returns.
import { z } from 'zod';

const UNIT_KINDS = ['to_dan_pho', 'lang', 'co_quan', 'doan_the'] as const;

const text = (max: number) => z.string().trim().min(1, 'required').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullish();
const date = z.iso.date({ message: 'must be a date written yyyy-mm-dd, e.g. 2026-01-01' });
const quota = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(10_000, 'must be at most 10000');

/** One criterion, in both languages. */
export const templateCriterionSchema = z.strictObject({ text_vi: text(300), text_en: text(300) });

/** One phase of the plan: its period, quota and goal. */
export const templatePhaseSchema = z.strictObject({
  seq: z.number().int('must be a whole number').min(1, 'must be 1 or more').max(50, 'must be at most 50'),
  name_vi: text(200),
  name_en: text(200),
  period_from: date,
  period_to: date,
  quota_collectives: quota.default(0),
  quota_individuals: quota.default(0),
  quota_is_minimum: z.boolean().default(false),
  goal_vi: optionalText(2000),
  goal_en: optionalText(2000),
});

/** One category of nominees with its own criteria. */
export const templateCategorySchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be 2-40 characters of a-z, 0-9 and _, starting with a letter (it is used in links)'),
  kind: z.enum(['collective', 'individual'], { message: 'must be collective or individual' }),
  name_vi: text(200),
  name_en: text(200),
  description_vi: z.string().trim().max(1000, 'must be at most 1000 characters').default(''),
  description_en: z.string().trim().max(1000, 'must be at most 1000 characters').default(''),
  requires_led_unit: z.boolean().default(false),
  unit_kinds: z.array(z.enum(UNIT_KINDS, { message: `must be one of ${UNIT_KINDS.join(', ')}` })).default([]),
  criteria: z.array(templateCriterionSchema).max(50, 'must have at most 50 criteria').default([]),
});

/** A whole template, with the rules that span fields (periods, overlaps, unique codes). */
export const campaignTemplateSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,59}$/, 'must be 2-60 characters of a-z, 0-9, _ and -, e.g. dhtt-2026-2030'),
    title_vi: text(500),
    title_en: text(500),
    period_from: date,
    period_to: date,
    source: optionalText(1000),
    phases: z.array(templatePhaseSchema).min(1, 'must list at least one phase').max(20, 'must have at most 20 phases'),
    general_criteria: z.array(templateCriterionSchema).max(50, 'must have at most 50 criteria').default([]),
    categories: z.array(templateCategorySchema).min(1, 'must list at least one category').max(30, 'must have at most 30 categories'),
  })
  .superRefine((t, ctx) => {
    if (t.period_to < t.period_from)
      ctx.addIssue({ code: 'custom', path: ['period_to'], message: `ends before it starts (period_from is ${t.period_from})` });
    const seqs = new Map<number, number>();
    t.phases.forEach((p, i) => {
      if (seqs.has(p.seq)) ctx.addIssue({ code: 'custom', path: ['phases', i, 'seq'], message: `repeats seq ${p.seq} of phases[${seqs.get(p.seq)}]` });
      seqs.set(p.seq, i);
      if (p.period_to < p.period_from)
        ctx.addIssue({ code: 'custom', path: ['phases', i, 'period_to'], message: `ends before it starts (period_from is ${p.period_from})` });
      else if (p.period_from < t.period_from || p.period_to > t.period_to)
        ctx.addIssue({ code: 'custom', path: ['phases', i, 'period_from'], message: `must lie within the template's period ${t.period_from} to ${t.period_to}` });
    });
    const ordered = t.phases.map((p, i) => ({ p, i })).filter(({ p }) => p.period_from <= p.period_to).sort((a, b) => a.p.period_from.localeCompare(b.p.period_from));
    for (let k = 1; k < ordered.length; k++) {
      const before = ordered[k - 1]!;
      const after = ordered[k]!;
      if (after.p.period_from <= before.p.period_to)
        ctx.addIssue({
          code: 'custom',
          path: ['phases', after.i, 'period_from'],
          message: `overlaps phases[${before.i}] (seq ${before.p.seq}, ${before.p.period_from} to ${before.p.period_to})`,
        });
    }
    const codes = new Map<string, number>();
    t.categories.forEach((c, i) => {
      const first = codes.get(c.code);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['categories', i, 'code'], message: `duplicate category code "${c.code}" (first in categories[${first}])` });
      else codes.set(c.code, i);
      if (new Set(c.unit_kinds).size !== c.unit_kinds.length) ctx.addIssue({ code: 'custom', path: ['categories', i, 'unit_kinds'], message: 'lists a unit kind twice' });
      if (!c.criteria.length && !t.general_criteria.length)
        ctx.addIssue({ code: 'custom', path: ['categories', i, 'criteria'], message: 'required: a category needs at least one criterion when the template has no general_criteria' });
    });
  });

/** A checked template, ready for campaign_template_import. */
export type CampaignTemplate = z.infer<typeof campaignTemplateSchema>;
