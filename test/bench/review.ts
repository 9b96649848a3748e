// Review benchmark: the turn service (engine, the direct RPC client, the
// database) as a leader and an officer use it, on a ward full of nominations. With 1,000
// nominations waiting in the leader's unit: "/duyet" (the first page of the list, oldest first)
// and typing "1" (the open of the oldest: everything the nominator gave, endorsements, history),
// each timed as one turn; "hủy" and its confirmation between runs are not timed. Then with 10,000 nominations in the
// ward (over every unit, at every stage, a tenth honoured): "/tiendo" by the officer (every unit)
// and by the leader (their unit and the ward's totals). On PGlite in memory and, when
// DATABASE_URL is set, on a fresh database of that server. Part of `npm run bench`; alone:
// npx tsx test/bench/review.ts
import { pathToFileURL } from 'node:url';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { openBackend, type Backend } from '../../src/db/backend.js';
import { createTurnStore } from '../../src/db/turn-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createTurnService, type TurnService } from '../../src/services/turn-service.js';
import { createServerDatabase } from '../support/databases.js';
import { chatter } from '../support/turn-driver.js';
import { quantile, table } from './stats.js';

const RUNS = Number(process.env.BENCH_REVIEW_RUNS ?? 200);
const WARMUP = 20;
const IN_UNIT = 1_000;
const IN_WARD = 10_000;
const WARD = '20000000-0000-4000-8000-000000000001';
const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
const PHASE1 = '30000000-0000-4000-8001-000000000001';
const GOOD_DEEDS = '10000000-0000-4000-8001-000000000004';
const AREA = '10000000-0000-4000-8001-000000000002';
const TDP1 = '20000000-0000-4000-8001-000000000001';

export const REVIEW_HEADER = ['backend', 'turn', 'nominations', 'runs', 'p50 ms', 'p99 ms', 'max ms'];

/** The receipt code of nomination number g (lpad would cut 10000 to 1000). */
const CODE = `('TL-' || case when g < 1000 then lpad(g::text, 4, '0') else g::text end)`;

type Q = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/** Nominations from `from` to `to` (1-based numbers), by the nominator, all submitted first. */
export async function seed(q: Q, nominator: string, from: number, to: number, unit: 'tdp1' | 'spread'): Promise<void> {
  await q(
    `insert into nominations (ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds, nominator_id, form_id, receipt_code, created_at)
     select $1, $2, case when g % 4 = 0 then $3::uuid else $4::uuid end, case when g % 4 = 0 then 'collective' else 'individual' end,
            case when $8 = 'tdp1' then $5::uuid else (select array_agg(id order by id) from units where ward_id = $1)[1 + g % (select count(*) from units where ward_id = $1)::int] end,
            'Người được đề cử số ' || g, 'Giúp bà con sửa đường làng, dọn vệ sinh khu phố và dạy chữ cho trẻ em suốt năm 2025.',
            $6, gen_random_uuid(), ${CODE}, now() - make_interval(mins => $7 - g)
       from generate_series($9::int, $7::int) g`,
    [WARD, CAMPAIGN, AREA, GOOD_DEEDS, TDP1, nominator, to, unit, from],
  );
  await q(
    `insert into nomination_status_history (nomination_id, status, actor_member_id, at)
     select id, 'submitted', nominator_id, created_at from nominations where substr(receipt_code, 4)::int between $1 and $2`,
    [from, to],
  );
  await q(`update wards set next_receipt = $2 + 1 where id = $1`, [WARD, to]);
}

/** Moves the nominations numbered from..to along the path: by number, a mix of every stage. */
export async function advance(q: Q, from: number, to: number): Promise<void> {
  const stages: [string, string][] = [
    ['forwarded', 'g % 10 >= 5'],
    ['proposed', 'g % 10 >= 7'],
    ['posted', 'g % 10 >= 8'],
    ['honoured', 'g % 10 = 9'],
  ];
  for (const [status, where] of stages) {
    await q(
      `with moved as (
         update nominations n set status = $3 from generate_series($1::int, $2::int) g
          where n.receipt_code = ${CODE} and ${where} returning n.id)
       insert into nomination_status_history (nomination_id, status) select id, $3 from moved`,
      [from, to, status],
    );
  }
  await q(
    `insert into honours (nomination_id, title, honoured_on, phase_id)
     select id, 'Giấy khen của Chủ tịch UBND phường', current_date, $1 from nominations where status = 'honoured'`,
    [PHASE1],
  );
}

