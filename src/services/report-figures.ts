// A campaign report's figures as chat text, for a chat that can take no file and no link (Zalo
// without a public address): totals, each phase's quota against the honoured, counts per status,
// and where people give up in the form. Zalo splits long text itself.
import type { Outbound, Text } from '../conversation/contract.js';
import { msg, raw } from '../conversation/engine/messages.js';
import type { ReportContext } from '../reports/report-context.js';
import type { CampaignReportData } from '../reports/report-data.js';
import { createReportLabels } from '../reports/report-labels.js';
import { summarizeReport } from '../reports/report-summary.js';

/** The figures of the summary report as messages. */
export function reportFiguresMessages(data: CampaignReportData, ctx: ReportContext): Outbound[] {
  const labels = createReportLabels(data, ctx);
  const s = summarizeReport(data);
  const vi = ctx.locale === 'vi';
  const text: Text[] = [msg('reports.figures.title', { title: vi ? data.campaign.titleVi : data.campaign.titleEn }), msg('reports.figures.totals', s.totals)];
  for (const p of s.phases) {
    const params = {
      phase: labels.phase(p.phase),
      collectives: p.honouredCollectives,
      quotaCollectives: p.phase.quotaCollectives,
      individuals: p.honouredIndividuals,
      quotaIndividuals: p.phase.quotaIndividuals,
    };
    text.push(p.phase.quotaIsMinimum ? msg('reports.figures.phaseAtLeast', params) : msg('reports.figures.phase', params));
  }
  if (s.byStatus.length) text.push(msg('reports.figures.byStatus'), ...s.byStatus.map((r) => raw(`• ${labels.status(r.status)}: ${r.count}`)));
  const units = s.byUnit.filter((u) => u.total > 0);
  if (units.length) text.push(msg('reports.figures.byUnit'), ...units.map((u) => raw(`• ${u.key}: ${u.total} (${u.honoured})`)));
  if (data.funnel.length) {
    text.push(msg('reports.figures.funnel'));
    for (const f of data.funnel) text.push(msg('reports.funnelLine', { step: labels.step(f.step), reached: f.reached, stopped: f.stopped }));
  }
  text.push(msg('reports.figures.noLink'));
  return [{ kind: 'text', text }];
}
