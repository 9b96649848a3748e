// /baocao through the real process on Telegram and Zalo at once. On Telegram the officer is told
// the report is being prepared, then gets the workbook, the CSV and the PDF as documents and the
// chart as a photo, all uploaded (multipart) to the fake Bot API: the workbook opens with exceljs
// with its Vietnamese sheets, the CSV starts with a BOM, the PDF is a PDF, the PNG decodes. On
// Zalo, which takes no file, the officer gets links served by the bot's own HTTP server: a page
// first (a link preview uses nothing up), the file once on the download, 410 after; the chart as
// a photo by URL; a link not used in time is refused as expired. A resident gets a polite no.
import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { freePort, startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';
import { STARTUP_MS } from '../support/wait-until.js';

const OFFICER_TG = 7201;
const RESIDENT_TG = 7202;
const OFFICER_ZALO = 'zu-report-officer';
const LINK_SECONDS = 8;

describe('reports in the chat, end to end', () => {
  let telegram: FakeBotApi;
  let zalo: FakeZaloApi;
  let db: BotDatabase;
  let bot: BotProcess;
  let base: string;

  beforeAll(async () => {
    telegram = await new FakeBotApi().start();
    zalo = await new FakeZaloApi().start();
    db = await createBotDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    bot = startBotProcess({
      ...db.env,
      TELEGRAM_BOT_TOKEN: '123456789:AAE2e-test-token-for-the-fake-api',
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      ADMIN_TELEGRAM_IDS: String(OFFICER_TG),
      ADMIN_ZALO_IDS: OFFICER_ZALO,
      PORT: String(port),
      PUBLIC_BASE_URL: base,
      REPORT_LINK_SECONDS: String(LINK_SECONDS),
      QUIET_HOURS: 'off',
    });
    await Promise.all([
      telegram.waitFor('Telegram polling', () => telegram.callsOf('getUpdates').length > 0, STARTUP_MS),
      zalo.waitFor('Zalo polling', () => zalo.callsOf('getUpdates').length > 0, STARTUP_MS),
    ]).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
  }, STARTUP_MS + 30_000);

  afterAll(async () => {
    await bot?.stop().catch(() => undefined);
    await telegram?.close();
    await zalo?.close();
    await db?.close();
  });

  it('sends an officer on Telegram the workbook, the CSV and the PDF as documents and the chart as a photo', async () => {
    const mark = telegram.calls.length;
    telegram.push(telegram.textUpdate(OFFICER_TG, '/baocao'));
    await telegram.waitForText(OFFICER_TG, 'Đang chuẩn bị báo cáo đợt', { afterCall: mark });
    const uploads = await telegram.waitFor(
      'three documents and a photo',
      () => {
        const mine = telegram.uploads.filter((u) => u.chatId === OFFICER_TG);
        return mine.length >= 4 ? mine : undefined;
      },
      60_000,
    );
    expect(uploads.map((u) => [u.method, u.filename.replace(/\d{4}-\d{2}-\d{2}/, 'DATE')])).toEqual([
      ['sendDocument', 'dhtt-2026-2030-DATE.xlsx'],
      ['sendDocument', 'dhtt-2026-2030-DATE.csv'],
      ['sendDocument', 'dhtt-2026-2030-DATE.pdf'],
      ['sendPhoto', 'dhtt-2026-2030-DATE-chart.png'],
    ]);
    await telegram.waitForText(OFFICER_TG, 'bảng Excel, tệp CSV, báo cáo tóm tắt PDF và biểu đồ', { afterCall: mark });
    expect(telegram.violations).toEqual([]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(uploads[0]!.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Đề cử', 'Tiêu chí', 'Lượt ủng hộ', 'Lịch sử trạng thái', 'Các bước biểu mẫu']);
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('Mã biên nhận');
    expect(workbook.worksheets[4]!.getRow(1).getCell(1).value).toBe('Bước của biểu mẫu đề cử');
    expect(uploads[1]!.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(uploads[1]!.bytes.toString('utf8')).toContain('Người/tập thể được đề cử');
    expect(uploads[2]!.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const png = PNG.sync.read(uploads[3]!.bytes);
    expect(png.width).toBe(1200);
    expect(png.height).toBeGreaterThan(500);
  });

  it('answers a resident politely and makes nothing', async () => {
    const mark = telegram.calls.length;
    const uploads = telegram.uploads.length;
    telegram.push(telegram.textUpdate(RESIDENT_TG, 'báo cáo'));
    await telegram.waitForText(RESIDENT_TG, 'Lệnh này chỉ dành cho cán bộ phường', { afterCall: mark });
    await new Promise((r) => setTimeout(r, 500));
    expect(telegram.uploads.length).toBe(uploads);
  });

  it('gives a Zalo officer one-time links served by the bot, and the chart as a photo', async () => {
    const mark = zalo.calls.length;
    zalo.push(zalo.textUpdate(OFFICER_ZALO, 'bao cao'));
    await zalo.waitForText(OFFICER_ZALO, 'Đang chuẩn bị báo cáo đợt', mark);
    const text = await zalo.waitForText(OFFICER_ZALO, 'Mỗi đường dẫn chỉ dùng được một lần', mark, 60_000);
    const sentAt = Date.now();
    const links = [...text.matchAll(/(\S+\.(xlsx|csv|pdf)): (http\S+)/g)].map((m) => ({ name: m[1]!, kind: m[2]!, url: m[3]! }));
    expect(links.map((l) => l.kind)).toEqual(['xlsx', 'csv', 'pdf']);
    for (const l of links) expect(l.url.startsWith(`${base}/report-file?t=`)).toBe(true);
    const photo = await zalo.waitFor('the chart as a photo', () => zalo.callsOf('sendPhoto', OFFICER_ZALO).at(-1), 30_000);
    expect(String(photo.payload.caption)).toContain('Biểu đồ đợt');

    const xlsx = links[0]!;
    // the page a browser (or a link preview) opens uses nothing up
    for (let i = 0; i < 2; i++) {
      const page = await fetch(xlsx.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Tải tệp');
    }
    const download = await fetch(xlsx.url, { method: 'POST' });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(xlsx.name);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download.arrayBuffer());
    expect(workbook.worksheets[0]!.name).toBe('Đề cử');
    const again = await fetch(xlsx.url, { method: 'POST' });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('đã được dùng');
    expect((await fetch(xlsx.url)).status).toBe(410);
    expect((await fetch(`${base}/report-file?t=not-a-real-token-at-all`)).status).toBe(404);

    const chart = await fetch(String(photo.payload.photo));
    expect(chart.status).toBe(200);
    expect(PNG.sync.read(Buffer.from(await chart.arrayBuffer())).width).toBe(1200);

    // the CSV link, not used in time
    await new Promise((r) => setTimeout(r, Math.max(0, sentAt + (LINK_SECONDS + 1) * 1000 - Date.now())));
    const late = await fetch(links[1]!.url, { method: 'POST' });
    expect(late.status).toBe(410);
    expect(await late.text()).toContain('hết hạn');
  }, 60_000);
});
