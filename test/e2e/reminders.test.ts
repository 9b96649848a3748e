// Reminders through the real processes: the phase deadline is 15/12/2026; an operator runs
// `npm run job -- reminders --now 2026-12-08T08:00:00+07:00` (twice: the second finds the minute
// already run), then the bot starts with its clock at 09:00 that morning and the leader of Tổ dân
// phố 1, who reads English, receives their digest on Telegram once, with a button that opens the
// nominations waiting.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/db/backend.js';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const WARD = '20000000-0000-4000-8000-000000000001';
const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
const PHASE_1 = '30000000-0000-4000-8001-000000000001';
const GOOD_DEEDS = '10000000-0000-4000-8001-000000000004';
const TDP1 = '20000000-0000-4000-8001-000000000001';
const LEADER = 7301;

/** The leader (English, on Telegram), two nominations waiting in their unit, and the deadline. */
async function seed(env: Record<string, string>): Promise<void> {
  const backend = env.DATABASE_URL ? await openBackend({ kind: 'postgres', url: env.DATABASE_URL }) : await openBackend({ kind: 'pglite', dataDir: env.DATA_DIR! });
  try {
    const q = backend.sql!;
    const [leader] = await q.query<{ id: string }>(`insert into members (ward_id, locale) values ($1, 'en') returning id`, [WARD]);
    await q.query(`insert into member_identities (channel, external_id, member_id, chat_id) values ('telegram', $1, $2, $1)`, [String(LEADER), leader!.id]);
    await q.query(`insert into member_roles (member_id, ward_id, role, unit_id, holder_name) values ($1, $2, 'leader', $3, 'Tổ trưởng TDP 1')`, [leader!.id, WARD, TDP1]);
    const [resident] = await q.query<{ id: string }>('insert into members (ward_id) values ($1) returning id', [WARD]);
    for (const [i, name] of ['Trần Thị Mai', 'Lê Văn Hùng'].entries()) {
      await q.query(
        `insert into nominations (ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds, nominator_id, form_id, receipt_code)
         values ($1, $2, $3, 'individual', $4, $5, 'Quét dọn đường phố mỗi Chủ nhật và vận động bà con giữ vệ sinh chung.', $6, gen_random_uuid(), $7)`,
        [WARD, CAMPAIGN, GOOD_DEEDS, TDP1, name, resident!.id, `TL-090${i + 1}`],
      );
    }
    await q.query(`update campaign_phases set deadline = '2026-12-15 17:00+07' where id = $1`, [PHASE_1]);
    // The notices of the new nominations are not what this test is about.
    await q.query(`delete from outbox`);
  } finally {
    await backend.close();
  }
}

/** `npm run job -- reminders --now <at>` on the test's database. */
async function runJob(env: Record<string, string>, at: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/job.ts', 'reminders', '--now', at], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
    timeout: 120_000,
  });
  return stdout;
}

/** CLOCK_OFFSET that puts the bot's clock at `at` (to the minute). */
function offsetTo(at: string): string {
  const minutes = Math.round((new Date(at).getTime() - Date.now()) / 60_000);
  return `${minutes < 0 ? '-' : '+'}${Math.abs(minutes)}m`;
}

describe('reminders end to end: the job from the command line, the digest on Telegram', () => {
  let telegram: FakeBotApi;
  let db: BotDatabase;
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    telegram = await new FakeBotApi().start();
    db = await createBotDatabase();
    await seed(db.env);
  }, 90_000);

  afterAll(async () => {
    await bot?.stop().catch(() => undefined);
    await telegram?.close();
    await db?.close();
  });

  it('runs the job once for 08:00 seven days before the deadline', async () => {
    expect(await runJob(db.env, '2026-12-08T08:00:00+07:00')).toBe('reminders: {"digests":1,"escalations":0,"questions":0,"drafts":0}\n');
    expect(await runJob(db.env, '2026-12-08T08:00:00+07:00')).toBe('reminders: already run for 2026-12-08T01:00\n');
  }, 240_000);

  it('the leader gets the digest of their unit on Telegram, in English, once, and opens the list from it', async () => {
    bot = startBotProcess({
      ...db.env,
      TELEGRAM_BOT_TOKEN: '123456789:AAE2e-test-token-for-the-fake-api',
      TELEGRAM_API_ROOT: telegram.apiRoot,
      // 09:00 on the morning of the reminder: outside the quiet hours (which stay on).
      CLOCK_OFFSET: offsetTo('2026-12-08T09:00:00+07:00'),
    });
    await telegram.waitFor('Telegram polling', () => telegram.callsOf('getUpdates').length > 0, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot!.stderr()}`);
    });
    const digest = await telegram.waitForText(LEADER, 'Reminder: “Phase 1: select and foster exemplars” ends on 15/12/2026.');
    expect(digest.text).toContain('• Tổ dân phố 1: 2 nominations waiting for your screening, 0 forwarded to the ward.');
    expect(digest.text).toContain('the ward still needs to honour 3 collectives and 3 individuals');
    expect(digest.keyboard.flat().map((b) => b.text)).toEqual(['See the nominations waiting']);

    const mark = telegram.calls.length;
    telegram.push(telegram.pressUpdate(LEADER, digest, 'See the nominations waiting'));
    const list = await telegram.waitForText(LEADER, 'TL-0901', { afterCall: mark });
    expect(list.text).toContain('TL-0902');
    expect(telegram.messagesTo(LEADER).filter((m) => m.text.includes('Reminder:'))).toHaveLength(1);
  }, 120_000);
});
