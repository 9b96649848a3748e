// `npm run campaign -- import <file> [--replace]` and `npm run campaign -- export <code> [file]`:
// campaign templates to and from JSON or YAML files, on the database the bot would open.
// Operator-facing, so the messages are English like the configuration's. Exit codes: 0 done,
// 1 refused (the file or the database said no), 2 wrong usage or configuration.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createTemplateStore } from '../db/template-store.js';
import { openCliDatabase } from './cli-database.js';
import { readTemplateFile, templateText, writeTemplateFile } from './template-file.js';

/** The usage text. */
export const CAMPAIGN_USAGE = [
  'Usage:',
  '  npm run campaign -- import <file.yaml|file.json> [--replace]',
  '      load a campaign template; --replace overwrites a template with the same code while no campaign uses it',
  '  npm run campaign -- export <template-code> [file]',
  '      write a template as YAML (or JSON for a .json file name); to the terminal without a file',
  'The database is the one the bot uses: DATABASE_URL, SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY, or DATA_DIR (see README.md).',
].join('\n');

/** Runs one command line; returns the process exit code. */
export async function runCampaignCli(argv: string[]): Promise<number> {
  let values: { replace?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { replace: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${CAMPAIGN_USAGE}`);
    return 2;
  }
  const [command, target, file, ...rest] = positionals;
  if (values.help) {
    console.log(CAMPAIGN_USAGE);
    return 0;
  }
  const usable = (command === 'import' && target && !file) || (command === 'export' && target && !rest.length);
  if (!usable || (values.replace && command !== 'import')) {
    console.error(CAMPAIGN_USAGE);
    return 2;
  }

  if (command === 'import') {
    // the file is checked before the database is opened: a bad file costs nothing
    const checked = await readTemplateFile(target);
    if (!checked.ok) {
      console.error(`The template was not imported:\n${checked.problems.map((p) => `  - ${p}`).join('\n')}`);
      return 1;
    }
    return withDatabase(async (store) => {
      const result = await store.importTemplate(checked.value, Boolean(values.replace));
      switch (result.status) {
        case 'exists':
          console.error(`The template was not imported: a template with code "${result.code}" already exists. Choose another code in the file, or add --replace to overwrite it.`);
          return 1;
        case 'in_use':
          console.error(`The template was not replaced: ${result.campaigns} campaign(s) are built from "${result.code}". Import it under another code instead.`);
          return 1;
        default:
          console.log(`${result.status === 'created' ? 'Imported' : 'Replaced'} template "${result.code}": ${result.phases} phases, ${result.categories} categories, ${result.criteria} criteria.`);
          return 0;
      }
    });
  }

  return withDatabase(async (store) => {
    const template = await store.exportTemplate(target);
    if (!template) {
      console.error(`There is no template with code "${target}".`);
      return 1;
    }
    if (file) {
      await writeTemplateFile(file, template);
      console.log(`Wrote template "${target}" to ${file}.`);
    } else process.stdout.write(templateText(template));
    return 0;
  });
}

async function withDatabase(work: (store: ReturnType<typeof createTemplateStore>) => Promise<number>): Promise<number> {
  const backend = await openCliDatabase();
  if (!backend) return 2;
  try {
    return await work(createTemplateStore(backend.rpc));
  } finally {
    await backend.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await runCampaignCli(process.argv.slice(2));
