// The schema as a whole: vn_fold, row level security and privileges (anon and authenticated get
// nothing, only service_role runs the two entry points), and the seed (the plan, idempotent).
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRpcFetch } from '../../src/db/rpc-handler.js';
import { createServerClient } from '../../src/db/supabase-client.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

// The functions the bot's server calls are its entry points, named bot_*, each security definer
// (plus vn_fold, which the server may use to fold names); everything else is internal to them.
// The operator's command-line tools (campaign templates, wards, reports) call a few more.
const OPERATOR_ENTRY_POINTS = ['campaign_template_export', 'campaign_template_import', 'report_campaign_data', 'report_campaign_id', 'ward_add'];
const isEntryPoint = (name: string) => name.startsWith('bot_') || OPERATOR_ENTRY_POINTS.includes(name);

const LOAD_ARGS = {
  p_channel: 'telegram',
  p_scope: '', p_chat_id: 'c',
  p_user_id: 'u',
  p_locale_hint: null,
  p_event_id: 'e',
  p_input: '',
  p_catalog_versions: null,
  p_default_ward: null, p_delivered: []
};

describe.each(databaseBackends())('schema on %s', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  /** Runs `sql` as `role` in a transaction that is always rolled back; returns rows or the error. */
  async function asRole(role: string, sql: string): Promise<{ rows?: unknown[]; code?: string }> {
    const rollback = new Error('rollback');
    let outcome: { rows?: unknown[]; code?: string } = {};
    try {
      await db.backend.sql!.transaction(async (tx) => {
        await tx.exec(`set local role ${role}`);
        try {
          outcome = { rows: await tx.query(sql) };
        } catch (err) {
          outcome = { code: (err as { code?: string }).code };
        }
        throw rollback;
      });
    } catch (err) {
      if (err !== rollback) throw err;
    }
    return outcome;
  }

  describe('vn_fold', () => {
    it.each([
      ['Nguyễn Văn Ánh', 'nguyen van anh'],
      ['NGUYỄN   VĂN  ÁNH', 'nguyen van anh'],
      ['  Đặng Thị Huệ\t\n', 'dang thi hue'],
      ['Làng Plei Ốp', 'lang plei op'],
      ['Trường Tiểu học Lê Lợi', 'truong tieu hoc le loi'],
      ['Hội Cựu chiến binh', 'hoi cuu chien binh'],
      ['Ưng Hoàng Phúc', 'ung hoang phuc'],
      ['Ksor H’Bla', 'ksor h’bla'],
      ['Tổ\u00a0dân phố 3', 'to dan pho 3'],
      // precomposed and decomposed input fold alike
      ['Nguye\u0302\u0303n', 'nguyen'],
      ['', ''],
    ])('folds %j to %j', async (input, folded) => {
      const [row] = await db.query<{ f: string }>('select vn_fold($1) as f', [input]);
      expect(row!.f).toBe(folded);
    });

    it('is null for null and backs the generated columns', async () => {
      expect(await db.query('select vn_fold(null) as f')).toEqual([{ f: null }]);
      const [unit] = await db.query("select name_folded from units where name = 'Văn phòng HĐND – UBND phường'");
      expect(unit).toEqual({ name_folded: 'van phong hdnd – ubnd phuong' });
    });
  });

  describe('security', () => {
    let tables: string[];

    beforeAll(async () => {
      tables = (await db.query<{ t: string }>("select tablename as t from pg_tables where schemaname = 'public' order by 1")).map((r) => r.t);
    });

    it('has row level security on every table and no policy', async () => {
      expect(tables).toEqual(expect.arrayContaining(['wards', 'members', 'nominations', 'conversations', 'audit_log', 'outbox']));
      const off = await db.query("select tablename from pg_tables where schemaname = 'public' and not rowsecurity");
      expect(off).toEqual([]);
      expect(await db.query("select policyname from pg_policies where schemaname = 'public'")).toEqual([]);
    });

    it('lets anon and authenticated read no table', async () => {
      for (const role of ['anon', 'authenticated']) {
        for (const table of tables) {
          const outcome = await asRole(role, `select * from public.${table} limit 1`);
          expect(outcome, `${role} on ${table}`).toEqual({ code: '42501' });
        }
      }
    });

    it('shows anon no row even if a grant slips in (row level security without policies)', async () => {
      const rollback = new Error('rollback');
      let rows: unknown[] = [];
      await db.backend
        .sql!.transaction(async (tx) => {
          await tx.exec('grant select on public.wards, public.units to anon; set local role anon');
          rows = [...(await tx.query('select id from public.wards')), ...(await tx.query('select id from public.units'))];
          throw rollback;
        })
        .catch((err) => {
          if (err !== rollback) throw err;
        });
      expect(rows).toEqual([]);
      expect(await db.query("select has_table_privilege('anon', 'public.wards', 'select') as p")).toEqual([{ p: false }]);
    });

    it('lets anon and authenticated execute no function, and service_role only the entry points', async () => {
      const functions = await db.query<{ name: string; anon: boolean; auth: boolean; service: boolean }>(`
        select p.proname as name,
               has_function_privilege('anon', p.oid, 'execute') as anon,
               has_function_privilege('authenticated', p.oid, 'execute') as auth,
               has_function_privilege('service_role', p.oid, 'execute') as service
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = 'public' order by 1`);
      expect(functions.length).toBeGreaterThan(5);
      expect(functions.filter((f) => f.anon || f.auth)).toEqual([]);
      const service = functions.filter((f) => f.service).map((f) => f.name);
      expect(service.filter((name) => name !== 'vn_fold' && !isEntryPoint(name))).toEqual([]);
      expect(service).toEqual(expect.arrayContaining(['bot_turn_load', 'bot_turn_save', 'bot_turn_fetch', 'vn_fold']));
      const definers = await db.query<{ name: string }>(`
        select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = 'public' and p.prosecdef order by 1`);
      // every entry point runs as its owner, and nothing else does
      expect(definers.map((d) => d.name)).toEqual(service.filter((f) => f !== 'vn_fold'));
    });

    it('lets service_role run the entry points (security definer) without any table grant', async () => {
      const outcome = await asRole('service_role', "select public.bot_turn_load('telegram','','c','u',null,'e','',null,null,null) as r");
      expect(outcome.code).toBeUndefined();
      expect((outcome.rows as [{ r: { member: { wardId: string } } }])[0].r.member.wardId).toBe('20000000-0000-4000-8000-000000000001');
      expect(await asRole('service_role', 'select public.build_ward_catalog(null)')).toEqual({ code: '42501' });
    });

    it('refuses anon at the SQL level and through the RPC endpoint', async () => {
      expect(await asRole('anon', "select public.bot_turn_load('telegram','','c','u',null,'e','',null,null,null)")).toEqual({ code: '42501' });
      const fetch = await createRpcFetch(db.backend.sql!, 'the-service-key');
      const anon = await createServerClient('http://embedded.invalid', 'an-anon-key', fetch);
      const load = await anon.rpc('bot_turn_load', LOAD_ARGS);
      expect(load.error?.code).toBe('42501');
      expect(load.status).toBe(401);
      const save = await anon.rpc('bot_turn_save', {
        p_conversation_id: '00000000-0000-4000-8000-000000000000',
        p_version: 0,
        p_state: {},
        p_channel: 'telegram',
        p_event_id: 'e',
        p_member_id: '00000000-0000-4000-8000-000000000000',
        p_effect: null, p_scope: '', p_reply: null, p_owner: 'test', p_delivered: []
      });
      expect(save.error?.code).toBe('42501');
      expect(await db.query("select 1 from member_identities where external_id = 'u'")).toEqual([]);
    });
  });

  describe('seed', () => {
    it('holds the plan: template, two phases, five categories, general and specific criteria', async () => {
      const [template] = await db.query<Record<string, unknown>>("select * from campaign_templates where code = 'dhtt-2021-2025'");
      expect(template).toMatchObject({ title_vi: expect.stringContaining('điển hình tiên tiến'), title_en: expect.stringContaining('exemplars') });
      const phases = await db.query(
        'select seq, quota_collectives, quota_individuals, quota_is_minimum from template_phases where template_id = $1 order by seq',
        [template!.id],
      );
      expect(phases).toEqual([
        { seq: 1, quota_collectives: 3, quota_individuals: 3, quota_is_minimum: false },
        { seq: 2, quota_collectives: 3, quota_individuals: 3, quota_is_minimum: true },
      ]);
      const categories = await db.query('select code, kind, requires_led_unit, unit_kinds from categories order by seq');
      expect(categories).toEqual([
        { code: 'co_quan', kind: 'collective', requires_led_unit: false, unit_kinds: ['co_quan', 'doan_the'] },
        { code: 'khu_dan_cu', kind: 'collective', requires_led_unit: false, unit_kinds: ['to_dan_pho', 'lang'] },
        { code: 'can_bo', kind: 'individual', requires_led_unit: false, unit_kinds: [] },
        { code: 'nguoi_tot', kind: 'individual', requires_led_unit: false, unit_kinds: [] },
        { code: 'lanh_dao', kind: 'individual', requires_led_unit: true, unit_kinds: [] },
      ]);
      const counts = await db.query<{ code: string | null; n: number; longest: number }>(`
        select k.code, count(*)::int as n, max(char_length(r.text_vi))::int as longest
          from criteria r left join categories k on k.id = r.category_id
         group by k.code order by k.code nulls first`);
      expect(counts[0]).toMatchObject({ code: null, n: 3 });
      for (const c of counts.slice(1)) {
        expect(c.n, c.code!).toBeGreaterThanOrEqual(4);
        expect(c.n, c.code!).toBeLessThanOrEqual(8);
      }
      // short enough for a button
      expect(Math.max(...counts.map((c) => c.longest))).toBeLessThanOrEqual(90);
      const blanks = await db.query(
        "select id from criteria where btrim(text_vi) = '' or btrim(text_en) = '' union all select id from categories where description_vi = '' or description_en = ''",
      );
      expect(blanks).toEqual([]);
    });

    it('holds the ward, its sample units and the open 2026-2030 campaign with deadlines', async () => {
      expect(await db.query("select name, receipt_prefix, next_receipt from wards where code = 'thang-loi'")).toEqual([
        { name: 'Phường Thắng Lợi', receipt_prefix: 'TL', next_receipt: 1 },
      ]);
      const units = await db.query<{ kind: string; n: number }>('select kind, count(*)::int as n from units group by kind order by kind');
      expect(Object.fromEntries(units.map((u) => [u.kind, u.n]))).toEqual({ to_dan_pho: 8, lang: 3, co_quan: 6, doan_the: 5 });
      const phases = await db.query(`
        select p.seq, p.starts_on::text as starts_on, p.ends_on::text as ends_on, iso_utc(p.deadline) as deadline
          from campaign_phases p join campaigns c on c.id = p.campaign_id
         where c.code = 'dhtt-2026-2030' and c.status = 'open' order by p.seq`);
      expect(phases).toEqual([
        { seq: 1, starts_on: '2026-01-01', ends_on: '2028-06-30', deadline: '2028-06-30T10:00:00.000Z' },
        { seq: 2, starts_on: '2028-07-01', ends_on: '2030-12-31', deadline: '2030-09-30T10:00:00.000Z' },
      ]);
    });

    it('changes nothing when it runs again', async () => {
      const snapshot = () =>
        db.query(`
          select (select catalog_version from wards where code = 'thang-loi') as version,
                 (select count(*)::int from units) as units, (select count(*)::int from criteria) as criteria,
                 (select count(*)::int from campaign_phases) as phases, (select count(*)::int from campaigns) as campaigns`);
      const before = await snapshot();
      await db.backend.sql!.script(await readFile(new URL('../../supabase/seed.sql', import.meta.url), 'utf8'));
      expect(await snapshot()).toEqual(before);
    });
  });
});
