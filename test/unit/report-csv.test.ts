// The CSV file: a UTF-8 byte order mark first, RFC 4180 quoting, and the same table as the
// workbook's first sheet, read back with the CLI's CSV reader.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/cli/csv-records.js';
import { csvField, writeCsvReport } from '../../src/reports/csv-report.js';
import { NOMINATION_COLUMNS } from '../../src/reports/nomination-columns.js';
import { campaignReportDataSchema } from '../../src/reports/report-data.js';
import { writeToBuffer } from '../../src/reports/report-output.js';
import { reportContext } from '../support/report-context.js';
import { sampleReportData, TRICKY_DEEDS } from '../support/report-fixture.js';

describe('csv report', () => {
  it('quotes fields as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
    expect(csvField(new Date('2026-03-06T00:00:00.000Z'))).toBe('2026-03-06');
  });

  it('starts with a BOM and round-trips every nomination', async () => {
    const data = campaignReportDataSchema.parse(sampleReportData(200));
    const bytes = await writeToBuffer(async (out) => writeCsvReport(data, await reportContext('vi'), out));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\n');
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.problem);
    const [header, ...rows] = parsed.records.map((r) => r.fields);
    expect(header![0]).toBe('Mã biên nhận');
    expect(header).toHaveLength(NOMINATION_COLUMNS.length);
    expect(rows).toHaveLength(data.nominations.length);
    rows.forEach((row, i) => {
      const n = data.nominations[i]!;
      expect(row).toHaveLength(NOMINATION_COLUMNS.length);
      expect(row[0]).toBe(n.receiptCode);
      expect(row[1]).toBe(n.nominee);
      expect(row[10]).toBe(n.deeds);
    });
    expect(rows[0]![10]).toBe(TRICKY_DEEDS);
    expect(rows[0]![6]).toBe('Đã tôn vinh');
    expect(rows[0]![7]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows[0]![12]).toBe(data.nominations[0]!.honouredOn);
  });
});