/** Times `runs` turns after `warm` untimed ones; each run is the lines of `turn`, timing those marked. */
async function time(runs: number, turn: () => Promise<number>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await turn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await turn());
  return out.sort((a, b) => a - b);
}

async function timed(service: TurnService, who: ReturnType<typeof chatter>, line: string, expect: string): Promise<number> {
  const t0 = performance.now();
  const text = await who.send(service, who.event(line));
  const ms = performance.now() - t0;
  if (!text.includes(expect)) throw new Error(`"${line}" did not answer "${expect}":\n${text}`);
  return ms;
}

async function benchOne(label: string, backend: Backend): Promise<(string | number)[][]> {
  const q: Q = (sql, params) => backend.sql!.query(sql, params);
  const service = createTurnService({ store: createTurnStore(backend.rpc), registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
  const person = async (name: string, role?: { role: 'leader' | 'officer'; unit?: string }) => {
    const who = chatter(name);
    await who.type(service, ['xin chào']);
    const [m] = await q<{ member_id: string }>(`select member_id from member_identities where channel = 'console' and external_id = $1`, [name]);
    if (role) await q('insert into member_roles (member_id, ward_id, role, unit_id) values ($1, $2, $3, $4)', [m!.member_id, WARD, role.role, role.unit ?? null]);
    return { who, id: m!.member_id };
  };
  const resident = await person('bench-resident');
  await seed(q, resident.id, 1, IN_UNIT, 'tdp1');
  const leader = await person('bench-leader', { role: 'leader', unit: TDP1 });
  const officer = await person('bench-officer', { role: 'officer' });

  let opened: number[] = [];
  const page = await time(RUNS, async () => {
    const ms = await timed(service, leader.who, '/duyet', 'Chọn một đề cử để xem chi tiết.');
    opened.push(await timed(service, leader.who, '1', 'Bạn quyết định thế nào với đề cử này?'));
    await timed(service, leader.who, 'hủy', 'Bạn muốn hủy việc đang làm?');
    await timed(service, leader.who, '1', 'Đã hủy');
    return ms;
  });
  opened = opened.slice(WARMUP).sort((a, b) => a - b);

  await seed(q, resident.id, IN_UNIT + 1, IN_WARD, 'spread');
  await advance(q, 1, IN_WARD);
  await q('analyze');
  const [count] = await q<{ n: number }>(`select count(*)::int as n from nominations where ward_id = $1`, [WARD]);
  if (count!.n !== IN_WARD) throw new Error(`${label}: ${count!.n} nominations, not ${IN_WARD}`);
  const officerProgress = await time(RUNS, () => timed(service, officer.who, '/tiendo', 'Toàn phường: '));
  const leaderProgress = await time(RUNS, () => timed(service, leader.who, '/tiendo', 'Cả phường: '));

  const row = (turn: string, n: number, xs: number[]) => [label, turn, n.toLocaleString('en-US'), xs.length, fmt(quantile(xs, 0.5)), fmt(quantile(xs, 0.99)), fmt(xs.at(-1)!)];
  return [
    row("leader's /duyet (first page)", IN_UNIT, page),
    row('leader opens the oldest ("1")', IN_UNIT, opened),
    row("officer's /tiendo (every unit)", IN_WARD, officerProgress),
    row("leader's /tiendo (unit and ward)", IN_WARD, leaderProgress),
  ];
}

const fmt = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The rows of the review benchmark, PGlite first, then the server when DATABASE_URL is set. */
export async function reviewRows(): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  const only = process.env.BENCH_BACKENDS?.split(',').map((b) => b.trim());
  if (!only || only.includes('pglite')) {
    const backend = await openBackend({ kind: 'pglite', dataDir: 'memory://' });
    try {
      rows.push(...(await benchOne('pglite (memory)', backend)));
    } finally {
      await backend.close();
    }
  }
  if (process.env.DATABASE_URL && (!only || only.includes('postgres'))) {
    const db = await createServerDatabase();
    try {
      const backend = await openBackend({ kind: 'postgres', url: db.url });
      try {
        rows.push(...(await benchOne('postgres', backend)));
      } finally {
        await backend.close();
      }
    } finally {
      await db.drop();
    }
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  reviewRows().then(
    (rows) => {
      process.stdout.write(`${table(REVIEW_HEADER, rows)}\n`);
      process.exit(0);
    },
    (err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
