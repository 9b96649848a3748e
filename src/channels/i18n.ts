// i18next for the channel adapters: one instance (not the global) loaded from locales/<lng>/
// translation.json; Vietnamese is the default and the fallback.
import { readFileSync } from 'node:fs';
import { createInstance, type i18n as I18n } from 'i18next';
import type { Locale, Text } from '../conversation/contract.js';

/** Every language the bot ships. */
export const LOCALES: readonly Locale[] = ['vi', 'en'];

/** Translates one key with parameters into plain text in one language. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Reads one locale's translation file (resolved from this module, so the working directory does not matter). */
export function loadTranslation(locale: Locale): Record<string, unknown> {
  const file = new URL(`../../locales/${locale}/translation.json`, import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Creates a ready i18next instance with every locale loaded (synchronously). */
export function createI18n(defaultLocale: Locale = 'vi'): I18n {
  const instance = createInstance();
  void instance.init({
    lng: defaultLocale,
    fallbackLng: 'vi',
    supportedLngs: [...LOCALES],
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: loadTranslation(l) }])),
    initAsync: false,
    // Plain text for chat: nothing is HTML-escaped, and values typed by people are never re-interpolated.
    interpolation: { escapeValue: false, skipOnVariables: true },
    returnNull: false,
  });
  return instance;
}

/** A translator per language over one shared instance: `t('vi')('menu.hint')`. */
export async function createTranslator(defaultLocale: Locale = 'vi'): Promise<(locale: Locale) => Translate> {
  const instance = createI18n(defaultLocale);
  const cache = new Map<Locale, Translate>();
  return (locale) => {
    let t = cache.get(locale);
    if (!t) {
      const fixed = instance.getFixedT(locale);
      // A text without parameters is the same every time: looked up once (most of a reply's texts).
      const plain = new Map<string, string>();
      t = (key, params) => {
        if (params && Object.keys(params).length) return fixed(key, params) as string;
        let text = plain.get(key);
        if (text === undefined) {
          text = fixed(key, {}) as string;
          plain.set(key, text);
        }
        return text;
      };
      cache.set(locale, t);
    }
    return t;
  };
}

/** Renders one Text: a key through the translator, data as it is. */
export function renderText(t: Translate, text: Text): string {
  return 'raw' in text ? text.raw : t(text.key, text.params);
}
