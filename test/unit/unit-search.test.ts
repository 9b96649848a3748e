import { describe, expect, it } from 'vitest';
import { exactUnit, narrowUnits } from '../../src/domain/units.js';
import { catalogFixture } from '../support/catalog-fixture.js';

const units = catalogFixture().units;
const names = (query: string, kinds: string[] = []) => narrowUnits(units, query, kinds).map((u) => u.name);

describe('finding a unit from a few typed words', () => {
  it('finds a residential group however its name is typed', () => {
    for (const query of ['to 3', 'Tổ dân phố 3', 'TDP 3', 'tdp3', 'to dan pho 3', 'tổ số 3']) {
      expect(names(query), query).toEqual(['Tổ dân phố 3']);
    }
  });

  it('does not take group 13 for group 3, nor the reverse', () => {
    expect(names('3')).toEqual(['Tổ dân phố 3']);
    expect(names('13')).toEqual(['Tổ dân phố 13']);
  });

  it('lists every village that starts with the typed words', () => {
    expect(names('lang ia')).toEqual(['Làng Ia Lang', 'Làng Ia Kênh']);
    expect(names('plei op')).toEqual(['Làng Plei Ốp']);
  });

  it('puts the exact name first', () => {
    expect(names('lang ia lang')[0]).toBe('Làng Ia Lang');
  });

  it('keeps to the unit kinds a category allows', () => {
    expect(names('phuong', ['doan_the'])).toEqual(['Hội Phụ nữ phường', 'Đoàn Thanh niên phường', 'Hội Cựu chiến binh phường']);
    expect(names('to 3', ['lang'])).toEqual([]);
  });

  it('finds nothing for words that name no unit, or for no words at all', () => {
    expect(names('xyz')).toEqual([]);
    expect(names('   ')).toEqual([]);
  });

  it('recognises a complete name typed without diacritics', () => {
    expect(exactUnit(units, 'lang plei op')?.name).toBe('Làng Plei Ốp');
    expect(exactUnit(units, 'lang ia')).toBeUndefined();
  });
});
