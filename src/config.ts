// The environment, checked once at start with one zod schema: a bad value stops the process with
// a message that names the variable and says how to fix it.
import { z } from 'zod';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const schema = z
  .object({
    SUPABASE_URL: optionalText.pipe(
      z.url({ protocol: /^https?$/, message: 'must be your project URL, e.g. https://abcd1234.supabase.co' }).optional(),
    ),
    SUPABASE_SERVICE_ROLE_KEY: optionalText,
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a Postgres connection URL, e.g. postgres://user:password@127.0.0.1:5432/dbname')
        .optional(),
    ),
    DATA_DIR: optionalText.transform((v) => v ?? './.data'),
    LOG_FILE: optionalText,
    DEFAULT_LOCALE: optionalText.pipe(z.enum(['vi', 'en'], { message: 'must be vi or en' }).optional()).transform((v) => v ?? 'vi'),
    TZ_NAME: optionalText
      .transform((v) => v ?? 'Asia/Ho_Chi_Minh')
      .refine(isTimeZone, 'must be an IANA time zone name, e.g. Asia/Ho_Chi_Minh'),
    LOG_LEVEL: optionalText
      .pipe(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).optional())
      .transform((v) => v ?? 'info'),
    DEFAULT_WARD: optionalText
      .pipe(z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be a ward code such as thang-loi (lowercase letters, digits, dashes)').optional())
      .transform((v) => v ?? 'thang-loi'),
    CONSOLE_USER: optionalText.pipe(z.string().max(60, 'must be at most 60 characters').optional()),
    TELEGRAM_BOT_TOKEN: optionalText.pipe(
      z.string().regex(/^\d{3,20}:[A-Za-z0-9_-]{20,100}$/, 'must be the token @BotFather gave you, like 123456789:AAH...').optional(),
    ),
    TELEGRAM_API_ROOT: optionalText
      .pipe(z.url({ protocol: /^https?$/, message: 'must be the Bot API server address, e.g. https://api.telegram.org' }).optional())
      .transform((v) => (v ?? 'https://api.telegram.org').replace(/\/+$/, '')),
    TELEGRAM_WEBHOOK_URL: optionalText.pipe(
      z.url({ protocol: /^https$/, message: 'must be the public https address Telegram posts updates to, e.g. https://bot.example.org/telegram' }).optional(),
    ),
    TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16 to 256 characters of A-Z, a-z, 0-9, _ and - (e.g. from: openssl rand -hex 32)').optional(),
    ),
    ZALO_BOT_TOKEN: optionalText.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9:_.-]{9,299}$/, 'must be the token Zalo Bot Creator gave you, like 1234567890:AbCdEf... (no spaces or slashes)')
        .optional(),
    ),
    ZALO_API_ROOT: optionalText
      .pipe(z.url({ protocol: /^https?$/, message: 'must be the Zalo Bot API server address, e.g. https://bot-api.zaloplatforms.com' }).optional())
      .transform((v) => (v ?? 'https://bot-api.zaloplatforms.com').replace(/\/+$/, '')),
    ZALO_WEBHOOK_URL: optionalText.pipe(
      z.url({ protocol: /^https$/, message: 'must be the public https address Zalo posts updates to, e.g. https://bot.example.org/zalo' }).optional(),
    ),
    ZALO_WEBHOOK_SECRET: optionalText.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{8,256}$/, 'must be 8 to 256 characters of A-Z, a-z, 0-9, _ and - (e.g. from: openssl rand -hex 32)').optional(),
    ),
    PORT: optionalText
      .pipe(z.string().regex(/^\d{1,5}$/, 'must be a TCP port number, e.g. 8080').optional())
      .transform((v) => (v === undefined ? 8080 : Number(v)))
      .refine((n) => n >= 1 && n <= 65535, 'must be a TCP port number between 1 and 65535'),
    CONSOLE: optionalText.pipe(z.enum(['1', '0', 'true', 'false', 'yes', 'no'], { message: 'must be 1 (chat in the terminal too) or 0' }).optional()),
    QUIET_HOURS: optionalText
      .transform((v) => v ?? '21:00-07:00')
      .refine((v) => v === 'off' || parseQuietHours(v) !== null, 'must be a range of ward times such as 21:00-07:00, or off'),
    SEND_RATE_TELEGRAM: sendRate(25, 'Telegram allows about 30 a second for bulk sends'),
    SEND_RATE_ZALO: sendRate(10, 'Zalo publishes no limit; the bot backs off on 429'),
    DELIVERY_LEASE_SECONDS: optionalText
      .pipe(z.string().regex(/^\d{1,4}$/, 'must be a number of seconds, e.g. 30').optional())
      .transform((v) => (v === undefined ? 30 : Number(v)))
      .refine((n) => n >= 5, 'must be at least 5 seconds (a batch of sends must fit in it)'),
    BROADCAST_PROGRESS_SECONDS: optionalText
      .pipe(z.string().regex(/^\d{1,3}$/, 'must be a number of seconds, e.g. 3').optional())
      .transform((v) => (v === undefined ? 3 : Number(v))),
    BROADCAST_PROGRESS_EVERY: optionalText
      .pipe(z.string().regex(/^\d{1,6}$/, 'must be a number of recipients, e.g. 500').optional())
      .transform((v) => (v === undefined ? 500 : Math.max(1, Number(v)))),
    CLOCK_OFFSET: optionalText.refine((v) => v === undefined || parseClockOffset(v) !== null, 'must be a shift such as +8d, -2h, +1d12h or +90m'),
    NODE_ENV: optionalText,
    EVENT_RETENTION_DAYS: optionalText
      .pipe(z.string().regex(/^\d{1,4}$/, 'must be a number of days, e.g. 7').optional())
      .transform((v) => (v === undefined ? 7 : Number(v)))
      .refine((n) => n >= 1, 'must be at least 1 day (platforms deliver an update again for a while)'),
    RETENTION_CONVERSATION_DAYS: retentionDays(30, 'finished conversations (no form open) are kept'),
    RETENTION_LINK_DAYS: retentionDays(7, 'used or expired account-link codes and link attempts are kept'),
    RETENTION_OUTBOX_DAYS: retentionDays(30, 'delivered (or given up) outgoing messages are kept'),
    RETENTION_NOMINEE_DATA_DAYS: retentionDays(1825, "a nominee's photo and deeds are kept after their campaign closed"),
    PUBLIC_BASE_URL: optionalText
      .pipe(
        z
          .url({ protocol: /^https?$/, message: 'must be the address people reach this bot\'s HTTP server at (PORT), e.g. https://bot.example.org' })
          .optional(),
      )
      .transform((v) => v?.replace(/\/+$/, '')),
    REPORT_LINK_SECONDS: optionalText
      .pipe(z.string().regex(/^\d{1,5}$/, 'must be a number of seconds a report link works, e.g. 900').optional())
      .transform((v) => (v === undefined ? 900 : Number(v)))
      .refine((n) => n >= 1 && n <= 86_400, 'must be between 1 and 86400 seconds (a report link should not live long)'),
    ADMIN_TELEGRAM_IDS: optionalText.refine((v) => v === undefined || idList(v).every((x) => /^\d{1,20}$/.test(x)), 'must be Telegram user ids separated by commas, e.g. 123456789,987654321'),
    ADMIN_ZALO_IDS: optionalText.refine((v) => v === undefined || idList(v).every((x) => /^[A-Za-z0-9_.:-]{1,64}$/.test(x)), 'must be Zalo user ids separated by commas'),
    ADMIN_CONSOLE_USERS: optionalText.refine((v) => v === undefined || idList(v).every((x) => x.length <= 60), 'must be terminal user names separated by commas, e.g. thu,lan'),
  })
  .superRefine((env, ctx) => {
    if (env.SUPABASE_URL && !env.SUPABASE_SERVICE_ROLE_KEY)
      ctx.addIssue({
        code: 'custom',
        path: ['SUPABASE_SERVICE_ROLE_KEY'],
        message: 'is required when SUPABASE_URL is set: copy the service_role (secret) key from Project Settings > API keys',
      });
    if (env.SUPABASE_SERVICE_ROLE_KEY && !env.SUPABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['SUPABASE_URL'],
        message: 'is required when SUPABASE_SERVICE_ROLE_KEY is set: use your project URL, e.g. https://abcd1234.supabase.co',
      });
    if (env.SUPABASE_URL && env.DATABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'cannot be used together with SUPABASE_URL: unset one of them',
      });
    webhookPairing(ctx, 'TELEGRAM', env.TELEGRAM_WEBHOOK_URL, env.TELEGRAM_WEBHOOK_SECRET, env.TELEGRAM_BOT_TOKEN, 'Telegram', '@BotFather');
    webhookPairing(ctx, 'ZALO', env.ZALO_WEBHOOK_URL, env.ZALO_WEBHOOK_SECRET, env.ZALO_BOT_TOKEN, 'Zalo', 'Zalo Bot Creator');
    if (env.ZALO_WEBHOOK_URL && env.TELEGRAM_WEBHOOK_URL && new URL(env.ZALO_WEBHOOK_URL).pathname === new URL(env.TELEGRAM_WEBHOOK_URL).pathname)
      ctx.addIssue({
        code: 'custom',
        path: ['ZALO_WEBHOOK_URL'],
        message: 'must have another path than TELEGRAM_WEBHOOK_URL: both are served by one server on PORT (e.g. /zalo and /telegram)',
      });
    if (env.CLOCK_OFFSET && env.NODE_ENV === 'production' && parseClockOffset(env.CLOCK_OFFSET) !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['CLOCK_OFFSET'],
        message: 'shifts the bot\'s clock and is for trying deadlines on a test machine: unset it in production (NODE_ENV=production), or set NODE_ENV to something else on purpose',
      });
    for (const name of ['TELEGRAM_WEBHOOK_URL', 'ZALO_WEBHOOK_URL'] as const) {
      const value = env[name];
      if (value && new URL(value).pathname === '/healthz')
        ctx.addIssue({ code: 'custom', path: [name], message: 'cannot use the path /healthz, which answers the health check' });
    }
  });

