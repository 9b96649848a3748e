// Outbox delivery benchmark: 1,000 notices queued (one per recipient, each with their own
// Telegram chat) before the real process starts; its delivery worker sends them to the local
// fake Bot API with Telegram's flood limits on (30 messages a second overall, one a second per
// chat: more is answered 429 with retry_after). Timed from the first message the fake accepted
// to the last; every recipient must get exactly one, and every outbox row end as sent. On PGlite
// and, when DATABASE_URL is set, on a fresh database of that server. Part of `npm run bench`;
// alone: npx tsx test/bench/outbox-delivery.ts
import { pathToFileURL } from 'node:url';
import { createBotDatabase } from '../support/bot-database.js';
import { startBotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { table } from './stats.js';

const RECIPIENTS = Number(process.env.BENCH_OUTBOX_RECIPIENTS ?? 1000);
const TOKEN = '123456789:AABench-token-for-the-fake-api';
const WARD = '20000000-0000-4000-8000-000000000001';
const FIRST_CHAT = 8_000_000;

export const OUTBOX_HEADER = ['backend', 'recipients', 'sent', 'seconds', 'messages/s', '429 answers', 'duplicates'];

async function runOne(label: string): Promise<(string | number)[]> {
  const fake = await new FakeBotApi().start();
  fake.limits = { perSecond: 30, perChatPerSecond: 1, retryAfter: 1 };
  const db = await createBotDatabase();
  try {
    await db.query(
      `with m as (insert into members (ward_id) select $1 from generate_series(1, $2) returning id),
            numbered as (select id, row_number() over (order by id) as k from m)
       insert into member_identities (channel, external_id, member_id, chat_id)
       select 'telegram', ($3 + k)::text, id, ($3 + k)::text from numbered`,
      [WARD, RECIPIENTS, FIRST_CHAT],
    );
    await db.query(
      `select bot_notify(i.member_id, 'bench-' || i.external_id, jsonb_build_object('messages', jsonb_build_array(jsonb_build_object('kind', 'text', 'text', jsonb_build_array(jsonb_build_object('raw', 'Thông báo thử nghiệm ' || i.external_id))))))
         from member_identities i where i.channel = 'telegram'`,
    );
    await db.disconnect();
    const bot = startBotProcess({ ...db.env, LOG_LEVEL: 'warn', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, QUIET_HOURS: 'off' });
    const sent = () => fake.calls.filter((c) => c.method === 'sendMessage' && c.status === 200);
    try {
      await fake.waitFor(`${RECIPIENTS} messages sent`, () => sent().length >= RECIPIENTS, 600_000).catch((err: Error) => {
        throw new Error(`${err.message} (${sent().length} sent)\n${bot.stderr()}`);
      });
      // A moment more: anything sent twice would show now.
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      await bot.stop();
    }
    const ok = sent();
    const chats = new Set(ok.map((c) => Number(c.payload.chat_id)));
    const seconds = (ok.at(-1)!.at - ok[0]!.at) / 1000;
    const [rows] = await db.query<{ sent: number; other: number }>(
      `select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status <> 'sent')::int as other from outbox where dedupe_key like 'bench-%'`,
    );
    if (chats.size !== RECIPIENTS || rows!.sent !== RECIPIENTS || rows!.other !== 0) {
      throw new Error(`${label}: ${chats.size} chats reached, outbox ${JSON.stringify(rows)}, expected ${RECIPIENTS} each`);
    }
    return [label, RECIPIENTS, ok.length, seconds.toFixed(1), ((ok.length - 1) / seconds).toFixed(1), fake.limited, ok.length - chats.size];
  } finally {
    await fake.close();
    await db.close();
  }
}

/** The rows of the outbox benchmark, PGlite first, then the server when DATABASE_URL is set. */
export async function outboxRows(): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  const only = process.env.BENCH_BACKENDS?.split(',').map((b) => b.trim());
  const saved = process.env.DATABASE_URL;
  if (!only || only.includes('pglite')) {
    delete process.env.DATABASE_URL;
    try {
      rows.push(await runOne('pglite'));
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  }
  if (saved && (!only || only.includes('postgres'))) rows.push(await runOne('postgres'));
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  outboxRows().then(
    (rows) => {
      process.stdout.write(`${table(OUTBOX_HEADER, rows)}\n`);
      process.exit(0);
    },
    (err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
