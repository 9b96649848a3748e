// Typed calls for campaign templates as files: load one in one transaction, read one back.
import type { RpcClient } from './rpc-client.js';
import { z } from 'zod';
import { campaignTemplateSchema, type CampaignTemplate } from './campaign-template-schema.js';
import { callChecked } from './rpc-call.js';

const importResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('exists'), code: z.string() }),
  z.object({ status: z.literal('in_use'), code: z.string(), campaigns: z.number().int() }),
  z.object({
    status: z.enum(['created', 'replaced']),
    code: z.string(),
    id: z.string(),
    phases: z.number().int(),
    categories: z.number().int(),
    criteria: z.number().int(),
  }),
]);

/** What an import did, or why it refused (the code is taken, or campaigns use the template). */
export type TemplateImportResult = z.infer<typeof importResultSchema>;

/** The template calls over the database's RPC functions. */
export interface TemplateStore {
  /** Loads a checked template; `replace` overwrites one with the same code that no campaign uses. */
  importTemplate(template: CampaignTemplate, replace: boolean): Promise<TemplateImportResult>;
  /** The template with this code in the file shape; null when there is none. */
  exportTemplate(code: string): Promise<CampaignTemplate | null>;
}

/** The TemplateStore over the database's RPC functions. */
export function createTemplateStore(db: RpcClient): TemplateStore {
  return {
    importTemplate: (template, replace) =>
      callChecked(db, 'campaign_template_import', { p_template: template, p_replace: replace }, importResultSchema),
    // parsed by the file schema: what the database holds must also be a valid file (and the keys
    // come out in the schema's order, not jsonb's)
    exportTemplate: (code) => callChecked(db, 'campaign_template_export', { p_code: code }, campaignTemplateSchema.nullable()),
  };
}
