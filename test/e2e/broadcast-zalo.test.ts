// A broadcast on Zalo through the real process: the officer composes it by typing (numbered
// answers, no buttons), a photo from Zalo (a URL) goes with it; Zalo cannot edit a sent message,
// so progress comes as new messages (at the start, every few recipients, on a pause or resume, at
// the end); typed words pause and resume it; each resident gets exactly one copy; cancel after the
// end and resume of a finished one are answered politely.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/db/backend.js';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const OFFICER = 'zo-officer';
const RESIDENTS = 40;
const BODY = 'Tối thứ Sáu họp tổ dân phố lúc 19:30 tại nhà văn hóa.';
const PHOTO = 'https://photo.zalo.example/hop-to.jpg';

async function seed(env: Record<string, string>): Promise<void> {
  const backend = env.DATABASE_URL ? await openBackend({ kind: 'postgres', url: env.DATABASE_URL }) : await openBackend({ kind: 'pglite', dataDir: env.DATA_DIR! });
  try {
    const q = backend.sql!;
    const [o] = await q.query<{ id: string }>('insert into members (ward_id, ward_chosen_at) values ($1, now()) returning id', [WARD]);
    await q.query(`insert into member_identities (channel, external_id, member_id, chat_id) values ('zalo', $1, $2, $1)`, [OFFICER, o!.id]);
    await q.query(`insert into member_roles (member_id, ward_id, role, holder_name) values ($1, $2, 'officer', 'Cán bộ phường')`, [o!.id, WARD]);
    await q.query(
      `with m as (insert into members (ward_id, ward_chosen_at) select $1, now() from generate_series(1, $2) returning id),
            x as (select id, 'zr-' || row_number() over (order by id) as ext from m)
       insert into member_identities (channel, external_id, member_id, chat_id) select 'zalo', ext, id, ext from x`,
      [WARD, RESIDENTS],
    );
  } finally {
    await backend.close();
  }
}

describe('a broadcast on Zalo', () => {
  let zalo: FakeZaloApi;
  let db: BotDatabase;
  let bot: BotProcess;

  beforeAll(async () => {
    zalo = await new FakeZaloApi().start();
    db = await createBotDatabase();
    await seed(db.env);
    bot = startBotProcess({
      ...db.env,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      QUIET_HOURS: 'off',
      SEND_RATE_ZALO: '4',
      BROADCAST_PROGRESS_SECONDS: '1',
      BROADCAST_PROGRESS_EVERY: '15',
    });
    await zalo.waitFor('Zalo polling', () => zalo.callsOf('getUpdates').length > 0, 120_000).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
  }, 180_000);

  afterAll(async () => {
    await bot?.stop().catch(() => undefined);
    await zalo?.close();
    await db?.close();
  });

  const says = async (text: string, then: string | RegExp) => {
    const mark = zalo.calls.length;
    zalo.push(zalo.textUpdate(OFFICER, text));
    await zalo.waitForText(OFFICER, then, mark);
    return zalo.textsTo(OFFICER, mark).join('\n');
  };
  const got = () => {
    const per = new Map<string, number>();
    for (const c of zalo.callsOf('sendMessage')) if (c.status === 200 && String(c.payload.text).includes(BODY) && c.payload.chat_id !== OFFICER) per.set(String(c.payload.chat_id), (per.get(String(c.payload.chat_id)) ?? 0) + 1);
    return per;
  };

  it('sends once to each with a photo, progress as new messages, paused and resumed by typed words', async () => {
    await says('thông báo', 'Bạn muốn thông báo gì?');
    await says(BODY, 'Gửi kèm một ảnh?');
    const mark = zalo.calls.length;
    zalo.push(zalo.photoUpdate(OFFICER, PHOTO));
    await zalo.waitForText(OFFICER, 'Gửi cho ai?', mark);
    await says('1', 'Gửi lúc nào?');
    await says('gửi ngay', 'có khẩn không?');
    const preview = await says('không khẩn', 'Số người nhận');
    expect(preview).toContain(`Số người nhận: ${RESIDENTS + 1}`);
    expect(preview).not.toContain('Ảnh chỉ hiện được');
    expect(await says('gửi', 'Đang gửi thông báo')).toContain(`Đang gửi thông báo cho ${RESIDENTS + 1} người.`);
    // The first progress message says Zalo cannot edit it, and how to pause by typing.
    const first = await zalo.waitForText(OFFICER, /Đã gửi \d+\/41/);
    expect(first).toContain('gõ /tamdung');
    expect(zalo.textsTo(OFFICER).join('\n')).toContain('Zalo không sửa được tin đã gửi');

    await zalo.waitFor('8 delivered', () => got().size >= 8 || undefined, 30_000);
    expect(await says('tạm dừng gửi', 'Đã tạm dừng gửi thông báo.')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 2500));
    const paused = got().size;
    await new Promise((r) => setTimeout(r, 1500));
    expect(got().size).toBe(paused);
    expect(paused).toBeLessThan(RESIDENTS);
    await says('gửi tiếp', 'Đã tiếp tục gửi thông báo.');
    const end = await zalo.waitForText(OFFICER, 'Đã gửi xong thông báo', 0, 60_000);
    expect(end).toContain(`Đã nhận: ${RESIDENTS + 1}`);

    const copies = got();
    expect(copies.size).toBe(RESIDENTS);
    expect([...copies.values()].every((n) => n === 1)).toBe(true);
    // The photo (a Zalo URL) went to each resident once too.
    expect(zalo.callsOf('sendPhoto').filter((c) => c.status === 200 && c.payload.photo === PHOTO && c.payload.chat_id !== OFFICER)).toHaveLength(RESIDENTS);
    // Progress came as a handful of new messages, not one per recipient.
    const progress = zalo.textsTo(OFFICER).filter((t) => /Đã gửi \d+\/41/.test(t));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThanOrEqual(8);

    expect(await says('/dunggui', 'đã gửi xong')).toBeTruthy();
    expect(await says('/tieptuc', 'đã gửi xong')).toBeTruthy();
    expect(zalo.violations).toEqual([]);
  }, 180_000);
});
