// The summary PDF: Vietnamese text that a reader extracts with its diacritics, the report's
// font embedded (and no other font), the quota per phase, the counts and the honoured list.
import { describe, expect, it } from 'vitest';
import { writePdfReport } from '../../src/reports/pdf-report.js';
import { campaignReportDataSchema } from '../../src/reports/report-data.js';
import { writeToBuffer } from '../../src/reports/report-output.js';
import { summarizeReport } from '../../src/reports/report-summary.js';
import { reportContext } from '../support/report-context.js';
import { pdfPageTexts } from '../support/pdf-text.js';
import { sampleReportData } from '../support/report-fixture.js';

describe('pdf report', () => {
  it('is a Vietnamese summary with its font embedded', async () => {
    const data = campaignReportDataSchema.parse(sampleReportData(120));
    const bytes = await writeToBuffer(async (out) => writePdfReport(data, await reportContext('vi'), out));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = bytes.toString('latin1');
    // the TrueType font program is in the file, subset, and no built-in (non-Vietnamese) font is used
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+BeVietnamPro-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+BeVietnamPro-Bold/);
    expect(raw).not.toContain('Helvetica');

    const text = (await pdfPageTexts(bytes)).join(' ').replace(/\s+/g, ' ');
    for (const phrase of [
      'UBND PHƯỜNG THẮNG LỢI',
      'PHỤ LỤC',
      'KẾT QUẢ XÂY DỰNG VÀ NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN',
      'Kèm theo Báo cáo sơ kết của UBND Phường Thắng Lợi',
      'Số liệu tính đến ngày 01/03/2030',
      'I. CHỈ TIÊU VÀ KẾT QUẢ THEO GIAI ĐOẠN',
      'Giai đoạn 1: lựa chọn, bồi dưỡng điển hình',
      'V. DANH SÁCH ĐIỂN HÌNH ĐƯỢC TÔN VINH',
      'Đoàn Thanh niên phường',
      'Người lao động, người tốt, việc tốt',
    ])
      expect(text).toContain(phrase);

    const summary = summarizeReport(data);
    expect(text).toContain(`Tổng số đề cử: ${data.nominations.length} (`);
    const phase2 = summary.phases[1]!;
    expect(text).toContain(`${phase2.honouredCollectives} / ít nhất 3`);
    for (const n of summary.honoured) expect(text).toContain(n.receiptCode);
    expect(text).toMatch(/Trang 1\/\d/);
  });

  it('says so when nobody is honoured yet, in English too', async () => {
    const data = campaignReportDataSchema.parse(sampleReportData(1));
    data.nominations[0]!.status = 'submitted';
    const bytes = await writeToBuffer(async (out) => writePdfReport(data, await reportContext('en'), out));
    const text = (await pdfPageTexts(bytes)).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('No exemplar has been honoured yet.');
    expect(text).toContain('0 / at least 3');
  });
});
