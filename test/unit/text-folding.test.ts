import { describe, expect, it } from 'vitest';
import { charCount, cleanInput, foldVietnamese, hasLetters } from '../../src/domain/text.js';

describe('folding Vietnamese for comparison', () => {
  it('treats text with and without diacritics as the same', () => {
    expect(foldVietnamese('Tổ dân phố 3')).toBe('to dan pho 3');
    expect(foldVietnamese('ĐỀ CỬ')).toBe('de cu');
    expect(foldVietnamese('Làng Ia Kênh')).toBe(foldVietnamese('lang ia kenh'));
  });

  it('ignores extra spaces around and between words', () => {
    expect(foldVietnamese('  quay   lại ')).toBe('quay lai');
  });

  it('folds text typed in decomposed form (some phone keyboards) like composed text', () => {
    expect(foldVietnamese('hu\u0309y')).toBe(foldVietnamese('huỷ'));
  });
});

describe('checking that an answer has words', () => {
  it('accepts names in any script and refuses emoji, digits or punctuation alone', () => {
    expect(hasLetters('Nguyễn Văn An')).toBe(true);
    expect(hasLetters('😀🎉')).toBe(false);
    expect(hasLetters('12345')).toBe(false);
    expect(hasLetters('...!!!')).toBe(false);
  });
});

describe('cleaning typed input', () => {
  it('drops control characters and collapses spaces, keeping paragraphs when asked', () => {
    expect(cleanInput(' Nguyễn\u0007  Văn\tAn ')).toBe('Nguyễn Văn An');
    expect(cleanInput('Dòng một\r\n\r\n\r\nDòng   hai', { multiline: true })).toBe('Dòng một\n\nDòng hai');
  });

  it('counts characters as a person sees them, whatever the keyboard sent', () => {
    expect(charCount(cleanInput('hu\u0309y'))).toBe(3);
  });
});