/** A number of days a kind of record is kept (default when unset), at least one day. */
function retentionDays(fallback: number, what: string) {
  return optionalText
    .pipe(z.string().regex(/^\d{1,5}$/, `must be a whole number of days ${what} for, e.g. ${fallback}`).optional())
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .refine((n) => n >= 1, `must be at least 1 day (the number of days ${what} for)`);
}

/** Messages a second one channel's deliveries go out at most (default when unset). */
function sendRate(fallback: number, why: string) {
  return optionalText
    .pipe(z.string().regex(/^\d{1,4}$/, `must be a whole number of messages a second, e.g. ${fallback} (${why})`).optional())
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .refine((n) => n >= 1, 'must be at least 1 message a second');
}

/** How many days each kind of record is kept before the nightly retention job deletes it. */
export interface RetentionDays {
  /** Processed-event records (EVENT_RETENTION_DAYS). */
  events: number;
  /** Conversations with no form open, since their last message (RETENTION_CONVERSATION_DAYS). */
  conversations: number;
  /** Account-link codes after they were used or expired, and link attempts (RETENTION_LINK_DAYS). */
  links: number;
  /** Outgoing messages sent or given up (RETENTION_OUTBOX_DAYS). */
  outbox: number;
  /** A nominee's photo and deeds after their campaign closed (RETENTION_NOMINEE_DATA_DAYS). */
  nomineeData: number;
}

