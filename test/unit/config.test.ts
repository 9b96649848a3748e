import { describe, expect, it } from 'vitest';
import { describeConfigProblems, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('runs on the embedded database in ./.data when nothing is configured', () => {
    const result = loadConfig({});
    expect(result).toMatchObject({ ok: true, config: { database: { kind: 'pglite', dataDir: './.data' }, defaultLocale: 'vi', timeZone: 'Asia/Ho_Chi_Minh' } });
  });

  it('uses a Postgres server when DATABASE_URL is set', () => {
    const result = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' });
    expect(result).toMatchObject({ ok: true, config: { database: { kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test' } } });
  });

  it('uses Supabase when the URL and the service key are both set', () => {
    const result = loadConfig({ SUPABASE_URL: 'https://abcd.supabase.co', SUPABASE_SERVICE_ROLE_KEY: 'secret' });
    expect(result).toMatchObject({ ok: true, config: { database: { kind: 'supabase', url: 'https://abcd.supabase.co' } } });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '  ', LOG_LEVEL: '' })).toMatchObject({ ok: true, config: { database: { kind: 'pglite' }, logLevel: 'info' } });
  });

  it('names each wrong variable and says how to fix it', () => {
    const result = loadConfig({ DATABASE_URL: 'mysql://localhost/db', LOG_LEVEL: 'loud', TZ_NAME: 'Mars/Olympus', DEFAULT_LOCALE: 'fr' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DATABASE_URL must be a Postgres connection URL, e\.g\. postgres:\/\//),
        expect.stringMatching(/^LOG_LEVEL must be one of debug, info/),
        expect.stringMatching(/^TZ_NAME must be an IANA time zone name/),
        expect.stringMatching(/^DEFAULT_LOCALE must be vi or en/),
      ]),
    );
    expect(describeConfigProblems(result.problems)).toContain('.env.example');
  });

  it('asks for the service key when only the Supabase URL is set, and the other way round', () => {
    const onlyUrl = loadConfig({ SUPABASE_URL: 'https://abcd.supabase.co' });
    expect(onlyUrl.ok || onlyUrl.problems.join()).toMatch(/^SUPABASE_SERVICE_ROLE_KEY is required when SUPABASE_URL is set/);
    const onlyKey = loadConfig({ SUPABASE_SERVICE_ROLE_KEY: 'secret' });
    expect(onlyKey.ok || onlyKey.problems.join()).toMatch(/^SUPABASE_URL is required/);
  });

  it('refuses a Supabase URL that is not a web address, and two databases at once', () => {
    const bad = loadConfig({ SUPABASE_URL: 'abcd.supabase.co', SUPABASE_SERVICE_ROLE_KEY: 'k' });
    expect(bad.ok || bad.problems.join()).toMatch(/^SUPABASE_URL must be your project URL/);
    const both = loadConfig({ SUPABASE_URL: 'https://a.supabase.co', SUPABASE_SERVICE_ROLE_KEY: 'k', DATABASE_URL: 'postgres://x@h/db' });
    expect(both.ok || both.problems.join()).toMatch(/^DATABASE_URL cannot be used together with SUPABASE_URL/);
  });
});
