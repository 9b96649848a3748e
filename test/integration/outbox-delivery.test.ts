// Messages the bot sends first go through the outbox: queued once per key, claimed by one worker
// at a time (two workers never send the same row), never pushed in quiet hours or into a form
// being filled in, a blocked recipient marked unreachable, and a send cut short by a dead worker
// never repeated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale, Outbound } from '../../src/conversation/contract.js';
import { createOutboxStore, type OutboxStore } from '../../src/db/outbox-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { ChannelSender, SendResult } from '../../src/services/delivery.js';
import { startDeliveryWorker } from '../../src/services/delivery-worker.js';
import { renderQueued } from '../../src/services/notice-render.js';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { eventually } from '../support/wait-until.js';

/** A Zalo sender that records what it sent, and answers as the test says. */
function recordingSender(answer: (chatId: string) => SendResult = () => ({ ok: true })) {
  const sent: { chatId: string; messages: Outbound[]; locale: Locale }[] = [];
  const sender: ChannelSender = {
    channel: 'zalo',
    async send(chatId, messages, locale) {
      sent.push({ chatId, messages, locale });
      return answer(chatId);
    },
  };
  return { sender, sent };
}

describe.each(databaseBackends())('the outbox on %s', (kind) => {
  let db: TestDatabase;
  let store: OutboxStore;
  let n = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    store = createOutboxStore(db.supabase);
  });
  afterAll(async () => db?.close());

  /** A person who has talked to the bot on Zalo; returns their member id. */
  async function person(name: string, o: { inForm?: boolean; locale?: Locale } = {}): Promise<string> {
    const loaded = (await db.rpc('bot_turn_load', {
      p_channel: 'zalo', p_scope: 'z', p_chat_id: `chat-${name}`, p_user_id: name, p_locale_hint: o.locale ?? 'vi',
      p_event_id: `ob-${++n}`, p_input: '', p_catalog_versions: {}, p_default_ward: 'thang-loi', p_delivered: [],
    })) as { member: { id: string } };
    if (o.inForm) await db.query(`update conversations set state = '{"flow":"nomination","step":"deeds","answers":{},"trail":[]}', updated_at = now() where chat_id = $1`, [`chat-${name}`]);
    return loaded.member.id;
  }
  const notify = async (member: string, key: string, urgent = false) =>
    (await db.query<{ q: boolean }>(`select bot_notify($1, $2, $3, 'notice', $4) as q`, [member, key, { messages: [{ kind: 'text', text: [{ raw: key }] }] }, urgent]))[0]!.q;
  const claim = (worker: string, quiet: { from: string; to: string } | null = null) =>
    store.claim({ worker, channels: ['zalo'], consoleChat: null, limit: 100, leaseSeconds: 60, quiet });
  const statusOf = async (key: string) => (await db.query<{ status: string }>('select status from outbox where dedupe_key = $1', [key]))[0]?.status;

  it('queues a message once per key, on the chat the person used last, in their language', async () => {
    const an = await person('ob-an', { locale: 'en' });
    expect(await notify(an, 'k-an-1')).toBe(true);
    expect(await notify(an, 'k-an-1')).toBe(false);
    const rows = await claim('w1');
    const mine = rows.filter((r) => r.memberId === an);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ channel: 'zalo', chatId: 'chat-ob-an', locale: 'en', payload: { messages: [{ kind: 'text', text: [{ raw: 'k-an-1' }] }] } });
    await store.report('w1', rows.map((r) => ({ id: r.id, outcome: 'sent' as const })));
    expect(await statusOf('k-an-1')).toBe('sent');
  });

  it('lets two workers claim at once without ever sharing a row', async () => {
    const bao = await person('ob-bao');
    for (let i = 0; i < 40; i++) await notify(bao, `k-bao-${i}`);
    const [a, b] = await Promise.all([claim('wa'), claim('wb')]);
    const ids = [...a, ...b].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(40);
    await store.report('wa', a.map((r) => ({ id: r.id, outcome: 'sent' as const })));
    await store.report('wb', b.map((r) => ({ id: r.id, outcome: 'sent' as const })));
  });

  it('holds messages in quiet hours and for someone filling in a form, unless urgent', async () => {
    const chi = await person('ob-chi', { inForm: true });
    const dung = await person('ob-dung');
    await notify(chi, 'k-chi');
    await notify(dung, 'k-dung-quiet');
    await notify(dung, 'k-dung-urgent', true);
    // Quiet hours all day long (00:00-23:59): only the urgent one goes.
    const quiet = await claim('wq', { from: '00:00', to: '23:59' });
    expect(quiet.map((r) => r.payload.messages)).toEqual([[{ kind: 'text', text: [{ raw: 'k-dung-urgent' }] }]]);
    await store.report('wq', quiet.map((r) => ({ id: r.id, outcome: 'sent' as const })));
    const later = await claim('wq');
    expect(later.map((r) => r.memberId)).toEqual([dung]);
    await store.report('wq', later.map((r) => ({ id: r.id, outcome: 'sent' as const })));
    // The form is finished (or left for 30 minutes): now it goes.
    await db.query(`update conversations set state = '{"flow":null,"step":null,"answers":{},"trail":[]}' where chat_id = 'chat-ob-chi'`);
    expect((await claim('wq')).map((r) => r.memberId)).toEqual([chi]);
  });

  it('marks a recipient who blocked the bot unreachable and queues nothing more for them', async () => {
    const em = await person('ob-em');
    await notify(em, 'k-em-1');
    const rows = (await claim('wu')).filter((r) => r.memberId === em);
    await store.report('wu', rows.map((r) => ({ id: r.id, outcome: 'unreachable' as const })));
    expect(await statusOf('k-em-1')).toBe('skipped');
    expect(await notify(em, 'k-em-2')).toBe(false);
  });

  it('never re-sends a message whose worker died while sending it (the lease runs out: uncertain)', async () => {
    const gia = await person('ob-gia');
    await notify(gia, 'k-gia');
    const rows = (await claim('dying')).filter((r) => r.memberId === gia);
    expect(rows).toHaveLength(1);
    await store.started('dying', rows.map((r) => r.id));
    await db.query(`update outbox set lease_until = now() - interval '1 second' where dedupe_key = 'k-gia'`);
    expect((await claim('survivor')).filter((r) => r.memberId === gia)).toEqual([]);
    expect(await statusOf('k-gia')).toBe('uncertain');
  });

  it('gives a message its dead worker had claimed but not begun to the next worker (none lost)', async () => {
    const hai = await person('ob-hai');
    await notify(hai, 'k-hai');
    expect((await claim('dying2')).filter((r) => r.memberId === hai)).toHaveLength(1);
    await db.query(`update outbox set lease_until = now() - interval '1 second' where dedupe_key = 'k-hai'`);
    const again = (await claim('survivor2')).filter((r) => r.memberId === hai);
    expect(again).toHaveLength(1);
    await store.report('survivor2', again.map((r) => ({ id: r.id, outcome: 'sent' as const })));
    expect(await statusOf('k-hai')).toBe('sent');
  });

  it('delivers through the worker: sent once, retried after a platform error, given up when refused', async () => {
    const ha = await person('ob-ha');
    const khoa = await person('ob-khoa');
    const lam = await person('ob-lam');
    let failHa = true;
    const { sender, sent } = recordingSender((chat) => {
      if (chat === 'chat-ob-ha' && failHa) {
        failHa = false;
        return { ok: false, kind: 'retry', afterMs: 50, error: '502' };
      }
      if (chat === 'chat-ob-lam') return { ok: false, kind: 'failed', error: '400 bad' };
      return { ok: true };
    });
    const worker = startDeliveryWorker({ store, senders: [sender], worker: 'wd', consoleChat: null, quiet: null, log: silentLogger, idleMs: 50, render: (p, l) => renderQueued(appRegistry, p, l) });
    try {
      await notify(ha, 'k-ha');
      await notify(khoa, 'k-khoa');
      await notify(lam, 'k-lam');
      worker.wake();
      await eventually('all three settled', async () => (await statusOf('k-ha')) === 'sent' && (await statusOf('k-khoa')) === 'sent' && (await statusOf('k-lam')) === 'failed', 10_000);
      expect(sent.filter((s) => s.chatId === 'chat-ob-khoa')).toHaveLength(1);
      expect(sent.filter((s) => s.chatId === 'chat-ob-ha')).toHaveLength(2);
    } finally {
      await worker.stop();
    }
  });
});
