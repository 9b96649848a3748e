// Template files are checked before anything is written: each kind of mistake is refused with
// the field's path and its line, and an oversized file is refused from its size, unread.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_BYTES, readTemplateFile, templateText } from '../../src/cli/template-file.js';

const SAMPLE = path.resolve(import.meta.dirname, '..', '..', 'supabase', 'templates', 'dhtt-2026-2030.yaml');

describe('campaign template files', () => {
  let dir: string;
  let sample: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'templates-'));
    sample = await readFile(SAMPLE, 'utf8');
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function check(name: string, text: string | Buffer) {
    const file = path.join(dir, name);
    await writeFile(file, text);
    return readTemplateFile(file);
  }
  const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;

  it('accepts the sample plan for 2026-2030', async () => {
    const result = await readTemplateFile(SAMPLE);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value.code).toBe('dhtt-2026-2030');
    expect(result.value.phases.map((p) => [p.period_from, p.period_to, p.quota_collectives, p.quota_individuals, p.quota_is_minimum])).toEqual([
      ['2026-01-01', '2028-06-30', 3, 3, false],
      ['2028-07-01', '2030-12-31', 3, 3, true],
    ]);
    expect(result.value.categories.map((c) => c.code)).toEqual(['co_quan', 'khu_dan_cu', 'can_bo', 'nguoi_tot', 'lanh_dao']);
    expect(result.value.general_criteria).toHaveLength(3);
  });

  it('reads the same template from JSON, and writes what it reads', async () => {
    const yaml = await readTemplateFile(SAMPLE);
    if (!yaml.ok) throw new Error('sample');
    const json = await check('t.json', templateText(yaml.value, 't.json'));
    expect(json).toEqual(yaml);
    const again = await check('again.yaml', templateText(yaml.value));
    expect(again).toEqual(yaml);
  });

  it('refuses a missing criterion text, naming its path and line', async () => {
    const start = sample.indexOf('  - code: khu_dan_cu');
    const at = sample.indexOf('      - text_vi:', start);
    const end = sample.indexOf('\n', at);
    const text = `${sample.slice(0, at)}      - text_vi: ""${sample.slice(end)}`;
    const result = await check('missing.yaml', text);
    expect(result).toEqual({ ok: false, problems: [`${path.join(dir, 'missing.yaml')}: categories[1].criteria[0].text_vi (line ${lineOf(text, '      - text_vi: ""')}): required`] });

    const without = `${sample.slice(0, at)}      - note: x${sample.slice(end)}`;
    const r2 = await check('without.yaml', without);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.problems).toContain(`${path.join(dir, 'without.yaml')}: categories[1].criteria[0].text_vi (line ${lineOf(without, '      - note: x')}): required`);
  });

  it('refuses a duplicate category code', async () => {
    const text = sample.replace('  - code: can_bo', '  - code: co_quan');
    const result = await check('dup.yaml', text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([expect.stringMatching(new RegExp(`categories\\[2\\]\\.code \\(line ${lineOf(text, '  - code: co_quan', sample.indexOf('khu_dan_cu'))}\\): duplicate category code "co_quan" \\(first in categories\\[0\\]\\)$`))]);
  });

  it('refuses phases that overlap or end before they start', async () => {
    const overlap = await check('overlap.yaml', sample.replace('period_from: 2028-07-01', 'period_from: 2028-06-01'));
    expect(overlap.ok).toBe(false);
    if (!overlap.ok) expect(overlap.problems[0]).toMatch(/phases\[1\]\.period_from \(line \d+\): overlaps phases\[0\] \(seq 1, 2026-01-01 to 2028-06-30\)/);
    const backwards = await check('backwards.yaml', sample.replace('period_to: 2028-06-30', 'period_to: 2025-06-30'));
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.problems[0]).toMatch(/phases\[0\]\.period_to \(line \d+\): ends before it starts \(period_from is 2026-01-01\)/);
  });

  it('names unknown fields, wrong types and YAML syntax errors with their lines', async () => {
    const typo = await check('typo.yaml', sample.replace('quota_individuals: 3', 'quota_individual: 3'));
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.problems.some((p) => /phases\[0\]\.quota_individual \(line \d+\): unknown field/.test(p))).toBe(true);
    const date = await check('date.yaml', sample.replace('period_to: 2030-12-31', 'period_to: 31/12/2030'));
    expect(date.ok).toBe(false);
    if (!date.ok) expect(date.problems[0]).toMatch(/period_to \(line 9\): must be a date written yyyy-mm-dd/);
    const syntax = await check('syntax.yaml', 'code: x\nphases: [\n  - a\n');
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.problems[0]).toMatch(/^.*syntax\.yaml: line \d+: /);
    const dupKey = await check('dupkey.json', '{"code": "a", "code": "b"}');
    expect(dupKey.ok).toBe(false);
  });

  it('refuses 10 MB of text at once, from the file size', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 'a');
    const started = performance.now();
    const result = await check('big.yaml', big);
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: false, problems: [`${path.join(dir, 'big.yaml')}: the file is 10.0 MB; the limit is 1.0 MB`] });
    // the write above is most of this; the check itself only reads the size
    expect(elapsed).toBeLessThan(2000);
    expect(MAX_TEMPLATE_BYTES).toBe(1024 * 1024);
  });

  it('refuses a missing file and a file that is not UTF-8', async () => {
    expect(await readTemplateFile(path.join(dir, 'nope.yaml'))).toEqual({ ok: false, problems: [`${path.join(dir, 'nope.yaml')}: no such file`] });
    expect(await check('latin1.yaml', Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x3a, 0x20, 0xe9, 0x0a]))).toEqual({
      ok: false,
      problems: [`${path.join(dir, 'latin1.yaml')}: not UTF-8 text`],
    });
  });
});
