// Receipt codes such as "TL-0042": what a nominator keeps to follow a nomination.

/** Formats the n-th receipt of a ward: prefix, dash, at least four digits. */
export function formatReceiptCode(prefix: string, n: number): string {
  return `${prefix.toUpperCase()}-${String(n).padStart(4, '0')}`;
}

/** Reads a code typed loosely ("tl0042", "#TL-42", "tl 42", "42") into "TL-0042"; null when it is not a code. */
export function parseReceiptCode(input: string, defaultPrefix: string): string | null {
  const compact = input.trim().replace(/^#/, '').toUpperCase();
  const match = /^([A-Z]{1,6})?[\s\-_.]*(\d{1,9})$/.exec(compact);
  if (!match) return null;
  const n = Number(match[2]);
  if (!Number.isSafeInteger(n) || n <= 0) return null;
  return formatReceiptCode(match[1] ?? defaultPrefix, n);
}
