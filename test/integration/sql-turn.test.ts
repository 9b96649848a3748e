// bot_turn_load and bot_turn_save without nominations: first contact, the conversation row and
// its version, events processed once, the catalog sent only when the caller's copy is stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadedTurnSchema, saveResultSchema } from '../../src/db/turn-schemas.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

const WARD = '20000000-0000-4000-8000-000000000001';
// A new conversation asks the load for the person's standing (privacy notice, ward) with its first turn.
const INITIAL_STATE = { flow: null, step: null, answers: {}, trail: [], lookup: { kind: 'member_standing' } };

describe.each(databaseBackends())('chat turns on %s', (kind) => {
  let db: TestDatabase;
  let events = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  interface LoadOptions {
    channel?: string;
    eventId?: string;
    versions?: Record<string, number> | null;
    localeHint?: string | null;
    ward?: string | null;
  }

  async function load(name: string, o: LoadOptions = {}) {
    const raw = await db.rpc('bot_turn_load', {
      p_channel: o.channel ?? 'telegram',
      p_scope: '', p_chat_id: `chat-${name}`,
      p_user_id: `user-${name}`,
      p_locale_hint: o.localeHint === undefined ? 'vi' : o.localeHint,
      p_event_id: o.eventId ?? `ev-${++events}`,
      p_input: '',
      p_catalog_versions: o.versions === undefined ? null : o.versions,
      p_default_ward: o.ward === undefined ? 'thang-loi' : o.ward, p_delivered: []
    });
    return loadedTurnSchema.parse(raw);
  }

  type Turn = Awaited<ReturnType<typeof load>>;

  async function save(turn: Turn, o: { eventId?: string; version?: number; state?: unknown; effect?: unknown; channel?: string } = {}) {
    const raw = await db.rpc('bot_turn_save', {
      p_conversation_id: turn.conversation.id,
      p_version: o.version ?? turn.conversation.version,
      p_state: o.state ?? turn.conversation.state,
      p_channel: o.channel ?? 'telegram',
      p_event_id: o.eventId ?? `ev-${++events}`,
      p_member_id: turn.member.id,
      p_effect: o.effect ?? null, p_scope: '', p_reply: null, p_owner: 'test', p_delivered: []
    });
    return saveResultSchema.parse(raw);
  }

  async function conversationRow(id: string) {
    const [row] = await db.query<{ version: number; state: unknown }>('select version, state from conversations where id = $1', [id]);
    return row!;
  }

  describe('first contact', () => {
    it('creates the member, the identity and an empty conversation, keeping no chat name', async () => {
      const turn = await load('an', { localeHint: 'vi-VN' });
      expect(turn.duplicate).toBe(false);
      // The chat name is personal data: kept only with a nominator's consent, on the nomination.
      expect(turn.member).toEqual({ id: expect.any(String), wardId: WARD, displayName: null, locale: 'vi', roles: [] });
      expect(turn.conversation).toEqual({ id: expect.any(String), version: 0, state: INITIAL_STATE });
      const identities = await db.query('select channel, external_id, chat_id from member_identities where member_id = $1', [turn.member.id]);
      expect(identities).toEqual([{ channel: 'telegram', external_id: 'user-an', chat_id: 'chat-an' }]);

      const again = await load('an');
      expect(again.member.id).toBe(turn.member.id);
      expect(again.conversation.id).toBe(turn.conversation.id);
      const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from members where id = $1', [turn.member.id])) as [{ n: number }];
      expect(n).toBe(1);
    });

    it.each([
      ['en', 'en'],
      ['en-US', 'en'],
      ['EN', 'en'],
      ['vi', 'vi'],
      ['fr', 'vi'],
      [null, 'vi'],
    ])('takes locale hint %s as %s', async (hint, locale) => {
      const turn = await load(`hint-${hint}`, { localeHint: hint });
      expect(turn.member.locale).toBe(locale);
    });

    it('falls back to the first ward when the default ward is unknown or not given', async () => {
      expect((await load('no-ward', { ward: null })).member.wardId).toBe(WARD);
      expect((await load('bad-ward', { ward: 'khong-co' })).member.wardId).toBe(WARD);
    });

    it('creates one member when two processes see the first messages of a person at once', async () => {
      const name = 'twice';
      const countMembers = async () => (await db.query<{ n: number }>('select count(*)::int as n from members'))[0]!.n;
      const before = await countMembers();
      let loads: Promise<Turn[]> = Promise.resolve([]);
      // hold back identity inserts so both loads are past their "not found" when they insert
      await db.backend.sql!.transaction(async (tx) => {
        await tx.exec('lock table member_identities in exclusive mode');
        loads = Promise.all([load(name), load(name)]);
        await new Promise((resolve) => setTimeout(resolve, kind === 'postgres' ? 300 : 0));
      });
      const [a, b] = await loads;
      expect(a!.member.id).toBe(b!.member.id);
      expect(a!.conversation.id).toBe(b!.conversation.id);
      // the loser of the race removed the member it had created
      expect(await countMembers()).toBe(before + 1);
    });
  });

  describe('saving a turn', () => {
    it('stores the state and bumps the version; the effect may be null', async () => {
      const turn = await load('binh');
      const state = { flow: 'nominate', step: 'category', answers: { campaignId: 'x' }, trail: ['start'], formId: crypto.randomUUID() };
      expect(await save(turn, { state })).toEqual({ ok: true, version: 1, effect: null });
      expect(await conversationRow(turn.conversation.id)).toEqual({ version: 1, state });
      const next = await load('binh');
      expect(next.conversation).toMatchObject({ version: 1, state });
    });

    it('refuses a stale version and writes nothing, not even the event', async () => {
      const turn = await load('chi');
      await save(turn);
      const before = await conversationRow(turn.conversation.id);
      const eventId = `stale-${++events}`;
      expect(await save(turn, { eventId, state: { flow: 'x', step: null, answers: {}, trail: [] } })).toEqual({ ok: false, reason: 'stale' });
      expect(await conversationRow(turn.conversation.id)).toEqual(before);
      expect(await db.query('select 1 from inbound_events where event_id = $1', [eventId])).toEqual([]);
      // a missing conversation is stale too (it was deleted under the turn)
      expect(await save({ ...turn, conversation: { ...turn.conversation, id: crypto.randomUUID() } })).toEqual({ ok: false, reason: 'stale' });
    });

    it('processes an event once: a re-delivered event is flagged on load and refused on save', async () => {
      const eventId = `update-${++events}`;
      const first = await load('dung', { eventId });
      expect(first.duplicate).toBe(false);
      expect((await save(first, { eventId, effect: { type: 'set_locale', locale: 'en' } })).ok).toBe(true);

      const again = await load('dung', { eventId });
      expect(again.duplicate).toBe(true);
      const before = await conversationRow(again.conversation.id);
      expect(await save(again, { eventId, effect: { type: 'set_locale', locale: 'vi' } })).toEqual({ ok: false, reason: 'duplicate_event' });
      expect(await conversationRow(again.conversation.id)).toEqual(before);
      expect((await load('dung')).member.locale).toBe('en');
      // event ids are per channel
      expect((await load('dung', { eventId, channel: 'zalo' })).duplicate).toBe(false);
    });

    it('sets the locale', async () => {
      const turn = await load('giang');
      expect(await save(turn, { effect: { type: 'set_locale', locale: 'en' } })).toEqual({
        ok: true,
        version: 1,
        effect: { type: 'set_locale', status: 'ok', locale: 'en' },
      });
      expect((await load('giang')).member.locale).toBe('en');
    });

    it('raises on an unknown effect or locale (a bug), rolling back the event and the state', async () => {
      const turn = await load('hai');
      const eventId = `bug-${++events}`;
      await expect(save(turn, { eventId, effect: { type: 'launch_rocket' } })).rejects.toThrow(/unknown effect type launch_rocket/);
      await expect(save(turn, { eventId, effect: { type: 'set_locale', locale: 'fr' } })).rejects.toThrow(/unsupported locale/);
      expect(await conversationRow(turn.conversation.id)).toMatchObject({ version: 0 });
      expect(await db.query('select 1 from inbound_events where event_id = $1', [eventId])).toEqual([]);
      expect((await save(turn, { eventId })).ok).toBe(true);
    });
  });

  describe('catalog', () => {
    it('comes with the first load, in the documented order, and parses as a Catalog', async () => {
      const turn = await load('khanh');
      const catalog = turn.catalog!;
      expect(catalog.ward).toEqual({ id: WARD, code: 'thang-loi', name: 'Phường Thắng Lợi', receiptPrefix: 'TL' });
      expect(catalog.campaigns).toHaveLength(1);
      expect(catalog.campaigns[0]).toMatchObject({ code: 'dhtt-2026-2030', status: 'open' });
      expect(catalog.categories.map((c) => c.code)).toEqual(['co_quan', 'khu_dan_cu', 'can_bo', 'nguoi_tot', 'lanh_dao']);
      expect(catalog.categories.find((c) => c.code === 'khu_dan_cu')!.unitKinds).toEqual(['to_dan_pho', 'lang']);
      expect(catalog.categories.filter((c) => c.requiresLedUnit).map((c) => c.code)).toEqual(['lanh_dao']);
      expect(catalog.criteria.slice(0, 3).every((c) => c.categoryId === null)).toBe(true);
      for (const category of catalog.categories) {
        const own = catalog.criteria.filter((c) => c.categoryId === category.id);
        expect(own.length).toBeGreaterThanOrEqual(4);
        expect(own.map((c) => c.seq)).toEqual([...own.map((c) => c.seq)].sort((a, b) => a - b));
      }
      const kinds = catalog.units.map((u) => u.kind);
      expect(kinds).toEqual([...kinds].sort((a, b) => order(a) - order(b)));
      expect(catalog.units.slice(0, 3).map((u) => u.name)).toEqual(['Tổ dân phố 1', 'Tổ dân phố 2', 'Tổ dân phố 3']);
    });

    it('is null while the caller has the current version, and sent again after a unit is added', async () => {
      const first = await load('linh');
      const version = first.catalog!.version;
      expect((await load('linh', { versions: { [WARD]: version } })).catalog).toBeNull();
      expect((await load('linh', { versions: { [WARD]: version - 1 } })).catalog?.version).toBe(version);
      expect((await load('linh', { versions: { 'some-other-ward': 1 } })).catalog?.version).toBe(version);

      await db.query("insert into units (ward_id, kind, name, seq) values ($1, 'to_dan_pho', 'Tổ dân phố 9', 9)", [WARD]);
      const after = await load('linh', { versions: { [WARD]: version } });
      expect(after.catalog?.version).toBeGreaterThan(version);
      expect(after.catalog?.units.map((u) => u.name)).toContain('Tổ dân phố 9');

      // deactivating a unit hides it and moves the version again
      await db.query("update units set active = false where ward_id = $1 and name = 'Tổ dân phố 9'", [WARD]);
      const hidden = await load('linh', { versions: { [WARD]: after.catalog!.version } });
      expect(hidden.catalog?.units.map((u) => u.name)).not.toContain('Tổ dân phố 9');
    });

    it('moves the version for changes to campaigns, phases, categories, criteria and the ward, not for receipts', async () => {
      const version = async () =>
        ((await db.query<{ v: number }>('select catalog_version as v from wards where id = $1', [WARD])) as [{ v: number }])[0].v;
      const changes = [
        "update campaigns set title_en = title_en || ' ' where code = 'dhtt-2026-2030'",
        "update campaign_phases set deadline = deadline + interval '1 day' where seq = 2",
        "update categories set description_en = description_en || ' ' where code = 'can_bo'",
        "update criteria set text_en = text_en || ' ' where seq = 1 and category_id is null",
        "update campaign_templates set title_en = title_en || ' ' where code = 'dhtt-2021-2025'",
        "update wards set name = 'Phường Thắng Lợi ' where code = 'thang-loi'",
      ];
      for (const sql of changes) {
        const before = await version();
        await db.query(sql);
        expect(await version(), sql).toBeGreaterThan(before);
      }
      const before = await version();
      await db.query("update wards set name = 'Phường Thắng Lợi', next_receipt = next_receipt + 1 where code = 'thang-loi'");
      await db.query("update wards set next_receipt = next_receipt + 1 where code = 'thang-loi'");
      expect(await version()).toBe(before + 1); // the rename back, but not the receipts
      await db.query("update units set name = name where ward_id = $1", [WARD]);
      expect(await version()).toBe(before + 1); // a no-op update changes nothing
    });

    describe('current phase', () => {
      let wardId: string;
      let campaignId: string;

      beforeAll(async () => {
        [{ id: wardId }] = (await db.query<{ id: string }>(
          "insert into wards (code, name, receipt_prefix) values ('thu-nghiem', 'Phường Thử Nghiệm', 'TN') returning id",
        )) as [{ id: string }];
        [{ id: campaignId }] = (await db.query<{ id: string }>(
          `insert into campaigns (ward_id, template_id, code, title_vi, title_en, status)
           select $1, id, 'thu', 'Thử', 'Trial', 'open' from campaign_templates where code = 'dhtt-2021-2025' returning id`,
          [wardId],
        )) as [{ id: string }];
      });

      async function setPhases(phases: [number, number, string | null][]) {
        await db.query('delete from campaign_phases where campaign_id = $1', [campaignId]);
        for (const [i, [from, to, deadline]] of phases.entries()) {
          await db.query(
            `insert into campaign_phases (campaign_id, seq, name_vi, name_en, starts_on, ends_on, deadline)
             values ($1, $2::int, 'Giai đoạn ' || $2::int, 'Phase ' || $2::int, current_date + $3::int, current_date + $4::int, $5::timestamptz)`,
            [campaignId, i + 1, from, to, deadline],
          );
        }
      }

      const currentPhase = async () =>
        (await load('thu-nghiem-resident', { ward: 'thu-nghiem' })).catalog!.campaigns.find((c) => c.code === 'thu')!.currentPhase;

      it('is the phase containing today, else the next one, else none', async () => {
        await setPhases([
          [-400, -200, null],
          [-199, 200, '2031-01-15 17:00:00+07'],
          [201, 400, null],
        ]);
        expect(await currentPhase()).toEqual({ seq: 2, nameVi: 'Giai đoạn 2', nameEn: 'Phase 2', deadline: '2031-01-15T10:00:00.000Z' });
        await setPhases([
          [-400, -200, null],
          [100, 200, null],
        ]);
        expect(await currentPhase()).toMatchObject({ seq: 2, deadline: null });
        await setPhases([[-400, -200, null]]);
        expect(await currentPhase()).toBeNull();
      });

      it('sends the catalog again once a phase boundary has passed', async () => {
        await setPhases([
          [-10, 10, null],
          [11, 40, null],
        ]);
        const turn = await load('thu-nghiem-resident', { ward: 'thu-nghiem' });
        const version = turn.catalog!.version;
        const [ward] = await db.query<{ stale: boolean }>(
          "select catalog_stale_at = ((current_date + 11)::timestamp at time zone 'Asia/Ho_Chi_Minh') as stale from wards where id = $1",
          [wardId],
        );
        // (the server's date and the ward's may differ by a day around midnight)
        if (!ward!.stale) {
          const [again] = await db.query<{ ok: boolean }>(
            "select catalog_stale_at in (((current_date + 10)::timestamp at time zone 'Asia/Ho_Chi_Minh'), ((current_date + 12)::timestamp at time zone 'Asia/Ho_Chi_Minh')) as ok from wards where id = $1",
            [wardId],
          );
          expect(again!.ok).toBe(true);
        }
        expect((await load('thu-nghiem-resident', { ward: 'thu-nghiem', versions: { [wardId]: version } })).catalog).toBeNull();

        // pretend the boundary has passed
        await db.query("update wards set catalog_stale_at = now() - interval '1 second' where id = $1", [wardId]);
        const next = await load('thu-nghiem-resident', { ward: 'thu-nghiem', versions: { [wardId]: version } });
        expect(next.catalog?.version).toBe(version + 1);
        const [after] = await db.query<{ pending: boolean }>('select catalog_stale_at > now() as pending from wards where id = $1', [wardId]);
        expect(after!.pending).toBe(true);
      });
    });
  });
});

function order(kind: string): number {
  return ['to_dan_pho', 'lang', 'co_quan', 'doan_the'].indexOf(kind);
}
