// Campaign templates as files: reading one (size limit, JSON or YAML, checked with line
// numbers) and writing one in the same format.
import { writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import { campaignTemplateSchema, type CampaignTemplate } from '../db/campaign-template-schema.js';
import { checkStructuredText, readTextFile, type FileCheck } from './structured-file.js';

/** The largest template file read: a plan's template is a few kilobytes. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** Reads and checks a template file. */
export async function readTemplateFile(path: string): Promise<FileCheck<CampaignTemplate>> {
  const text = await readTextFile(path, MAX_TEMPLATE_BYTES);
  if (!text.ok) return text;
  const checked = checkStructuredText(text.value, campaignTemplateSchema);
  return checked.ok ? checked : { ok: false, problems: checked.problems.map((p) => `${path}: ${p}`) };
}

/** The template as file text: JSON for a .json name, YAML otherwise. */
export function templateText(template: CampaignTemplate, fileName = ''): string {
  if (fileName.toLowerCase().endsWith('.json')) return `${JSON.stringify(template, null, 2)}\n`;
  return stringify(template, { lineWidth: 0 });
}

/** Writes the template to a file in the format its name says. */
export async function writeTemplateFile(path: string, template: CampaignTemplate): Promise<void> {
  await writeFile(path, templateText(template, path), 'utf8');
}
