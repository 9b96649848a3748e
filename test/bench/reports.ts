// How long the four report files take for a big campaign: generated data (10,000 nominations by
// default, BENCH_NOMINATIONS to change), each file written to a temporary folder, times printed.
// (The read from the database is measured by test/bench/report-read.ts.)
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderChartPng } from '../../src/reports/chart-report.js';
import { writeCsvReport } from '../../src/reports/csv-report.js';
import { writePdfReport } from '../../src/reports/pdf-report.js';
import { campaignReportDataSchema } from '../../src/reports/report-data.js';
import { writeXlsxReport } from '../../src/reports/xlsx-report.js';
import { reportContext } from '../support/report-context.js';
import { sampleReportData } from '../support/report-fixture.js';

const count = Number(process.env.BENCH_NOMINATIONS ?? 10_000);
const dir = await mkdtemp(path.join(tmpdir(), 'report-bench-'));
const ctx = await reportContext('vi');
const rows: [string, number, number, number][] = [];

async function timed(name: string, file: string, work: (file: string) => Promise<void>): Promise<void> {
  const full = path.join(dir, file);
  const started = performance.now();
  const cpu = process.cpuUsage();
  await work(full);
  const used = process.cpuUsage(cpu);
  rows.push([name, performance.now() - started, (used.user + used.system) / 1000, (await stat(full)).size]);
}

try {
  const raw = sampleReportData(count);
  const json = JSON.stringify(raw);
  const started = performance.now();
  const data = campaignReportDataSchema.parse(JSON.parse(json));
  const parseMs = performance.now() - started;
  const all = performance.now();
  await timed('xlsx', 'report.xlsx', (f) => writeXlsxReport(data, ctx, createWriteStream(f)));
  await timed('csv', 'report.csv', (f) => writeCsvReport(data, ctx, createWriteStream(f)));
  await timed('pdf', 'report.pdf', (f) => writePdfReport(data, ctx, createWriteStream(f)));
  await timed('chart png', 'chart.png', (f) => writeFile(f, renderChartPng(data, ctx).png));
  const total = performance.now() - all;
  const honoured = data.nominations.filter((n) => n.status === 'honoured').length;
  console.log(`${count} nominations (${honoured} honoured), ${data.statusHistory.length} status changes, ${data.endorsements.length} endorsements`);
  console.log(`JSON parse + zod check of ${(json.length / 1e6).toFixed(1)} MB: ${parseMs.toFixed(0)} ms`);
  // CPU time is the steadier figure on a shared machine: wall time grows with other work
  for (const [name, ms, cpu, size] of rows)
    console.log(`${name.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms (cpu ${cpu.toFixed(0).padStart(5)} ms)  ${(size / 1024).toFixed(0).padStart(6)} KiB`);
  console.log(`all four   ${total.toFixed(0).padStart(6)} ms; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
