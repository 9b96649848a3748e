// The read behind every report, measured on a campaign of 10,000 nominations (BENCH_NOMINATIONS):
// seeds them through SQL into a fresh database (on the server named by DATABASE_URL, else in
// PGlite), then times report_campaign_data alone, the same call through the bot's RPC client with the
// zod check, and the whole path to the four files. BENCH_RUNS sets the runs per measure (5).
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { openBackend } from '../../src/db/backend.js';
import { createReportStore } from '../../src/db/report-store.js';
import { renderChartPng } from '../../src/reports/chart-report.js';
import { writeCsvReport } from '../../src/reports/csv-report.js';
import { writePdfReport } from '../../src/reports/pdf-report.js';
import { writeXlsxReport } from '../../src/reports/xlsx-report.js';
import { createServerDatabase } from '../support/databases.js';
import { reportContext } from '../support/report-context.js';

const count = Number(process.env.BENCH_NOMINATIONS ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const WARD = '20000000-0000-4000-8000-000000000001';
const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
const TEMPLATE = '10000000-0000-4000-8000-000000000001';

const server = process.env.DATABASE_URL ? await createServerDatabase() : null;
const backend = await openBackend(server ? { kind: 'postgres', url: server.url } : { kind: 'pglite', dataDir: 'memory://' });
const sql = backend.sql!;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

try {
  const seeding = performance.now();
  await sql.script(`
    insert into members (id, ward_id, role)
    select ('40000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, '${WARD}', case when g = 1 then 'officer' else 'resident' end
      from generate_series(1, 6) g;
    insert into nominations (ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds, nominator_id,
                             status, receipt_code, form_id, created_at)
    select '${WARD}', '${CAMPAIGN}', cat.id, cat.kind, u.id,
           (array['Nguyễn Văn ', 'Trần Thị ', 'Rơ Mah ', 'Lê Hữu '])[1 + g % 4] || 'Người ' || g,
           'Vận động bà con hiến đất làm đường, giữ vệ sinh môi trường "xanh – sạch – đẹp", giúp hộ nghèo số ' || g || '.',
           '40000000-0000-4000-8000-000000000002',
           (array['submitted', 'screened', 'forwarded', 'returned', 'appraised', 'honoured', 'not_honoured', 'withdrawn'])[1 + g % 8],
           'TL-' || lpad(g::text, 5, '0'), gen_random_uuid(), timestamptz '2026-01-05 08:00+07' + g * interval '2 hours'
      from generate_series(1, ${count}) g
      cross join lateral (select id, kind from categories where template_id = '${TEMPLATE}' order by seq offset g % 5 limit 1) cat
      cross join lateral (select id from units where ward_id = '${WARD}' order by kind, seq offset g % 22 limit 1) u;
    insert into nomination_criteria (nomination_id, criterion_id)
    select n.id, k.id from nominations n
      join criteria k on k.template_id = '${TEMPLATE}' and (k.category_id is null or k.category_id = n.category_id) and k.seq <= 2;
    insert into endorsements (nomination_id, member_id, created_at)
    select n.id, m.id, n.created_at + interval '1 day' from nominations n
      join members m on m.ward_id = '${WARD}' and (hashtext(n.id::text || m.id::text) & 3) = 0;
    insert into nomination_status_history (nomination_id, status, actor_member_id, at)
    select id, 'submitted', nominator_id, created_at from nominations;
    insert into nomination_status_history (nomination_id, status, actor_member_id, note, at)
    select id, status, '40000000-0000-4000-8000-000000000001', 'Đã xem xét', created_at + interval '20 days' from nominations where status <> 'submitted';
    analyze;
  `);
  const [counts] = await sql.query<{ n: number; c: number; e: number; h: number }>(
    `select (select count(*) from nominations)::int n, (select count(*) from nomination_criteria)::int c,
            (select count(*) from endorsements)::int e, (select count(*) from nomination_status_history)::int h`,
  );
  console.log(`${backend.kind}: seeded ${counts!.n} nominations, ${counts!.c} criteria ticks, ${counts!.e} endorsements, ${counts!.h} status changes in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

  let bytes = 0;
  const rawTimes = await time(async () => {
    const [row] = await sql.query<{ body: string }>('select report_campaign_data($1)::text as body', [CAMPAIGN]);
    bytes = row!.body.length;
  });
  console.log(`report_campaign_data in SQL (${(bytes / 1e6).toFixed(1)} MB of json): median ${median(rawTimes).toFixed(0)} ms, runs ${rawTimes.map((t) => t.toFixed(0)).join(', ')}`);

  // on a local server the backend process's own CPU time is readable: steadier than wall time
  // on a machine shared with other work (Linux ticks, 10 ms resolution)
  if (server) {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      const ticks = () => {
        try {
          const fields = readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
          return Number(fields[11]) + Number(fields[12]);
        } catch {
          return NaN;
        }
      };
      await client.query('select report_campaign_data($1)::text', [CAMPAIGN]);
      const before = ticks();
      for (let i = 0; i < runs; i++) await client.query('select report_campaign_data($1)::text', [CAMPAIGN]);
      const cpu = ((ticks() - before) * 10) / runs;
      if (!Number.isNaN(cpu)) console.log(`report_campaign_data CPU time in the server process: ${cpu.toFixed(0)} ms per call`);
    } finally {
      await client.end();
    }
  }

  const store = createReportStore(backend.rpc);
  const rpcTimes = await time(() => store.campaignData(CAMPAIGN));
  console.log(`through the RPC client + zod check: median ${median(rpcTimes).toFixed(0)} ms`);

  const ctx = await reportContext('vi');
  const sink = () => new PassThrough().resume();
  const allTimes = await time(async () => {
    const data = (await store.campaignData(CAMPAIGN))!;
    await writeXlsxReport(data, ctx, sink());
    await writeCsvReport(data, ctx, sink());
    await writePdfReport(data, ctx, sink());
    renderChartPng(data, ctx);
  });
  console.log(`read + xlsx + csv + pdf + png: median ${median(allTimes).toFixed(0)} ms, runs ${allTimes.map((t) => t.toFixed(0)).join(', ')}`);
} finally {
  await backend.close();
  // BENCH_KEEP_DB=1 leaves the server database for EXPLAIN and friends
  if (process.env.BENCH_KEEP_DB === '1' && server) console.log(`kept ${server.url}`);
  else await server?.drop();
}
