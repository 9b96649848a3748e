// Reads the ward's catalog the way the nomination form needs it: open campaigns, the categories
// of a kind, the criteria of a category, units by kind, names in the person's language.
import type { Catalog, CatalogCampaign, CatalogCategory, CatalogCriterion, CatalogUnit, Locale } from '../../contract.js';
import { localized } from '../../engine/messages.js';
import type { NominationAnswers } from './answers.js';

/** Campaigns that take nominations now. */
export function openCampaigns(catalog: Catalog): CatalogCampaign[] {
  return catalog.campaigns.filter((c) => c.status === 'open');
}

/** The campaign the form is for, if it is still open. */
export function chosenCampaign(catalog: Catalog, a: NominationAnswers): CatalogCampaign | undefined {
  return openCampaigns(catalog).find((c) => c.id === a.campaignId);
}

/**
 * The categories a campaign's template offers (of one kind, or all), people first, then
 * collectives, each in the plan's order: a resident most often nominates a person.
 */
export function categoriesOf(catalog: Catalog, campaign: CatalogCampaign | undefined, kind?: string): CatalogCategory[] {
  if (!campaign) return [];
  const rank = (c: CatalogCategory) => (c.kind === 'individual' ? 0 : 1);
  return catalog.categories
    .filter((c) => c.templateId === campaign.templateId && (!kind || c.kind === kind))
    .sort((x, y) => rank(x) - rank(y) || x.seq - y.seq);
}

/** The chosen category, if it still fits the chosen campaign (and the kind it was chosen as). */
export function chosenCategory(catalog: Catalog, a: NominationAnswers): CatalogCategory | undefined {
  const category = categoriesOf(catalog, chosenCampaign(catalog, a)).find((c) => c.id === a.categoryId);
  return category && (!a.kind || a.kind === category.kind) ? category : undefined;
}

/** The general criteria of the template first, then the category's own, each in the plan's order. */
export function criteriaOf(catalog: Catalog, category: CatalogCategory | undefined): CatalogCriterion[] {
  if (!category) return [];
  const general = catalog.criteria.filter((c) => c.templateId === category.templateId && c.categoryId === null);
  const own = catalog.criteria.filter((c) => c.categoryId === category.id);
  const bySeq = (x: CatalogCriterion, y: CatalogCriterion) => x.seq - y.seq;
  return [...general.sort(bySeq), ...own.sort(bySeq)];
}

/** A unit by id. */
export function unitById(catalog: Catalog, id: string | null | undefined): CatalogUnit | undefined {
  return id ? catalog.units.find((u) => u.id === id) : undefined;
}

/** A campaign's title in the person's language. */
export function campaignTitle(campaign: CatalogCampaign, locale: Locale): string {
  return localized(locale, campaign.titleVi, campaign.titleEn);
}

/** A category's name in the person's language. */
export function categoryName(category: CatalogCategory, locale: Locale): string {
  return localized(locale, category.nameVi, category.nameEn);
}

/** A criterion's text in the person's language. */
export function criterionText(criterion: CatalogCriterion, locale: Locale): string {
  return localized(locale, criterion.textVi, criterion.textEn);
}

/** A criterion in a few words, for lists (its text when it has no short label). */
export function criterionLabel(criterion: CatalogCriterion, locale: Locale): string {
  return localized(locale, criterion.labelVi ?? criterion.textVi, criterion.labelEn ?? criterion.textEn);
}
