// The four files of a campaign report made in memory, for a chat that sends them (Telegram's
// upload, a Zalo link, a folder for the terminal). Between files the event loop gets a turn, so
// the chats of other people are answered while a report is being made.
import { reportFileBase } from './report-names.js';
import { renderChartPng } from './chart-report.js';
import { writeCsvReport } from './csv-report.js';
import { writePdfReport } from './pdf-report.js';
import type { ReportContext } from './report-context.js';
import type { CampaignReportData } from './report-data.js';
import { writeToBuffer } from './report-output.js';
import { WardClock } from './ward-time.js';
import { writeXlsxReport } from './xlsx-report.js';

/** One file of a report: documents go as files, the chart as a photo. */
export interface ReportFile {
  /** A file name of ASCII letters, digits, dots and dashes (every platform and file system takes it). */
  name: string;
  contentType: string;
  /** 'photo' is shown in the chat (the chart); 'document' is a file to open. */
  kind: 'document' | 'photo';
  bytes: Buffer;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The workbook, the CSV, the PDF summary and the chart, in the order they are sent. */
export async function buildReportFiles(data: CampaignReportData, ctx: ReportContext): Promise<ReportFile[]> {
  const base = reportFileBase(data.campaign.code, new WardClock(data.ward.timeZone).isoDate(data.generatedAt));
  const files: ReportFile[] = [];
  files.push({
    name: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    kind: 'document',
    bytes: await writeToBuffer((out) => writeXlsxReport(data, ctx, out)),
  });
  await yieldToOthers();
  files.push({ name: `${base}.csv`, contentType: 'text/csv; charset=utf-8', kind: 'document', bytes: await writeToBuffer((out) => writeCsvReport(data, ctx, out)) });
  await yieldToOthers();
  files.push({ name: `${base}.pdf`, contentType: 'application/pdf', kind: 'document', bytes: await writeToBuffer((out) => writePdfReport(data, ctx, out)) });
  await yieldToOthers();
  files.push({ name: `${base}-chart.png`, contentType: 'image/png', kind: 'photo', bytes: renderChartPng(data, ctx).png });
  return files;
}
