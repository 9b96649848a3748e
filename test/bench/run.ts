// `npm run bench`: N simulated residents (BENCH_USERS, default 200) fill in the whole nomination
// form through the real turn service (engine, the direct RPC client, the
// database; no terminal), one at a time and all at once, on PGlite and, when DATABASE_URL is
// set, on a fresh database of that Postgres server. Prints a table with the targets of issue 3
// and writes it to test/bench/results.md.
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { InboundEvent, Outbound } from '../../src/conversation/contract.js';
import { openBackend, type Backend } from '../../src/db/backend.js';
import { createTurnStore, type TurnStore } from '../../src/db/turn-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createTurnService, type TurnService } from '../../src/services/turn-service.js';
import { createTranslator } from '../../src/channels/i18n.js';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import { createServerDatabase } from '../support/databases.js';
import { nomineeNames, residentScript, type ScriptLine } from './residents.js';
import { postgresServerCpuMs, quantile, rssSampler, table } from './stats.js';
import { wireFigures, wireSection } from './telegram-webhook.js';
import { wireFloorFigures, wireFloorSection } from './wire-floor.js';
import { commonPathInTerminal, commonPathOnZalo } from '../support/common-path.js';
import { REVIEW_HEADER, reviewRows } from './review.js';
import { OUTBOX_HEADER, outboxRows } from './outbox-delivery.js';
import { REMINDER_HEADER, reminderBenchRows, reminderSection } from './reminders.js';
import { broadcastFigures } from './broadcast.js';

const USERS = positiveInt('BENCH_USERS', 200);
const WARMUP = positiveInt('BENCH_WARMUP', 20);
/** Connections of the Postgres pool (the app's default when unset). */
const POOL = process.env.BENCH_POOL ? positiveInt('BENCH_POOL', 10) : undefined;
const PGLITE_DIR = process.env.BENCH_PGLITE_DIR ?? 'memory://';
/** BENCH_BACKENDS=pglite or =postgres runs one of them only (profiling). */
const ONLY = process.env.BENCH_BACKENDS?.split(',').map((b) => b.trim());
const RESULTS = path.join(import.meta.dirname, 'results.md');
const RECEIPT = /\bTL-\d{4,}\b/;

type Mode = 'sequential' | 'concurrent';

interface Row {
  backend: string;
  mode: Mode;
  users: number;
  turns: number;
  turnsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  cpuPerTurn: number;
  rssMiB: number;
  step2: number;
  last: number;
  ratio: number;
  /** p50 of the last answer before the confirmation (the summary turn) over step 2. */
  answerRatio: number;
}

interface Target {
  label: string;
  figure: (r: Row) => number;
  ok: (v: number) => boolean;
  text: string;
}

/** BENCH_DETAIL=1: also print p50 per step and the time spent in load and save (store calls). */
const DETAIL = process.env.BENCH_DETAIL === '1';
const detail: Record<string, number[]> = {};

