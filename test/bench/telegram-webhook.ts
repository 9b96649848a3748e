// Through the wire: the real bot process (`node dist/main.js`, as `npm start` runs it, built first) in
// Telegram webhook mode against the local fake Bot API (test/support/fake-bot-api.ts), with
// BENCH_WIRE_USERS residents (default 200) each completing the whole nomination form (11 updates:
// typed answers and button presses, each press on the message as the bot last left it), in two
// modes one after the other in the same process, after one warm-up person who is not counted:
// - one at a time: each person's whole form, then the next person;
// - all at once: every person at the same time, each person's updates one after another (as
//   Telegram delivers one chat), over at most 40 connections as Telegram opens (max_connections'
//   default), each person taking 0.5 to 1.5 s before each message (see THINK_MS): about 200
//   updates a second offered.
// On PGlite (DATA_DIR in a temp folder, the bot's default embedded backend) and, when DATABASE_URL
// is set, on a fresh database of that Postgres server; a fresh bot process and database each.
//
// What each figure is:
// - latency per update: from the webhook POST until its HTTP response. The webhook answers only
//   after the update handler has finished, and the handler awaits every Bot API call of the turn
//   (the callback answer, the sends and edits), so this includes them. The run checks it: a Bot
//   API call to a person's chat that arrives after the webhook answered that person's update (and
//   before their next one) stops the run, as the latencies would then understate.
// - bot CPU per update: utime + stime of the bot's pid (all its threads) from /proc/<pid>/stat,
//   its change over the mode (from just before the first POST until 1.1 s after the last answer,
//   so the delivered-marks flush, which waits up to a second, is counted) over the updates.
//   Whatever else the process does meanwhile (its workers' polling) is in it too: the idle CPU in
//   the second table shows how much that is. 10 ms ticks.
// - Postgres CPU per update: the change of every local process named postgres (/proc, the same
//   reading as the in-process benchmark's) over the same span: the whole server, other clients'
//   work included (on a shared machine, see "of which the bot's connections": the backends whose
//   database is the bench's, from pg_stat_activity; WAL writing and the other shared processes are
//   not in that one). A backend that exits during the mode takes its time with it. On PGlite the
//   database runs inside the bot, so its CPU is in the bot's ("in bot").
// - Bot API calls per update: every call the bot made to the fake during the mode, over the
//   updates. A method the bot puts in its answer to the webhook POST (a button's answer) is run by
//   Telegram without a call of the bot's: the poster hands it to the fake as Telegram would, and
//   it is counted apart ("methods in webhook answers").
// - last/step 2: p50 of the last step (the confirmation, which files the nomination) over p50 of
//   step 2 (the first answer), one at a time.
// - peak RSS: VmHWM of the bot's pid from /proc/<pid>/status after both modes.
// - start: from spawning the process until the fake receives setWebhook.
//
// Alone: npx tsx test/bench/telegram-webhook.ts (prints the tables); part of `npm run bench`.
// BENCH_BACKENDS=pglite or =postgres runs one backend only.
// BENCH_WIRE_PROFILE=dir starts the bot with `--cpu-prof --cpu-prof-dir=dir`: .cpuprofile files
// per backend (one per thread: the main one, and tsx's loader thread), written when the process
// exits, covering start, warm-up and both modes (open them in Chrome DevTools or speedscope); the
// figures of a profiled run are slower than usual.
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { createBotDatabase } from '../support/bot-database.js';
import { buildBot, freePort, startBotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { nomineeNames } from './residents.js';
import { postgresProcessCpuMs, processCpuMs, processMemoryMiB, quantile, table } from './stats.js';

export const USERS = positiveInt('BENCH_WIRE_USERS', 200);
const PROFILE_DIR = process.env.BENCH_WIRE_PROFILE ? path.resolve(process.env.BENCH_WIRE_PROFILE) : null;
const SECRET = 'bench_webhook_secret_0123456789';
const TOKEN = '123456789:AABench-token-for-the-fake-api';
/** After a mode's last answer, until its CPU is read: the turn service flushes delivered marks within a second. */
const SETTLE_MS = 1100;
/** Telegram's default for how many connections it opens to one webhook at once (setWebhook's max_connections). */
const TELEGRAM_MAX_CONNECTIONS = 40;
/** BENCH_WIRE_FROM_SOURCES=1: run src/main.ts through tsx instead (how `npm start` ran the bot before it was compiled). */
const FROM_SOURCES = process.env.BENCH_WIRE_FROM_SOURCES === '1';
/** More flags for the bot's node (BENCH_WIRE_NODE_ARGS, space-separated; after npm start's, so they win), to try one before it goes in package.json. */
const EXTRA_NODE_ARGS = (process.env.BENCH_WIRE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
/**
 * All at once: how long a person takes before each message (the first too), ms (uniform in the
 * range; BENCH_WIRE_THINK_MS=lo-hi). 200 people answering about once a second offer the bot 200
 * updates a second: a crowded evening for a ward, far above a real one, and a load the latency
 * figures mean something under (with no pause at all, 200 requests always wait in line and p50 is
 * only the queue: 200 over the throughput).
 */
export const THINK_MS: [number, number] = (() => {
  const m = /^(\d+)-(\d+)$/.exec(process.env.BENCH_WIRE_THINK_MS ?? '500-1500');
  if (!m || Number(m[1]) > Number(m[2])) throw new Error('BENCH_WIRE_THINK_MS must be lo-hi in ms, e.g. 500-1500');
  return [Number(m[1]), Number(m[2])];
})();
/** How long the idle process is watched. */
const IDLE_MS = 3000;

type Move = { say: string } | { press: string } | { pressFirst: true };
type Mode = 'one at a time' | 'all at once';

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

function script(name: string): Move[] {
  return [
    { say: '/decu' },
    { press: 'Người tốt, việc tốt' },
    { say: 'to' },
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
const STEPS = script('x').length;

/** One mode's figures. */
export interface WireRow {
  backend: 'pglite' | 'postgres';
  mode: Mode;
  people: number;
  updates: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** ms per update; null: /proc could not be read. */
  botCpu: number | null;
  /** ms per update; 'in bot' on PGlite; null: /proc could not be read. */
  pgCpu: number | 'in bot' | null;
  /** ms per update of the backends connected to the bench's database (Postgres only). */
  pgOwnCpu: number | null;
  /** Calls the bot made to the Bot API, per update. */
  apiCalls: number;
  /** Methods the bot gave in its webhook answers (run by Telegram, no call of the bot's), per update. */
  webhookAnswers: number;
  step2: number;
  last: number;
}

/** One backend's figures. */
export interface WireBackend {
  backend: 'pglite' | 'postgres';
  rows: WireRow[];
  peakRssMiB: number | null;
  startMs: number;
  /** CPU ms per second of the idle process (after the warm-up, before the first mode). */
  idleBotCpu: number | null;
  idlePgCpu: number | 'in bot' | null;
  /** Bot API calls over both modes, by method. */
  callsByMethod: Record<string, number>;
  /** The machine's load average (1, 5, 15 minutes) when this backend's run started. */
  load: string;
}

/**
 * A webhook poster over kept-alive connections. Resolves when the answer has arrived, with the
 * answer's body: Telegram runs a method given there (see `runAnswer`), after the answer.
 */
export function poster(port: number, secret = SECRET) {
  // As Telegram: at most max_connections (40 unless setWebhook says otherwise) open at once; an
  // update waits for a free one (its wait is in its latency, as Telegram's queue would be).
  const agent = new http.Agent({ keepAlive: true, maxSockets: TELEGRAM_MAX_CONNECTIONS });
  const post = (update: unknown) =>
    new Promise<string>((resolve, reject) => {
      const body = Buffer.from(JSON.stringify(update));
      const req = http.request(
        { host: '127.0.0.1', port, path: '/tg', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length, 'X-Telegram-Bot-Api-Secret-Token': secret } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`webhook answered ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

/** Runs a method carried in a webhook's answer on the fake, as Telegram does (recorded with viaWebhook). */
export async function runAnswer(fake: FakeBotApi, body: string): Promise<void> {
  await fake.runWebhookAnswer(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
}

/** CPU of the bot and of the Postgres server, read together. */
async function cpuNow(botPid: number, backend: 'pglite' | 'postgres') {
  return { bot: await processCpuMs(botPid), pg: backend === 'postgres' ? await postgresProcessCpuMs() : null };
}

/** The Postgres CPU (ms) between two readings: every postgres process alive at the end (one started meanwhile counts from 0). */
function pgDelta(before: Map<number, number>, after: Map<number, number>, only?: Set<number>): number | null {
  if (after.size === 0) return null;
  let total = 0;
  for (const [pid, ms] of after) if (!only || only.has(pid)) total += ms - (before.get(pid) ?? 0);
  return total;
}

async function runBackend(backend: 'pglite' | 'postgres'): Promise<WireBackend> {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const fake = await new FakeBotApi().start();
  const db = await createBotDatabase();
  const port = await freePort();
  const nodeArgs = [...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), ...EXTRA_NODE_ARGS];
  const spawnedAt = performance.now();
  const bot = startBotProcess(
    {
      ...db.env,
      LOG_LEVEL: 'warn',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://bench.example.org/tg',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PORT: String(port),
    },
    { nodeArgs, compiled: !FROM_SOURCES },
  );
  // The backends of the bench's own database, asked of the server (Postgres only).
  const dbName = db.env.DATABASE_URL ? new URL(db.env.DATABASE_URL).pathname.slice(1) : null;
  const admin = dbName ? new pg.Client({ connectionString: process.env.DATABASE_URL }) : null;
  await admin?.connect();
  const ownBackends = async () =>
    new Set((await admin!.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [dbName])).rows.map((r) => r.pid));
  const { post, close } = poster(port);
  try {
    await fake.waitFor('setWebhook', () => fake.callsOf('setWebhook').length > 0, 60_000);
    const startMs = fake.callsOf('setWebhook')[0]!.at - spawnedAt;
    const names = nomineeNames(2 * USERS + 1);
    /** Who each callback query belongs to, for telling their answers apart. */
    const callbackOwner = new Map<string, number>();
    /** Per person: when each of their updates was posted and answered. */
    const timeline = new Map<number, { postAt: number; answerAt: number }[]>();

    const person = async (i: number, byStep: number[][] | null, thinking = false) => {
      const user = 500_000 + i;
      const spans: { postAt: number; answerAt: number }[] = [];
      timeline.set(user, spans);
      for (const [s, move] of script(names[i]!).entries()) {
        const update =
          'say' in move
            ? fake.textUpdate(user, move.say)
            : 'press' in move
              ? fake.pressUpdate(user, fake.lastKeyboard(user), move.press)
              : fake.pressUpdate(user, fake.lastKeyboard(user), (b) => b.callback_data.startsWith('criteria.'));
        // All at once: a person takes a moment before each message (reading the reply, or, for the
        // first, opening the chat), so 200 people do not all press at the same millisecond.
        if (thinking) await new Promise((r) => setTimeout(r, THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0])));
        const callback = (update as { callback_query?: { id: string } }).callback_query;
        if (callback) callbackOwner.set(callback.id, user);
        const postAt = performance.now();
        const answer = await post(update);
        const answerAt = performance.now();
        spans.push({ postAt, answerAt });
        byStep?.[s]!.push(answerAt - postAt);
        await runAnswer(fake, answer);
      }
      if (!fake.messagesTo(user).some((m) => /TL-\d{4}/.test(m.text))) throw new Error(`${backend}: no receipt for person ${i}:\n${fake.transcript(user)}`);
    };

    await person(2 * USERS, null); // warm-up: one person alone, not counted
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    // The idle process: what its workers cost with nobody writing.
    const idle0 = await cpuNow(bot.pid, backend);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idle1 = await cpuNow(bot.pid, backend);
    const perSecond = (ms: number | null) => (ms === null ? null : ms / (IDLE_MS / 1000));
    const idleBotCpu = idle0.bot === null || idle1.bot === null ? null : perSecond(idle1.bot - idle0.bot);
    const idlePgCpu = backend === 'pglite' ? ('in bot' as const) : perSecond(pgDelta(idle0.pg!, idle1.pg!));

    const rows: WireRow[] = [];
    const callsBefore = fake.calls.length;
    for (const [k, mode] of (['one at a time', 'all at once'] as const).entries()) {
      const byStep: number[][] = Array.from({ length: STEPS }, () => []);
      const people = Array.from({ length: USERS }, (_, i) => k * USERS + i);
      const calls0 = fake.calls.length;
      const cpu0 = await cpuNow(bot.pid, backend);
      const t0 = performance.now();
      if (mode === 'one at a time') for (const i of people) await person(i, byStep);
      else await Promise.all(people.map((i) => person(i, byStep, true)));
      const seconds = (performance.now() - t0) / 1000;
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      const own = admin ? await ownBackends() : null;
      const cpu1 = await cpuNow(bot.pid, backend);
      const updates = byStep.reduce((n, xs) => n + xs.length, 0);
      const all = byStep.flat().sort((a, b) => a - b);
      const p50At = (s: number) => quantile([...byStep[s]!].sort((a, b) => a - b), 0.5);
      const botCpu = cpu0.bot === null || cpu1.bot === null ? null : (cpu1.bot - cpu0.bot) / updates;
      const pgMs = cpu0.pg && cpu1.pg ? pgDelta(cpu0.pg, cpu1.pg) : null;
      const ownMs = cpu0.pg && cpu1.pg && own ? pgDelta(cpu0.pg, cpu1.pg, own) : null;
      rows.push({
        backend,
        mode,
        people: USERS,
        updates,
        perSecond: updates / seconds,
        p50: quantile(all, 0.5),
        p95: quantile(all, 0.95),
        p99: quantile(all, 0.99),
        botCpu,
        pgCpu: backend === 'pglite' ? 'in bot' : pgMs === null ? null : pgMs / updates,
        pgOwnCpu: ownMs === null ? null : ownMs / updates,
        apiCalls: fake.calls.slice(calls0).filter((c) => !c.viaWebhook).length / updates,
        webhookAnswers: fake.calls.slice(calls0).filter((c) => c.viaWebhook).length / updates,
        step2: p50At(1),
        last: p50At(STEPS - 1),
      });
      process.stderr.write(`  wire ${backend} ${mode}: ${updates} updates in ${seconds.toFixed(2)} s\n`);
    }
    const peakRssMiB = await processMemoryMiB(bot.pid, 'VmHWM');
    const callsByMethod: Record<string, number> = {};
    for (const c of fake.calls.slice(callsBefore)) {
      const name = c.viaWebhook ? `${c.method} (in the webhook answer)` : c.method;
      callsByMethod[name] = (callsByMethod[name] ?? 0) + 1;
    }

    if (fake.violations.length) throw new Error(`${backend}: Bot API limits broken: ${fake.violations.join('; ')}`);
    // Every Bot API call of a person's update must arrive before the webhook answers it.
    const late: string[] = [];
    for (const c of fake.calls) {
      // A method in the webhook's answer runs after it, by design.
      if (c.viaWebhook) continue;
      const user = c.payload.chat_id !== undefined ? Number(c.payload.chat_id) : callbackOwner.get(String(c.payload.callback_query_id));
      const spans = user === undefined ? undefined : timeline.get(user);
      if (!spans) continue;
      const k = spans.findIndex((s, j) => c.at > s.answerAt && c.at < (spans[j + 1]?.postAt ?? Infinity));
      if (k >= 0) late.push(`${c.method} to ${user} after update ${k + 1} was answered`);
    }
    if (late.length) {
      throw new Error(
        `${backend}: ${late.length} Bot API calls arrived after the webhook had answered their update (${late.slice(0, 3).join('; ')}): the webhook no longer answers after the turn's calls, so time each update until its last call instead`,
      );
    }
    return { backend, rows, peakRssMiB, startMs, idleBotCpu, idlePgCpu, callsByMethod, load };
  } finally {
    close();
    await admin?.end();
    await bot.stop().catch((err: unknown) => process.stderr.write(`  wire ${backend}: ${(err as Error).message}\n`));
    await fake.close();
    const filed = await db
      .query<{ n: number }>('select count(*)::int as n from nominations')
      .then((r) => r[0]?.n)
      .catch(() => undefined);
    await db.close();
    if (filed !== undefined && filed !== 2 * USERS + 1) process.stderr.write(`  wire ${backend}: expected ${2 * USERS + 1} nominations, found ${filed}\n`);
  }
}

/** Runs the measurement on PGlite and, when DATABASE_URL is set, on the Postgres server. */
export async function wireFigures(): Promise<WireBackend[]> {
  const out: WireBackend[] = [];
  // The bot as `npm start` runs it: compiled first.
  if (!FROM_SOURCES) buildBot();
  const only = process.env.BENCH_BACKENDS?.split(',').map((b) => b.trim());
  const databaseUrl = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    if (!only || only.includes('pglite')) out.push(await runBackend('pglite'));
    if (databaseUrl && (!only || only.includes('postgres'))) {
      process.env.DATABASE_URL = databaseUrl;
      out.push(await runBackend('postgres'));
    }
  } finally {
    if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
  }
  return out;
}

const fmt = (v: number, digits = 2) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const NO_PROC = 'not measured (no /proc)';
const ms = (v: number | 'in bot' | null, digits = 2) => (v === null ? NO_PROC : typeof v === 'string' ? v : fmt(v, digits));
/** Bot + Postgres CPU per update: the bot's alone on PGlite (the database is inside it). */
const totalCpu = (r: WireRow): number | null => (r.botCpu === null ? null : r.pgCpu === 'in bot' ? r.botCpu : r.pgCpu === null ? null : r.botCpu + r.pgCpu);

interface Target {
  goal: string;
  target: string;
  backend: string;
  value: number | null;
  text: string;
  ok: (v: number) => boolean;
}

function targets(results: WireBackend[]): Target[] {
  const out: Target[] = [];
  for (const b of results) {
    const seq = b.rows.find((r) => r.mode === 'one at a time')!;
    const all = b.rows.find((r) => r.mode === 'all at once')!;
    for (const r of [seq, all]) {
      const v = totalCpu(r);
      out.push({ goal: `bot + Postgres CPU per update, ${r.mode}`, target: '≤ 1.6 ms', backend: b.backend, value: v, text: ms(v), ok: (x) => x <= 1.6 });
    }
    out.push({ goal: 'p50 per update, one at a time', target: '≤ 1.8 ms', backend: b.backend, value: seq.p50, text: fmt(seq.p50), ok: (x) => x <= 1.8 });
    out.push({ goal: `p99 per update, ${USERS} at once`, target: '≤ 60 ms', backend: b.backend, value: all.p99, text: fmt(all.p99, 1), ok: (x) => x <= 60 });
    for (const r of [seq, all]) out.push({ goal: `Bot API calls per update, ${r.mode}`, target: '≤ 1.5', backend: b.backend, value: r.apiCalls, text: fmt(r.apiCalls), ok: (x) => x <= 1.5 });
    if (b.backend === 'postgres') out.push({ goal: 'peak RSS of the bot process', target: '≤ 120 MiB', backend: b.backend, value: b.peakRssMiB, text: b.peakRssMiB === null ? NO_PROC : `${fmt(b.peakRssMiB, 0)} MiB`, ok: (x) => x <= 120 });
    out.push({ goal: 'start until the webhook is set', target: '≤ 1 s', backend: b.backend, value: b.startMs, text: `${fmt(b.startMs / 1000)} s`, ok: (x) => x <= 1000 });
    const flat = seq.last / seq.step2;
    out.push({ goal: 'last step / step 2 (p50, one at a time)', target: '≤ 1.1', backend: b.backend, value: flat, text: fmt(flat), ok: (x) => x <= 1.1 });
  }
  return out;
}

/** The tables, their Markdown section for results.md, and the targets missed. */
export function wireSection(results: WireBackend[]): { text: string; md: string[]; missed: string[] } {
  const modes = table(
    ['backend', 'mode', 'people', 'updates', 'updates/s', 'p50 ms', 'p95 ms', 'p99 ms', 'bot CPU ms/update', 'Postgres CPU ms/update', "of which the bot's connections", 'bot + Postgres CPU ms/update', 'Bot API calls/update', 'methods in webhook answers/update', 'p50 step 2 ms', 'p50 last step ms', 'last/step 2'],
    results.flatMap((b) =>
      b.rows.map((r) => [
        r.backend,
        r.mode,
        r.people,
        r.updates,
        fmt(r.perSecond, 0),
        fmt(r.p50),
        fmt(r.p95),
        fmt(r.p99),
        ms(r.botCpu),
        ms(r.pgCpu),
        r.backend === 'pglite' ? 'in bot' : ms(r.pgOwnCpu),
        ms(totalCpu(r)),
        fmt(r.apiCalls),
        fmt(r.webhookAnswers),
        fmt(r.step2),
        fmt(r.last),
        fmt(r.last / r.step2),
      ]),
    ),
  );
  const process_ = table(
    ['backend', 'node', 'load average at start', 'peak RSS MiB (VmHWM)', 'start until setWebhook', 'idle bot CPU ms/s', 'idle Postgres CPU ms/s', 'Bot API calls by method (both modes)'],
    results.map((b) => [
      b.backend,
      process.version,
      b.load,
      b.peakRssMiB === null ? NO_PROC : fmt(b.peakRssMiB, 0),
      `${fmt(b.startMs / 1000)} s`,
      ms(b.idleBotCpu, 1),
      ms(b.idlePgCpu, 1),
      Object.entries(b.callsByMethod)
        .sort((x, y) => y[1] - x[1])
        .map(([m, n]) => `${m} ${n}`)
        .join(', '),
    ]),
  );
  const list = targets(results);
  const goals = table(
    ['goal (issue 13)', 'target', 'backend', 'measured', 'met'],
    list.map((t) => [t.goal, t.target, t.backend, t.text, t.value === null ? 'not measured' : t.ok(t.value) ? 'ok' : 'MISSED']),
  );
  const missed = list.filter((t) => t.value !== null && !t.ok(t.value)).map((t) => `${t.backend}: ${t.goal} ${t.target}`);
  const verdict = missed.length ? `Missed: ${missed.join('; ')}.` : 'Every goal met.';
  const backends = results.map((b) => b.backend).join(' and ');
  const md = [
    `## Through the wire: Telegram webhook, ${USERS} residents`,
    '',
    `The real process (${FROM_SOURCES ? '\`node --import tsx src/main.ts\`, as \`npm start\` ran it before it was compiled' : '\`node dist/main.js\`, built and started as \`npm start\` does'}) in webhook mode against the local fake Bot API, on ${backends}${results.some((b) => b.backend === 'postgres') ? '' : ' (DATABASE_URL not set: no Postgres server)'}; a fresh process and database per backend. ${USERS} residents each complete the whole form (${STEPS} updates: typed answers and button presses), first one at a time (each person's whole form, then the next), then all at once (each person's updates in order, over at most ${TELEGRAM_MAX_CONNECTIONS} connections as Telegram opens, each message ${THINK_MS[0]}–${THINK_MS[1]} ms after the reply before it, the first too: about ${USERS} updates a second offered), after one warm-up person who is not counted.`,
    '',
    '- Latency: from the webhook POST until its answer; the webhook answers after the turn\'s Bot API calls (checked: a call arriving after its update was answered stops the run).',
    '- Bot CPU: utime + stime of the bot\'s pid from `/proc/<pid>/stat` over the mode (until 1.1 s after the last answer, for the delivered-marks flush), whatever the process did meanwhile, over the updates. Postgres CPU: every local process named postgres over the same span (the whole server, other clients included; "of which the bot\'s connections" is the backends of the bench\'s database alone, without WAL writing and the other shared processes). On PGlite the database runs inside the bot.',
    '- Bot API calls: every call the bot made to the fake during the mode, over the updates; a method the bot gives in its answer to the webhook POST (a button\'s answer) is run by Telegram without a call of the bot\'s, and is counted apart ("methods in webhook answers"). Peak RSS: VmHWM of the bot\'s pid after both modes. Start: spawn until the fake receives setWebhook. Idle CPU: the process after the warm-up, nobody writing, over 3 s. The fake Bot API and the posting client run in the bench\'s own process on the same machine, sharing its cores with the bot and Postgres; the load average is the machine\'s when the backend\'s run started: other work on it shows up directly in these figures.',
    `- last/step 2: p50 of the last step (the confirmation, which files the nomination) over p50 of step 2 (the first answer).${PROFILE_DIR ? ' This run was profiled (--cpu-prof): slower than usual.' : ''}`,
    '',
    modes,
    '',
    process_,
    '',
    goals,
    '',
    verdict,
    '',
  ];
  return { text: `${modes}\n\n${process_}\n\n${goals}\n\n${verdict}`, md, missed };
}

// Run on its own: npx tsx test/bench/telegram-webhook.ts
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${wireSection(await wireFigures()).text}\n`);
}
