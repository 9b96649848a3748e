// Telegram webhook benchmark: the real process in webhook mode against the local fake Bot API;
// N simulated people (BENCH_USERS, default 50) each fill in the whole form by posting updates to
// the webhook, people at once, each person's updates one after another (as Telegram delivers one
// chat). A request is timed until the webhook answers, which is after the reply was sent to the
// Bot API. Prints updates/s and p50/p95/p99 per update, on PGlite and, when DATABASE_URL is set,
// on a fresh database of that server. Part of `npm run bench`; alone: npx tsx test/bench/telegram-webhook.ts
import { pathToFileURL } from 'node:url';
import { createBotDatabase } from '../support/bot-database.js';
import { freePort, startBotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { nomineeNames } from './residents.js';
import { quantile, table } from './stats.js';

const USERS = Number(process.env.BENCH_USERS ?? 50);
const SECRET = 'bench_webhook_secret_0123456789';
const TOKEN = '123456789:AABench-token-for-the-fake-api';

type Move = { say: string } | { press: string } | { pressFirst: true };

function script(name: string): Move[] {
  return [
    { say: '/decu' },
    { press: 'Cá nhân' },
    { press: 'Người lao động, người tốt, việc tốt' },
    { say: 'to 3' },
    { press: 'Tổ dân phố 3' },
    { say: name },
    { say: 'Giúp bà con trong tổ làm đường bê tông và dọn vệ sinh khu phố mỗi tuần.' },
    { pressFirst: true },
    { press: 'Xong' },
    { press: 'Bỏ qua' },
    { press: 'Không đồng ý' },
    { press: 'Gửi đề cử' },
  ];
}

async function runOne(label: string): Promise<(string | number)[]> {
  const fake = await new FakeBotApi().start();
  const db = await createBotDatabase();
  const port = await freePort();
  const bot = startBotProcess({
    ...db.env,
    LOG_LEVEL: 'warn',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: 'https://bench.example.org/tg',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    PORT: String(port),
  });
  try {
    await fake.waitFor('setWebhook', () => fake.callsOf('setWebhook').length > 0, 60_000);
    const post = async (update: unknown) => {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/tg`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
        body: JSON.stringify(update),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
      return performance.now() - started;
    };
    const names = nomineeNames(USERS + 1);
    const latencies: number[] = [];
    const person = async (i: number) => {
      const user = 500_000 + i;
      for (const move of script(names[i]!)) {
        const update =
          'say' in move
            ? fake.textUpdate(user, move.say)
            : 'press' in move
              ? fake.pressUpdate(user, fake.lastKeyboard(user), move.press)
              : fake.pressUpdate(user, fake.lastKeyboard(user), (b) => b.callback_data.startsWith('criteria.'));
        latencies.push(await post(update));
      }
      if (!fake.messagesTo(user).some((m) => /TL-\d{4}/.test(m.text))) throw new Error(`no receipt for person ${i}:\n${fake.transcript(user)}`);
    };
    await person(USERS); // warm-up: one person alone
    latencies.length = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: USERS }, (_, i) => person(i)));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    if (fake.violations.length) throw new Error(`Bot API limits broken: ${fake.violations.join('; ')}`);
    const apiCalls = fake.calls.length;
    return [label, USERS, latencies.length, Math.round(latencies.length / seconds), ...[0.5, 0.95, 0.99].map((q) => quantile(latencies, q).toFixed(1)), apiCalls];
  } finally {
    await bot.stop().catch(() => undefined);
    await fake.close();
    await db.close();
  }
}

/** The columns of the webhook table. */
export const WEBHOOK_HEADER = ['backend', 'people', 'updates', 'updates/s', 'p50 ms', 'p95 ms', 'p99 ms', 'Bot API calls'];

/** Runs the webhook benchmark on PGlite and, when DATABASE_URL is set, on the Postgres server. */
export async function telegramWebhookRows(): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  const databaseUrl = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    rows.push(await runOne('pglite'));
    if (databaseUrl) {
      process.env.DATABASE_URL = databaseUrl;
      rows.push(await runOne('postgres'));
    }
  } finally {
    if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
  }
  return rows;
}

// Run on its own: npx tsx test/bench/telegram-webhook.ts
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${table(WEBHOOK_HEADER, await telegramWebhookRows())}\n`);
}
