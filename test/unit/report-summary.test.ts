// The figures behind the PDF and the chart, and the font that draws them.
import { openSync } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { campaignReportDataSchema } from '../../src/reports/report-data.js';
import { REPORT_FONT_FAMILY, REPORT_FONT_FILES } from '../../src/reports/report-font.js';
import { summarizeReport } from '../../src/reports/report-summary.js';
import { sampleReportData } from '../support/report-fixture.js';

const VIETNAMESE_LETTERS = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';

describe('report summary', () => {
  it('counts honoured collectives and individuals per phase against the quota', () => {
    const data = campaignReportDataSchema.parse(sampleReportData(5));
    const base = data.nominations[0]!;
    data.nominations = [
      { ...base, receiptCode: 'TL-1', kind: 'collective', status: 'honoured', honouredOn: '2027-05-01' },
      { ...base, receiptCode: 'TL-2', kind: 'individual', status: 'honoured', honouredOn: '2029-01-10' },
      { ...base, receiptCode: 'TL-3', kind: 'individual', status: 'honoured', honouredOn: null, submittedAt: '2028-06-30T18:00:00.000Z' },
      { ...base, receiptCode: 'TL-4', kind: 'individual', status: 'submitted', honouredOn: null },
    ];
    const s = summarizeReport(data);
    // TL-3 was submitted on 01/07/2028 in the ward's time zone: phase 2
    expect(s.phases.map((p) => [p.honouredCollectives, p.honouredIndividuals])).toEqual([
      [1, 0],
      [0, 2],
    ]);
    expect(s.phases.every((p) => !p.collectivesMet)).toBe(true);
    expect(s.totals).toMatchObject({ nominations: 4, collectives: 1, individuals: 3, honoured: 3 });
    expect(s.byStatus).toEqual([
      { status: 'submitted', count: 1 },
      { status: 'honoured', count: 3 },
    ]);
    expect(s.honoured.map((n) => n.receiptCode)).toEqual(['TL-3', 'TL-1', 'TL-2']);
    expect(s.byUnit).toHaveLength(data.units.length);
    expect(s.byCategory.map((c) => c.key)).toEqual(data.categories.map((c) => c.code));
  });

  it('draws with a font that has every Vietnamese letter', () => {
    for (const file of Object.values(REPORT_FONT_FILES)) {
      const font = openSync(file);
      expect(font.familyName).toBe(REPORT_FONT_FAMILY);
      const missing = [...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.toUpperCase()].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
      expect(missing).toEqual([]);
    }
  });
});
