// The CLI's CSV reader: quoting, line numbers of records, and the mistakes it names.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/cli/csv-records.js';

describe('csv reader', () => {
  it('reads quoted fields and keeps the line each record starts on', () => {
    const parsed = parseCsv('\uFEFFkind,name\r\nlang,"Làng ""A"", mới"\n\nco_quan,"Hai\ndòng"\nlang,Cuối');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['kind', 'name'] },
        { line: 2, fields: ['lang', 'Làng "A", mới'] },
        { line: 4, fields: ['co_quan', 'Hai\ndòng'] },
        { line: 6, fields: ['lang', 'Cuối'] },
      ],
    });
  });

  it('names the line of a broken quote', () => {
    expect(parseCsv('a,b\nc,"never closed\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a,b\nc,d"e\n')).toMatchObject({ ok: false, line: 2 });
  });
});

describe('csv reader, strictness', () => {
  it('refuses text after a closing quote', () => {
    expect(parseCsv('a,"b"c\n')).toMatchObject({ ok: false, line: 1, problem: 'text after a closing quote' });
  });
});
