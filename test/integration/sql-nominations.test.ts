// The effects bot_turn_save applies in the turn's transaction: submitting a nomination (receipt
// codes, validation, a form submitted once even when confirmed twice at once), endorsing, status
// and "mine". Every expected outcome is a value; only a programming error raises.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadedTurnSchema, saveResultSchema } from '../../src/db/turn-schemas.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

// fixed ids from supabase/seed.sql
const WARD = '20000000-0000-4000-8000-000000000001';
const TEMPLATE = '10000000-0000-4000-8000-000000000001';
const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
const CATEGORY = {
  coQuan: '10000000-0000-4000-8001-000000000001',
  khuDanCu: '10000000-0000-4000-8001-000000000002',
  nguoiTot: '10000000-0000-4000-8001-000000000004',
  lanhDao: '10000000-0000-4000-8001-000000000005',
};
const GENERAL_CRITERION = '10000000-0000-4000-8002-000000000001';
const NGUOI_TOT_CRITERION = '10000000-0000-4000-8002-000000000401';
const CO_QUAN_CRITERION = '10000000-0000-4000-8002-000000000101';
const UNIT = {
  tdp3: '20000000-0000-4000-8001-000000000003',
  tdp5: '20000000-0000-4000-8001-000000000005',
  congAn: '20000000-0000-4000-8001-000000000022',
};
const DEEDS = 'Nhiều năm liền giúp đỡ các hộ nghèo trong tổ, vận động bà con giữ vệ sinh chung.';

type Effect = Record<string, unknown> | null;

