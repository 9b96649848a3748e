// Composition root: configuration -> database -> services -> channels. The only file that
// knows every layer; everything else receives what it needs.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCliArgs, USAGE } from './cli-args.js';
import { describeConfigProblems, loadConfig } from './config.js';
import { openBackend } from './db/backend.js';
import { createMemberStore } from './db/member-store.js';
import { createTurnStore } from './db/turn-store.js';
import { createLogger } from './logging/logger.js';
import { logFileFor, logSink } from './logging/log-sink.js';
import { createTurnService } from './services/turn-service.js';
import { appRegistry } from './conversation/capabilities/index.js';
import { consoleUserId, createConsoleSender, runConsoleChannel } from './channels/console/console-channel.js';
import { createOutboxStore } from './db/outbox-store.js';
import { createBroadcastStore } from './db/broadcast-store.js';
import { setClockOffset } from './db/clock.js';
import { ensureAdmins } from './db/admins.js';
import { refreshRoleMenus } from './db/role-menus.js';
import type { ChannelSender } from './services/delivery.js';
import type { TurnLinks } from './conversation/contract.js';
import { startDeliveryWorker, type DeliveryWorker } from './services/delivery-worker.js';
import { renderQueued } from './services/notice-render.js';
import { createJobStore } from './db/job-store.js';
import { allJobs } from './services/jobs/all-jobs.js';
import { startScheduler } from './services/jobs/scheduler.js';
import { createTranslator } from './channels/i18n.js';
import { renderPlainMessages } from './channels/text-render.js';
import { startHttpServer, type HttpServer } from './channels/http-server.js';
import { startTelegramChannel, type TelegramChannel } from './channels/telegram/telegram-channel.js';
import { menuVersion } from './channels/telegram/commands.js';
import { startZaloChannel, type ZaloChannel } from './channels/zalo/zalo-channel.js';
import { createReportStore } from './db/report-store.js';
import { linkTokenHash, REPORT_LINK_PATH, startReportWorker, type ReportWorker } from './services/report-worker.js';
import { REPORT_LINK_METHODS, reportLinkRoute } from './channels/report-link-route.js';

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
  // When the terminal is the chat, routine logs are left out unless asked for, and no log line ever
  // prints into the chat: with stderr in the same terminal, they go to DATA_DIR/bot.log.
  const level = process.env.LOG_LEVEL || !config.console ? config.logLevel : 'warn';
  const sink = logSink(logFileFor(config));
  const log = createLogger(level, sink.write);

  const backend = await openBackend(config.database);
  log.info('database.ready', { backend: backend.kind, migrations_applied: backend.applied.length });
  // One clock for the whole bot: the database's bot_now() and this process's now() agree.
  await setClockOffset(backend.rpc, config.clockOffsetMs);
  const now = () => new Date(Date.now() + config.clockOffsetMs);
  const granted = await ensureAdmins(backend.rpc, config.defaultWard, [
    ...config.admins.telegram.map((externalId) => ({ channel: 'telegram' as const, externalId })),
    ...config.admins.zalo.map((externalId) => ({ channel: 'zalo' as const, externalId })),
    ...config.admins.console.map((name) => ({ channel: 'console' as const, externalId: consoleUserId(name) })),
  ]);
  if (granted) log.info('roles.officers_from_configuration', { granted });
  let worker: DeliveryWorker | null = null;
  let reportWorker: ReportWorker | null = null;
  // Addresses only a channel knows, filled in as the channels start (replies read them at each turn).
  const links: TurnLinks = {};
  const turns = createTurnService({
    store: createTurnStore(backend.rpc),
    registry: appRegistry,
    defaultWard: config.defaultWard,
    log,
    now,
    onQueued: () => {
      worker?.wake();
      reportWorker?.wake();
    },
    links: () => links,
  });
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
        registry: appRegistry,
        members: createMemberStore(backend.rpc),
        translator: t,
        defaultLocale: config.defaultLocale,
        log,
      });
      links.telegramBot = telegram.username;
      // Role holders' own menus list the commands of this version of the bot.
      const menus = await refreshRoleMenus(backend.rpc, menuVersion(appRegistry, t)).catch((err: unknown) => {
        log.warn('telegram.role_menus_not_queued', { code: (err as { code?: string }).code ?? 'UNEXPECTED' });
        return 0;
      });
      if (menus) log.info('telegram.role_menus_queued', { count: menus });
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
        photoProblem: (locale, problem, path) => t(locale)(problem === 'missing' ? 'console.photoMissing' : 'console.photoNotImage', { path }),
        render: (messages, locale) => renderPlainMessages(messages, t(locale)),
      })
    : null;

  // Messages the bot sends first (notices now), on every channel this process serves.
  const senders: ChannelSender[] = [];
  if (telegram) senders.push(telegram.sender);
  if (zalo) senders.push(zalo.sender);
  if (config.console)
    senders.push(
      createConsoleSender(
        (text) => process.stdout.write(text),
        (messages, locale) => renderPlainMessages(messages, t(locale)),
        path.resolve(config.dataDir, 'reports'),
      ),
    );
  worker = startDeliveryWorker({
    store: createOutboxStore(backend.rpc),
    senders,
    worker: `${os.hostname()}:${process.pid}`,
    consoleChat: config.console ? consoleUserId(userName) : null,
    quiet: config.quietHours,
    log,
    render: (payload, locale) => renderQueued(appRegistry, payload, locale),
    ratePerSecond: config.sendRate,
    leaseSeconds: config.deliveryLeaseSeconds,
    progress: { store: createBroadcastStore(backend.rpc), minSeconds: config.broadcastProgressSeconds, everyOnNew: config.broadcastProgressEvery },
  });

  // Reports officers ask for in the chat (/baocao), made off the turn; Zalo's come as links
  // served by this process's HTTP server when the bot has a public address.
  const reports = createReportStore(backend.rpc);
  if (config.publicBaseUrl) {
    const texts = t(config.defaultLocale);
    (await httpServer()).route(
      REPORT_LINK_PATH,
      reportLinkRoute({
        take: (token, consume) => reports.takeLink(linkTokenHash(token), consume),
        texts: {
          download: (name) => texts('reports.linkPage.download', { name }),
          button: texts('reports.linkPage.button'),
          used: texts('reports.linkPage.used'),
          expired: texts('reports.linkPage.expired'),
          unknown: texts('reports.linkPage.unknown'),
        },
        log,
      }),
      REPORT_LINK_METHODS,
    );
  }
  reportWorker = startReportWorker({
    store: reports,
    senders,
    worker: `${os.hostname()}:${process.pid}`,
    consoleChat: config.console ? consoleUserId(userName) : null,
    translator: t,
    publicBaseUrl: config.publicBaseUrl,
    linkTtlSeconds: config.reportLinkSeconds,
    log,
  });

  // Scheduled jobs (retention now); each run is claimed in Postgres, so several processes are safe.
  const jobStore = createJobStore(backend.rpc);
  const scheduler = startScheduler({ jobs: allJobs(config, jobStore), store: jobStore, worker: `${os.hostname()}:${process.pid}`, timeZone: config.timeZone, now, log });

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
  await worker.stop();
  await reportWorker.stop();
  await scheduler.stop();
  await backend.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const code = (err as { code?: string }).code;
    if (code === 'MIGRATIONS_DIFFER') {
      // A database this bot's files do not describe: say which migrations, and stop.
      process.stderr.write(`The bot cannot start: ${(err as Error).message}\n`);
      process.exit(78);
    }
    if (code === 'DATA_DIR_IN_USE') {
      // Not unexpected: another process has the embedded database; the message says what to do.
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(75);
    }
    process.stderr.write(`The bot stopped because of an unexpected error${code ? ` (${code})` : ''}: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
