// What people type and what platforms send, cleaned at the channel boundary: Postgres refuses NUL
// in text and JSON, and a lone UTF-16 surrogate cannot be encoded as UTF-8, so either would make
// every database call of that update fail, again on every redelivery. Control characters other
// than line breaks and tabs are dropped, line ends are made \n, and the length is capped.

// C0 controls except \t and \n (a \r was turned into \n before), DEL, C1 controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// An opaque platform id: printable ASCII without spaces.
const OPAQUE_ID = /^[\x21-\x7e]{1,128}$/;
const INTEGER_TEXT = /^-?\d{1,20}$/;

/** Cuts `text` to at most `max` UTF-16 units, never between the two halves of a surrogate pair. */
export function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Cleans a string from the wire; null when the value is not a string. `singleLine` also drops line breaks (names). */
export function cleanText(value: unknown, max: number, options: { singleLine?: boolean } = {}): string | null {
  if (typeof value !== 'string') return null;
  let text = value.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '');
  if (options.singleLine) text = text.replace(/[\n\t]+/g, ' ');
  return capLength(text, max);
}

/** An opaque id (Zalo's ids, a callback query's id): a non-empty string or number of printable ASCII; null otherwise. */
export function opaqueId(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof text === 'string' && OPAQUE_ID.test(text) ? text : null;
}

/** A numeric id (Telegram's users and chats): a safe integer, or one written as a string; null otherwise. */
export function integerId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : null;
  if (typeof value === 'string' && INTEGER_TEXT.test(value) && Number.isSafeInteger(Number(value))) return String(Number(value));
  return null;
}

/** The value as a plain object (not an array, not null), for reading fields of untrusted JSON. */
export function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
