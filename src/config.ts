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
  });

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

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
