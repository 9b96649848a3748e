// The chart picture sent as a photo in the chat: quota progress per phase (quota against honoured
// collectives and individuals) above the nominations per unit. ECharts draws it as an SVG string
// on the server (no browser, no canvas) and resvg rasterises it to PNG with the report's TTF
// fonts loaded, so Vietnamese labels render the same on every machine.
import { Resvg } from '@resvg/resvg-js';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatDate } from '../domain/dates.js';
import type { ReportContext } from './report-context.js';
import type { CampaignReportData } from './report-data.js';
import { REPORT_FONT_FAMILY, REPORT_FONT_FILES } from './report-font.js';
import { summarizeReport } from './report-summary.js';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** Width of the picture in pixels: Telegram shows photos up to 1280 wide without rescaling much. */
export const CHART_WIDTH = 1200;
const UNIT_ROW = 26;
const UNITS_TOP = 560;
const COLORS = { quotaCollective: '#9ec5e8', collective: '#1f5f9e', quotaIndividual: '#f5c48f', individual: '#c2571a', honoured: '#2e8b57', other: '#a9b4c0' };

/** The picture's size for a number of units: the unit bars grow the picture downwards. */
export function chartSize(unitCount: number): { width: number; height: number } {
  return { width: CHART_WIDTH, height: UNITS_TOP + Math.max(4, unitCount) * UNIT_ROW + 40 };
}

/** The chart as an SVG string (what resvg rasterises; also handy to embed elsewhere). */
export function renderChartSvg(data: CampaignReportData, ctx: ReportContext): string {
  const { t } = ctx;
  const summary = summarizeReport(data);
  const { width, height } = chartSize(summary.byUnit.length);
  const phaseNames = summary.phases.map((p) => (ctx.locale === 'vi' ? p.phase.nameVi : p.phase.nameEn));
  const unitNames = summary.byUnit.map((u) => u.key);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const label = { show: true, position: 'top' as const, fontSize: 13 };
  const legendQuota = [t('report.chart.quotaCollectives'), t('report.chart.honouredCollectives'), t('report.chart.quotaIndividuals'), t('report.chart.honouredIndividuals')];
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: REPORT_FONT_FAMILY },
    title: [
      {
        text: ctx.locale === 'vi' ? data.campaign.titleVi : data.campaign.titleEn,
        subtext: t('report.chart.subtitle', { ward: data.ward.name, date: formatDate(data.generatedAt, data.ward.timeZone) }),
        left: 'center',
        top: 14,
        textStyle: { fontSize: 20, fontWeight: 'bold', width: width - 80, overflow: 'truncate' },
        subtextStyle: { fontSize: 14, color: '#444444' },
      },
      { text: t('report.chart.quotaTitle'), left: 40, top: 92, textStyle: { fontSize: 17, fontWeight: 'bold' } },
      { text: t('report.chart.unitsTitle'), left: 40, top: UNITS_TOP - 84, textStyle: { fontSize: 17, fontWeight: 'bold' } },
    ],
    legend: [
      { data: legendQuota, top: 124, left: 40, itemGap: 24, textStyle: { fontSize: 14 } },
      { data: [t('report.chart.honoured'), t('report.chart.notHonoured')], top: UNITS_TOP - 52, left: 40, itemGap: 24, textStyle: { fontSize: 14 } },
    ],
    grid: [
      { left: 60, right: 40, top: 170, height: UNITS_TOP - 170 - 140 },
      { left: 220, right: 70, top: UNITS_TOP, height: Math.max(4, unitNames.length) * UNIT_ROW },
    ],
    xAxis: [
      { type: 'category', gridIndex: 0, data: phaseNames, axisLabel: { fontSize: 13, width: Math.floor((width - 100) / Math.max(1, phaseNames.length)) - 16, overflow: 'break', interval: 0 } },
      { type: 'value', gridIndex: 1, minInterval: 1, axisLabel: { fontSize: 12 } },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, minInterval: 1, axisLabel: { fontSize: 12 } },
      // a very long unit name is cut with an ellipsis rather than squeezing the bars
      { type: 'category', gridIndex: 1, data: unitNames, inverse: true, axisLabel: { fontSize: 13, interval: 0, width: 340, overflow: 'truncate' } },
    ],
    series: [
      bar(legendQuota[0]!, 0, summary.phases.map((p) => p.phase.quotaCollectives), COLORS.quotaCollective, label),
      bar(legendQuota[1]!, 0, summary.phases.map((p) => p.honouredCollectives), COLORS.collective, label),
      bar(legendQuota[2]!, 0, summary.phases.map((p) => p.phase.quotaIndividuals), COLORS.quotaIndividual, label),
      bar(legendQuota[3]!, 0, summary.phases.map((p) => p.honouredIndividuals), COLORS.individual, label),
      { ...bar(t('report.chart.honoured'), 1, summary.byUnit.map((u) => u.honoured), COLORS.honoured), stack: 'unit', barWidth: 16 },
      {
        ...bar(t('report.chart.notHonoured'), 1, summary.byUnit.map((u) => u.total - u.honoured), COLORS.other),
        stack: 'unit',
        barWidth: 16,
        // the total at the end of each stacked bar
        label: { show: true, position: 'right', fontSize: 12, formatter: (p: { dataIndex: number }) => String(summary.byUnit[p.dataIndex]!.total) },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** The chart as a PNG picture, with its size. */
export function renderChartPng(data: CampaignReportData, ctx: ReportContext): { png: Buffer; width: number; height: number } {
  const svg = renderChartSvg(data, ctx);
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'original' },
    font: {
      fontFiles: [REPORT_FONT_FILES.regular, REPORT_FONT_FILES.bold],
      loadSystemFonts: false,
      defaultFontFamily: REPORT_FONT_FAMILY,
      sansSerifFamily: REPORT_FONT_FAMILY,
    },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

function bar(name: string, index: number, data: number[], color: string, label?: object) {
  return {
    type: 'bar' as const,
    name,
    xAxisIndex: index,
    yAxisIndex: index,
    data,
    itemStyle: { color },
    ...(label ? { label } : {}),
    ...(index === 0 ? { barMaxWidth: 56 } : {}),
  };
}
