// The reminders job's scan of 10,000 leaders (BENCH_LEADERS), on a fresh database of the Postgres
// server (DATABASE_URL) and on PGlite: one unit per leader, three nominations per unit (one of
// them forwarded), a phase deadline a week away. Timed as the job calls it (the direct RPC client
// of a local database, bot_reminders_run): the run at 08:00 that queues every digest, and a run an hour later
// that scans them all again and queues nothing. Target: ≤ 1 s on the Postgres server.
// `tsx test/bench/reminders.ts` runs this section alone and updates its part of results.md;
// `npm run bench` runs it with the rest (BENCH_REMINDERS=0 skips it).
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openBackend, type Backend } from '../../src/db/backend.js';
import { createJobStore } from '../../src/db/job-store.js';
import { VIEW_FLOWS } from '../../src/services/jobs/all-jobs.js';
import { createServerDatabase } from '../support/databases.js';
import { table } from './stats.js';

const LEADERS = Number(process.env.BENCH_LEADERS ?? 10_000);
const WARD = '20000000-0000-4000-8000-000000000001';
const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
const PHASE_1 = '30000000-0000-4000-8001-000000000001';
const GOOD_DEEDS = '10000000-0000-4000-8001-000000000004';
const RESULTS = path.join(import.meta.dirname, 'results.md');
const TITLE = '## Reminder job';
const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(' ');

/** The header of the section's table. */
export const REMINDER_HEADER = [
  'backend', 'leaders', 'nominations', 'run at 08:00 (queues) ms', 'digests queued', 'run at 09:00 (nothing new) ms',
  'plain insert of as many outbox rows ms', 'goal: ≤ 1,000 ms on the Postgres server',
];

/** Units, leaders with a Telegram identity each, nominations, the deadline: all set-based. */
export async function arrange(q: Query): Promise<number> {
  await q.query('alter table units disable trigger user');
  await q.query('alter table nominations disable trigger user');
  await q.query(`insert into units (id, ward_id, kind, name, seq)
                 select gen_random_uuid(), $1, 'to_dan_pho', 'Tổ bench ' || i, 1000 + i from generate_series(1, $2::int) i`, [WARD, LEADERS]);
  await q.query(`create table bench_leaders as
                 select gen_random_uuid() as member_id, u.id as unit_id, row_number() over (order by u.seq) as i
                   from units u where u.name like 'Tổ bench %'`);
  await q.query(`insert into members (id, ward_id, locale) select member_id, $1, case when i % 5 = 0 then 'en' else 'vi' end from bench_leaders`, [WARD]);
  await q.query(`insert into member_identities (channel, external_id, member_id, chat_id)
                 select 'telegram', (900000000 + i)::text, member_id, (900000000 + i)::text from bench_leaders`);
  await q.query(`insert into member_roles (member_id, ward_id, role, unit_id) select member_id, $1, 'leader', unit_id from bench_leaders`, [WARD]);
  const [resident] = await q.query<{ id: string }>('insert into members (ward_id) values ($1) returning id', [WARD]);
  await q.query(
    `insert into nominations (ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds, nominator_id, form_id, receipt_code, status)
     select $1, $2, $3, 'individual', l.unit_id, 'Người ' || l.i || '-' || k, 'Quét dọn đường phố mỗi Chủ nhật và vận động bà con.', $4,
            gen_random_uuid(), 'TL-' || lpad((l.i * 3 + k)::text, 6, '0'), case when k = 0 then 'forwarded' else 'submitted' end
       from bench_leaders l cross join generate_series(0, 2) k`,
    [WARD, CAMPAIGN, GOOD_DEEDS, resident!.id],
  );
  await q.query(`insert into nomination_status_history (nomination_id, status)
                 select id, 'forwarded' from nominations where status = 'forwarded'`);
  await q.query('drop table bench_leaders');
  await q.query('alter table units enable trigger user');
  await q.query('alter table nominations enable trigger user');
  await q.query(`update campaign_phases set deadline = '2026-12-15 17:00+07' where id = $1`, [PHASE_1]);
  await q.query('analyze');
  const [n] = await q.query<{ n: number }>('select count(*)::int as n from nominations');
  return n!.n;
}

/** Raw SQL for the arrangement (on the server, a connection without the bot's query timeout). */
type Query = { query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> };

