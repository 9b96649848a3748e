// Typed reads for reports: a campaign by its codes, everything its report shows in one call, and
// the chat's report requests (claimed by the report worker) and download links (Zalo's way).
import type { RpcClient } from './rpc-client.js';
import { z } from 'zod';
import { campaignReportDataSchema, type CampaignReportData } from '../reports/report-data.js';
import { callChecked } from './rpc-call.js';

const claimedRequestSchema = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    channel: z.enum(['console', 'telegram', 'zalo']),
    chatId: z.string(),
    locale: z.enum(['vi', 'en']),
    attempts: z.number().int(),
  })
  .nullable();

/** A report an officer asked for in a chat, claimed by this process's report worker. */
export type ClaimedReportRequest = NonNullable<z.infer<typeof claimedRequestSchema>>;

/** A file to put behind a link: the hash of the link's token, never the token. */
export interface LinkedFile {
  tokenHash: string;
  name: string;
  contentType: string;
  bytes: Buffer;
  /** A download (true) works once; a photo shown by the platform may be fetched again until it expires. */
  singleUse: boolean;
}

const linkTakeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), name: z.string(), contentType: z.string(), base64: z.string() }),
  z.object({ status: z.enum(['used', 'expired', 'unknown']) }),
]);

/** What following a link found. */
export type LinkTake = { status: 'ok'; name: string; contentType: string; bytes: Buffer } | { status: 'used' | 'expired' | 'unknown' };

/** The report reads over the database's RPC functions. */
export interface ReportStore {
  /** The id of a ward's campaign; null when either code is unknown. */
  campaignId(wardCode: string, campaignCode: string): Promise<string | null>;
  /** A campaign's report data; null when there is no such campaign. */
  campaignData(campaignId: string): Promise<CampaignReportData | null>;
}

/** The chat's report requests and links, for the report worker and the link route. */
export interface ReportRequestStore {
  claim(r: { worker: string; channels: string[]; consoleChat: string | null; leaseSeconds: number }): Promise<ClaimedReportRequest | null>;
  finish(id: string, worker: string, outcome: 'sent' | 'failed' | 'retry', error?: string): Promise<boolean>;
  createLinks(requestId: string, files: LinkedFile[], ttlSeconds: number): Promise<number>;
  /** Follows a link: `consume` false only looks (no bytes, a download link stays unused). */
  takeLink(tokenHash: string, consume: boolean): Promise<LinkTake>;
}

/** The ReportStore over the database's RPC functions. */
export function createReportStore(db: RpcClient): ReportStore & ReportRequestStore {
  return {
    campaignId: (wardCode, campaignCode) =>
      callChecked(db, 'report_campaign_id', { p_ward_code: wardCode, p_campaign_code: campaignCode }, z.string().nullable()),
    campaignData: (campaignId) => callChecked(db, 'report_campaign_data', { p_campaign_id: campaignId }, campaignReportDataSchema.nullable()),
    claim: (r) =>
      callChecked(
        db,
        'bot_report_claim',
        { p_worker: r.worker, p_channels: r.channels, p_console_chat: r.consoleChat, p_lease_seconds: r.leaseSeconds },
        claimedRequestSchema,
      ),
    finish: (id, worker, outcome, error) =>
      callChecked(db, 'bot_report_finish', { p_id: id, p_worker: worker, p_outcome: outcome, p_error: error ?? null }, z.boolean()),
    createLinks: (requestId, files, ttlSeconds) =>
      callChecked(
        db,
        'bot_report_link_create',
        {
          p_request_id: requestId,
          p_files: files.map((f) => ({ tokenHash: f.tokenHash, name: f.name, contentType: f.contentType, base64: f.bytes.toString('base64'), singleUse: f.singleUse })),
          p_ttl_seconds: ttlSeconds,
        },
        z.number().int(),
      ),
    async takeLink(tokenHash, consume) {
      const r = await callChecked(db, 'bot_report_link_take', { p_token_hash: tokenHash, p_consume: consume }, linkTakeSchema);
      return r.status === 'ok' ? { status: 'ok', name: r.name, contentType: r.contentType, bytes: Buffer.from(r.base64, 'base64') } : r;
    },
  };
}