describe.each(databaseBackends())('nomination effects on %s', (kind) => {
  let db: TestDatabase;
  let events = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  /** Loads the turn of a person (created on first contact), in chat `chat-<name>`. */
  async function load(name: string, channel = 'telegram', eventId = `ev-${++events}`) {
    const raw = await db.rpc('bot_turn_load', {
      p_channel: channel,
      p_scope: '', p_chat_id: `chat-${name}`,
      p_user_id: `user-${name}`,
      p_locale_hint: 'vi',
      p_event_id: eventId,
      p_input: '',
      p_catalog_versions: null,
      p_default_ward: 'thang-loi', p_delivered: []
    });
    return loadedTurnSchema.parse(raw);
  }

  /** One whole turn of `name` with an effect; returns the effect's result. */
  async function act(name: string, effect: Effect, channel = 'telegram') {
    const eventId = `ev-${++events}`;
    const turn = await load(name, channel, eventId);
    const saved = saveResultSchema.parse(
      await db.rpc('bot_turn_save', {
        p_conversation_id: turn.conversation.id,
        p_version: turn.conversation.version,
        p_state: turn.conversation.state,
        p_channel: channel,
        p_event_id: eventId,
        p_member_id: turn.member.id,
        p_effect: effect, p_scope: '', p_reply: null, p_owner: 'test', p_delivered: []
      }),
    );
    if (!saved.ok) throw new Error(`turn not saved: ${saved.reason}`);
    return saved.effect as Record<string, any>;
  }

  function submission(overrides: Record<string, unknown> = {}) {
    return {
      type: 'submit_nomination',
      formId: crypto.randomUUID(),
      campaignId: CAMPAIGN,
      categoryId: CATEGORY.nguoiTot,
      unitId: UNIT.tdp3,
      nomineeName: 'Nguyễn Văn Ánh',
      deeds: DEEDS,
      criterionIds: [GENERAL_CRITERION, NGUOI_TOT_CRITERION],
      ledUnitId: null,
      photoRef: null,
      consent: false,
      phone: null,
      ...overrides,
    };
  }

  async function codesOfWard(wardId: string) {
    const rows = await db.query<{ receipt_code: string }>(
      'select receipt_code from nominations where ward_id = $1 order by created_at, receipt_code',
      [wardId],
    );
    return rows.map((r) => r.receipt_code);
  }

  describe('submit_nomination', () => {
    it('creates a nomination with its criteria, a history row and an id-only audit row', async () => {
      const effect = submission({ consent: true, contactName: 'Chị Lan', phone: '0905 123 456', photoRef: 'tg-file-1' });
      const result = await act('lan', effect);
      expect(result).toEqual({ type: 'submit_nomination', status: 'created', code: expect.stringMatching(/^TL-\d{4}$/) });

      const [row] = await db.query<Record<string, any>>('select * from nominations where form_id = $1', [effect.formId]);
      expect(row).toMatchObject({
        receipt_code: result.code,
        kind: 'individual',
        nominee_name: 'Nguyễn Văn Ánh',
        nominee_folded: 'nguyen van anh',
        status: 'submitted',
        contact_consent: true,
        contact_name: 'Chị Lan',
        contact_phone: '0905123456',
        photo_ref: 'tg-file-1',
        led_unit_id: null,
      });
      const criteria = await db.query<{ criterion_id: string }>(
        'select criterion_id from nomination_criteria where nomination_id = $1 order by criterion_id',
        [row!.id],
      );
      expect(criteria.map((c) => c.criterion_id)).toEqual([GENERAL_CRITERION, NGUOI_TOT_CRITERION]);
      const history = await db.query('select status, actor_member_id from nomination_status_history where nomination_id = $1', [row!.id]);
      expect(history).toEqual([{ status: 'submitted', actor_member_id: row!.nominator_id }]);

      const audit = await db.query<Record<string, any>>("select * from audit_log where subject_id = $1", [row!.id]);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'nomination.submitted', subject_type: 'nomination', ward_id: WARD });
      // ids and codes only: no name, phone, deeds or photo in the audit trail
      const details = JSON.stringify(audit[0]!.details);
      for (const personal of ['Ánh', 'nguyen', '0905', 'tg-file', 'hộ nghèo', 'Lan']) expect(details).not.toContain(personal);
    });

    it('drops the contact name and phone number when the nominator gave no consent', async () => {
      const effect = submission({ consent: false, contactName: 'Chị Lan', phone: '0905123456' });
      expect((await act('lan', effect)).status).toBe('created');
      const [row] = await db.query('select contact_consent, contact_name, contact_phone from nominations where form_id = $1', [effect.formId]);
      expect(row).toEqual({ contact_consent: false, contact_name: null, contact_phone: null });
    });

    it('answers "already" with the same code when a form is confirmed again', async () => {
      const effect = submission({ nomineeName: 'Trần Thị Hoa' });
      const first = await act('lan', effect);
      const again = await act('lan', effect);
      expect(again).toEqual({ type: 'submit_nomination', status: 'already', code: first.code });
      const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from nominations where form_id = $1', [effect.formId])) as [
        { n: number },
      ];
      expect(n).toBe(1);
    });

    it('creates one nomination and takes one receipt number when the same form is confirmed twice at once', async () => {
      // two chats of one person (two processes, two conversations) confirm the same form id
      const turns = [await load('minh', 'telegram'), await load('minh', 'zalo')];
      const before = await codesOfWard(WARD);
      const effect = submission({ nomineeName: 'Lê Văn Tâm' });
      const save = (turn: (typeof turns)[number], channel: string) =>
        db.rpc('bot_turn_save', {
          p_conversation_id: turn.conversation.id,
          p_version: turn.conversation.version,
          p_state: turn.conversation.state,
          p_channel: channel,
          p_event_id: `ev-${++events}`,
          p_member_id: turn.member.id,
          p_effect: effect, p_scope: '', p_reply: null, p_owner: 'test', p_delivered: []
        });
      // hold the ward's receipt counter so both saves are inside the function at the same time
      // (on the server both pass the first form check and wait here; pglite runs them in turn)
      let saves: Promise<unknown[]> = Promise.resolve([]);
      await db.backend.sql!.transaction(async (tx) => {
        await tx.query('select 1 from wards where id = $1 for no key update', [WARD]);
        saves = Promise.all([save(turns[0]!, 'telegram'), save(turns[1]!, 'zalo')]);
        await new Promise((resolve) => setTimeout(resolve, kind === 'postgres' ? 300 : 0));
      });
      const [a, b] = (await saves).map((r) => {
        const saved = saveResultSchema.parse(r);
        if (!saved.ok) throw new Error(saved.reason);
        return saved.effect as Record<string, any>;
      }) as [Record<string, any>, Record<string, any>];
      expect([a.status, b.status].sort()).toEqual(['already', 'created']);
      expect(a.code).toBe(b.code);
      const after = await codesOfWard(WARD);
      expect(after).toHaveLength(before.length + 1);
      // no number was burnt: the next code follows directly
      const next = await act('minh', submission({ nomineeName: 'Lê Văn Tám' }));
      expect(Number(next.code.slice(3))).toBe(Number(a.code.slice(3)) + 1);
    });

    it('lets only one of two concurrent saves of the same turn through (the other is stale)', async () => {
      const turn = await load('hung');
      const effect = submission({ nomineeName: 'Phạm Văn Dũng' });
      const save = (eventId: string) =>
        db.rpc('bot_turn_save', {
          p_conversation_id: turn.conversation.id,
          p_version: turn.conversation.version,
          p_state: turn.conversation.state,
          p_channel: 'telegram',
          p_event_id: eventId,
          p_member_id: turn.member.id,
          p_effect: effect, p_scope: '', p_reply: null, p_owner: 'test', p_delivered: []
        });
      const results = (await Promise.all([save('race-1'), save('race-2')])).map((r) => saveResultSchema.parse(r));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'stale' });
      const rows = await db.query('select 1 from nominations where form_id = $1', [effect.formId]);
      expect(rows).toHaveLength(1);
    });

    it('gives sequential receipt codes per ward, each ward with its own prefix and counter', async () => {
      const before = await codesOfWard(WARD);
      const codes: string[] = [];
      for (const name of ['Một', 'Hai', 'Ba']) codes.push((await act('lan', submission({ nomineeName: `Người số ${name}` }))).code);
      const numbers = codes.map((c) => Number(c.slice(3)));
      expect(numbers[1]).toBe(numbers[0]! + 1);
      expect(numbers[2]).toBe(numbers[0]! + 2);
      expect(new Set(await codesOfWard(WARD)).size).toBe(before.length + 3);

      // a second ward starts at 0001 and does not disturb the first
      const [ward] = await db.query<{ id: string }>(
        "insert into wards (code, name, receipt_prefix) values ('hoa-lu', 'Phường Hoa Lư', 'HL') returning id",
      );
      const [unit] = await db.query<{ id: string }>(
        "insert into units (ward_id, kind, name, seq) values ($1, 'to_dan_pho', 'Tổ dân phố 1', 1) returning id",
        [ward!.id],
      );
      const [campaign] = await db.query<{ id: string }>(
        `insert into campaigns (ward_id, template_id, code, title_vi, title_en, status)
         values ($1, $2, 'dhtt-2026-2030', 'Điển hình tiên tiến 2026 – 2030', 'Advanced exemplars 2026–2030', 'open') returning id`,
        [ward!.id, TEMPLATE],
      );
      const member = await load('hoalu-resident');
      await db.query('update members set ward_id = $1 where id = $2', [ward!.id, member.member.id]);
      const hl = submission({ campaignId: campaign!.id, unitId: unit!.id });
      expect(await act('hoalu-resident', hl)).toMatchObject({ status: 'created', code: 'HL-0001' });
      expect(await act('hoalu-resident', { ...hl, formId: crypto.randomUUID() })).toMatchObject({ code: 'HL-0002' });
      expect((await act('lan', submission())).code).toBe(`TL-${String(numbers[2]! + 1).padStart(4, '0')}`);

      // past 9999 the code grows instead of being cut
      await db.query('update wards set next_receipt = 10000 where id = $1', [ward!.id]);
      expect(await act('hoalu-resident', { ...hl, formId: crypto.randomUUID() })).toMatchObject({ code: 'HL-10000' });
    });

    it('requires the led unit for leaders, and only for them', async () => {
      const leader = submission({ categoryId: CATEGORY.lanhDao, criterionIds: [GENERAL_CRITERION] });
      expect(await act('lan', leader)).toEqual({ type: 'submit_nomination', status: 'invalid', reason: 'led_unit' });
      const ok = await act('lan', { ...leader, formId: crypto.randomUUID(), ledUnitId: UNIT.tdp3 });
      expect(ok.status).toBe('created');
      expect(await act('lan', submission({ ledUnitId: UNIT.tdp3 }))).toMatchObject({ status: 'invalid', reason: 'led_unit' });
    });

    it.each([
      ['category', { categoryId: '00000000-0000-4000-8000-000000000000' }],
      ['category', { categoryId: 'not-a-uuid' }],
      ['unit', { unitId: '00000000-0000-4000-8000-000000000000' }],
      // a cultural residential area must be a residential group or a village
      ['unit', { categoryId: CATEGORY.khuDanCu, unitId: UNIT.congAn, criterionIds: [GENERAL_CRITERION] }],
      ['criteria', { criterionIds: [] }],
      ['criteria', { criterionIds: null }],
      ['criteria', { criterionIds: [CO_QUAN_CRITERION] }],
      ['criteria', { criterionIds: [GENERAL_CRITERION, 'junk'] }],
      ['nominee_name', { nomineeName: ' A ' }],
      ['nominee_name', { nomineeName: 'x'.repeat(151) }],
      ['deeds', { deeds: 'Tốt bụng.' }],
      ['deeds', { deeds: 'y'.repeat(2001) }],
      ['phone', { consent: true, phone: '0123456789' }],
      ['phone', { consent: true, phone: '09051234' }],
      ['form_id', { formId: 'abc' }],
    ])('answers invalid (%s) for %j and writes no nomination', async (reason, overrides) => {
      const before = await db.query('select count(*)::int as n from nominations');
      expect(await act('lan', submission(overrides))).toEqual({ type: 'submit_nomination', status: 'invalid', reason });
      expect(await db.query('select count(*)::int as n from nominations')).toEqual(before);
    });

    it('answers campaign_closed for a closed campaign or one of another ward', async () => {
      const [closed] = await db.query<{ id: string }>(
        `insert into campaigns (ward_id, template_id, code, title_vi, title_en, status)
         values ($1, $2, 'dhtt-2021-2025', 'Điển hình tiên tiến 2021 – 2025', 'Advanced exemplars 2021–2025', 'closed') returning id`,
        [WARD, TEMPLATE],
      );
      expect(await act('lan', submission({ campaignId: closed!.id }))).toEqual({ type: 'submit_nomination', status: 'campaign_closed' });
      const [other] = await db.query<{ id: string }>("select id from campaigns where ward_id <> $1 and status = 'open' limit 1", [WARD]);
      expect(await act('lan', submission({ campaignId: other!.id }))).toMatchObject({ status: 'campaign_closed' });
      expect(await act('lan', submission({ campaignId: 'nope' }))).toMatchObject({ status: 'campaign_closed' });
    });
  });

  describe('endorse, status and mine', () => {
    let nominationId: string;
    let code: string;

    beforeAll(async () => {
      const effect = submission({ nomineeName: 'Ksor H’Bla', unitId: UNIT.tdp5 });
      code = (await act('author', effect)).code;
      const [row] = await db.query<{ id: string }>('select id from nominations where form_id = $1', [effect.formId]);
      nominationId = row!.id;
    });

    it('counts one endorsement per person and refuses the nominator', async () => {
      expect(await act('author', { type: 'endorse', nominationId })).toEqual({ type: 'endorse', status: 'own', code, count: 0 });
      expect(await act('fan1', { type: 'endorse', nominationId })).toEqual({ type: 'endorse', status: 'endorsed', code, count: 1 });
      expect(await act('fan1', { type: 'endorse', nominationId })).toEqual({ type: 'endorse', status: 'already', code, count: 1 });
      expect(await act('fan2', { type: 'endorse', nominationId })).toEqual({ type: 'endorse', status: 'endorsed', code, count: 2 });
      const audit = await db.query<{ details: unknown }>(
        "select details from audit_log where action = 'nomination.endorsed' and subject_id = $1",
        [nominationId],
      );
      expect(audit).toEqual([{ details: { code } }, { details: { code } }]);
    });

    it('answers not_found for an unknown id, a malformed id, or a withdrawn nomination', async () => {
      expect(await act('fan1', { type: 'endorse', nominationId: '00000000-0000-4000-8000-000000000000' })).toEqual({
        type: 'endorse',
        status: 'not_found',
      });
      expect(await act('fan1', { type: 'endorse', nominationId: 'TL-0001' })).toMatchObject({ status: 'not_found' });
      const effect = submission({ nomineeName: 'Đã Rút' });
      await act('author', effect);
      const [row] = await db.query<{ id: string }>("update nominations set status = 'withdrawn' where form_id = $1 returning id", [
        effect.formId,
      ]);
      expect(await act('fan1', { type: 'endorse', nominationId: row!.id })).toMatchObject({ status: 'not_found' });
    });

    it('shows the status to the nominator and endorsers, with the history oldest first', async () => {
      await db.query(
        "insert into nomination_status_history (nomination_id, status, at) values ($1, 'screened', now() + interval '1 minute')",
        [nominationId],
      );
      await db.query("update nominations set status = 'screened' where id = $1", [nominationId]);
      // typed loosely: lower case, spaces, without leading zeros
      const loose = `${code.slice(0, 2).toLowerCase()} ${Number(code.slice(3))}`;
      for (const [who, asked] of [
        ['author', code],
        ['fan1', loose],
      ] as const) {
        const result = await act(who, { type: 'status', code: asked });
        expect(result).toMatchObject({
          type: 'status',
          status: 'found',
          nomination: {
            code,
            nomineeName: 'Ksor H’Bla',
            categoryId: CATEGORY.nguoiTot,
            status: 'screened',
            endorsements: 2,
            campaignId: CAMPAIGN,
            unitName: 'Tổ dân phố 5',
          },
        });
        expect(result.nomination.history.map((h: { status: string }) => h.status)).toEqual(['submitted', 'screened']);
        expect(new Date(result.nomination.submittedAt).toISOString()).toBe(result.nomination.submittedAt);
      }
    });

    it('shows anyone else only the public status (no history, nothing of the nominator), and nothing for unknown codes', async () => {
      // Issue 12: any nomination can be followed by its code; who made it stays private.
      const stranger = await act('stranger', { type: 'status', code });
      expect(stranger).toMatchObject({ type: 'status', status: 'found', view: 'public', nomination: { code, nomineeName: 'Ksor H’Bla', status: 'screened', unitName: 'Tổ dân phố 5', history: [] } });
      expect(Object.keys(stranger.nomination).sort()).toEqual(['campaignId', 'categoryId', 'code', 'endorsements', 'history', 'nomineeName', 'status', 'submittedAt', 'unitName']);
      expect(await act('author', { type: 'status', code })).toMatchObject({ view: 'own' });
      expect(await act('fan1', { type: 'status', code })).toMatchObject({ view: 'endorsed' });
      expect(await act('author', { type: 'status', code: 'TL-9999' })).toEqual({ type: 'status', status: 'not_found' });
      expect(await act('author', { type: 'status', code: 'xin chào' })).toEqual({ type: 'status', status: 'not_found' });
    });

    it('lists my nominations and my endorsements, newest first', async () => {
      const author = await act('author', { type: 'mine' });
      expect(author.type).toBe('mine');
      expect(author.nominations.map((n: { nomineeName: string }) => n.nomineeName)).toEqual(['Đã Rút', 'Ksor H’Bla']);
      expect(author.endorsements).toEqual([]);

      const other = submission({ nomineeName: 'Rơ Chăm Hen', unitId: UNIT.tdp5 });
      await act('author', other);
      const [row] = await db.query<{ id: string }>('select id from nominations where form_id = $1', [other.formId]);
      await act('fan1', { type: 'endorse', nominationId: row!.id });
      const fan = await act('fan1', { type: 'mine' });
      expect(fan.nominations).toEqual([]);
      expect(fan.endorsements.map((n: { nomineeName: string }) => n.nomineeName)).toEqual(['Rơ Chăm Hen', 'Ksor H’Bla']);
      expect(fan.endorsements[1]).toMatchObject({ code, status: 'screened', endorsements: 2, categoryId: CATEGORY.nguoiTot });
    });
  });
});
