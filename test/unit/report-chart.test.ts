// The chart picture: a PNG (signature and header read back) of the size the layout promises,
// drawn from an SVG whose labels are Vietnamese in the report's font.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { chartSize, renderChartPng, renderChartSvg } from '../../src/reports/chart-report.js';
import { campaignReportDataSchema } from '../../src/reports/report-data.js';
import { REPORT_FONT_FAMILY } from '../../src/reports/report-font.js';
import { reportContext } from '../support/report-context.js';
import { sampleReportData } from '../support/report-fixture.js';

describe('chart report', () => {
  it('draws Vietnamese labels in the report font', async () => {
    const data = campaignReportDataSchema.parse(sampleReportData(50));
    const svg = renderChartSvg(data, await reportContext('vi'));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(REPORT_FONT_FAMILY);
    for (const label of ['Tiến độ chỉ tiêu theo giai đoạn', 'Số đề cử theo đơn vị', 'Làng Plei Ốp', 'Tập thể đã tôn vinh']) expect(svg).toContain(label);
  });

  it('is a PNG of the expected size that decodes', async () => {
    const data = campaignReportDataSchema.parse(sampleReportData(50));
    const { png, width, height } = renderChartPng(data, await reportContext('vi'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const expected = chartSize(data.units.length);
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(expected);
    expect({ width, height }).toEqual(expected);
    const image = PNG.sync.read(png);
    expect({ width: image.width, height: image.height }).toEqual(expected);
    // not a blank picture: some pixels are dark (text, axes) and some coloured (bars)
    let dark = 0;
    for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 80 && image.data[i + 1]! < 80 && image.data[i + 2]! < 80) dark++;
    expect(dark).toBeGreaterThan(1000);
  });

  it('grows with the number of units', () => {
    expect(chartSize(40).height).toBeGreaterThan(chartSize(16).height);
    expect(chartSize(40).width).toBe(chartSize(16).width);
  });
});
