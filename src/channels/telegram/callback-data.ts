// A button's callback_data: the prompt's token and the option's value, "token:value", within the
// Bot API's 64 bytes; the engine recognises a stale press by the token.

/** The Bot API's limit for callback_data, in bytes (UTF-8). */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** Encodes a button press; null when it would not fit in 64 bytes. */
export function encodeCallbackData(token: string, value: string): string | null {
  const data = `${token}:${value}`;
  return Buffer.byteLength(data, 'utf8') <= CALLBACK_DATA_MAX_BYTES ? data : null;
}

/** Decodes callback_data back into the token and value; null for data the bot did not make. */
export function decodeCallbackData(data: string | undefined): { token: string; value: string } | null {
  if (!data) return null;
  const at = data.indexOf(':');
  if (at <= 0 || at === data.length - 1) return null;
  return { token: data.slice(0, at), value: data.slice(at + 1) };
}
