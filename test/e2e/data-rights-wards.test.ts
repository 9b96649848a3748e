// The real process in the terminal: a first contact gets the privacy notice; /dulieu shows what is
// held; /xoadulieu asks, deletes, and the next start is a new person who is shown the notice
// again. With a second ward added by `npm run ward -- add`, a first contact is asked for their
// ward before anything else and then talks to that ward.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/db/backend.js';
import { freshChatData, type ChatData } from '../support/chat-data.js';
import { startChatProcess, type ChatProcess } from '../support/chat-process.js';
import { BANNER, GREETING, MENU_HINT } from './screens.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const START = 60_000;
const NOTICE = /Về dữ liệu: trợ lý chỉ lưu [^\n]*Xem, xóa: gõ \/dulieu\.\n\n/;

describe('data rights and wards in the terminal', () => {
  let data: ChatData;
  let dir: string;
  const bots: ChatProcess[] = [];
  const chatAs = async (name: string) => {
    const bot = startChatProcess({ env: data.env, args: ['--as', name] });
    bots.push(bot);
    await bot.expect(BANNER, START);
    return bot;
  };
  /** Reads the database once no process holds it (PGlite allows one at a time). */
  async function query<T>(sql: string, params?: unknown[]): Promise<T[]> {
    const backend = await openBackend(data.env.DATABASE_URL ? { kind: 'postgres', url: data.env.DATABASE_URL } : { kind: 'pglite', dataDir: data.dataDir });
    try {
      return (await backend.sql!.query(sql, params)) as T[];
    } finally {
      await backend.close();
    }
  }

  beforeEach(async () => {
    data = await freshChatData();
    dir = await mkdtemp(path.join(tmpdir(), 'data-rights-'));
  });
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.kill();
    await data.remove();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows the notice first, what is held on /dulieu, deletes on /xoadulieu, and starts afresh', async () => {
    const bot = await chatAs('Mỹ Linh');
    const hello = await bot.say('xin chào', GREETING);
    expect(hello).toMatch(NOTICE);
    expect(hello.indexOf('Về dữ liệu cá nhân')).toBeLessThan(hello.indexOf('Xin chào'));
    expect(await bot.say('xin chào', GREETING)).not.toMatch(NOTICE);

    const held = await bot.say('/dulieu', /• Xóa dữ liệu của tôi: gõ \/xoadulieu\n\n/);
    expect(held).toContain('• Tên trong khung trò chuyện trên máy: ••••inh (từ ');
    expect(held).toContain('• Đề cử bạn đã gửi: chưa có');

    expect(await bot.say('/xoadulieu', /1\. Xóa\n2\. Giữ lại\nGõ số để chọn\.\n\n/)).toContain('Xóa dữ liệu?');
    const done = await bot.say('1', /Nếu nhắn tiếp, bạn sẽ được coi là một người mới\.\n\n/);
    expect(done).toContain('Đã xóa dữ liệu của bạn');
    expect(await bot.end()).toBe(0);

    expect(await query(`select * from member_identities where external_id = 'mỹ-linh'`)).toEqual([]);
    expect(await query(`select id from conversations where chat_id = 'mỹ-linh'`)).toEqual([]);
    expect(await query(`select action from audit_log where action = 'member.data_deleted'`)).toEqual([{ action: 'member.data_deleted' }]);

    const again = await chatAs('Mỹ Linh');
    expect(await again.say('xin chào', GREETING)).toMatch(NOTICE);
    expect(await again.end()).toBe(0);
  });

  it('asks for the ward first when a second ward was added with `npm run ward -- add`', async () => {
    const csv = path.join(dir, 'units.csv');
    await writeFile(csv, 'kind,name,seq\ntổ dân phố,Tổ dân phố 1,1\nlàng,Làng Chuét,1\n');
    const env: NodeJS.ProcessEnv = { ...process.env, ...data.env, LOG_LEVEL: 'silent' };
    for (const [k, v] of Object.entries(data.env)) if (v === undefined) delete env[k];
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/ward.ts', 'add', '--code', 'hoa-lu', '--name', 'Phường Hoa Lư', '--prefix', 'HL', '--units', csv], { cwd: root, env });
    expect(stdout).toContain('Added ward "hoa-lu" (Phường Hoa Lư) with 2 units');

    const bot = await chatAs('minh');
    const asked = await bot.say('xin chào', /Gõ số để chọn\.\n\n/);
    expect(asked).toContain('Bạn ở phường, xã nào?');
    expect(asked).toContain('1. Phường Hoa Lư\n2. Phường Thắng Lợi');
    expect(asked).not.toMatch(NOTICE);
    const joined = await bot.say('1', MENU_HINT);
    expect(joined).toContain('Bạn đã chọn Phường Hoa Lư.');
    expect(joined).toMatch(NOTICE);
    expect(await bot.say('xin chào', GREETING)).toContain('Tôi là trợ lý tự động giúp bà con Phường Hoa Lư đề cử gương điển hình tiên tiến.');
    // Hoa Lư has no campaign open yet: Thắng Lợi's is not offered.
    expect(await bot.say('đề cử', /Cảm ơn bạn!\n\n/)).toContain('Hiện phường chưa mở đợt đề cử nào.');
    expect(await bot.end()).toBe(0);

    expect(await query(`select w.code from member_identities i join members m on m.id = i.member_id join wards w on w.id = m.ward_id where i.external_id = 'minh'`)).toEqual([{ code: 'hoa-lu' }]);
  });
});
