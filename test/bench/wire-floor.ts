// The floor of issue 13's figures on this machine: wire-floor-bot.ts (the wire work of a turn and
// nothing of the bot's own) measured the way telegram-webhook.ts measures the bot, on the Postgres
// server: the same fake Bot API, the same posting client, the same node flags, the same people
// (BENCH_WIRE_USERS, 200 unless set) and pauses (BENCH_WIRE_THINK_MS), 11 updates each (typed
// answers and button presses alternating), one at a time and all at once.
// What the bot costs above these figures is its own work; what the goals ask below them no bot
// of this architecture can give on this machine.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { freePort, startCommand } from '../support/bot-process.js';
import { createServerDatabase } from '../support/databases.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { postgresProcessCpuMs, processCpuMs, quantile, table } from './stats.js';
import { poster, runAnswer, THINK_MS, USERS } from './telegram-webhook.js';

const UPDATES = 11;
const SECRET = 'floor-secret';
const TOKEN = '123456:floor';
const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, 'node_modules', '.cache', 'wire-floor-bot.mjs');

/** One mode's figures. */
export interface FloorRow {
  mode: 'one at a time' | 'all at once';
  updates: number;
  p50: number;
  p99: number;
  botCpu: number | null;
  pgOwnCpu: number | null;
}

const sumOf = (m: Map<number, number>, only: Set<number>) => [...m].reduce((n, [pid, ms]) => n + (only.has(pid) ? ms : 0), 0);

/** Measures the floor; null without DATABASE_URL (it is a Postgres server figure). */
export async function wireFloorFigures(): Promise<FloorRow[] | null> {
  if (!process.env.DATABASE_URL) return null;
  execFileSync(path.join(root, 'node_modules', '.bin', 'esbuild'), ['test/bench/wire-floor-bot.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external', '--log-level=warning', `--outfile=${bundle}`], { cwd: root });
  const db = await createServerDatabase();
  const fake = await new FakeBotApi().start();
  const port = await freePort();
  const flags = startCommand().slice(0, -1);
  const child = spawn(process.execPath, [...flags, bundle], {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: String(port), DATABASE_URL: db.url, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const admin = new pg.Client({ connectionString: db.url });
  const { post, close } = poster(port, SECRET);
  try {
    await fake.waitFor('setWebhook', () => fake.callsOf('setWebhook').length > 0, 30_000);
    await admin.connect();
    const dbName = new URL(db.url).pathname.slice(1);
    const person = async (user: number, spans: number[] | null, thinking: boolean) => {
      for (let u = 0; u < UPDATES; u++) {
        const update = u % 2 === 1 ? fake.pressUpdate(user, fake.lastKeyboard(user), 'Bỏ qua') : fake.textUpdate(user, `Câu trả lời số ${u + 1} của người ${user}`);
        if (thinking) await new Promise((r) => setTimeout(r, THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0])));
        const t0 = performance.now();
        const answer = await post(update);
        spans?.push(performance.now() - t0);
        await runAnswer(fake, answer);
      }
    };
    await person(900_000, null, false); // warm-up, not counted
    const rows: FloorRow[] = [];
    for (const [k, mode] of (['one at a time', 'all at once'] as const).entries()) {
      const people = Array.from({ length: USERS }, (_, i) => 700_000 + k * USERS + i);
      const spans: number[] = [];
      const bot0 = await processCpuMs(child.pid!);
      const pg0 = await postgresProcessCpuMs();
      if (mode === 'one at a time') for (const p of people) await person(p, spans, false);
      else await Promise.all(people.map((p) => person(p, spans, true)));
      const own = new Set((await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName])).rows.map((r) => r.pid));
      const bot1 = await processCpuMs(child.pid!);
      const pg1 = await postgresProcessCpuMs();
      const sorted = spans.sort((a, b) => a - b);
      rows.push({
        mode,
        updates: spans.length,
        p50: quantile(sorted, 0.5),
        p99: quantile(sorted, 0.99),
        botCpu: bot0 === null || bot1 === null ? null : (bot1 - bot0) / spans.length,
        pgOwnCpu: pg1.size ? (sumOf(pg1, own) - sumOf(pg0, own)) / spans.length : null,
      });
      process.stderr.write(`  floor ${mode}: ${spans.length} updates\n`);
    }
    return rows;
  } finally {
    close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await admin.end().catch(() => undefined);
    await fake.close();
    await db.drop();
  }
}

const fmt = (v: number | null) => (v === null ? 'not measured (no /proc)' : v.toFixed(2));

/** The floor's table and its Markdown section for results.md. */
export function wireFloorSection(rows: FloorRow[]): { text: string; md: string[] } {
  const t = table(
    ['mode', 'updates', 'p50 ms', 'p99 ms', 'floor CPU ms/update', "Postgres CPU ms/update (the floor's connections)", 'floor + Postgres CPU ms/update'],
    rows.map((r) => [r.mode, r.updates, fmt(r.p50), fmt(r.p99), fmt(r.botCpu), fmt(r.pgOwnCpu), fmt(r.botCpu === null || r.pgOwnCpu === null ? null : r.botCpu + r.pgOwnCpu)]),
  );
  const md = [
    '### The floor on this machine',
    '',
    `\`test/bench/wire-floor-bot.ts\`: a process that does only a turn's wire work (the webhook POST with its secret checked, two round trips to Postgres through small plpgsql functions over prepared statements with the save committed, one sendMessage with a keyboard, the answer carrying the button's answer) and none of the bot's own, started with \`npm start\`'s node flags and driven like the bot above: ${USERS} people, ${UPDATES} updates each, on the Postgres server, on Node ${process.version}. The bot's figures above, less these, are its own work.`,
    '',
    t,
    '',
  ];
  return { text: t, md };
}

// Run on its own: DATABASE_URL=... npx tsx test/bench/wire-floor.ts
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await wireFloorFigures();
  process.stdout.write(rows ? `${wireFloorSection(rows).text}\n` : 'DATABASE_URL is not set: the floor is a Postgres server figure.\n');
}
