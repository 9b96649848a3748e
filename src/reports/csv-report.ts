// The nominations sheet as CSV for any tool: UTF-8 with a byte order mark (without it Excel
// reads the file as the local code page and breaks every Vietnamese letter), RFC 4180 quoting
// and CRLF line ends. Rows go out in chunks that respect the stream's backpressure.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { NOMINATION_COLUMNS, type CellValue } from './nomination-columns.js';
import type { ReportContext } from './report-context.js';
import type { CampaignReportData } from './report-data.js';
import { createReportLabels } from './report-labels.js';
import { WardClock } from './ward-time.js';

/** The UTF-8 byte order mark the file starts with. */
export const UTF8_BOM = '\uFEFF';

const CHUNK = 64 * 1024;
const NEEDS_QUOTES = /[",\r\n]/;

/** Quotes one field as RFC 4180 says: inside double quotes, with quotes doubled, when needed. */
export function csvField(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value);
  // a leading space or tab would be trimmed by some readers: quote it to keep it
  return NEEDS_QUOTES.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes the CSV to `out` and ends it. Dates are ISO (yyyy-mm-dd), which every spreadsheet reads as a date. */
export async function writeCsvReport(data: CampaignReportData, ctx: ReportContext, out: Writable): Promise<void> {
  const labels = createReportLabels(data, ctx);
  const clock = new WardClock(data.ward.timeZone);
  let buffer = UTF8_BOM + NOMINATION_COLUMNS.map((c) => csvField(ctx.t(c.header))).join(',') + '\r\n';
  for (const n of data.nominations) {
    let line = '';
    for (let i = 0; i < NOMINATION_COLUMNS.length; i++) {
      if (i > 0) line += ',';
      line += csvField(NOMINATION_COLUMNS[i]!.value(n, labels, clock));
    }
    buffer += line + '\r\n';
    if (buffer.length >= CHUNK) {
      await write(out, buffer);
      buffer = '';
    }
  }
  if (buffer) await write(out, buffer);
  out.end();
  await once(out, 'finish');
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk, 'utf8')) await once(out, 'drain');
}
