// Deep links ("t.me/<bot>?start=<payload>", "/start <payload>"): a payload names a campaign, a
// category, or both, and opens the nomination form with those answers already given.
import type { Catalog } from '../../contract.js';
import { openCampaigns } from './catalog-view.js';

/** Answers a start link gives in advance; empty means "just open the form". */
export interface StartLink {
  campaignId?: string;
  kind?: 'collective' | 'individual';
  categoryId?: string;
}

/** Telegram's limit for a start parameter: 1-64 of A-Z, a-z, 0-9, _ and -. */
const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;
/** Separates a campaign code from a category code (codes themselves use single - and _). */
export const START_LINK_SEPARATOR = '--';
const OPEN_FORM = new Set(['decu', 'nominate']);

/** The payload that opens the form for a campaign and/or a category (codes as in the catalog). */
export function startPayload(codes: { campaign?: string; category?: string }): string {
  return [codes.campaign, codes.category].filter(Boolean).join(START_LINK_SEPARATOR) || 'decu';
}

/** Reads a start payload against the catalog; null when it names nothing open (a plain /start then). */
export function readStartLink(payload: string, catalog: Catalog): StartLink | null {
  const text = payload.trim().toLowerCase();
  if (!PAYLOAD.test(text)) return null;
  if (OPEN_FORM.has(text)) return {};
  const open = openCampaigns(catalog);
  const campaign = (code: string) => open.find((c) => c.code.toLowerCase() === code);
  const category = (code: string, templateIds: string[]) =>
    catalog.categories.find((c) => c.code.toLowerCase() === code && templateIds.includes(c.templateId));
  const whole = campaign(text);
  if (whole) return { campaignId: whole.id };
  const at = text.indexOf(START_LINK_SEPARATOR);
  if (at > 0) {
    const c = campaign(text.slice(0, at));
    const k = c ? category(text.slice(at + START_LINK_SEPARATOR.length), [c.templateId]) : undefined;
    return c && k ? { campaignId: c.id, kind: k.kind, categoryId: k.id } : null;
  }
  const k = category(text, open.map((c) => c.templateId));
  return k ? { kind: k.kind, categoryId: k.id } : null;
}
