// The operator commands as an operator runs them, each a real process on the database the bot
// would open: import the sample template, refuse it twice, export it back, refuse a bad file,
// add a ward from a CSV file (refusing a unit listed twice, with its line), and write the four
// report files of the seeded campaign.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTemplateFile } from '../../src/cli/template-file.js';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

describe('operator commands', () => {
  let db: BotDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createBotDatabase();
    dir = await mkdtemp(path.join(tmpdir(), 'operator-cli-'));
  });
  afterAll(async () => {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function cli(script: 'campaign' | 'ward' | 'report', args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env: NodeJS.ProcessEnv = { ...process.env, ...db.env };
    if (!db.env.DATABASE_URL) delete env.DATABASE_URL;
    delete env.SUPABASE_URL;
    delete env.SUPABASE_SERVICE_ROLE_KEY;
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { cwd: root, env });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('imports a template once, exports it back, and refuses a bad file with its line', async () => {
    const sample = path.join(root, 'supabase', 'templates', 'dhtt-2026-2030.yaml');
    const first = await cli('campaign', ['import', sample]);
    expect(first).toMatchObject({ code: 0, stdout: 'Imported template "dhtt-2026-2030": 2 phases, 5 categories, 34 criteria.\n' });
    const second = await cli('campaign', ['import', sample]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('a template with code "dhtt-2026-2030" already exists');

    const out = path.join(dir, 'exported.json');
    expect((await cli('campaign', ['export', 'dhtt-2026-2030', out])).code).toBe(0);
    const [exported, original] = await Promise.all([readTemplateFile(out), readTemplateFile(sample)]);
    expect(exported).toEqual(original);
    expect(JSON.parse(await readFile(out, 'utf8')).code).toBe('dhtt-2026-2030');

    const bad = path.join(dir, 'bad.yaml');
    await writeFile(bad, (await readFile(sample, 'utf8')).replace('code: dhtt-2026-2030', 'code: dhtt-2031').replace('  - code: can_bo', '  - code: co_quan'));
    const refused = await cli('campaign', ['import', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/categories\[2\]\.code \(line \d+\): duplicate category code "co_quan"/);
    expect((await cli('campaign', ['export', 'dhtt-2031'])).code).toBe(1);
    expect((await cli('campaign', ['frobnicate'])).code).toBe(2);
  });

  it('adds a ward from a CSV file and refuses a unit listed twice', async () => {
    const csv = path.join(dir, 'units.csv');
    await writeFile(csv, 'kind,name,seq\ntổ dân phố,Tổ dân phố 1\nlang,Làng Chuét\nĐoàn thể,"Hội Cựu chiến binh, phường"\n');
    const added = await cli('ward', ['add', '--code', 'hoa-lu', '--name', 'Phường Hoa Lư', '--prefix', 'HL', '--units', csv]);
    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('Added ward "hoa-lu" (Phường Hoa Lư) with 3 units') });
    const again = await cli('ward', ['add', '--code', 'hoa-lu', '--name', 'Phường Hoa Lư', '--prefix', 'HX', '--units', csv]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('a ward with code "hoa-lu" already exists');

    const twice = path.join(dir, 'twice.csv');
    await writeFile(twice, 'lang,Làng A\nlang,Làng B\nlàng,lang a\n');
    const refused = await cli('ward', ['add', '--code', 'dien-phu', '--name', 'Xã Diên Phú', '--prefix', 'DP', '--units', twice]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 3: "lang a" is listed twice (first on line 1)');

    const rows = await db.query<{ code: string; units: number }>(
      `select w.code, count(u.id)::int as units from wards w left join units u on u.ward_id = w.id where w.code in ('hoa-lu', 'dien-phu') group by w.code`,
    );
    expect(rows).toEqual([{ code: 'hoa-lu', units: 3 }]);
    // The embedded database belongs to one process at a time: let the next command open it.
    await db.disconnect();
  });

  it('writes the four report files of a campaign', async () => {
    const out = path.join(dir, 'reports');
    const result = await cli('report', ['dhtt-2026-2030', '--ward', 'thang-loi', '--out', out]);
    expect(result.code).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files.map((f) => f.replace(/\d{4}-\d{2}-\d{2}/, 'DATE'))).toEqual([
      'dhtt-2026-2030-DATE-chart.png',
      'dhtt-2026-2030-DATE.csv',
      'dhtt-2026-2030-DATE.pdf',
      'dhtt-2026-2030-DATE.xlsx',
    ]);
    for (const f of files) expect((await stat(path.join(out, f))).size).toBeGreaterThan(200);
    expect((await cli('report', ['no-such-campaign', '--out', out])).code).toBe(1);
  });
});
