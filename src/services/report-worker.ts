// Makes the reports officers ask for in the chat (/baocao), off the turn: the turn only queues
// the request (and says the report is being prepared); this worker claims it in Postgres (so
// several processes never make one twice), reads the campaign once, builds the files and sends
// them through the channel's sender: Telegram uploads them, the terminal saves them to a folder,
// and Zalo, which takes no file, gets one-time links served by the bot's own HTTP server (with
// the chart as a photo), or the figures as text when the bot has no public address.
import { createHash, randomBytes } from 'node:crypto';
import type { Channel, Locale, Outbound, Text } from '../conversation/contract.js';
import { msg, raw } from '../conversation/engine/messages.js';
import type { ClaimedReportRequest, ReportRequestStore, ReportStore } from '../db/report-store.js';
import type { Logger } from '../logging/logger.js';
import type { ReportTranslate } from '../reports/report-context.js';
import type { ChannelSender, SendResult } from './delivery.js';
import { reportFiguresMessages } from './report-figures.js';
import { wakeablePause } from './wakeable-pause.js';

/**
 * The file builders (the workbook, PDF and chart libraries), loaded at the first report: a process
 * that never makes one does not carry them (tens of MiB, and time at start).
 */
const reportBuilders = (() => {
  let loading: Promise<typeof import('../reports/report-files.js')> | null = null;
  return () => (loading ??= import('../reports/report-files.js'));
})();

/** The path the HTTP server serves report links on (the token in the query: ?t=...). */
export const REPORT_LINK_PATH = '/report-file';

/** A running report worker. */
export interface ReportWorker {
  /** Looks for a request now (a turn queued one) instead of at the next poll. */
  wake(): void;
  /** Finishes the report in hand and stops. */
  stop(): Promise<void>;
}

/** The worker's settings. */
export interface ReportWorkerOptions {
  store: ReportStore & ReportRequestStore;
  senders: ChannelSender[];
  worker: string;
  consoleChat: string | null;
  translator: (locale: Locale) => ReportTranslate;
  /** The bot's public https address (links for Zalo); null: Zalo gets the figures as text. */
  publicBaseUrl: string | null;
  /** How long a link works. */
  linkTtlSeconds: number;
  log: Logger;
  idleMs?: number;
  leaseSeconds?: number;
}

/** The sha-256 a link's token is stored as (the token itself is only in the link). */
export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Starts the loop. */
export function startReportWorker(o: ReportWorkerOptions): ReportWorker {
  const senders = new Map<Channel, ChannelSender>(o.senders.map((s) => [s.channel, s]));
  const idleMs = o.idleMs ?? 2000;
  let stopped = false;
  const pause = wakeablePause();
  const sleep = pause.sleep;

  // Makes and sends one report; what the send came to.
  const deliver = async (r: ClaimedReportRequest, sender: ChannelSender): Promise<SendResult> => {
    const data = await o.store.campaignData(r.campaignId);
    if (!data) return { ok: false, kind: 'failed', error: 'campaign gone' };
    const ctx = { locale: r.locale, t: o.translator(r.locale) };
    const title = r.locale === 'vi' ? data.campaign.titleVi : data.campaign.titleEn;
    if (sender.sendFiles) {
      const files = await (await reportBuilders()).buildReportFiles(data, ctx);
      const said = await sender.send(r.chatId, [{ kind: 'text', text: [msg('reports.ready', { title })] }], r.locale);
      if (!said.ok) return said;
      return sender.sendFiles(r.chatId, files, r.locale);
    }
    if (!o.publicBaseUrl) return sender.send(r.chatId, reportFiguresMessages(data, ctx), r.locale);
    const files = await (await reportBuilders()).buildReportFiles(data, ctx);
    const linked = files.map((f) => ({ ...f, token: randomBytes(24).toString('base64url') }));
    await o.store.createLinks(
      r.id,
      linked.map((f) => ({ tokenHash: linkTokenHash(f.token), name: f.name, contentType: f.contentType, bytes: f.bytes, singleUse: f.kind === 'document' })),
      o.linkTtlSeconds,
    );
    const url = (token: string) => `${o.publicBaseUrl}${REPORT_LINK_PATH}?t=${token}`;
    const text: Text[] = [msg('reports.ready', { title }), msg('reports.linksIntro', { minutes: Math.max(1, Math.round(o.linkTtlSeconds / 60)) })];
    for (const f of linked.filter((x) => x.kind === 'document')) text.push(raw(`${f.name}: ${url(f.token)}`));
    const messages: Outbound[] = [{ kind: 'text', text }];
    for (const f of linked.filter((x) => x.kind === 'photo')) messages.push({ kind: 'photo', ref: url(f.token), caption: [msg('reports.chartCaption', { title })] });
    return sender.send(r.chatId, messages, r.locale);
  };

  const handle = async (r: ClaimedReportRequest) => {
    const sender = senders.get(r.channel);
    const started = performance.now();
    let result: SendResult;
    try {
      result = sender ? await deliver(r, sender) : { ok: false, kind: 'retry', error: 'channel not served here' };
    } catch (err) {
      result = { ok: false, kind: 'retry', error: (err as { code?: string }).code ?? 'UNEXPECTED' };
    }
    const outcome = result.ok ? 'sent' : result.kind === 'retry' ? 'retry' : 'failed';
    o.log.info('report.delivered', { request: r.id, channel: r.channel, outcome, ms: Math.round(performance.now() - started) });
    if (!result.ok && result.kind === 'retry' && sender) {
      // A failure a retry can fix: say so now; the request is tried again (three times at most).
      await sender.send(r.chatId, [{ kind: 'text', text: [msg('reports.failed')] }], r.locale).catch(() => undefined);
    }
    await o.store.finish(r.id, o.worker, outcome, result.ok ? undefined : 'error' in result ? result.error : 'unreachable').catch((err: unknown) => {
      o.log.error('report.finish_failed', { request: r.id, code: (err as { code?: string }).code ?? 'UNEXPECTED' });
    });
  };

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      let claimed: ClaimedReportRequest | null;
      try {
        claimed = await o.store.claim({ worker: o.worker, channels: [...senders.keys()], consoleChat: o.consoleChat, leaseSeconds: o.leaseSeconds ?? 300 });
        failures = 0;
      } catch (err) {
        failures += 1;
        o.log.warn('report.claim_failed', { code: (err as { code?: string }).code ?? 'UNEXPECTED', failures });
        await sleep(Math.min(30_000, idleMs * 2 ** Math.min(failures, 5)));
        continue;
      }
      if (!claimed) {
        await sleep(idleMs);
        continue;
      }
      await handle(claimed);
    }
  })();

  return {
    wake: pause.wake,
    async stop() {
      stopped = true;
      pause.interrupt();
      await loop;
    },
  };
}
