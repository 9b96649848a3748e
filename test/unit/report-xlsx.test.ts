// The workbook, opened again with exceljs: five sheets (the last: where people give up in the form), Vietnamese text intact, dates as date
// cells in the ward's calendar, numbers as numbers, a filter and a frozen header on every sheet.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { campaignReportDataSchema, type CampaignReportData } from '../../src/reports/report-data.js';
import { writeToBuffer } from '../../src/reports/report-output.js';
import { writeXlsxReport, XLSX_DATE_FORMAT } from '../../src/reports/xlsx-report.js';
import { reportContext } from '../support/report-context.js';
import { sampleReportData, TRICKY_DEEDS } from '../support/report-fixture.js';

describe('xlsx report', () => {
  let data: CampaignReportData;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    data = campaignReportDataSchema.parse(sampleReportData(60));
    // submitted late in the evening UTC: already the next day in the ward (UTC+7)
    data.nominations[0]!.submittedAt = '2026-03-05T20:30:00.000Z';
    data.statusHistory[0]!.at = '2026-03-05T20:30:00.000Z';
    data.funnel = [
      { step: 'category', reached: 12, stopped: 1 },
      { step: 'deeds', reached: 11, stopped: 4 },
      { step: 'summary', reached: 7, stopped: 0 },
    ];
    const ctx = await reportContext('vi');
    const bytes = await writeToBuffer((out) => writeXlsxReport(data, ctx, out));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  });

  it('has the nominations first, then criteria, endorsements, status history and the form steps', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Đề cử', 'Tiêu chí', 'Lượt ủng hộ', 'Lịch sử trạng thái', 'Các bước biểu mẫu']);
  });

  it('names each step of the nomination form with how many people reached it and stopped there', () => {
    const sheet = workbook.worksheets[4]!;
    const rows = [1, 2, 3, 4].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['Bước của biểu mẫu đề cử', 'Số người đến bước này', 'Số người dừng lại'],
      ['Chọn loại điển hình', 12, 1],
      ['Thành tích, việc làm', 11, 4],
      ['Xem lại và gửi', 7, 0],
    ]);
  });

  it('holds every nomination with Vietnamese text, real dates and numbers', () => {
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + data.nominations.length);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['Mã biên nhận', 'Người/tập thể được đề cử', 'Tập thể/Cá nhân', 'Loại điển hình']);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('TL-0001');
    expect(first.getCell(3).value).toBe('Cá nhân');
    expect(first.getCell(4).value).toBe('Người lao động, người tốt, việc tốt');
    expect(first.getCell(7).value).toBe('Đã tôn vinh');
    expect(first.getCell(11).value).toBe(TRICKY_DEEDS);
    const submitted = first.getCell(8);
    expect(submitted.value).toBeInstanceOf(Date);
    expect((submitted.value as Date).toISOString()).toBe('2026-03-06T00:00:00.000Z');
    expect(submitted.numFmt).toBe(XLSX_DATE_FORMAT);
    expect(typeof first.getCell(9).value).toBe('number');
    expect(first.getCell(10).value).toBe(data.nominations[0]!.criteria.length);
    const honoured = first.getCell(13);
    expect(honoured.value).toBeInstanceOf(Date);
    expect((honoured.value as Date).toISOString().slice(0, 10)).toBe(data.nominations[0]!.honouredOn);
    const nominees = new Set(data.nominations.map((n) => n.nominee));
    for (let r = 2; r <= sheet.rowCount; r++) expect(nominees.has(String(sheet.getRow(r).getCell(2).value))).toBe(true);
  });

  it('puts a filter on the header row and freezes it, on every sheet', () => {
    for (const sheet of workbook.worksheets) {
      const last = sheet.getRow(1).cellCount;
      expect(sheet.autoFilter).toBeTruthy();
      const filter = sheet.autoFilter as string | { from: unknown; to: unknown };
      const range = typeof filter === 'string' ? filter : `${String(filter.from)}:${String(filter.to)}`;
      expect(range).toBe(`A1:${String.fromCharCode(64 + last)}1`);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    }
  });

  it('lists criteria, endorsements and status changes with names and dates', () => {
    const [, criteria, endorsements, history] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(criteria.rowCount).toBe(1 + data.nominations.reduce((sum, n) => sum + n.criteria.length, 0));
    expect(criteria.getRow(2).getCell(3).value).toBe('Tiêu chí chung');
    expect(criteria.getRow(2).getCell(4).value).toBe('Thành tích tiêu biểu, dẫn đầu phong trào thi đua');
    expect(endorsements.rowCount).toBe(1 + data.endorsements.length);
    expect(endorsements.getRow(2).getCell(3).value).toBeInstanceOf(Date);
    expect(history.rowCount).toBe(1 + data.statusHistory.length);
    const firstChange = history.getRow(2);
    expect(firstChange.getCell(3).value).toBe('Đã gửi');
    expect(firstChange.getCell(4).value).toBe('Người dân');
    const at = firstChange.getCell(6).value as Date;
    expect(at).toBeInstanceOf(Date);
    // the ward's wall clock: 20:30 UTC is 03:30 the next morning in Asia/Ho_Chi_Minh
    expect(at.toISOString()).toBe('2026-03-06T03:30:00.000Z');
  });

  it('writes English labels for an English report', async () => {
    const ctx = await reportContext('en');
    const bytes = await writeToBuffer((out) => writeXlsxReport(data, ctx, out));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(book.worksheets[0]!.name).toBe('Nominations');
    expect(book.worksheets[0]!.getRow(2).getCell(7).value).toBe('Honoured');
  });
});
