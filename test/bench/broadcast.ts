// The broadcast benchmark: the real process sends an officer's announcement to N residents
// (BENCH_BROADCAST_RECIPIENTS, default 5,000) against the local fake Bot API with its flood limit
// at 30 messages a second, and is killed (kill -9) halfway and started again. Measured: the
// sustained rate of delivered messages (the target is 95% of the limit), duplicates (0), the
// time from the kill to the first message of the restarted process, and 429s answered.
import { openBackend } from '../../src/db/backend.js';
import { createBotDatabase } from '../support/bot-database.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const OFFICER = 9001;
const FIRST = 100_001;
const BODY = 'Thông báo thử tốc độ gửi: mời bà con dự họp tổ dân phố tối thứ Sáu.';
const LIMIT = 30;

/** One run's figures. */
export interface BroadcastFigures {
  recipients: number;
  limit: number;
  /** Delivered messages a second from the first to the last, the kill and restart included. */
  overall: number;
  /** Delivered messages a second while the process ran (median of whole seconds). */
  sustained: number;
  duplicates: number;
  uncertain: number;
  limited: number;
  /** Milliseconds from the kill -9 to the first message sent by the restarted process. */
  resumeMs: number;
}

async function seed(env: Record<string, string>, n: number): Promise<void> {
  const backend = env.DATABASE_URL ? await openBackend({ kind: 'postgres', url: env.DATABASE_URL }) : await openBackend({ kind: 'pglite', dataDir: env.DATA_DIR! });
  try {
    const q = backend.sql!;
    const [o] = await q.query<{ id: string }>('insert into members (ward_id, ward_chosen_at) values ($1, now()) returning id', [WARD]);
    await q.query(`insert into member_identities (channel, external_id, member_id, chat_id) values ('telegram', $1, $2, $1)`, [String(OFFICER), o!.id]);
    await q.query(`insert into member_roles (member_id, ward_id, role, holder_name) values ($1, $2, 'officer', 'Cán bộ phường')`, [o!.id, WARD]);
    await q.query(
      `with m as (insert into members (ward_id, ward_chosen_at) select $1, now() from generate_series(1, $2) returning id),
            x as (select id, ($3::int - 1 + row_number() over (order by id))::text as ext from m)
       insert into member_identities (channel, external_id, member_id, chat_id) select 'telegram', ext, id, ext from x`,
      [WARD, n, FIRST],
    );
  } finally {
    await backend.close();
  }
}

/** Runs the broadcast benchmark once. */
export async function broadcastFigures(n: number): Promise<BroadcastFigures> {
  const telegram = await new FakeBotApi().start();
  telegram.limits = { perSecond: LIMIT, perChatPerSecond: 3, retryAfter: 1 };
  const db = await createBotDatabase();
  let bot: BotProcess | null = null;
  try {
    await seed(db.env, n);
    const start = async () => {
      const mark = telegram.callsOf('getUpdates').length;
      bot = startBotProcess({
        ...db.env,
        TELEGRAM_BOT_TOKEN: '123456789:AAE2e-test-token-for-the-fake-api',
        TELEGRAM_API_ROOT: telegram.apiRoot,
        QUIET_HOURS: 'off',
        SEND_RATE_TELEGRAM: String(LIMIT),
        DELIVERY_LEASE_SECONDS: '10',
        LOG_LEVEL: 'warn',
      });
      await telegram.waitFor('Telegram polling', () => telegram.callsOf('getUpdates').length > mark, 120_000);
    };
    await start();
    const say = async (text: string, then: string) => {
      const mark = telegram.calls.length;
      telegram.push(telegram.textUpdate(OFFICER, text));
      await telegram.waitForText(OFFICER, then, { afterCall: mark, timeoutMs: 60_000 });
    };
    await say('/thongbao', 'Bạn muốn thông báo gì?');
    await say(BODY, 'Gửi kèm một ảnh?');
    await say('bỏ qua', 'Gửi cho ai?');
    await say('cả phường', 'Gửi lúc nào?');
    await say('gửi ngay', 'có khẩn không?');
    await say('không khẩn', 'Số người nhận');
    await say('gửi', 'Đang gửi thông báo');

    // Residents' copies (the officer's chat also shows the text in the preview).
    const delivered = () => telegram.calls.filter((c) => c.method === 'sendMessage' && c.status === 200 && Number(c.payload.chat_id) !== OFFICER && String(c.payload.text).includes('Thông báo thử tốc độ'));
    await telegram.waitFor('half delivered', () => delivered().length >= n / 2 || undefined, 600_000);
    await bot!.stop('SIGKILL');
    const killedAt = performance.now();
    await start();
    await telegram.waitFor('the end', () => telegram.callsOf('editMessageText', OFFICER).some((c) => c.status === 200 && String(c.payload.text).includes('Đã gửi xong')) || undefined, 900_000);
    const sends = delivered();
    const times = sends.map((c) => c.at);
    const perChat = new Map<string, number>();
    for (const c of sends) perChat.set(String(c.payload.chat_id), (perChat.get(String(c.payload.chat_id)) ?? 0) + 1);
    const after = times.find((t) => t > killedAt) ?? killedAt;
    // Whole seconds while a process was sending (not the restart gap).
    const seconds = new Map<number, number>();
    for (const t of times) seconds.set(Math.floor(t / 1000), (seconds.get(Math.floor(t / 1000)) ?? 0) + 1);
    const firstSecond = Math.floor(times[0]! / 1000);
    const lastSecond = Math.floor(times.at(-1)! / 1000);
    const busy = [...seconds.entries()].filter(([s]) => s > firstSecond && s < lastSecond && (s < Math.floor(killedAt / 1000) || s > Math.floor(after / 1000))).map(([, c]) => c).sort((a, b) => a - b);
    const final = telegram.callsOf('editMessageText', OFFICER).filter((c) => String(c.payload.text).includes('Đã gửi xong')).at(-1);
    const uncertain = Number(/Không rõ đã nhận chưa[^:]*: (\d+)/.exec(String(final?.payload.text ?? ''))?.[1] ?? 0);
    return {
      recipients: n,
      limit: LIMIT,
      overall: sends.length / ((times.at(-1)! - times[0]!) / 1000),
      sustained: busy[Math.floor(busy.length / 2)] ?? 0,
      duplicates: [...perChat.values()].filter((x) => x > 1).length,
      uncertain,
      limited: telegram.limited,
      resumeMs: after - killedAt,
    };
  } finally {
    await (bot as BotProcess | null)?.stop('SIGKILL').catch(() => undefined);
    await telegram.close();
    await db.close();
  }
}
