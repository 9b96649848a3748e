// The summary report as a PDF in the report's language, laid out as an annex to the ward's
// interim review (bao cao so ket): per phase the quota against honoured collectives and
// individuals, counts per status, category and unit, and the honoured exemplars one per line.
// The text is set in Be Vietnam Pro, embedded (subset) so every reader shows the diacritics.
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import PDFDocument from 'pdfkit';
import { formatDate } from '../domain/dates.js';
import { drawPdfTable } from './pdf-table.js';
import type { ReportContext } from './report-context.js';
import type { CampaignReportData } from './report-data.js';
import { REPORT_FONT_FILES } from './report-font.js';
import { createReportLabels, type ReportLabels } from './report-labels.js';
import { summarizeReport, type ReportSummary } from './report-summary.js';
import { formatCalendarDate } from './ward-time.js';

// A4 with the margins of Vietnamese administrative documents (about 25 mm left, 20 mm elsewhere)
const MARGINS = { top: 57, bottom: 62, left: 71, right: 57 };

/** Writes the PDF to `out` and resolves once the stream has finished. */
export async function writePdfReport(data: CampaignReportData, ctx: ReportContext, out: Writable): Promise<void> {
  const { t } = ctx;
  const labels = createReportLabels(data, ctx);
  const summary = summarizeReport(data);
  const title = ctx.locale === 'vi' ? data.campaign.titleVi : data.campaign.titleEn;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    font: REPORT_FONT_FILES.regular,
    bufferPages: true,
    lang: ctx.locale === 'vi' ? 'vi-VN' : 'en-GB',
    displayTitle: true,
    info: { Title: `${t('report.pdf.title')} – ${title}`, Author: data.ward.name, Subject: data.campaign.code, CreationDate: new Date(data.generatedAt) },
  });
  doc.registerFont('regular', REPORT_FONT_FILES.regular);
  doc.registerFont('bold', REPORT_FONT_FILES.bold);
  doc.registerFont('italic', REPORT_FONT_FILES.italic);
  const finished = once(out, 'finish');
  doc.pipe(out);

  drawHeading(doc, data, ctx, title);
  drawQuota(doc, summary, data, ctx);
  drawOverview(doc, summary, ctx, labels);
  drawCategories(doc, summary, ctx, labels, data);
  drawUnits(doc, summary, ctx);
  drawHonoured(doc, summary, ctx, labels);
  if (data.funnel.length) drawFunnel(doc, data, ctx, labels);
  drawPageNumbers(doc, ctx);

  doc.end();
  await finished;
}

function drawHeading(doc: PDFKit.PDFDocument, data: CampaignReportData, ctx: ReportContext, title: string): void {
  const { t } = ctx;
  const upper = (s: string) => s.toLocaleUpperCase(ctx.locale === 'vi' ? 'vi-VN' : 'en-GB');
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const top = doc.y;
  doc.font('bold').fontSize(10.5).text(upper(t('report.pdf.issuer', { ward: data.ward.name })), MARGINS.left, top, { width: width * 0.5, align: 'left' });
  const asOf = t('report.pdf.asOf', { date: formatDate(data.generatedAt, data.ward.timeZone) });
  doc.font('italic').fontSize(10).text(asOf, MARGINS.left + width * 0.5, top, { width: width * 0.5, align: 'right' });
  doc.x = MARGINS.left;
  doc.moveDown(2);
  doc.font('bold').fontSize(13).text(t('report.pdf.annex'), { align: 'center' });
  doc.font('bold').fontSize(13).text(upper(t('report.pdf.title')), { align: 'center' });
  doc.moveDown(0.3);
  doc.font('italic').fontSize(11).text(title, { align: 'center' });
  doc.font('italic').fontSize(10.5).text(t('report.pdf.attachedTo', { ward: data.ward.name }), { align: 'center' });
  doc.moveDown(1.2);
}

function section(doc: PDFKit.PDFDocument, text: string): void {
  // keep a heading with at least a few lines of what follows
  if (doc.y + 80 > doc.page.height - MARGINS.bottom) doc.addPage();
  doc.font('bold').fontSize(11.5).fillColor('black').text(text, MARGINS.left, doc.y);
  doc.moveDown(0.4);
}

function paragraph(doc: PDFKit.PDFDocument, text: string, font: 'regular' | 'italic' = 'regular'): void {
  doc.font(font).fontSize(10.5).text(text, MARGINS.left, doc.y, { align: 'justify' });
  doc.moveDown(0.5);
}

function drawQuota(doc: PDFKit.PDFDocument, summary: ReportSummary, data: CampaignReportData, ctx: ReportContext): void {
  const { t } = ctx;
  section(doc, t('report.pdf.section.quota'));
  const progress = (done: number, quota: number, minimum: boolean) =>
    minimum ? t('report.pdf.quotaAtLeast', { done, quota }) : t('report.pdf.quotaOf', { done, quota });
  drawPdfTable(
    doc,
    [
      { header: t('report.pdf.col.phase'), weight: 2.7 },
      { header: t('report.pdf.col.period'), weight: 2.2, align: 'center' },
      { header: t('report.pdf.col.deadline'), weight: 1.75, align: 'center' },
      { header: t('report.pdf.col.collectives'), weight: 1.75, align: 'center' },
      { header: t('report.pdf.col.individuals'), weight: 1.75, align: 'center' },
      { header: t('report.pdf.col.result'), weight: 1.25, align: 'center' },
    ],
    summary.phases.map((p) => [
      ctx.locale === 'vi' ? p.phase.nameVi : p.phase.nameEn,
      `${formatCalendarDate(p.phase.startsOn)} – ${formatCalendarDate(p.phase.endsOn)}`,
      p.phase.deadline ? formatDate(p.phase.deadline, data.ward.timeZone) : '—',
      progress(p.honouredCollectives, p.phase.quotaCollectives, p.phase.quotaIsMinimum),
      progress(p.honouredIndividuals, p.phase.quotaIndividuals, p.phase.quotaIsMinimum),
      p.collectivesMet && p.individualsMet ? t('report.pdf.met') : t('report.pdf.notMet'),
    ]),
  );
  paragraph(doc, t('report.pdf.quotaNote'), 'italic');
}

