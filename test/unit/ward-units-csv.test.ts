// A ward's units from CSV: kinds as codes or Vietnamese words with or without diacritics, an
// optional header, and refusals (a unit listed twice, an unknown kind, a bad seq) by line.
import { describe, expect, it } from 'vitest';
import { parseUnitsCsv, unitKindOf } from '../../src/cli/units-csv.js';

describe('units csv', () => {
  it('reads kinds as codes or Vietnamese words, numbering units per kind', () => {
    expect(['to_dan_pho', 'Tổ dân phố', 'to dan pho', 'TDP', 'Tổ-dân-phố'].map(unitKindOf)).toEqual(Array(5).fill('to_dan_pho'));
    expect(['lang', 'Làng', 'LÀNG'].map(unitKindOf)).toEqual(['lang', 'lang', 'lang']);
    expect(['co_quan', 'cơ quan', 'Co Quan'].map(unitKindOf)).toEqual(['co_quan', 'co_quan', 'co_quan']);
    expect(['doan_the', 'đoàn thể', 'doan the'].map(unitKindOf)).toEqual(['doan_the', 'doan_the', 'doan_the']);
    expect(unitKindOf('xã')).toBeNull();

    const result = parseUnitsCsv('\uFEFFkind,name,seq\r\ntổ dân phố,Tổ dân phố 1\r\nto dan pho,  Tổ  dân phố 2 ,\r\nlàng,Làng Plei Ốp,7\r\nco_quan,"Trường THCS Nguyễn Du, cơ sở 2"\r\n');
    expect(result).toEqual({
      ok: true,
      units: [
        { kind: 'to_dan_pho', name: 'Tổ dân phố 1', seq: 1 },
        { kind: 'to_dan_pho', name: 'Tổ dân phố 2', seq: 2 },
        { kind: 'lang', name: 'Làng Plei Ốp', seq: 7 },
        { kind: 'co_quan', name: 'Trường THCS Nguyễn Du, cơ sở 2', seq: 1 },
      ],
    });
  });

  it('refuses a unit listed twice, an unknown kind and a bad seq, each with its line', () => {
    const result = parseUnitsCsv('lang,Làng Ia Kênh\nxã,Xã Biển Hồ\nlang,lang ia kenh\nco_quan,Công an,abc\ndoan_the\n');
    expect(result).toEqual({
      ok: false,
      problems: [
        'line 2: unknown kind "xã"; use to_dan_pho, lang, co_quan or doan_the (or the Vietnamese words, with or without diacritics)',
        'line 3: "lang ia kenh" is listed twice (first on line 1)',
        'line 4: seq "abc" must be a whole number from 0 to 9999',
        'line 5: expected kind,name or kind,name,seq; found 1 column',
      ],
    });
  });

  it('refuses an empty list and a broken quote', () => {
    expect(parseUnitsCsv('kind,name\n')).toEqual({ ok: false, problems: ['the file lists no units (one line per unit: kind,name[,seq])'] });
    expect(parseUnitsCsv('lang,"Làng A\n')).toMatchObject({ ok: false, problems: ['line 1: a quoted field is never closed'] });
  });
});
