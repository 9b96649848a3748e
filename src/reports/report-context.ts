// What a report builder needs besides the data: the language and a translator of locale keys.
// Builders stay pure: the caller (a chat service, the report CLI, a test) brings the i18next
// translator it already has.

/** The languages a report can be written in. */
export type ReportLocale = 'vi' | 'en';

/** Translates one locale key (under "report.") with its parameters. */
export type ReportTranslate = (key: string, params?: Record<string, string | number>) => string;

/** The language and translator every builder takes. */
export interface ReportContext {
  locale: ReportLocale;
  t: ReportTranslate;
}