function drawOverview(doc: PDFKit.PDFDocument, summary: ReportSummary, ctx: ReportContext, labels: ReportLabels): void {
  const { t } = ctx;
  section(doc, t('report.pdf.section.overview'));
  const s = summary.totals;
  paragraph(
    doc,
    t('report.pdf.totals', { total: s.nominations, collectives: s.collectives, individuals: s.individuals, endorsements: s.endorsements, honoured: s.honoured }),
  );
  if (!summary.byStatus.length) return;
  drawPdfTable(
    doc,
    [
      { header: t('report.pdf.col.status'), weight: 4 },
      { header: t('report.pdf.col.count'), weight: 1.5, align: 'right' },
      { header: t('report.pdf.col.share'), weight: 1.5, align: 'right' },
    ],
    summary.byStatus.map((r) => [labels.status(r.status), String(r.count), percent(r.count, s.nominations, ctx)]),
  );
}

function drawCategories(doc: PDFKit.PDFDocument, summary: ReportSummary, ctx: ReportContext, labels: ReportLabels, data: CampaignReportData): void {
  const { t } = ctx;
  section(doc, t('report.pdf.section.byCategory'));
  const kinds = new Map(data.categories.map((c) => [c.code, c.kind]));
  drawPdfTable(
    doc,
    [
      { header: t('report.pdf.col.category'), weight: 4.5 },
      { header: t('report.pdf.col.kind'), weight: 1.5, align: 'center' },
      { header: t('report.pdf.col.count'), weight: 1.3, align: 'right' },
      { header: t('report.pdf.col.honoured'), weight: 1.5, align: 'right' },
    ],
    summary.byCategory.map((r) => {
      const kind = kinds.get(r.key);
      return [labels.category(r.key), kind ? labels.kind(kind) : '', String(r.total), String(r.honoured)];
    }),
  );
}

function drawUnits(doc: PDFKit.PDFDocument, summary: ReportSummary, ctx: ReportContext): void {
  const { t } = ctx;
  section(doc, t('report.pdf.section.byUnit'));
  drawPdfTable(
    doc,
    [
      { header: t('report.pdf.col.no'), weight: 0.7, align: 'center' },
      { header: t('report.pdf.col.unit'), weight: 5 },
      { header: t('report.pdf.col.count'), weight: 1.3, align: 'right' },
      { header: t('report.pdf.col.honoured'), weight: 1.5, align: 'right' },
    ],
    summary.byUnit.map((r, i) => [String(i + 1), r.key, String(r.total), String(r.honoured)]),
  );
}

function drawHonoured(doc: PDFKit.PDFDocument, summary: ReportSummary, ctx: ReportContext, labels: ReportLabels): void {
  const { t } = ctx;
  section(doc, t('report.pdf.section.honoured'));
  if (!summary.honoured.length) {
    paragraph(doc, t('report.pdf.noneHonoured'), 'italic');
    return;
  }
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const hang = 24;
  summary.honoured.forEach((n, i) => {
    if (doc.y + 30 > doc.page.height - MARGINS.bottom) doc.addPage();
    const y = doc.y;
    doc.font('regular').fontSize(10.5).text(`${i + 1}.`, MARGINS.left, y, { width: hang - 4, align: 'right' });
    const line = t('report.pdf.honouredItem', {
      nominee: n.nominee,
      kind: labels.kind(n.kind),
      category: labels.category(n.categoryCode),
      unit: n.unitName,
      code: n.receiptCode,
    });
    doc.font('regular').fontSize(10.5).text(line, MARGINS.left + hang, y, { width: width - hang });
    if (n.honourTitle) {
      const honour = n.honouredOn
        ? t('report.pdf.honourWithDate', { title: n.honourTitle, date: formatCalendarDate(n.honouredOn) })
        : t('report.pdf.honour', { title: n.honourTitle });
      doc.font('italic').fontSize(10).text(honour, MARGINS.left + hang, doc.y, { width: width - hang });
    }
    doc.moveDown(0.25);
  });
  doc.moveDown(0.5);
}

function drawFunnel(doc: PDFKit.PDFDocument, data: CampaignReportData, ctx: ReportContext, labels: ReportLabels): void {
  const { t } = ctx;
  section(doc, t('report.pdf.section.funnel'));
  drawPdfTable(
    doc,
    [
      { header: t('report.pdf.col.step'), weight: 4 },
      { header: t('report.pdf.col.reached'), weight: 1.5, align: 'right' },
      { header: t('report.pdf.col.stopped'), weight: 1.5, align: 'right' },
    ],
    data.funnel.map((f) => [labels.step(f.step), String(f.reached), String(f.stopped)]),
  );
}

function drawPageNumbers(doc: PDFKit.PDFDocument, ctx: ReportContext): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // text below the bottom margin would open a new page: lift the margin while writing the footer
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(9)
      .fillColor('#555555')
      .text(ctx.t('report.pdf.page', { page: i + 1, pages: range.count }), MARGINS.left, doc.page.height - 38, {
        width: doc.page.width - MARGINS.left - MARGINS.right,
        align: 'center',
      });
    doc.page.margins.bottom = bottom;
  }
}

function percent(part: number, whole: number, ctx: ReportContext): string {
  if (!whole) return '—';
  return new Intl.NumberFormat(ctx.locale === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);
}