async function measure(label: string, backend: Backend, q: Query): Promise<(string | number)[]> {
  const nominations = await arrange(q);
  const store = createJobStore(backend.rpc);
  // The run that queues every digest, three times on an emptied outbox (the best is kept: the
  // machine's other work makes single figures noisy), then the run an hour later.
  let firstMs = Number.POSITIVE_INFINITY;
  let first = { digests: 0 };
  for (let i = 0; i < 3; i++) {
    if (i) await q.query(`delete from outbox where kind = 'reminder'`);
    const t = performance.now();
    first = await store.runReminders(new Date('2026-12-08T08:00:00+07:00'), VIEW_FLOWS);
    firstMs = Math.min(firstMs, performance.now() - t);
  }
  let started = performance.now();
  const again = await store.runReminders(new Date('2026-12-08T09:00:00+07:00'), VIEW_FLOWS);
  const againMs = performance.now() - started;
  if (first.digests < LEADERS || again.digests !== 0) throw new Error(`${label}: expected ${LEADERS} digests then none, got ${first.digests} and ${again.digests}`);
  // The floor under the first run: the same number of outbox rows, inserted with nothing to compute.
  started = performance.now();
  await q.query(`insert into outbox (ward_id, dedupe_key, member_id, channel, chat_id, payload, kind, not_before)
                 select o.ward_id, 'bench:' || o.dedupe_key, o.member_id, o.channel, o.chat_id, o.payload, o.kind, o.not_before
                   from outbox o where o.kind = 'reminder'`);
  const plainMs = performance.now() - started;
  await q.query(`delete from outbox where dedupe_key like 'bench:%'`);
  const goal = label === 'postgres' ? (Math.max(firstMs, againMs) <= 1000 ? 'ok' : 'MISSED') : '(PGlite: for comparison)';
  return [label, LEADERS.toLocaleString('en-US'), nominations.toLocaleString('en-US'), firstMs.toFixed(0), first.digests.toLocaleString('en-US'), againMs.toFixed(0), plainMs.toFixed(0), goal];
}

/** The section's rows: the Postgres server when DATABASE_URL is set, and PGlite (BENCH_BACKENDS may name one). */
export async function reminderBenchRows(): Promise<(string | number)[][]> {
  const only = process.env.BENCH_BACKENDS?.split(',').map((b) => b.trim());
  const rows: (string | number)[][] = [];
  if (process.env.DATABASE_URL && (!only || only.includes('postgres'))) {
    const db = await createServerDatabase();
    try {
      const backend = await openBackend({ kind: 'postgres', url: db.url });
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const q: Query = { query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[] };
        rows.push(await measure('postgres', backend, q));
      } finally {
        await client.end();
        await backend.close();
      }
    } finally {
      await db.drop();
    }
  }
  if (!only || only.includes('pglite')) {
    const backend = await openBackend({ kind: 'pglite', dataDir: 'memory://' });
    try {
      rows.push(await measure('pglite', backend, backend.sql!));
    } finally {
      await backend.close();
    }
  }
  return rows;
}

/** The section as Markdown. */
export function reminderSection(tableText: string): string[] {
  return [
    TITLE,
    '',
    `One call of the reminders job (\`bot_reminders_run\` through the direct RPC client, as \`npm run job -- reminders\` makes it) on a fresh database with ${LEADERS.toLocaleString('en-US')} leaders, one unit each, three nominations per unit (one forwarded), the phase deadline seven days after the run. The first run queues every digest (one outbox row per leader; best of three on an emptied outbox); the second, an hour later, scans them all again and queues nothing (every key taken). The escalation, question and draft scans run in the same call. The last figure is the floor under the first run: inserting as many outbox rows (copies of the digests) with nothing to compute. Load average when this section started: ${loadAtStart}; the machine's other work shows up directly in these figures.`,
    '',
    tableText,
    '',
  ];
}

// Run alone: measures and replaces (or adds) this section of results.md, leaving the rest as it is.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await reminderBenchRows();
  const text = table(REMINDER_HEADER, rows);
  process.stdout.write(`${text}\n`);
  const md = await readFile(RESULTS, 'utf8').catch(() => '# Benchmark results\n');
  const start = md.indexOf(TITLE);
  const next = start < 0 ? -1 : md.indexOf('\n## ', start + TITLE.length);
  const section = reminderSection(text).join('\n');
  const updated = start < 0 ? `${md.trimEnd()}\n\n${section}` : `${md.slice(0, start)}${section}${next < 0 ? '' : md.slice(next + 1)}`;
  await writeFile(RESULTS, updated.endsWith('\n') ? updated : `${updated}\n`);
  process.exit(0);
}
