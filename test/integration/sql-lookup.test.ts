// "Is this person already nominated?": bot_turn_load answers the lookup the conversation state
// asks for, matching names without diacritics and with small typos (pg_trgm), but never two
// different people who only share a family and middle name, nor two numbered units.
import type { SimilarNomination } from '../../src/conversation/capabilities/nomination/data.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadedTurnSchema } from '../../src/db/turn-schemas.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

const WARD = '20000000-0000-4000-8000-000000000001';
const CAMPAIGN = '30000000-0000-4000-8000-000000000001';
const CATEGORY = '10000000-0000-4000-8001-000000000004';
const DEEDS = 'Nhiều năm liền giúp đỡ các hộ nghèo trong tổ, vận động bà con giữ vệ sinh chung.';

describe.each(databaseBackends())('similar nominations on %s', (kind) => {
  let db: TestDatabase;
  let units = 0;
  let receipts = 0;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  async function load(name: string, input: string) {
    const raw = await db.rpc('bot_turn_load', {
      p_channel: 'zalo',
      p_scope: '', p_chat_id: `chat-${name}`,
      p_user_id: `user-${name}`,
      p_locale_hint: null,
      p_event_id: null,
      p_input: input,
      p_catalog_versions: null,
      p_default_ward: 'thang-loi', p_delivered: []
    });
    return loadedTurnSchema.parse(raw);
  }

  async function memberId(name: string) {
    return (await load(name, '')).member.id;
  }

  async function newUnit() {
    const [unit] = await db.query<{ id: string }>(
      "insert into units (ward_id, kind, name, seq) values ($1, 'to_dan_pho', $2, 100) returning id",
      [WARD, `Đơn vị thử ${++units}`],
    );
    return unit!.id;
  }

  /** Inserts a nomination straight into the table (the submit effect is tested elsewhere). */
  async function nominate(unitId: string, nomineeName: string, nominator: string, status = 'submitted') {
    const [row] = await db.query<{ id: string; receipt_code: string }>(
      `insert into nominations (ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds,
                                nominator_id, receipt_code, form_id, status)
       values ($1, $2, $3, 'individual', $4, $5, $6, $7, $8, gen_random_uuid(), $9)
       returning id, receipt_code`,
      [WARD, CAMPAIGN, CATEGORY, unitId, nomineeName, DEEDS, await memberId(nominator), `LK-${String(++receipts).padStart(4, '0')}`, status],
    );
    return row!;
  }

  /** Sets the state of `name`'s conversation to ask for the lookup, then loads with `input`. */
  async function lookup(name: string, input: string, unitId: string, campaignId: string = CAMPAIGN, quickName?: string) {
    await load(name, '');
    await db.query('update conversations set state = $2 where chat_id = $1', [
      `chat-${name}`,
      { flow: 'nominate', step: 'nominee', answers: {}, trail: [], lookup: { kind: 'similar_nominations', campaignId, unitId, quickName } },
    ]);
    return lookupOf(await load(name, input));
  }

  /** The lookup's answer in a loaded turn, shaped as the request kind plus its result. */
  function lookupOf(turn: Awaited<ReturnType<typeof load>>) {
    // A fresh conversation also asks for the person's standing: only the names look-up counts here.
    const entry = turn.data.find((d) => d.request.kind === 'similar_nominations');
    return entry ? ({ kind: entry.request.kind, ...(entry.result as object) } as { kind: string; matches: SimilarNomination[]; quickMatches: SimilarNomination[] }) : null;
  }

  // similarity threshold 0.7: the scores in the comments are pg_trgm's on the folded names
  it.each([
    ['Nguyen Van Anh', 'Nguyễn Văn Ánh', true], // equal once folded
    ['  nguyễn   văn ÁNH ', 'Nguyễn Văn Ánh', true],
    ['Nguyễn Văn Anhh', 'Nguyễn Văn Anh', true], // 0.82, a typo
    ['Nguyen Thi Minh Khia', 'Nguyễn Thị Minh Khai', true], // 0.75
    ['Nguyễn Anh', 'Nguyễn Văn Anh', true], // 0.73, middle name left out
    ['Dang Thi Hue', 'Đặng Thị Huệ', true], // đ folds to d
    ['Nguyễn Văn Bình', 'Nguyễn Văn Anh', false], // 0.63, another person
    ['Nguyễn Thị Minh Hằng', 'Nguyễn Thị Minh Khai', false], // 0.62
    ['Lê Văn Nam', 'Lê Văn Tâm', false], // 0.57
    ['Tổ dân phố 3', 'Tổ dân phố 5', false], // 0.73, but the numbers differ
    ['to dan pho 5', 'Tổ dân phố 5', true], // the same number
    ['Tổ dân phố 12', 'Tổ dân phố 1', false],
    ['Chi hội 2 Tổ dân phố 3', 'Chi hội 2 Tổ dân phố 5', false],
  ])('input %j against %j: match %s', async (input, stored, expected) => {
    const unitId = await newUnit();
    const nomination = await nominate(unitId, stored, 'nominator');
    const result = await lookup('searcher', input, unitId);
    expect(result?.kind).toBe('similar_nominations');
    expect(result!.matches.map((m) => m.id)).toEqual(expected ? [nomination.id] : []);
  });

  it('returns at most three, the exact match first, with endorsements, mine and endorsedByMe', async () => {
    const unitId = await newUnit();
    const typo = await nominate(unitId, 'Trần Thị Hoan', 'author');
    const exact = await nominate(unitId, 'Trần Thị Hoa', 'author');
    const close = await nominate(unitId, 'Trần Thị Hoai', 'someone');
    await nominate(unitId, 'Trần Thị Hoà', 'someone', 'withdrawn'); // withdrawn: never offered
    await nominate(unitId, 'Trần Thị Hoàn', 'someone');
    await nominate(unitId, 'Phạm Thị Hoa', 'someone'); // too far
    await db.query('insert into endorsements (nomination_id, member_id) values ($1, $2), ($1, $3)', [
      exact.id,
      await memberId('author-friend'),
      await memberId('reader'),
    ]);

    const matches = (await lookup('reader', 'Tran Thi Hoa', unitId))!.matches;
    expect(matches).toHaveLength(3);
    expect(matches[0]).toEqual({
      id: exact.id,
      code: exact.receipt_code,
      nomineeName: 'Trần Thị Hoa',
      categoryId: CATEGORY,
      endorsements: 2,
      mine: false,
      endorsedByMe: true,
    });
    expect(matches.map((m) => m.nomineeName)).not.toContain('Trần Thị Hoà');
    expect(matches.map((m) => m.nomineeName)).not.toContain('Phạm Thị Hoa');
    // exact first, then by similarity (hoan 0.85 ties with hoàn, older first; hoai 0.79 is fourth)
    expect(matches.map((m) => m.nomineeName)).toEqual(['Trần Thị Hoa', 'Trần Thị Hoan', 'Trần Thị Hoàn']);
    expect(matches[1]!.id).toBe(typo.id);
    expect(matches.map((m) => m.id)).not.toContain(close.id);

    const mine = (await lookup('author', 'Trần Thị Hoa', unitId))!.matches[0]!;
    expect(mine).toMatchObject({ id: exact.id, mine: true, endorsedByMe: false });
  });

  it('looks only in the same campaign and unit', async () => {
    const unitId = await newUnit();
    const otherUnit = await newUnit();
    await nominate(otherUnit, 'Rơ Mah Hlao', 'author');
    expect((await lookup('reader', 'Ro Mah Hlao', unitId))!.matches).toEqual([]);
    expect((await lookup('reader', 'Ro Mah Hlao', otherUnit, '00000000-0000-4000-8000-000000000000'))!.matches).toEqual([]);
    expect((await lookup('reader', 'Ro Mah Hlao', otherUnit))!.matches).toHaveLength(1);
  });

  it('answers null without a lookup request, no match for blank input or malformed ids', async () => {
    const unitId = await newUnit();
    await nominate(unitId, 'Siu Thị Blơi', 'author');
    expect(await lookup('reader', '   ', unitId)).toEqual({ kind: 'similar_nominations', matches: [], quickMatches: [] });
    expect(lookupOf(await load('fresh-reader', 'Siu Thi Bloi'))).toBeNull();
    expect(await lookup('reader', 'Siu Thi Bloi', 'not-a-uuid')).toEqual({ kind: 'similar_nominations', matches: [], quickMatches: [] });
  });

  it('also looks up the quick answer offered with the question (a collective named after its unit)', async () => {
    const unitId = await newUnit();
    await nominate(unitId, 'Làng Plei Tơ Nglê', 'author');
    // The person picks the quick answer ("1", or a button with no text): the quick name is what counts.
    const picked = await lookup('reader', '1', unitId, CAMPAIGN, 'Làng Plei Tơ Nglê');
    expect(picked!.matches).toEqual([]);
    expect(picked!.quickMatches).toEqual([expect.objectContaining({ nomineeName: 'Làng Plei Tơ Nglê', mine: false })]);
    const typed = await lookup('reader', 'lang plei to ngle', unitId, CAMPAIGN, 'Làng Plei Tơ Nglê');
    expect(typed!.matches).toHaveLength(1);
  });
});
