// campaign_template_import / _export: a round trip of the seeded plan under another code gives
// the same file; an existing code is refused unless replaced, and never while campaigns use it;
// a malformed template writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateText } from '../../src/cli/template-file.js';
import { createTemplateStore, type TemplateStore } from '../../src/db/template-store.js';
import { databaseBackends, openTestDatabase, type TestDatabase } from '../support/databases.js';

describe.each(databaseBackends())('campaign templates on %s', (kind) => {
  let db: TestDatabase;
  let store: TemplateStore;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    store = createTemplateStore(db.supabase);
  });
  afterAll(async () => db?.close());

  it('exports the seeded template, imports it under another code, and exports the same again', async () => {
    const seeded = (await store.exportTemplate('dhtt-2021-2025'))!;
    expect(seeded.categories).toHaveLength(5);
    expect(seeded.categories.reduce((n, c) => n + c.criteria.length, seeded.general_criteria.length)).toBe(34);
    const copy = { ...seeded, code: 'copy-2021' };
    expect(await store.importTemplate(copy, false)).toMatchObject({ status: 'created', code: 'copy-2021', phases: 2, categories: 5, criteria: 34 });
    const again = (await store.exportTemplate('copy-2021'))!;
    expect(again).toEqual(copy);
    expect(templateText(again)).toBe(templateText(seeded).replace('code: dhtt-2021-2025', 'code: copy-2021'));
  });

  it('refuses an existing code unless replaced, and replaces only a template no campaign uses', async () => {
    const seeded = (await store.exportTemplate('dhtt-2021-2025'))!;
    const template = { ...seeded, code: 'replace-me' };
    expect((await store.importTemplate(template, false)).status).toBe('created');
    expect(await store.importTemplate(template, false)).toEqual({ status: 'exists', code: 'replace-me' });
    const changed = { ...template, title_en: 'Changed title', general_criteria: template.general_criteria.slice(0, 1) };
    expect(await store.importTemplate(changed, true)).toMatchObject({ status: 'replaced', criteria: 32 });
    expect((await store.exportTemplate('replace-me'))!.title_en).toBe('Changed title');
    expect(await store.importTemplate(seeded, true)).toEqual({ status: 'in_use', code: 'dhtt-2021-2025', campaigns: 1 });
    const [row] = await db.query<{ n: number }>(`select count(*)::int n from campaign_templates where code = 'dhtt-2021-2025'`);
    expect(row!.n).toBe(1);
  });

  it('writes nothing for overlapping phases sent past the file check', async () => {
    const seeded = (await store.exportTemplate('dhtt-2021-2025'))!;
    const bad = { ...seeded, code: 'overlapping', phases: seeded.phases.map((p, i) => (i === 1 ? { ...p, period_from: '2023-01-01' } : p)) };
    await expect(store.importTemplate(bad, false)).rejects.toThrow(/phases overlap/);
    expect(await store.exportTemplate('overlapping')).toBeNull();
  });
});