/** How the bot talks to Telegram, when a token is set. */
export interface TelegramConfig {
  token: string;
  /** The Bot API server, without a trailing slash. */
  apiRoot: string;
  /** Webhook mode when set; long polling otherwise. */
  webhook: { url: string; secret: string; path: string } | null;
}

/** How the bot talks to Zalo, when a token is set. */
export interface ZaloConfig {
  token: string;
  /** The Zalo Bot API server, without a trailing slash. */
  apiRoot: string;
  /** Webhook mode when set; long polling otherwise. */
  webhook: { url: string; secret: string; path: string } | null;
}

/** The checked configuration the composition root builds everything from. */
export interface Config {
  database:
    | { kind: 'supabase'; url: string; serviceRoleKey: string }
    | { kind: 'postgres'; url: string }
    | { kind: 'pglite'; dataDir: string };
  defaultLocale: 'vi' | 'en';
  timeZone: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Where logs go instead of stderr (LOG_FILE); unset: stderr, or DATA_DIR/bot.log when stderr is the terminal chat. */
  logFile: string | undefined;
  /** DATA_DIR: the embedded database's folder, and where the terminal chat's logs go. */
  dataDir: string;
  defaultWard: string;
  consoleUser: string | undefined;
  telegram: TelegramConfig | null;
  zalo: ZaloConfig | null;
  /** The port of the webhook and health server. */
  port: number;
  /** Whether the terminal chat runs: by default only when no platform channel is configured. */
  console: boolean;
  /** No pushes between these ward times unless urgent; null: off. */
  quietHours: { from: string; to: string } | null;
  /** Messages a second the delivery worker sends at most, per channel. */
  sendRate: { telegram: number; zalo: number };
  /** How long a worker holds the messages it claimed: after a crash, the others wait this long. */
  deliveryLeaseSeconds: number;
  /** The least seconds between two updates of a broadcast's progress message. */
  broadcastProgressSeconds: number;
  /** Where a message cannot be edited (Zalo): a new progress message after this many more recipients. */
  broadcastProgressEvery: number;
  /** Milliseconds the bot's clock runs ahead (or behind, negative) of the real one. */
  clockOffsetMs: number;
  /** Days a processed-event record is kept (a platform may deliver an update again meanwhile). */
  eventRetentionDays: number;
  /** Days each kind of record is kept (processed events included). */
  retention: RetentionDays;
  /** The first officers, by platform identity. */
  admins: { telegram: string[]; zalo: string[]; console: string[] };
  /** The bot's public address (PUBLIC_BASE_URL, no trailing slash): report links for Zalo; null: figures as text. */
  publicBaseUrl: string | null;
  /** How long a report link works, in seconds (REPORT_LINK_SECONDS). */
  reportLinkSeconds: number;
}

