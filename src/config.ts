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
    for (const name of ['TELEGRAM_WEBHOOK_URL', 'ZALO_WEBHOOK_URL'] as const) {
      const value = env[name];
      if (value && new URL(value).pathname === '/healthz')
        ctx.addIssue({ code: 'custom', path: [name], message: 'cannot use the path /healthz, which answers the health check' });
    }
  });

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
  defaultWard: string;
  consoleUser: string | undefined;
  telegram: TelegramConfig | null;
  zalo: ZaloConfig | null;
  /** The port of the webhook and health server. */
  port: number;
  /** Whether the terminal chat runs: by default only when no platform channel is configured. */
  console: boolean;
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
