// ward_add: a ward and its units in one transaction; an existing code or a receipt prefix in use
// is refused as a value; a duplicate unit that slipped past the CSV check writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWardStore, type WardStore } from '../../src/db/ward-store.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

describe.each(databaseBackends())('ward_add on %s', (kind) => {
  let db: TestDatabase;
  let store: WardStore;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    store = createWardStore(db.supabase);
  });
  afterAll(async () => db?.close());

  const units = [
    { kind: 'to_dan_pho', name: 'Tổ dân phố 1', seq: 1 },
    { kind: 'lang', name: 'Làng Chuét', seq: 1 },
  ];

  it('adds a ward with its units', async () => {
    const result = await store.addWard({ code: 'hoa-lu', name: 'Phường Hoa Lư', receiptPrefix: 'HL', units });
    expect(result).toMatchObject({ status: 'created', code: 'hoa-lu', units: 2 });
    const rows = await db.query<{ kind: string; name: string; prefix: string }>(
      `select u.kind, u.name, w.receipt_prefix as prefix from units u join wards w on w.id = u.ward_id where w.code = 'hoa-lu' order by u.kind`,
    );
    expect(rows).toEqual([
      { kind: 'lang', name: 'Làng Chuét', prefix: 'HL' },
      { kind: 'to_dan_pho', name: 'Tổ dân phố 1', prefix: 'HL' },
    ]);
  });

  it('refuses an existing code and a prefix another ward prints', async () => {
    expect(await store.addWard({ code: 'thang-loi', name: 'X', receiptPrefix: 'XY', units })).toEqual({ status: 'exists', code: 'thang-loi' });
    expect(await store.addWard({ code: 'tl-2', name: 'X', receiptPrefix: 'TL', units })).toEqual({ status: 'prefix_taken', ward: 'thang-loi' });
  });

  it('writes nothing when a unit is listed twice or the prefix is malformed', async () => {
    await expect(store.addWard({ code: 'dup-ward', name: 'Dup', receiptPrefix: 'DW', units: [units[0]!, units[0]!] })).rejects.toThrow();
    await expect(store.addWard({ code: 'bad-prefix', name: 'Bad', receiptPrefix: 'bad', units })).rejects.toThrow(/prefix/);
    const [row] = await db.query<{ n: number }>(`select count(*)::int n from wards where code in ('dup-ward', 'bad-prefix')`);
    expect(row!.n).toBe(0);
  });
});
