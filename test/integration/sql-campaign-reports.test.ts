// Reports in the chat and where people give up, on a real database through the real turn service:
// /baocao queues one request for an officer (the database refuses a resident and a leader itself),
// the report worker's claims take it once, a link to a file works once and not after it expires,
// and every nomination form counts towards the funnel of its campaign: how many reached each step
// and how many stopped there (cancelled, or silent for 24 hours), in the report data and /tiendo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { createReportStore } from '../../src/db/report-store.js';
import { createTurnStore } from '../../src/db/turn-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { linkTokenHash } from '../../src/services/report-worker.js';
import { createTurnService, type TurnService } from '../../src/services/turn-service.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { CRITERIA_TO_SUMMARY, UP_TO_CRITERIA, chatter } from '../support/turn-driver.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
const TDP1 = '20000000-0000-4000-8001-000000000001';

describe.each(databaseBackends())('campaign reports on %s', (kind) => {
  let db: TestDatabase;
  let service: TurnService;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    service = createTurnService({ store: createTurnStore(db.supabase), registry: appRegistry, defaultWard: 'thang-loi', log: silentLogger });
  });
  afterAll(async () => db?.close());

  async function person(name: string, role?: { role: 'leader' | 'officer'; unit?: string }): Promise<string> {
    await chatter(name).type(service, ['xin chào']);
    const [m] = await db.query<{ member_id: string }>(`select member_id from member_identities where channel = 'console' and external_id = $1`, [name]);
    if (role) await db.query('insert into member_roles (member_id, ward_id, role, unit_id) values ($1, $2, $3, $4)', [m!.member_id, WARD, role.role, role.unit ?? null]);
    return m!.member_id;
  }
  /** Runs `sql` as `role` in a transaction that is always rolled back; returns rows or the error code. */
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
  const effect = async (member: string, body: object) =>
    (
      await db.query<{ r: Record<string, unknown> }>(
        `select fx_report_request(m, $2::jsonb, jsonb_build_object('channel', 'console', 'conversationId', (select id from conversations where member_id = m.id limit 1))) as r
           from members m where id = $1`,
        [member, JSON.stringify({ type: 'report_request', ...body })],
      )
    )[0]!.r;

  it('queues a report for an officer, once, and refuses residents and leaders in the database', async () => {
    const officer = await person('rp-officer', { role: 'officer' });
    const resident = await person('rp-resident');
    const leader = await person('rp-leader', { role: 'leader', unit: TDP1 });
    expect(await chatter('rp-officer').type(service, ['/baocao'])).toContain('Đang chuẩn bị báo cáo đợt “Xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2026 – 2030”');
    // asked again while the first waits: still one request
    await chatter('rp-officer').type(service, ['báo cáo']);
    const rows = await db.query<{ status: string; chat_id: string; campaign_id: string; locale: string }>(
      `select status, chat_id, campaign_id, locale from report_requests where member_id = $1`,
      [officer],
    );
    expect(rows).toEqual([{ status: 'queued', chat_id: 'rp-officer', campaign_id: CAMPAIGN, locale: 'vi' }]);

    expect(await chatter('rp-resident').type(service, ['/baocao'])).toContain('Lệnh này chỉ dành cho cán bộ phường');
    expect(await effect(resident, {})).toEqual({ type: 'report_request', status: 'forbidden' });
    expect(await effect(leader, {})).toEqual({ type: 'report_request', status: 'forbidden' });
    expect((await db.query(`select 1 from report_requests where member_id in ($1, $2)`, [resident, leader])).length).toBe(0);

    // the worker's claim: taken once; a terminal request only by the terminal session it came from
    const store = createReportStore(db.supabase);
    expect(await store.claim({ worker: 'w1', channels: ['console'], consoleChat: 'someone-else', leaseSeconds: 60 })).toBeNull();
    const claimed = await store.claim({ worker: 'w1', channels: ['console'], consoleChat: 'rp-officer', leaseSeconds: 60 });
    expect(claimed).toMatchObject({ campaignId: CAMPAIGN, channel: 'console', chatId: 'rp-officer', locale: 'vi', attempts: 1 });
    expect(await store.claim({ worker: 'w2', channels: ['console'], consoleChat: 'rp-officer', leaseSeconds: 60 })).toBeNull();
    expect(await store.finish(claimed!.id, 'w2', 'sent')).toBe(false);
    expect(await store.finish(claimed!.id, 'w1', 'sent')).toBe(true);
    const [done] = await db.query<{ status: string; chat_id: string | null }>(`select status, chat_id from report_requests where id = $1`, [claimed!.id]);
    expect(done).toEqual({ status: 'sent', chat_id: null });
  });

  it('asks which campaign when the ward has several, and names an unknown code', async () => {
    const officer = await person('rp-officer2', { role: 'officer' });
    await db.query(
      `insert into campaigns (ward_id, template_id, code, title_vi, title_en, status)
       select ward_id, template_id, 'dhtt-2021-2025', 'Điển hình tiên tiến 2021 – 2025', 'Exemplars 2021–2025', 'closed' from campaigns where id = $1`,
      [CAMPAIGN],
    );
    const choose = await effect(officer, {});
    expect(choose).toMatchObject({ status: 'choose' });
    expect((choose.campaigns as { code: string; status: string }[]).map((c) => [c.code, c.status])).toEqual([
      ['dhtt-2026-2030', 'open'],
      ['dhtt-2021-2025', 'closed'],
    ]);
    const reply = await chatter('rp-officer2').type(service, ['/baocao']);
    expect(reply).toContain('/baocao dhtt-2021-2025');
    expect(await chatter('rp-officer2').type(service, ['/baocao khong-co'])).toContain('Không có đợt nào mang mã “khong-co”.');
    expect(await chatter('rp-officer2').type(service, ['/baocao DHTT-2021-2025'])).toContain('Đang chuẩn bị báo cáo đợt “Điển hình tiên tiến 2021 – 2025”');
    // a person who deletes their data leaves no waiting request (it holds their chat) behind
    expect((await db.query(`select 1 from report_requests where member_id = $1`, [officer])).length).toBe(1);
    await db.query(`update members set deleted_at = now() where id = $1`, [officer]);
    expect((await db.query(`select 1 from report_requests where chat_id = 'rp-officer2'`)).length).toBe(0);
  });

  it('serves a download link once and not after it expires; a photo link until it expires', async () => {
    const store = createReportStore(db.supabase);
    const bytes = Buffer.from('Tệp báo cáo có dấu: ừ, ễ, ạ');
    const file = (token: string, singleUse = true) => ({ tokenHash: linkTokenHash(token), name: `${token}.csv`, contentType: 'text/csv', bytes, singleUse });
    expect(await store.createLinks(null as unknown as string, [file('download-once-aaaa'), file('photo-many-aaaa', false), file('late-aaaaaaaaaaaa')], 900)).toBe(3);
    expect(await store.takeLink(linkTokenHash('download-once-aaaa'), false)).toMatchObject({ status: 'ok', name: 'download-once-aaaa.csv' });
    const taken = await store.takeLink(linkTokenHash('download-once-aaaa'), true);
    expect(taken.status === 'ok' && taken.bytes.toString()).toBe(bytes.toString());
    expect(await store.takeLink(linkTokenHash('download-once-aaaa'), true)).toEqual({ status: 'used' });
    expect((await store.takeLink(linkTokenHash('photo-many-aaaa'), true)).status).toBe('ok');
    expect((await store.takeLink(linkTokenHash('photo-many-aaaa'), true)).status).toBe('ok');
    await db.query(`update report_links set expires_at = now() - interval '1 second' where token_hash = $1`, [linkTokenHash('late-aaaaaaaaaaaa')]);
    expect(await store.takeLink(linkTokenHash('late-aaaaaaaaaaaa'), true)).toEqual({ status: 'expired' });
    expect(await store.takeLink(linkTokenHash('never-made-aaaaaa'), true)).toEqual({ status: 'unknown' });
    const [row] = await db.query<{ data: unknown }>(`select data from report_links where token_hash = $1`, [linkTokenHash('download-once-aaaa')]);
    expect(row!.data).toBeNull();
  });

  it('counts, per step of the nomination form, the people who reached it and those who stopped there', async () => {
    // sent: every step up to the summary
    await chatter('fn-sent').type(service, [...UP_TO_CRITERIA, '1', ...CRITERIA_TO_SUMMARY, '1']);
    expect((await db.query(`select 1 from nominations n join conversations c on c.member_id = n.nominator_id where c.chat_id = 'fn-sent'`)).length).toBe(1);
    // cancelled at the deeds question
    await chatter('fn-cancel').type(service, [...UP_TO_CRITERIA.slice(0, 3), 'Lê Văn Bình', 'hủy']);
    const [cancel] = await db.query<{ flow: string | null }>(`select state ->> 'flow' as flow from conversations where chat_id = 'fn-cancel'`);
    if (cancel!.flow) await chatter('fn-cancel').type(service, ['có']);
    // silent at the unit question for a day
    await chatter('fn-silent').type(service, UP_TO_CRITERIA.slice(0, 2));
    // silent an hour only: not stopped yet
    await chatter('fn-pause').type(service, UP_TO_CRITERIA.slice(0, 2));
    await db.query(
      `update form_runs set last_at = bot_now() - interval '25 hours'
        where member_id = (select member_id from conversations where chat_id = 'fn-silent')`,
    );
    const runs = await db.query<{ chat: string; ended: string | null; last_step: string }>(
      `select c.chat_id as chat, r.ended, r.last_step from form_runs r join conversations c on c.member_id = r.member_id
        where c.chat_id like 'fn-%' order by c.chat_id`,
    );
    expect(runs).toEqual([
      { chat: 'fn-cancel', ended: 'cancelled', last_step: 'deeds' },
      { chat: 'fn-pause', ended: null, last_step: 'unit' },
      { chat: 'fn-sent', ended: 'submitted', last_step: 'summary' },
      { chat: 'fn-silent', ended: null, last_step: 'unit' },
    ]);
    const [{ f }] = (await db.query<{ f: { step: string; reached: number; stopped: number }[] }>(`select campaign_form_funnel($1) as f`, [CAMPAIGN])) as [
      { f: { step: string; reached: number; stopped: number }[] },
    ];
    const byStep = Object.fromEntries(f.map((s) => [s.step, [s.reached, s.stopped]]));
    expect(byStep.category).toEqual([4, 0]);
    expect(byStep.unit).toEqual([4, 1]);
    expect(byStep.deeds).toEqual([2, 1]);
    expect(byStep.summary).toEqual([1, 0]);
    expect(f[0]!.step).toBe('category');
    expect(f.at(-1)!.step).toBe('summary');

    const data = await createReportStore(db.supabase).campaignData(CAMPAIGN);
    expect(data!.funnel).toEqual(f);
    const officer = await chatter('rp-officer').type(service, ['/tiendo']);
    expect(officer).toContain('Biểu mẫu đề cử: 4 người đã bắt đầu.');
    expect(officer).toContain('Chọn tổ dân phố, làng, đơn vị\n  4 người đến, 1 người dừng ở bước này');
  });

  it('lets no client but the server call the new functions', async () => {
    for (const role of ['anon', 'authenticated']) {
      for (const sql of [`select bot_report_link_take('x', true)`, `select bot_report_claim('w', array['console'], null, 60)`, `select campaign_form_funnel(gen_random_uuid())`, `select * from report_requests`, `select * from form_runs`]) {
        expect(await asRole(role, sql), `${role}: ${sql}`).toEqual({ code: '42501' });
      }
    }
  });
});
