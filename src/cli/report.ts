// `npm run report -- <campaign-code> [--ward <code>] [--lang vi|en] [--out <folder>]`: the four
// report files of a campaign (workbook, CSV, summary PDF, chart picture) from one read of the
// database the bot would open. The chat's /baocao will send the same files; this is the
// operator's way to get them today. Exit codes: 0 written, 1 no such campaign, 2 wrong usage.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createTranslator } from '../channels/i18n.js';
import { createReportStore } from '../db/report-store.js';
import { renderChartPng } from '../reports/chart-report.js';
import { writeCsvReport } from '../reports/csv-report.js';
import { writePdfReport } from '../reports/pdf-report.js';
import type { ReportContext } from '../reports/report-context.js';
import { WardClock } from '../reports/ward-time.js';
import { writeXlsxReport } from '../reports/xlsx-report.js';
import { openCliDatabase } from './cli-database.js';

/** The usage text. */
export const REPORT_USAGE = [
  'Usage: npm run report -- <campaign-code> [--ward <ward-code>] [--lang vi|en] [--out <folder>]',
  '  writes <campaign>-<date>.xlsx, .csv, .pdf and -chart.png into the folder (default ./reports)',
  '  --ward defaults to DEFAULT_WARD (thang-loi); --lang to vi',
].join('\n');

/** Runs one command line; returns the process exit code. */
export async function runReportCli(argv: string[]): Promise<number> {
  let values: { ward?: string; lang?: string; out?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { ward: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${REPORT_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(REPORT_USAGE);
    return 0;
  }
  const locale = values.lang ?? 'vi';
  if (positionals.length !== 1 || (locale !== 'vi' && locale !== 'en')) {
    console.error(REPORT_USAGE);
    return 2;
  }
  const backend = await openCliDatabase();
  if (!backend) return 2;
  try {
    const store = createReportStore(backend.rpc);
    const ward = values.ward ?? process.env.DEFAULT_WARD ?? 'thang-loi';
    const started = performance.now();
    const id = await store.campaignId(ward, positionals[0]!);
    const data = id ? await store.campaignData(id) : null;
    if (!data) {
      console.error(`Ward "${ward}" has no campaign with code "${positionals[0]}".`);
      return 1;
    }
    const timings = [`read ${Math.round(performance.now() - started)} ms (${data.nominations.length} nominations)`];
    const translator = await createTranslator(locale);
    const ctx: ReportContext = { locale, t: translator(locale) };
    const folder = path.resolve(values.out ?? 'reports');
    await mkdir(folder, { recursive: true });
    const base = path.join(folder, `${data.campaign.code}-${new WardClock(data.ward.timeZone).isoDate(data.generatedAt)}`);
    const files: string[] = [];
    const timed = async (file: string, work: () => Promise<void>) => {
      const t = performance.now();
      await work();
      files.push(file);
      timings.push(`${path.extname(file).slice(1)} ${Math.round(performance.now() - t)} ms`);
    };
    await timed(`${base}.xlsx`, () => writeXlsxReport(data, ctx, createWriteStream(`${base}.xlsx`)));
    await timed(`${base}.csv`, () => writeCsvReport(data, ctx, createWriteStream(`${base}.csv`)));
    await timed(`${base}.pdf`, () => writePdfReport(data, ctx, createWriteStream(`${base}.pdf`)));
    await timed(`${base}-chart.png`, () => writeFile(`${base}-chart.png`, renderChartPng(data, ctx).png));
    const shown = files.map((f) => (path.relative(process.cwd(), f).startsWith('..') ? f : path.relative(process.cwd(), f)));
    console.log(`Wrote ${shown.join(', ')}\n(${timings.join('; ')})`);
    return 0;
  } finally {
    await backend.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await runReportCli(process.argv.slice(2));
