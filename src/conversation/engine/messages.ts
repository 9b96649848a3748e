// Building blocks for what the engine says: locale keys with parameters, or data shown as typed.
import type { Locale, Text } from '../contract.js';

/** A locale key to translate (written as a whole literal so the locale test can find it). */
export function msg(key: string, params?: Record<string, string | number>): Text {
  return params ? { key, params } : { key };
}

/** Data shown as it is: names typed by people, catalog names. */
export function raw(text: string): Text {
  return { raw: text };
}

/** Picks the Vietnamese or English form of a catalog name for the person's language. */
export function localized(locale: Locale, vi: string, en: string): string {
  return locale === 'en' && en.trim() ? en : vi;
}
