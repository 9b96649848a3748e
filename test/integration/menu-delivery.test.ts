// A role change reaches the person's Telegram menu through the outbox: the delivery worker hands
// a 'menu' row to the Telegram sender's setMenu (never renders it as a message), and a row a
// channel cannot set is given up, not retried forever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberRole, Outbound } from '../../src/conversation/contract.js';
import { createOutboxStore } from '../../src/db/outbox-store.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { ChannelSender } from '../../src/services/delivery.js';
import { startDeliveryWorker } from '../../src/services/delivery-worker.js';
import { renderQueued } from '../../src/services/notice-render.js';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { eventually } from '../support/wait-until.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const TDP1 = '20000000-0000-4000-8001-000000000001';

describe.each(databaseBackends())('menus through the outbox on %s', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  it('sets the menu of a granted role and resets it on revoke; a message is never sent for it', async () => {
    const [m] = await db.query<{ id: string }>('insert into members (ward_id) values ($1) returning id', [WARD]);
    await db.query(`insert into member_identities (channel, external_id, member_id, chat_id) values ('telegram', '770001', $1, '770001')`, [m!.id]);
    const menus: { chatId: string; roles: MemberRole[] }[] = [];
    const messages: Outbound[][] = [];
    const sender: ChannelSender = {
      channel: 'telegram',
      async send(_chat, sent) {
        messages.push(sent);
        return { ok: true };
      },
      async setMenu(chatId, roles) {
        menus.push({ chatId, roles });
        return { ok: true };
      },
    };
    const worker = startDeliveryWorker({ store: createOutboxStore(db.supabase), senders: [sender], worker: 'wm', consoleChat: null, quiet: null, log: silentLogger, idleMs: 50, render: (p, l) => renderQueued(appRegistry, p, l) });
    try {
      const [role] = await db.query<{ id: string }>(`insert into member_roles (member_id, ward_id, role, unit_id) values ($1, $2, 'leader', $3) returning id`, [m!.id, WARD, TDP1]);
      await eventually('the menu set', async () => menus.length === 1, 10_000);
      expect(menus[0]).toEqual({ chatId: '770001', roles: [{ role: 'leader', unitId: TDP1 }] });
      await db.query('update member_roles set revoked_at = now() where id = $1', [role!.id]);
      await eventually('the menu reset', async () => menus.length === 2, 10_000);
      expect(menus[1]).toEqual({ chatId: '770001', roles: [] });
      expect(messages).toEqual([]);
    } finally {
      await worker.stop();
    }
  });

  it('gives up a menu row on a sender that has no menu', async () => {
    const [m] = await db.query<{ id: string }>('insert into members (ward_id) values ($1) returning id', [WARD]);
    await db.query(`insert into member_identities (channel, external_id, member_id, chat_id) values ('telegram', '770002', $1, '770002')`, [m!.id]);
    const plain: ChannelSender = { channel: 'telegram', send: async () => ({ ok: true }) };
    const worker = startDeliveryWorker({ store: createOutboxStore(db.supabase), senders: [plain], worker: 'wp', consoleChat: null, quiet: null, log: silentLogger, idleMs: 50, render: (p, l) => renderQueued(appRegistry, p, l) });
    try {
      await db.query(`insert into member_roles (member_id, ward_id, role) values ($1, $2, 'council')`, [m!.id, WARD]);
      const status = async () => (await db.query<{ status: string }>(`select status from outbox where member_id = $1 and kind = 'menu'`, [m!.id]))[0]?.status;
      await eventually('the row given up', async () => (await status()) === 'failed', 10_000);
    } finally {
      await worker.stop();
    }
  });
});
