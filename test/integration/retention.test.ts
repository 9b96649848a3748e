// The nightly retention job, for the moment it is given: processed events, finished conversations
// (a half-filled form stays), used link codes and old attempts, finished outbox rows (pending ones
// stay) are deleted after their periods; a nominee's photo and deeds are cleared once their
// campaign has been closed longer than its period (deeds become a neutral text that keeps the row
// valid and the report readable); a second run finds nothing more; the moment decides, not the
// database's clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobStore, type JobStore } from '../../src/db/job-store.js';
import { createReportStore } from '../../src/db/report-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { retentionJob } from '../../src/services/jobs/retention.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const TEMPLATE = '10000000-0000-4000-8000-000000000001';
const CATEGORY = '10000000-0000-4000-8001-000000000004';
const UNIT = '20000000-0000-4000-8001-000000000003';
const DAYS = { events: 7, conversations: 30, links: 7, outbox: 30, nomineeData: 365 };
const DEEDS = 'Nhiều năm liền giúp đỡ các hộ nghèo trong tổ, vận động bà con giữ vệ sinh chung.';

describe.each(databaseBackends())('retention on %s', (kind) => {
  let db: TestDatabase;
  let store: JobStore;
  let member: string;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    store = createJobStore(db.supabase);
    [{ id: member }] = (await db.query<{ id: string }>(`insert into members (ward_id) values ($1) returning id`, [WARD])) as [{ id: string }];
  });
  afterAll(async () => db?.close());

  const ago = (days: number) => `now() - interval '${days} days'`;

  async function campaign(code: string, status: 'open' | 'closed', closedDaysAgo?: number) {
    const [c] = await db.query<{ id: string }>(
      `insert into campaigns (ward_id, template_id, code, title_vi, title_en, status) values ($1, $2, $3, $3, $3, $4) returning id`,
      [WARD, TEMPLATE, code, status],
    );
    if (closedDaysAgo !== undefined) await db.query(`update campaigns set closed_at = ${ago(closedDaysAgo)} where id = $1`, [c!.id]);
    for (let i = 1; i <= 2; i++) {
      await db.query(
        `insert into nominations (ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds, photo_ref, nominator_id, receipt_code, form_id)
         values ($1, $2, $3, 'individual', $4, $5, $6, 'photo-file-id', $7, $8, gen_random_uuid())`,
        [WARD, c!.id, CATEGORY, UNIT, `Người ${code} ${i}`, DEEDS, member, `RT-${code.slice(-2)}${i}`],
      );
    }
    return c!.id;
  }

  it('deletes what is past its period as of the moment given, clears old campaigns’ nominee data, and finds nothing more the second time', async () => {
    await db.query(`insert into inbound_events (channel, scope, event_id, processed_at) values
      ('zalo', 'b:r1', 'old', ${ago(9)}), ('zalo', 'b:r1', 'recent', ${ago(2)})`);
    const conv = async (chat: string, days: number, flow: string | null, extra = '') => {
      await db.query(
        `insert into conversations (channel, chat_id, member_id, state, updated_at${extra ? ', reply_state' : ''})
         values ('zalo', $1, $2, $3, ${ago(days)}${extra ? `, '${extra}'` : ''})`,
        [chat, member, { flow, step: flow ? 'kind' : null, answers: {}, trail: [] }],
      );
    };
    await conv('r-idle-old', 40, null);
    await conv('r-idle-recent', 10, null);
    await conv('r-form-old', 40, 'nominate');
    await conv('deleted:r-gone', 0, null, 'delivered');
    await db.query(`insert into account_link_codes (code, member_id, channel, created_at, expires_at, used_at) values
      ('111111', $1, 'zalo', ${ago(11)}, ${ago(10)}, ${ago(10)}), ('222222', $1, 'zalo', ${ago(3)}, ${ago(2)}, ${ago(2)})`, [member]);
    await db.query(`insert into account_link_attempts (member_id, ok, at) values ($1, false, ${ago(10)}), ($1, false, ${ago(1)})`, [member]);
    const out = async (key: string, status: string, days: number) =>
      db.query(`insert into outbox (ward_id, dedupe_key, member_id, channel, chat_id, payload, status, created_at, not_before, sent_at)
                values ($1, $2, $3, 'zalo', 'r-chat', '{"messages": []}', $4, ${ago(days)}, ${ago(days)}, ${status === 'sent' ? ago(days) : 'null'})`,
        [WARD, key, member, status]);
    await out('r-sent-old', 'sent', 40);
    await out('r-sent-recent', 'sent', 5);
    await out('r-failed-old', 'failed', 40);
    await out('r-pending-old', 'pending', 40);
    const longClosed = await campaign('rt-2016-2020', 'closed', 400);
    const justClosed = await campaign('rt-2021-2022', 'closed', 10);
    await campaign('rt-open', 'open');

    const job = retentionJob(store, DAYS);
    expect(await job.run(new Date(), silentLogger)).toEqual({ events: 1, conversations: 2, linkCodes: 1, linkAttempts: 1, outbox: 2, nomineeData: 2 });

    expect((await db.query<{ event_id: string }>(`select event_id from inbound_events where scope = 'b:r1'`)).map((r) => r.event_id)).toEqual(['recent']);
    expect((await db.query<{ chat_id: string }>(`select chat_id from conversations where member_id = $1 order by chat_id`, [member])).map((r) => r.chat_id)).toEqual([
      'r-form-old',
      'r-idle-recent',
    ]);
    expect((await db.query<{ code: string }>(`select code from account_link_codes where member_id = $1`, [member])).map((r) => r.code)).toEqual(['222222']);
    expect((await db.query<{ dedupe_key: string }>(`select dedupe_key from outbox where member_id = $1 order by 1`, [member])).map((r) => r.dedupe_key)).toEqual([
      'r-pending-old',
      'r-sent-recent',
    ]);
    const nominees = await db.query<{ campaign_id: string; photo_ref: string | null; deeds: string; cleared: boolean }>(
      `select campaign_id, photo_ref, deeds, nominee_data_cleared_at is not null as cleared from nominations where nominator_id = $1 order by receipt_code`,
      [member],
    );
    for (const n of nominees) {
      if (n.campaign_id === longClosed) expect(n).toMatchObject({ photo_ref: null, deeds: 'Nội dung đã được xóa khi hết thời hạn lưu hồ sơ của đợt.', cleared: true });
      else expect(n).toMatchObject({ photo_ref: 'photo-file-id', deeds: DEEDS, cleared: false });
    }
    // The report of the old campaign still reads (its schema checks every field).
    const report = await createReportStore(db.supabase).campaignData(longClosed);
    expect(report!.nominations.map((n) => n.deeds)).toEqual(['Nội dung đã được xóa khi hết thời hạn lưu hồ sơ của đợt.', 'Nội dung đã được xóa khi hết thời hạn lưu hồ sơ của đợt.']);

    expect(await job.run(new Date(), silentLogger)).toEqual({ events: 0, conversations: 0, linkCodes: 0, linkAttempts: 0, outbox: 0, nomineeData: 0 });

    // A run for a later moment: the conversation silent for 10 days is past 30 days by then, and
    // the campaign closed 10 days ago past its year.
    const later = new Date(Date.now() + 360 * 86_400_000);
    expect(await job.run(later, silentLogger)).toMatchObject({ conversations: 1, nomineeData: 2 });
    expect((await db.query(`select photo_ref from nominations where campaign_id = $1`, [justClosed])).every((r) => r.photo_ref === null)).toBe(true);
  });

  it('notes when a campaign closes, and forgets it when it opens again', async () => {
    const [c] = await db.query<{ id: string }>(
      `insert into campaigns (ward_id, template_id, code, title_vi, title_en, status) values ($1, $2, 'rt-toggle', 'x', 'x', 'open') returning id`,
      [WARD, TEMPLATE],
    );
    const closedAt = async () => (await db.query<{ closed: boolean }>(`select closed_at is not null as closed from campaigns where id = $1`, [c!.id]))[0]!.closed;
    expect(await closedAt()).toBe(false);
    await db.query(`update campaigns set status = 'closed' where id = $1`, [c!.id]);
    expect(await closedAt()).toBe(true);
    await db.query(`update campaigns set status = 'open' where id = $1`, [c!.id]);
    expect(await closedAt()).toBe(false);
  });

  it('refuses a period under one day: a programming error, not a night’s work', async () => {
    await expect(db.rpc('bot_retention_run', { p_at: new Date().toISOString(), p_days: { ...DAYS, outbox: 0 } })).rejects.toThrow(/at least one day/);
  });
});
