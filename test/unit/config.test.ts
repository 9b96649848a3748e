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

describe('configuration: Telegram', () => {
  const token = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawX';

  it('without a token: no Telegram, the terminal chat on', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, config: { telegram: null, console: true, port: 8080 } });
  });

  it('with a token: long polling on the public Bot API, the terminal off unless CONSOLE=1', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: token })).toMatchObject({
      ok: true,
      config: { telegram: { token, apiRoot: 'https://api.telegram.org', webhook: null }, console: false },
    });
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: token, CONSOLE: '1' })).toMatchObject({ ok: true, config: { console: true } });
  });

  it('webhook mode with URL and secret; the API root loses its trailing slash', () => {
    const result = loadConfig({
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg/updates',
      TELEGRAM_WEBHOOK_SECRET: 'a'.repeat(32),
      PORT: '3000',
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        port: 3000,
        telegram: { apiRoot: 'http://127.0.0.1:8081', webhook: { url: 'https://bot.example.org/tg/updates', path: '/tg/updates', secret: 'a'.repeat(32) } },
      },
    });
  });

  it('names each wrong Telegram variable and says how to fix it', () => {
    const result = loadConfig({
      TELEGRAM_BOT_TOKEN: 'not-a-token',
      TELEGRAM_API_ROOT: 'api.telegram.org',
      TELEGRAM_WEBHOOK_URL: 'http://bot.example.org/tg',
      TELEGRAM_WEBHOOK_SECRET: 'short secret',
      PORT: '70000',
      CONSOLE: 'maybe',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^TELEGRAM_BOT_TOKEN must be the token @BotFather gave you/),
        expect.stringMatching(/^TELEGRAM_API_ROOT must be the Bot API server address/),
        expect.stringMatching(/^TELEGRAM_WEBHOOK_URL must be the public https address/),
        expect.stringMatching(/^TELEGRAM_WEBHOOK_SECRET must be 16 to 256 characters/),
        expect.stringMatching(/^PORT must be a TCP port number between 1 and 65535/),
        expect.stringMatching(/^CONSOLE must be 1/),
      ]),
    );
  });

  it('needs the webhook URL and secret together, and a token for them', () => {
    const onlyUrl = loadConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg' });
    expect(onlyUrl.ok || onlyUrl.problems.join()).toMatch(/^TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set/);
    const onlySecret = loadConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: 'b'.repeat(20) });
    expect(onlySecret.ok || onlySecret.problems.join()).toMatch(/^TELEGRAM_WEBHOOK_URL is required when TELEGRAM_WEBHOOK_SECRET is set/);
    const noToken = loadConfig({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg', TELEGRAM_WEBHOOK_SECRET: 'b'.repeat(20) });
    expect(noToken.ok || noToken.problems.join()).toMatch(/TELEGRAM_BOT_TOKEN is required for the Telegram webhook/);
  });

  describe('Zalo', () => {
    const token = '1234567890:AbCdEfGhIjKlMnOpQrStUv';
    it('serves Zalo by polling with a token, at the public API by default, and turns the terminal chat off', () => {
      const result = loadConfig({ ZALO_BOT_TOKEN: token });
      expect(result).toMatchObject({ ok: true, config: { zalo: { token, apiRoot: 'https://bot-api.zaloplatforms.com', webhook: null }, telegram: null, console: false } });
    });

    it('takes another API root without its trailing slash, and webhook mode with a URL and a secret', () => {
      const result = loadConfig({ ZALO_BOT_TOKEN: token, ZALO_API_ROOT: 'http://127.0.0.1:9999/', ZALO_WEBHOOK_URL: 'https://bot.example.org/zalo/hook', ZALO_WEBHOOK_SECRET: 'abcdefgh12' });
      expect(result).toMatchObject({
        ok: true,
        config: { zalo: { apiRoot: 'http://127.0.0.1:9999', webhook: { url: 'https://bot.example.org/zalo/hook', secret: 'abcdefgh12', path: '/zalo/hook' } } },
      });
    });

    it('runs beside Telegram', () => {
      const result = loadConfig({ ZALO_BOT_TOKEN: token, TELEGRAM_BOT_TOKEN: '123456789:AAE2e-test-token-for-the-fake-api' });
      expect(result).toMatchObject({ ok: true, config: { zalo: { token }, telegram: { apiRoot: 'https://api.telegram.org' }, console: false } });
    });

    it('names each wrong Zalo variable', () => {
      const bad = (env: Record<string, string>) => {
        const r = loadConfig(env);
        return r.ok ? [] : r.problems;
      };
      expect(bad({ ZALO_BOT_TOKEN: 'has spaces in it' })).toEqual([expect.stringMatching(/^ZALO_BOT_TOKEN must be the token Zalo Bot Creator gave you/)]);
      expect(bad({ ZALO_BOT_TOKEN: token, ZALO_API_ROOT: 'ftp://x' })).toEqual([expect.stringMatching(/^ZALO_API_ROOT must be the Zalo Bot API server address/)]);
      expect(bad({ ZALO_BOT_TOKEN: token, ZALO_WEBHOOK_URL: 'http://bot.example.org/zalo', ZALO_WEBHOOK_SECRET: 'abcdefgh12' })).toEqual([
        expect.stringMatching(/^ZALO_WEBHOOK_URL must be the public https address/),
      ]);
      expect(bad({ ZALO_BOT_TOKEN: token, ZALO_WEBHOOK_URL: 'https://bot.example.org/zalo', ZALO_WEBHOOK_SECRET: 'short' })).toEqual([
        expect.stringMatching(/^ZALO_WEBHOOK_SECRET must be 8 to 256 characters/),
      ]);
      expect(bad({ ZALO_BOT_TOKEN: token, ZALO_WEBHOOK_URL: 'https://bot.example.org/zalo' })).toEqual([expect.stringMatching(/^ZALO_WEBHOOK_SECRET is required when ZALO_WEBHOOK_URL is set/)]);
      expect(bad({ ZALO_BOT_TOKEN: token, ZALO_WEBHOOK_SECRET: 'abcdefgh12' })).toEqual([expect.stringMatching(/^ZALO_WEBHOOK_URL is required when ZALO_WEBHOOK_SECRET is set/)]);
      expect(bad({ ZALO_WEBHOOK_URL: 'https://bot.example.org/zalo', ZALO_WEBHOOK_SECRET: 'abcdefgh12' })).toEqual([expect.stringMatching(/^ZALO_BOT_TOKEN is required for the Zalo webhook/)]);
      expect(
        bad({
          ZALO_BOT_TOKEN: token,
          ZALO_WEBHOOK_URL: 'https://bot.example.org/hook',
          ZALO_WEBHOOK_SECRET: 'abcdefgh12',
          TELEGRAM_BOT_TOKEN: '123456789:AAE2e-test-token-for-the-fake-api',
          TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/hook',
          TELEGRAM_WEBHOOK_SECRET: 'abcdefghijklmnop1234',
        }),
      ).toEqual([expect.stringMatching(/^ZALO_WEBHOOK_URL must have another path than TELEGRAM_WEBHOOK_URL/)]);
    });
  });
});
