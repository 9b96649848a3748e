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

describe('configuration: time, quiet hours and the first officers', () => {
  const bad = (env: Record<string, string>) => {
    const r = loadConfig(env);
    return r.ok ? [] : r.problems;
  };
  const ok = (env: Record<string, string>) => {
    const r = loadConfig(env);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    return r.config;
  };

  it('keeps pushes out of 21:00-07:00 by default, takes another range, or none', () => {
    expect(ok({}).quietHours).toEqual({ from: '21:00', to: '07:00' });
    expect(ok({ QUIET_HOURS: '22:30-6:00' }).quietHours).toEqual({ from: '22:30', to: '06:00' });
    expect(ok({ QUIET_HOURS: 'off' }).quietHours).toBeNull();
    expect(bad({ QUIET_HOURS: 'late' })).toEqual([expect.stringMatching(/^QUIET_HOURS must be a range of ward times such as 21:00-07:00, or off/)]);
    expect(bad({ QUIET_HOURS: '25:00-07:00' })).toHaveLength(1);
  });

  it('shifts the clock for trying deadlines, and refuses the shift in production', () => {
    expect(ok({}).clockOffsetMs).toBe(0);
    expect(ok({ CLOCK_OFFSET: '+8d' }).clockOffsetMs).toBe(8 * 86_400_000);
    expect(ok({ CLOCK_OFFSET: '-2h' }).clockOffsetMs).toBe(-2 * 3_600_000);
    expect(ok({ CLOCK_OFFSET: '+1d12h' }).clockOffsetMs).toBe(36 * 3_600_000);
    expect(bad({ CLOCK_OFFSET: 'tomorrow' })).toEqual([expect.stringMatching(/^CLOCK_OFFSET must be a shift such as \+8d/)]);
    expect(bad({ CLOCK_OFFSET: '+8d', NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^CLOCK_OFFSET shifts the bot's clock .* unset it in production/)]);
  });

  it('keeps processed-event records a week by default, or the days given', () => {
    expect(ok({}).eventRetentionDays).toBe(7);
    expect(ok({ EVENT_RETENTION_DAYS: '30' }).eventRetentionDays).toBe(30);
    expect(bad({ EVENT_RETENTION_DAYS: '0' })).toEqual([expect.stringMatching(/^EVENT_RETENTION_DAYS must be at least 1 day/)]);
  });

  it('keeps conversations, link codes, outgoing messages and nominee data for the days given, naming the variable when wrong', () => {
    expect(ok({}).retention).toEqual({ events: 7, conversations: 30, links: 7, outbox: 30, nomineeData: 1825 });
    expect(ok({ RETENTION_CONVERSATION_DAYS: '90', RETENTION_LINK_DAYS: '1', RETENTION_OUTBOX_DAYS: '14', RETENTION_NOMINEE_DATA_DAYS: '3650', EVENT_RETENTION_DAYS: '3' }).retention).toEqual({
      events: 3,
      conversations: 90,
      links: 1,
      outbox: 14,
      nomineeData: 3650,
    });
    expect(bad({ RETENTION_CONVERSATION_DAYS: 'a month' })).toEqual([
      'RETENTION_CONVERSATION_DAYS must be a whole number of days finished conversations (no form open) are kept for, e.g. 30',
    ]);
    expect(bad({ RETENTION_LINK_DAYS: '0' })).toEqual([expect.stringMatching(/^RETENTION_LINK_DAYS must be at least 1 day/)]);
    expect(bad({ RETENTION_OUTBOX_DAYS: '-5' })).toEqual([expect.stringMatching(/^RETENTION_OUTBOX_DAYS must be a whole number of days/)]);
    expect(bad({ RETENTION_NOMINEE_DATA_DAYS: '1000000' })).toEqual([expect.stringMatching(/^RETENTION_NOMINEE_DATA_DAYS must be a whole number of days a nominee's photo and deeds are kept after their campaign closed for/)]);
  });

  it('names the first officers by their identity on each platform', () => {
    expect(ok({ ADMIN_TELEGRAM_IDS: '123, 456', ADMIN_ZALO_IDS: 'z-1', ADMIN_CONSOLE_USERS: 'thu' }).admins).toEqual({ telegram: ['123', '456'], zalo: ['z-1'], console: ['thu'] });
    expect(bad({ ADMIN_TELEGRAM_IDS: '@thu' })).toEqual([expect.stringMatching(/^ADMIN_TELEGRAM_IDS must be Telegram user ids separated by commas/)]);
  });
});

describe('configuration: reports in the chat', () => {
  it('has no public address and 15-minute links by default', () => {
    expect(loadConfig({})).toMatchObject({ ok: true, config: { publicBaseUrl: null, reportLinkSeconds: 900 } });
  });

  it('takes the public address without a trailing slash and a link lifetime in seconds', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://bot.example.org/', REPORT_LINK_SECONDS: '120' })).toMatchObject({
      ok: true,
      config: { publicBaseUrl: 'https://bot.example.org', reportLinkSeconds: 120 },
    });
  });

  it('refuses an address that is not a web address and a lifetime out of range', () => {
    const bad = loadConfig({ PUBLIC_BASE_URL: 'bot.example.org', REPORT_LINK_SECONDS: '0' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^PUBLIC_BASE_URL must be the address people reach/), expect.stringMatching(/^REPORT_LINK_SECONDS must be between 1 and 86400/)]),
    );
  });
});
