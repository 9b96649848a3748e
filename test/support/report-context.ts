// The translator the report builders take, from the bot's own locale files.
import { createTranslator } from '../../src/channels/i18n.js';
import type { ReportContext, ReportLocale } from '../../src/reports/report-context.js';

/** A report context in one language. */
export async function reportContext(locale: ReportLocale = 'vi'): Promise<ReportContext> {
  const translator = await createTranslator();
  return { locale, t: translator(locale) };
}
