import { describe, expect, it } from 'vitest';
import { formatReceiptCode, parseReceiptCode } from '../../src/domain/receipt.js';

describe('receipt codes', () => {
  it('are the ward prefix and a four-digit number', () => {
    expect(formatReceiptCode('TL', 42)).toBe('TL-0042');
    expect(formatReceiptCode('tl', 12345)).toBe('TL-12345');
  });

  it('are understood however a person types them', () => {
    for (const typed of ['TL-0042', 'tl0042', 'tl 42', '#TL-42', 'Tl-42', '42', ' 0042 ']) {
      expect(parseReceiptCode(typed, 'TL'), typed).toBe('TL-0042');
    }
  });

  it('refuse what is not a code', () => {
    for (const typed of ['', 'abc', 'TL-', 'TL-0', '12 34', 'TL-42x', 'DROP TABLE']) {
      expect(parseReceiptCode(typed, 'TL'), typed).toBeNull();
    }
  });
});
