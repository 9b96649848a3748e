// Where people give up, in the report: the PDF's last section names each step of the nomination
// form with how many people reached it and stopped there; a chat that takes no file (Zalo without
// a public address) gets the same figures as text.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channels/i18n.js';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import { writePdfReport } from '../../src/reports/pdf-report.js';
import { campaignReportDataSchema } from '../../src/reports/report-data.js';
import { writeToBuffer } from '../../src/reports/report-output.js';
import { reportFiguresMessages } from '../../src/services/report-figures.js';
import { pdfPageTexts } from '../support/pdf-text.js';
import { reportContext } from '../support/report-context.js';
import { sampleReportData } from '../support/report-fixture.js';

const FUNNEL = [
  { step: 'category', reached: 12, stopped: 1 },
  { step: 'deeds', reached: 11, stopped: 4 },
  { step: 'summary', reached: 7, stopped: 0 },
];

describe('the funnel in reports', () => {
  it('is the PDF’s last section, with the steps named', async () => {
    const data = campaignReportDataSchema.parse({ ...sampleReportData(20), funnel: FUNNEL });
    const bytes = await writeToBuffer(async (out) => writePdfReport(data, await reportContext('vi'), out));
    const text = (await pdfPageTexts(bytes)).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('VI. CÁC BƯỚC CỦA BIỂU MẪU ĐỀ CỬ');
    expect(text).toMatch(/Thành tích, việc làm 11 4/);
    expect(text).toMatch(/Xem lại và gửi 7 0/);
  });

  it('is in the figures sent as text when no file can be sent', async () => {
    const data = campaignReportDataSchema.parse({ ...sampleReportData(20), funnel: FUNNEL });
    const t = await createTranslator();
    const text = renderPlainMessages(reportFiguresMessages(data, await reportContext('vi')), t('vi'));
    expect(text).toContain('Số liệu đợt “');
    expect(text).toContain('Tổng số đề cử: 20 (');
    expect(text).toContain('• Thành tích, việc làm: 11 người đến, 4 người dừng lại');
    expect(text).toContain('Trợ lý chưa có địa chỉ công khai');
  });
});
