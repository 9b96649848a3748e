// Link codes as people read and type them: two groups of four, any case, with or without the
// dash or spaces; look-alike characters (0/O, 1/I/L) are never part of a code.
import { describe, expect, it } from 'vitest';
import { formatLinkCode, LINK_CODE_ALPHABET, looksLikeLinkCode, parseLinkCode } from '../../src/domain/link-code.js';

describe('link codes', () => {
  it('has 31 characters without look-alikes: 31^8 codes', () => {
    expect(LINK_CODE_ALPHABET).toHaveLength(31);
    expect(LINK_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    expect(31 ** 8).toBeGreaterThan(8e11);
  });

  it('shows a code in two groups of four', () => {
    expect(formatLinkCode('K7QM4TXP')).toBe('K7QM-4TXP');
  });

  for (const typed of ['K7QM-4TXP', 'k7qm-4txp', 'K7QM 4TXP', 'k7qm4txp', ' K7QM – 4TXP ', 'k7qm.4txp']) {
    it(`reads "${typed}"`, () => {
      expect(parseLinkCode(typed)).toBe('K7QM4TXP');
    });
  }

  for (const typed of ['123456', 'K7QM-4TX', 'K7QM-4TXPQ', 'K7QM-4TX0', 'K7QM-4TXO', 'K7QM-4TXI', 'K7QM-4TXL', 'K7Q@-4TXP', '']) {
    it(`refuses "${typed}"`, () => {
      expect(parseLinkCode(typed)).toBeNull();
    });
  }

  it('tells a code after "lien ket" from other words', () => {
    expect(looksLikeLinkCode('k7qm-4txp')).toBe(true);
    expect(looksLikeLinkCode('k7qm 4txp')).toBe(true);
    expect(looksLikeLinkCode('voi hang xom')).toBe(false);
    expect(looksLikeLinkCode('tai khoan zalo')).toBe(false);
  });
});
