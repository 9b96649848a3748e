// /baocao in the terminal, through the real process: the officer named by ADMIN_CONSOLE_USERS is
// told the report is being prepared, then the four files are written to DATA_DIR/reports and
// their paths printed; the workbook is a zip, the CSV starts with a BOM, the PDF is a PDF.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshChatData, type ChatData } from '../support/chat-data.js';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';
import { STARTUP_MS } from '../support/wait-until.js';
import { BANNER } from './screens.js';

describe('reports in the terminal', () => {
  let data: ChatData;
  let bot: ChatProcess | null = null;

  beforeEach(async () => {
    data = await freshChatData();
  });
  afterEach(async () => {
    await bot?.kill();
    await data.remove();
  });

  it('writes the report files to a folder and prints their paths', async () => {
    bot = startChatProcess({ env: { ...data.env, ADMIN_CONSOLE_USERS: 'thu', QUIET_HOURS: 'off' }, args: ['--as', 'thu'] });
    await bot.expect(BANNER, STARTUP_MS);
    await bot.say('/baocao', 'Đang chuẩn bị báo cáo đợt');
    const saved = await bot.expect(/Đã lưu các tệp báo cáo:\n(\s+\S+\n){4}/, 60_000);
    const files = [...saved.matchAll(/^\s+(\/\S+)$/gm)].map((m) => m[1]!);
    expect(files.map((f) => path.relative(path.join(data.dataDir, 'reports'), f).replace(/\d{4}-\d{2}-\d{2}/, 'DATE'))).toEqual([
      'dhtt-2026-2030-DATE.xlsx',
      'dhtt-2026-2030-DATE.csv',
      'dhtt-2026-2030-DATE.pdf',
      'dhtt-2026-2030-DATE-chart.png',
    ]);
    expect((await readFile(files[0]!)).subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await readFile(files[1]!)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await readFile(files[2]!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await bot.end()).toBe(0);
  }, STARTUP_MS + 90_000);
});