function timedStore(store: TurnStore): TurnStore {
  const timed =
    <A extends unknown[], R>(name: string, f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const t0 = performance.now();
      try {
        return await f(...a);
      } finally {
        (detail[name] ??= []).push(performance.now() - t0);
      }
    };
  return { ...store, load: timed('load', store.load.bind(store)), save: timed('save', store.save.bind(store)) };
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** One resident: their own chat and user id, their lines, and the reply to the last one. */
interface Resident {
  id: string;
  script: ScriptLine[];
  last: Outbound[] | null;
  lastLocale: 'vi' | 'en';
}

function makeResidents(prefix: string, names: string[], offset: number): Resident[] {
  return names.map((name, i) => ({ id: `${prefix}-${i}`, script: residentScript(offset + i, name), last: null, lastLocale: 'vi' }));
}

/** Runs one resident's lines in order; records each turn's latency by step number (1-based). */
async function drive(turns: TurnService, r: Resident, byStep: number[][] | null): Promise<void> {
  for (let s = 0; s < r.script.length; s++) {
    const event: InboundEvent = {
      channel: 'console',
      chatId: r.id,
      userId: r.id,
      eventId: randomUUID(),
      displayName: r.id,
      kind: 'text',
      text: r.script[s]!.text,
    };
    const started = performance.now();
    const reply = await turns.handle(event);
    const ms = performance.now() - started;
    byStep?.[s]!.push(ms);
    if (reply.kind !== 'reply') throw new Error(`${r.id}: turn ${s + 1} (${r.script[s]!.step}) was treated as a duplicate event`);
    if (s === r.script.length - 1) {
      r.last = reply.messages;
      r.lastLocale = reply.locale;
    }
  }
}

async function runMode(turns: TurnService, residents: Resident[], mode: Mode): Promise<{ byStep: number[][]; wallMs: number; cpuMs: number; rssMiB: number }> {
  const steps = residents[0]!.script.length;
  const byStep: number[][] = Array.from({ length: steps }, () => []);
  global.gc?.();
  const rss = rssSampler();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (mode === 'sequential') {
    for (const r of residents) await drive(turns, r, byStep);
  } else {
    await Promise.all(residents.map((r) => drive(turns, r, byStep)));
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { byStep, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, rssMiB: rss.stop() };
}

/** Fails loudly unless every resident's last reply carries a receipt code, all different. */
async function checkReceipts(residents: Resident[], render: (m: Outbound[], l: 'vi' | 'en') => string, label: string): Promise<void> {
  const codes = new Set<string>();
  for (const r of residents) {
    const text = r.last ? render(r.last, r.lastLocale) : '';
    const code = RECEIPT.exec(text)?.[0];
    if (!code) throw new Error(`${label}: resident ${r.id} ended without a receipt code. Last reply:\n${text || '(none)'}`);
    if (codes.has(code)) throw new Error(`${label}: receipt code ${code} was given twice`);
    codes.add(code);
  }
}

async function benchBackend(label: string, backend: Backend, names: string[], render: (m: Outbound[], l: 'vi' | 'en') => string): Promise<Row[]> {
  const store = createTurnStore(backend.rpc);
  const turns = createTurnService({ store: DETAIL ? timedStore(store) : store, registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
  const warm = makeResidents(`warm-${label}`, names.slice(0, WARMUP), 0);
  // Warm-up: JIT, the catalog cache, prepared plans and the pool's connections; not counted.
  const half = Math.ceil(warm.length / 2);
  for (const r of warm.slice(0, half)) await drive(turns, r, null);
  await Promise.all(warm.slice(half).map((r) => drive(turns, r, null)));
  await checkReceipts(warm, render, `${label} warm-up`);

  const rows: Row[] = [];
  const modes: Mode[] = ['sequential', 'concurrent'];
  for (const [k, mode] of modes.entries()) {
    for (const key of Object.keys(detail)) delete detail[key];
    if (DETAIL && backend.kind === 'postgres') await backend.sql!.query('select pg_stat_reset()');
    const serverCpu0 = DETAIL && backend.kind === 'postgres' ? await postgresServerCpuMs() : 0;
    const offset = WARMUP + k * USERS;
    const residents = makeResidents(`${mode}-${label}`, names.slice(offset, offset + USERS), offset);
    const m = await runMode(turns, residents, mode);
    const serverCpu = DETAIL && backend.kind === 'postgres' ? (await postgresServerCpuMs()) - serverCpu0 : 0;
    await checkReceipts(residents, render, `${label} ${mode}`);
    const all = m.byStep.flat().sort((a, b) => a - b);
    const p50At = (s: number) => quantile([...m.byStep[s]!].sort((a, b) => a - b), 0.5);
    const step2 = p50At(1);
    const last = p50At(m.byStep.length - 1);
    rows.push({
      backend: label,
      mode,
      users: USERS,
      turns: all.length,
      turnsPerSec: all.length / (m.wallMs / 1000),
      p50: quantile(all, 0.5),
      p95: quantile(all, 0.95),
      p99: quantile(all, 0.99),
      cpuPerTurn: m.cpuMs / all.length,
      rssMiB: m.rssMiB,
      step2,
      last,
      ratio: last / step2,
      answerRatio: p50At(m.byStep.length - 2) / step2,
    });
    process.stderr.write(`  ${label} ${mode}: ${all.length} turns in ${(m.wallMs / 1000).toFixed(2)} s\n`);
    if (DETAIL) {
      const steps = residents[0]!.script.map((l, i) => `${i + 1} ${l.step}: ${fmt(p50At(i))}`);
      process.stderr.write(`    p50 by step (ms): ${steps.join(' · ')}\n`);
      if (backend.kind === 'postgres') {
        process.stderr.write(`    Postgres server CPU (local processes named postgres): ${fmt(serverCpu / (USERS * residents[0]!.script.length))} ms per turn\n`);
        // Server-side time per function call (track_functions = all, set on the bench database).
        await new Promise((r) => setTimeout(r, 600)); // the stats collector flushes every 500 ms
        const fns = await backend.sql!.query<{ funcname: string; calls: number; total: number; self: number }>(
          `select funcname, calls::int, total_time / calls as total, self_time / calls as self
             from pg_stat_user_functions where calls > 0 order by total_time desc limit 8`,
        );
        for (const f of fns) process.stderr.write(`    server ${f.funcname}: ${f.calls} calls, ${fmt(f.total, 3)} ms each (self ${fmt(f.self, 3)})\n`);
      }
      for (const [name, xs] of Object.entries(detail)) {
        const sorted = [...xs].sort((a, b) => a - b);
        process.stderr.write(`    ${name}: p50 ${fmt(quantile(sorted, 0.5))} ms, p95 ${fmt(quantile(sorted, 0.95))} ms (n=${xs.length})\n`);
      }
    }
  }
  const n = (await backend.sql!.query<{ n: number }>(`select count(*)::int as n from nominations`))[0]?.n;
  if (n !== WARMUP + 2 * USERS) throw new Error(`${label}: expected ${WARMUP + 2 * USERS} nominations in the database, found ${n}`);
  return rows;
}

function targetsFor(r: Row): Target[] {
  const out: Target[] = [];
  if (r.backend === 'postgres' && r.mode === 'sequential') out.push({ label: 'p50', figure: (x) => x.p50, ok: (v) => v <= 1, text: '≤ 1 ms' });
  if (r.backend === 'postgres' && r.mode === 'concurrent') out.push({ label: 'turns/s', figure: (x) => x.turnsPerSec, ok: (v) => v >= 2000, text: '≥ 2,000' });
  if (r.backend.startsWith('pglite')) out.push({ label: 'turns/s', figure: (x) => x.turnsPerSec, ok: (v) => v >= 500, text: '≥ 500' });
  out.push({ label: 'last/step 2', figure: (x) => x.ratio, ok: (v) => v <= 1.2, text: '≤ 1.2' });
  return out;
}

const fmt = (v: number, digits = 2) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function cell(r: Row, label: string, value: string): string {
  const t = targetsFor(r).find((x) => x.label === label);
  if (!t) return value;
  return `${value} (${t.text}: ${t.ok(t.figure(r)) ? 'ok' : 'MISSED'})`;
}

function render(rows: Row[]): string {
  return table(
    ['backend', 'mode', 'users', 'turns', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'CPU/turn ms', 'peak RSS MiB', 'p50 step 2 ms', 'p50 last step ms', 'last/step 2', 'last answer/step 2'],
    rows.map((r) => [
      r.backend,
      r.mode,
      r.users,
      r.turns,
      cell(r, 'turns/s', fmt(r.turnsPerSec, 0)),
      cell(r, 'p50', fmt(r.p50)),
      fmt(r.p95),
      fmt(r.p99),
      fmt(r.cpuPerTurn),
      fmt(r.rssMiB, 0),
      fmt(r.step2),
      fmt(r.last),
      cell(r, 'last/step 2', fmt(r.ratio)),
      fmt(r.answerRatio),
    ]),
  );
}

const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(' ');

async function main(): Promise<number> {
  const t = await createTranslator();
  const renderText = (m: Outbound[], l: 'vi' | 'en') => renderPlainMessages(m, t(l));
  const names = nomineeNames(WARMUP + 2 * USERS);
  const rows: Row[] = [];

  process.stderr.write(`bench: ${USERS} residents per mode, ${WARMUP} warm-up, ${residentScript(0, 'x').length} turns each\n`);
  if (!ONLY || ONLY.includes('pglite')) {
    const label = PGLITE_DIR === 'memory://' ? 'pglite (memory)' : 'pglite (dir)';
    const backend = await openBackend({ kind: 'pglite', dataDir: PGLITE_DIR });
    try {
      rows.push(...(await benchBackend(label, backend, names, renderText)));
    } finally {
      await backend.close();
    }
  }
  if (process.env.DATABASE_URL && (!ONLY || ONLY.includes('postgres'))) {
    const db = await createServerDatabase();
    try {
      if (DETAIL) {
        const admin = new pg.Client({ connectionString: db.url });
        await admin.connect();
        await admin.query(`alter database ${new URL(db.url).pathname.slice(1)} set track_functions = 'all'`);
        await admin.end();
      }
      const backend = await openBackend({ kind: 'postgres', url: db.url }, POOL ? { maxConnections: POOL } : {});
      try {
        rows.push(...(await benchBackend('postgres', backend, names, renderText)));
      } finally {
        await backend.close();
      }
    } finally {
      await db.drop();
    }
  } else {
    process.stderr.write('  (DATABASE_URL not set: the Postgres server is skipped)\n');
  }

  let wire: ReturnType<typeof wireSection> | null = null;
  if (process.env.BENCH_TELEGRAM !== '0') {
    process.stderr.write('bench: through the wire, the real process in Telegram webhook mode (BENCH_TELEGRAM=0 skips it)\n');
    wire = wireSection(await wireFigures());
    const floor = await wireFloorFigures();
    if (floor) {
      const section = wireFloorSection(floor);
      wire = { ...wire, text: `${wire.text}\n\nThe floor (the wire work alone, Postgres server):\n${section.text}`, md: [...wire.md, ...section.md] };
    }
  }
  let pathText = '';
  if (process.env.BENCH_COMMON_PATH !== '0') {
    process.stderr.write('bench: the common path of a first nomination, terminal and Zalo (BENCH_COMMON_PATH=0 skips it)\n');
    const goal = (turns: number, characters: number) => (turns <= 10 && characters <= 1800 ? 'ok' : 'MISSED');
    const measured = [
      ['terminal', await commonPathInTerminal()],
      ['zalo', await commonPathOnZalo()],
    ] as const;
    pathText = table(
      ['channel', 'turns', 'characters of bot text', 'goal: ≤ 10 turns, ≤ 1,800 characters'],
      measured.map(([channel, m]) => [channel, m.turns, fmt(m.characters, 0), goal(m.turns, m.characters)]),
    );
  }
  let reviewText = '';
  if (process.env.BENCH_REVIEW !== '0') {
    process.stderr.write('bench: review turns with 1,000 and 10,000 nominations (BENCH_REVIEW=0 skips it)\n');
    reviewText = table(REVIEW_HEADER, await reviewRows());
  }
  let outboxText = '';
  if (process.env.BENCH_OUTBOX !== '0') {
    process.stderr.write('bench: outbox delivery to 1,000 Telegram recipients, flood limits on (BENCH_OUTBOX=0 skips it)\n');
    outboxText = table(OUTBOX_HEADER, await outboxRows());
  }
  let remindersText = '';
  if (process.env.BENCH_REMINDERS !== '0') {
    process.stderr.write('bench: the reminders job over 10,000 leaders (BENCH_REMINDERS=0 skips it)\n');
    remindersText = table(REMINDER_HEADER, await reminderBenchRows());
  }
  let broadcastText = '';
  if (process.env.BENCH_BROADCAST !== '0') {
    const n = positiveInt('BENCH_BROADCAST_RECIPIENTS', 5000);
    process.stderr.write(`bench: a broadcast to ${n} recipients through the real process, killed halfway (BENCH_BROADCAST=0 skips it)\n`);
    const b = await broadcastFigures(n);
    broadcastText = table(
      ['recipients', 'limit /s', 'sustained /s (goal ≥ 95%)', 'overall /s', 'duplicates (goal 0)', 'uncertain at the kill', '429s obeyed', 'kill -9 to first send after restart'],
      [[fmt(b.recipients, 0), b.limit, `${fmt(b.sustained, 1)} (${b.sustained >= 0.95 * b.limit ? 'ok' : 'MISSED'})`, fmt(b.overall, 1), `${b.duplicates} (${b.duplicates === 0 ? 'ok' : 'MISSED'})`, b.uncertain, b.limited, `${fmt(b.resumeMs / 1000, 1)} s`]],
    );
  }
  const tableText = render(rows);
  const cpus = os.cpus();
  const missed = rows.flatMap((r) => targetsFor(r).filter((x) => !x.ok(x.figure(r))).map((x) => `${r.backend} ${r.mode}: ${x.label} ${x.text}`));
  const notes = [
    `Date: ${new Date().toISOString()}. Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM.`,
    `${USERS} residents per mode (${WARMUP} more warm up first, not counted), ${residentScript(0, 'x').length} turns each, through createTurnService + createTurnStore + the direct RPC client (as the bot calls a local database)${POOL ? `; Postgres pool of ${POOL} connections` : ''}.`,
    'Latency is one `TurnService.handle` call as the caller sees it (in the concurrent mode it includes waiting for a connection). CPU per turn is this process only (`process.cpuUsage`): the Postgres server\'s own CPU is not included; PGlite runs in this process, so its CPU is.',
    `Step 2 is the first answer of the form (whom to nominate); the last step (${residentScript(0, 'x').length}) is the confirmation, which also files the nomination (its receipt number, rows, history and audit entry in the same transaction); "last answer" is the step before (consent with a phone number, answered with the full summary), which shows whether a turn grows with the form.`,
    'Peak RSS is the whole process: the Postgres rows run after PGlite in the same process and include what PGlite left allocated (run with BENCH_BACKENDS=postgres for the Postgres client alone).',
    `Load average when the run started: ${loadAtStart}. Other work on the machine (another test run, another Postgres client) shows up directly in these figures.`,
  ];
  const pathMd = pathText
    ? [
        '## The common path of a first nomination',
        '',
        'The real process, on a fresh database: one person doing good deeds, the unit typed as "to 3", two criteria, no photo, consent given, no phone, from "xin chào" to the receipt. Turns are the messages the person sends; characters are those of the bot\'s replies as shown (code points, line breaks included, the blank line after each reply not).',
        '',
        pathText,
        '',
      ]
    : [];
  const reviewMd = reviewText
    ? [
        '## Review turns on a full ward',
        '',
        'The turn service as a leader and an officer use it (engine, the direct RPC client, the database), one turn at a time after 20 untimed ones. With 1,000 nominations waiting in the leader\'s unit: `/duyet` (the first page, oldest first) and typing "1" (the open of the oldest: everything the nominator gave, endorsements, history); "hủy" and its confirmation between runs are not timed. Then with 10,000 nominations in the ward (over every unit, at every stage, a tenth honoured): `/tiendo` by the officer (every unit) and by the leader (their unit and the ward).',
        '',
        reviewText,
        '',
      ]
    : [];
  const outboxMd = outboxText
    ? [
        '## Outbox delivery',
        '',
        'The real process against the local fake Bot API with Telegram\'s flood limits on (30 messages a second overall, one a second per chat; more is answered 429 with retry_after 1): 1,000 notices queued for 1,000 recipients before it starts, timed from the first message accepted to the last. Every recipient got exactly one and every outbox row ended as sent (checked). The worker paces Telegram at 25 messages a second.',
        '',
        outboxText,
        '',
      ]
    : [];
  const broadcastMd = broadcastText
    ? [
        '## Broadcast',
        '',
        'The real process sends an officer\'s announcement (composed in chat) to every resident against the local fake Bot API with its flood limit at 30 messages a second (more is answered 429 with retry_after), `SEND_RATE_TELEGRAM=30`; it is killed (kill -9) once half are delivered and started again on the same data. Sustained is the median of whole seconds while a process was sending; overall includes the restart. The restarted process sends the rows nobody had claimed at once; the rows begun and not yet recorded at the kill (a wave is a third of a second of sends) are counted as uncertain and not sent again.',
        '',
        broadcastText,
        '',
      ]
    : [];
  // every further section: its heading in results.md, and its table on the screen
  const extra: { md: string[]; title: string; text: string }[] = [
    { md: reviewMd, title: 'Review turns', text: reviewText },
    { md: outboxMd, title: 'Outbox delivery', text: outboxText },
    { md: remindersText ? reminderSection(remindersText) : [], title: 'Reminder job', text: remindersText },
    { md: broadcastMd, title: 'Broadcast', text: broadcastText },
  ];
  const verdict = missed.length ? `Missed: ${missed.join('; ')}.` : 'Every target met.';
  const md = [`# Benchmark results`, '', ...notes.map((n) => `- ${n}`), '', tableText, '', verdict, '', ...(wire?.md ?? []), ...pathMd, ...extra.flatMap((x) => x.md)].join('\n');
  await writeFile(RESULTS, md);
  const screen = [
    tableText,
    wire ? `Through the wire (Telegram webhook):\n${wire.text}` : '',
    pathText ? `Common path of a first nomination:\n${pathText}` : '',
    ...extra.map((x) => (x.text ? `${x.title}:\n${x.text}` : '')),
  ].filter(Boolean);
  process.stdout.write(`\n${screen.join('\n\n')}\n\n${missed.length ? `MISSED: ${missed.join('; ')}` : 'Every target met.'}\nWritten to ${path.relative(process.cwd(), RESULTS)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
