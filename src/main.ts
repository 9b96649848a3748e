// Composition root: configuration -> database -> services -> channels. The only file that
// knows every layer; everything else receives what it needs.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { parseCliArgs, USAGE } from './cli-args.js';
import { describeConfigProblems, loadConfig } from './config.js';
import { openBackend } from './db/backend.js';
import { createMemberStore } from './db/member-store.js';
import { createTurnStore } from './db/turn-store.js';
import { createLogger } from './logging/logger.js';
import { createTurnService } from './services/turn-service.js';
import { runConsoleChannel } from './channels/console/console-channel.js';
import { createTranslator } from './channels/i18n.js';
import { renderPlainMessages } from './channels/text-render.js';
import { startHttpServer, type HttpServer } from './channels/http-server.js';
import { startTelegramChannel, type TelegramChannel } from './channels/telegram/telegram-channel.js';
import { startZaloChannel, type ZaloChannel } from './channels/zalo/zalo-channel.js';

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const args = parseCliArgs(process.argv.slice(2));
  if (!args.ok) {
    process.stderr.write(`${args.problem}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${describeConfigProblems(loaded.problems)}\n`);
    return 78;
  }
  const config = loaded.config;
  // When the terminal is the chat, keep routine logs out of it unless asked for.
  const level = process.env.LOG_LEVEL || !config.console ? config.logLevel : 'warn';
  const log = createLogger(level, (line) => process.stderr.write(line));

  const backend = await openBackend(config.database);
  log.info('database.ready', { backend: backend.kind, migrations_applied: backend.applied.length });
  const turns = createTurnService({ store: createTurnStore(backend.supabase), defaultWard: config.defaultWard, log });
  const t = await createTranslator();

  // One HTTP server for every webhook (Telegram's and Zalo's paths), started when the first asks.
  const shared: { server: Promise<HttpServer> | null } = { server: null };
  const httpServer = () => (shared.server ??= startHttpServer({ port: config.port, log }));
  let telegram: TelegramChannel | null = null;
  let zalo: ZaloChannel | null = null;
  try {
    if (config.telegram) {
      telegram = await startTelegramChannel({
        config: config.telegram,
        httpServer,
        turns,
        members: createMemberStore(backend.supabase),
        translator: t,
        defaultLocale: config.defaultLocale,
        log,
      });
    }
    if (config.zalo) {
      zalo = await startZaloChannel({ config: config.zalo, httpServer, turns, translator: t, defaultLocale: config.defaultLocale, log });
    }
  } catch (err) {
    await telegram?.stop().catch(() => undefined);
    await (await shared.server?.catch(() => null))?.close();
    await backend.close();
    throw err;
  }

  const userName = args.as ?? config.consoleUser ?? os.userInfo().username;
  const chat = config.console
    ? runConsoleChannel({
        input: process.stdin,
        output: process.stdout,
        turns,
        log,
        userName,
        defaultLocale: config.defaultLocale,
        banner: t(config.defaultLocale)('console.banner', { name: userName }),
        failure: (locale) => t(locale)('console.failure'),
        photoUsage: (locale) => t(locale)('console.photoUsage'),
        render: (messages, locale) => renderPlainMessages(messages, t(locale)),
      })
    : null;

  // Runs until a signal; with only the terminal chat, also until the end of its input.
  const reason = await new Promise<string>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
    if (chat && !telegram && !zalo) void chat.done.then(() => resolve('end_of_input'));
  });
  // Graceful: stop taking input, finish the turns in hand, close the database.
  log.info('shutdown', { reason });
  chat?.stop();
  await (await shared.server)?.close();
  await Promise.all([telegram?.stop(), zalo?.stop()]);
  await chat?.done;
  await turns.idle();
  await backend.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const code = (err as { code?: string }).code;
    process.stderr.write(`The bot stopped because of an unexpected error${code ? ` (${code})` : ''}: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