/** A configuration problem, one line per variable, ready to print. */
export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads and checks the environment. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name} ${issue.message}`;
    });
    return { ok: false, problems: [...new Set(problems)] };
  }
  const e = parsed.data;
  const database: Config['database'] =
    e.SUPABASE_URL && e.SUPABASE_SERVICE_ROLE_KEY
      ? { kind: 'supabase', url: e.SUPABASE_URL, serviceRoleKey: e.SUPABASE_SERVICE_ROLE_KEY }
      : e.DATABASE_URL
        ? { kind: 'postgres', url: e.DATABASE_URL }
        : { kind: 'pglite', dataDir: e.DATA_DIR };
  return {
    ok: true,
    config: {
      database,
      defaultLocale: e.DEFAULT_LOCALE,
      timeZone: e.TZ_NAME,
      logLevel: e.LOG_LEVEL,
      logFile: e.LOG_FILE,
      dataDir: e.DATA_DIR,
      defaultWard: e.DEFAULT_WARD,
      consoleUser: e.CONSOLE_USER,
      telegram: e.TELEGRAM_BOT_TOKEN
        ? {
            token: e.TELEGRAM_BOT_TOKEN,
            apiRoot: e.TELEGRAM_API_ROOT,
            webhook:
              e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET
                ? { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET, path: new URL(e.TELEGRAM_WEBHOOK_URL).pathname }
                : null,
          }
        : null,
      zalo: e.ZALO_BOT_TOKEN
        ? {
            token: e.ZALO_BOT_TOKEN,
            apiRoot: e.ZALO_API_ROOT,
            webhook:
              e.ZALO_WEBHOOK_URL && e.ZALO_WEBHOOK_SECRET
                ? { url: e.ZALO_WEBHOOK_URL, secret: e.ZALO_WEBHOOK_SECRET, path: new URL(e.ZALO_WEBHOOK_URL).pathname }
                : null,
          }
        : null,
      port: e.PORT,
      console: e.CONSOLE ? ['1', 'true', 'yes'].includes(e.CONSOLE) : !e.TELEGRAM_BOT_TOKEN && !e.ZALO_BOT_TOKEN,
      quietHours: e.QUIET_HOURS === 'off' ? null : parseQuietHours(e.QUIET_HOURS),
      clockOffsetMs: e.CLOCK_OFFSET ? (parseClockOffset(e.CLOCK_OFFSET) ?? 0) : 0,
      sendRate: { telegram: e.SEND_RATE_TELEGRAM, zalo: e.SEND_RATE_ZALO },
      deliveryLeaseSeconds: e.DELIVERY_LEASE_SECONDS,
      broadcastProgressSeconds: e.BROADCAST_PROGRESS_SECONDS,
      broadcastProgressEvery: e.BROADCAST_PROGRESS_EVERY,
      eventRetentionDays: e.EVENT_RETENTION_DAYS,
      retention: {
        events: e.EVENT_RETENTION_DAYS,
        conversations: e.RETENTION_CONVERSATION_DAYS,
        links: e.RETENTION_LINK_DAYS,
        outbox: e.RETENTION_OUTBOX_DAYS,
        nomineeData: e.RETENTION_NOMINEE_DATA_DAYS,
      },
      admins: { telegram: idList(e.ADMIN_TELEGRAM_IDS), zalo: idList(e.ADMIN_ZALO_IDS), console: idList(e.ADMIN_CONSOLE_USERS) },
      publicBaseUrl: e.PUBLIC_BASE_URL ?? null,
      reportLinkSeconds: e.REPORT_LINK_SECONDS,
    },
  };
}

/** The text printed when the configuration is wrong. */
export function describeConfigProblems(problems: string[]): string {
  return [
    'The bot cannot start: the configuration has a problem.',
    ...problems.map((p) => `  - ${p}`),
    'Set or fix these variables in the environment or in .env (see .env.example), then start again.',
  ].join('\n');
}

// Webhook mode needs its URL and secret together, and the bot's token: the same three rules for
// every platform, with messages naming the platform's own variables.
function webhookPairing(
  ctx: z.RefinementCtx,
  prefix: 'TELEGRAM' | 'ZALO',
  url: string | undefined,
  secret: string | undefined,
  token: string | undefined,
  platform: string,
  tokenSource: string,
): void {
  if (url && !secret)
    ctx.addIssue({
      code: 'custom',
      path: [`${prefix}_WEBHOOK_SECRET`],
      message: `is required when ${prefix}_WEBHOOK_URL is set: choose a random secret, e.g. from: openssl rand -hex 32`,
    });
  if (secret && !url)
    ctx.addIssue({
      code: 'custom',
      path: [`${prefix}_WEBHOOK_URL`],
      message: `is required when ${prefix}_WEBHOOK_SECRET is set (webhook mode); unset both for long polling`,
    });
  if ((url || secret) && !token)
    ctx.addIssue({ code: 'custom', path: [`${prefix}_BOT_TOKEN`], message: `is required for the ${platform} webhook: get one from ${tokenSource}` });
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** "21:00-07:00" as {from, to} (HH:MM, 24 hours); null when it is not such a range. */
export function parseQuietHours(value: string): { from: string; to: string } | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)\s*-\s*([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!m) return null;
  const from = `${m[1]!.padStart(2, '0')}:${m[2]}`;
  const to = `${m[3]!.padStart(2, '0')}:${m[4]}`;
  return from === to ? null : { from, to };
}

/** "+8d", "-2h", "+1d12h", "+90m" in milliseconds; null when it is not such a shift. */
export function parseClockOffset(value: string): number | null {
  const m = /^([+-])((?:\d{1,5}[dhm])+)$/.exec(value.trim());
  if (!m) return null;
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;
  let ms = 0;
  for (const part of m[2]!.matchAll(/(\d+)([dhm])/g)) ms += Number(part[1]) * unit[part[2] as keyof typeof unit];
  return m[1] === '-' ? -ms : ms;
}

function idList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}
