// Reminders on a real database: a campaign whose phase deadline is a week away. At 08:00 ward time
// seven days before, each leader gets a digest of their own unit in their language, once, even
// when two processes run the job at the same minute; the worker holds it in quiet hours and while
// the leader is in the middle of a form; the 3- and 1-day digests follow (a leader with nothing
// waiting gets "all done", or nothing when the campaign says so); after the deadline the officers
// get the units still unscreened; a question left unanswered for 3 days and a form left for a day
// are each reminded once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channels/i18n.js';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import type { Locale } from '../../src/conversation/contract.js';
import { createJobStore } from '../../src/db/job-store.js';
import type { ClaimedMessage } from '../../src/db/outbox-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import { renderQueued } from '../../src/services/notice-render.js';
import { VIEW_FLOWS } from '../../src/services/jobs/all-jobs.js';
import { remindersJob } from '../../src/services/jobs/reminders.js';
import { runJobOnce } from '../../src/services/jobs/scheduler.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { CAMPAIGN, PHASE_1, TDP1, TDP2, wardFixture } from '../support/ward-fixture.js';

const TDP3 = '20000000-0000-4000-8001-000000000003';
const QUIET = { from: '21:00', to: '07:00' };
const translators = await createTranslator();

describe.each(databaseBackends())('reminders on %s', (kind) => {
  let db: TestDatabase;
  let ward: ReturnType<typeof wardFixture>;
  const people: Record<'leader1' | 'leader2' | 'leader3' | 'officer' | 'resident', string> = { leader1: '', leader2: '', leader3: '', officer: '', resident: '' };

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    ward = wardFixture(db, 'rm');
    // Phase 1's nominations close on 15/12/2026 at 17:00; the other phase is years away.
    await db.query(`update campaign_phases set deadline = '2026-12-15 17:00+07' where id = $1`, [PHASE_1]);
    people.leader1 = await ward.member({ role: 'leader', unit: TDP1 });
    people.leader2 = await ward.member({ role: 'leader', unit: TDP2 });
    people.leader3 = await ward.member({ role: 'leader', unit: TDP3 });
    people.officer = await ward.member({ role: 'officer' });
    people.resident = await ward.member();
    // Leader 2 reads English; leader 1 turned announcements off (reminders are part of the role).
    await db.query(`update members set locale = 'en' where id = $1`, [people.leader2]);
    await db.query(`update members set announcements_opt_in = false where id = $1`, [people.leader1]);
    const forwarded = await ward.nominate(people.resident, { unit: TDP1 });
    await ward.forward(forwarded, people.leader1);
    await ward.nominate(people.resident, { unit: TDP1 });
    await ward.nominate(people.resident, { unit: TDP1 });
    // The leader's own nomination goes to the ward, not to their list.
    await ward.nominate(people.leader1, { unit: TDP1 });
    await ward.nominate(people.resident, { unit: TDP2 });
  });
  afterAll(async () => db?.close());

  const run = (at: string) => db.rpc<Record<string, number>>('bot_reminders_run', { p_at: new Date(at).toISOString(), p_skip_flows: [...VIEW_FLOWS] });

  /** The reminders queued for a member, rendered as the person reads them on Zalo. */
  async function reminders(who: string): Promise<string[]> {
    const rows = await db.query<{ payload: ClaimedMessage['payload']; locale: Locale }>(
      `select o.payload, m.locale from outbox o join members m on m.id = o.member_id where o.member_id = $1 and o.kind = 'reminder' order by o.id`,
      [who],
    );
    return rows.map((r) => renderPlainMessages(renderQueued(appRegistry, r.payload, r.locale), translators(r.locale)));
  }

  /** Sets the bot's clock to a moment (as CLOCK_OFFSET does). */
  const clockAt = (at: string) => db.query(`select bot_set_clock_offset($1::timestamptz - now())`, [at]);
  const clockBack = () => db.query(`select bot_set_clock_offset(interval '0')`);

  /** What the delivery worker would claim now: the members whose reminders go out. */
  async function claimReminders(): Promise<string[]> {
    const claimed = await db.rpc<{ memberId: string; kind: string }[]>('bot_outbox_claim', {
      p_worker: 'test', p_channels: ['zalo'], p_console_chat: null, p_limit: 100, p_lease_seconds: 60, p_quiet: QUIET,
    });
    await db.query(`update outbox set status = 'sent', lease_until = null where status = 'sending'`);
    return claimed.filter((m) => m.kind === 'reminder').map((m) => m.memberId).sort();
  }

  it('sends each leader their own counts, in their language, once, even when two processes run it at the same minute', async () => {
    expect(await run('2026-12-08T07:59:00+07:00')).toEqual({ digests: 0, escalations: 0, questions: 0, drafts: 0 });

    // Two processes at 08:00: one queues, the other finds every key taken.
    const both = await Promise.all([run('2026-12-08T08:00:00+07:00'), run('2026-12-08T08:00:00+07:00')]);
    expect(both[0]!.digests! + both[1]!.digests!).toBe(3);
    // The scheduled job, twice at the same minute and again a minute later: nothing more.
    const store = createJobStore(db.supabase);
    const job = remindersJob(store, VIEW_FLOWS);
    const at = new Date('2026-12-08T08:00:00+07:00');
    const jobs = await Promise.all([
      runJobOnce(job, at, { store, worker: 'process-a', log: silentLogger }),
      runJobOnce(job, at, { store, worker: 'process-b', log: silentLogger }),
    ]);
    expect(jobs.filter(Boolean)).toEqual([{ digests: 0, escalations: 0, questions: 0, drafts: 0 }]);
    expect(await run('2026-12-08T09:00:00+07:00')).toMatchObject({ digests: 0 });

    const [one] = await reminders(people.leader1);
    expect(await reminders(people.leader1)).toHaveLength(1);
    expect(one).toContain('⏰ Nhắc hạn: “Giai đoạn 1: lựa chọn, bồi dưỡng điển hình” hết hạn ngày 15/12/2026.');
    expect(one).toContain('• Tổ dân phố 1: 2 đề cử đang chờ bạn xem xét, 1 đã chuyển lên phường.');
    expect(one).toContain('Để đủ chỉ tiêu giai đoạn này, phường còn cần tôn vinh 3 tập thể và 3 cá nhân.');
    expect(one).toContain('• Xem đề cử chờ xem xét: gõ /duyet');
    expect(one).not.toContain('Tổ dân phố 2');

    expect(await reminders(people.leader2)).toEqual([
      expect.stringContaining('• Tổ dân phố 2: 1 nominations waiting for your screening, 0 forwarded to the ward.'),
    ]);
    expect((await reminders(people.leader2))[0]).toContain('⏰ Reminder: “Phase 1: select and foster exemplars” ends on 15/12/2026.');

    const [three] = await reminders(people.leader3);
    expect(three).toContain('Bạn đã xem xét hết các đề cử. Cảm ơn bạn!');
    expect(three).toContain('không còn đề cử nào chờ xem xét, 0 đã chuyển lên phường.');
    expect(three).not.toContain('/duyet');
    // Residents and officers get no digest.
    expect(await reminders(people.resident)).toEqual([]);
    expect(await reminders(people.officer)).toEqual([]);
  });

  it('holds the digests in quiet hours and while a leader is in the middle of a form', async () => {
    await clockAt('2026-12-08T22:30:00+07:00');
    expect(await claimReminders()).toEqual([]);
    await clockAt('2026-12-09T06:59:00+07:00');
    expect(await claimReminders()).toEqual([]);

    // Leader 2 is answering a question right now: theirs waits until the form has been quiet 30 minutes.
    await db.query(
      `insert into conversations (channel, chat_id, member_id, state)
       select channel, chat_id, member_id, '{"flow":"screening","step":"list","answers":{},"trail":[]}' from member_identities where member_id = $1`,
      [people.leader2],
    );
    await clockAt('2026-12-09T07:00:00+07:00');
    expect(await claimReminders()).toEqual([people.leader1, people.leader3].sort());
    await db.query(`update conversations set updated_at = now() - interval '31 minutes' where member_id = $1`, [people.leader2]);
    expect(await claimReminders()).toEqual([people.leader2]);
    await db.query(`delete from conversations where member_id = $1`, [people.leader2]);
    await clockBack();
  });

  it('sends the 3-day digest, and at 1 day leaves out a leader with nothing waiting when the campaign says so', async () => {
    expect(await run('2026-12-12T08:00:00+07:00')).toMatchObject({ digests: 3 });
    expect(await run('2026-12-12T13:00:00+07:00')).toMatchObject({ digests: 0 });
    await db.query(`update campaigns set reminder_when_done = 'nothing' where id = $1`, [CAMPAIGN]);
    // A campaign's hour: 17:00 instead of 08:00.
    await db.query(`update campaigns set reminder_hour = 17 where id = $1`, [CAMPAIGN]);
    expect(await run('2026-12-14T16:00:00+07:00')).toMatchObject({ digests: 0 });
    expect(await run('2026-12-14T17:00:00+07:00')).toMatchObject({ digests: 2 });
    expect(await reminders(people.leader1)).toHaveLength(3);
    expect(await reminders(people.leader2)).toHaveLength(3);
    expect(await reminders(people.leader3)).toHaveLength(2);
    await db.query(`update campaigns set reminder_hour = 8 where id = $1`, [CAMPAIGN]);
  });

  it('tells the officers, after the deadline, which units still have unscreened nominations, once', async () => {
    expect(await run('2026-12-15T16:59:00+07:00')).toMatchObject({ digests: 0, escalations: 0 });
    expect(await run('2026-12-16T07:00:00+07:00')).toMatchObject({ digests: 0, escalations: 0 });
    const both = await Promise.all([run('2026-12-16T08:00:00+07:00'), run('2026-12-16T08:00:00+07:00')]);
    expect(both[0]!.escalations! + both[1]!.escalations!).toBe(1);
    expect(await run('2026-12-17T08:00:00+07:00')).toMatchObject({ escalations: 0 });
    const [escalation] = await reminders(people.officer);
    expect(await reminders(people.officer)).toHaveLength(1);
    expect(escalation).toContain('Đã quá hạn “Giai đoạn 1: lựa chọn, bồi dưỡng điển hình” (15/12/2026) mà còn 4 đề cử chưa được xem xét:');
    expect(escalation).toContain('• Tổ dân phố 1: 3 đề cử');
    expect(escalation).toContain('• Tổ dân phố 2: 1 đề cử');
    expect(escalation).toContain('• Xem tiến độ: gõ /tiendo');
    // Leaders are not escalated to, and get no digest once the deadline has passed.
    expect(await reminders(people.leader1)).toHaveLength(3);
  });

  it('reminds a nominator of a question left unanswered for 3 days, once', async () => {
    const asked = await ward.nominate(people.resident, { unit: TDP3 });
    await clockAt('2026-12-20T10:00:00+07:00');
    await db.query(`select nomination_transition($1, array['submitted'], 'returned', $2, 'Ông Ba làm việc này từ năm nào?')`, [asked.id, people.leader3]);
    await clockBack();
    expect(await run('2026-12-23T09:00:00+07:00')).toMatchObject({ questions: 0 });
    expect(await run('2026-12-23T10:01:00+07:00')).toMatchObject({ questions: 1 });
    expect(await run('2026-12-24T10:00:00+07:00')).toMatchObject({ questions: 0 });
    const [reminder] = await reminders(people.resident);
    expect(reminder).toContain(`Đề cử ${asked.code} (Người rm`);
    expect(reminder).toContain('vẫn đang chờ bạn trả lời câu hỏi.');
    expect(reminder).toContain('Câu hỏi: “Ông Ba làm việc này từ năm nào?”');
    expect(reminder).toContain(`• Trả lời: gõ /traloi ${asked.code}`);
  });

  it('nudges a form left half-filled for a day, once, kindly, with how to carry on and how to cancel', async () => {
    const [resident] = await db.query<{ channel: string; chat_id: string }>('select channel, chat_id from member_identities where member_id = $1', [people.resident]);
    await db.query(
      `insert into conversations (channel, chat_id, member_id, state, updated_at)
       values ($1, $2, $3, '{"flow":"nomination","step":"unit","answers":{"kind":"individual"},"trail":["who"],"formId":"f-1"}', now() - interval '23 hours')`,
      [resident!.channel, resident!.chat_id, people.resident],
    );
    // A view left open (a unit's list) has nothing to finish.
    const viewer = await ward.member();
    expect(VIEW_FLOWS.length).toBeGreaterThan(0);
    await db.query(
      `insert into conversations (channel, chat_id, member_id, state, updated_at)
       select channel, chat_id, member_id, jsonb_build_object('flow', $2::text, 'step', 'x', 'answers', '{}'::jsonb, 'trail', '[]'::jsonb), now() - interval '2 days'
         from member_identities where member_id = $1`,
      [viewer, VIEW_FLOWS[0]],
    );
    const now = Date.now();
    expect(await run(new Date(now).toISOString())).toMatchObject({ drafts: 0 });
    expect(await run(new Date(now + 3600_000).toISOString())).toMatchObject({ drafts: 1 });
    expect(await run(new Date(now + 2 * 3600_000).toISOString())).toMatchObject({ drafts: 0 });
    const nudges = (await reminders(people.resident)).filter((r) => r.includes('đang điền dở'));
    expect(nudges).toEqual([
      [
        'Chào bạn, bạn còn một đề cử đang điền dở.',
        'Khi nào tiện, bạn làm tiếp nhé, những gì bạn đã trả lời vẫn được giữ. Nếu không cần nữa, bạn có thể hủy.',
        '• Làm tiếp: gõ /lamtiep',
        '• Hủy: gõ /huy',
      ].join('\n'),
    ]);
    expect(await reminders(viewer)).toEqual([]);
  });
});
