// `npm run ward -- add --code <code> --name "<name>" --prefix <XX> --units <file.csv>`: a new
// ward with its units, in one transaction, on the database the bot would open. Exit codes:
// 0 added, 1 refused (the file or the database said no), 2 wrong usage or configuration.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createWardStore } from '../db/ward-store.js';
import { openCliDatabase } from './cli-database.js';
import { readTextFile } from './structured-file.js';
import { parseUnitsCsv } from './units-csv.js';

/** The usage text. */
export const WARD_USAGE = [
  'Usage: npm run ward -- add --code <code> --name "<name>" --prefix <XX> --units <file.csv>',
  '  --code    the ward code people use in links, e.g. thang-loi (a-z, 0-9, -)',
  '  --name    the ward name as printed, e.g. "Phuong Thang Loi" (Vietnamese letters welcome)',
  '  --prefix  1-4 capital letters that start its receipt codes, e.g. TL for TL-0042',
  '  --units   a CSV file, one unit per line: kind,name[,seq]; kind is to_dan_pho, lang, co_quan or doan_the',
  '            (or the Vietnamese words, with or without diacritics); a header line kind,name,seq is allowed',
].join('\n');

const MAX_CSV_BYTES = 1024 * 1024;

/** Runs one command line; returns the process exit code. */
export async function runWardCli(argv: string[]): Promise<number> {
  let values: { code?: string; name?: string; prefix?: string; units?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        code: { type: 'string' },
        name: { type: 'string' },
        prefix: { type: 'string' },
        units: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${WARD_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(WARD_USAGE);
    return 0;
  }
  if (positionals.join(' ') !== 'add' || !values.code || !values.name || !values.prefix || !values.units) {
    console.error(WARD_USAGE);
    return 2;
  }
  const problems: string[] = [];
  const code = values.code.trim();
  const name = values.name.trim().replace(/\s+/g, ' ');
  const prefix = values.prefix.trim();
  if (!/^[a-z0-9-]{2,40}$/.test(code)) problems.push(`--code "${code}" must be 2-40 characters of a-z, 0-9 and -, e.g. thang-loi`);
  if (!name || name.length > 100) problems.push('--name must be 1-100 characters');
  if (!/^[A-Z]{1,4}$/.test(prefix)) problems.push(`--prefix "${prefix}" must be 1-4 capital letters A-Z, e.g. TL`);
  const text = await readTextFile(values.units, MAX_CSV_BYTES);
  if (!text.ok) problems.push(...text.problems);
  else {
    const units = parseUnitsCsv(text.value);
    if (!units.ok) problems.push(...units.problems.map((p) => `${values.units}: ${p}`));
    else if (!problems.length) return addWard({ code, name, receiptPrefix: prefix, units: units.units });
  }
  console.error(`The ward was not added:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return 1;
}

async function addWard(ward: Parameters<ReturnType<typeof createWardStore>['addWard']>[0]): Promise<number> {
  const backend = await openCliDatabase();
  if (!backend) return 2;
  try {
    const result = await createWardStore(backend.rpc).addWard(ward);
    switch (result.status) {
      case 'exists':
        console.error(`The ward was not added: a ward with code "${result.code}" already exists.`);
        return 1;
      case 'prefix_taken':
        console.error(`The ward was not added: ward "${result.ward}" already prints receipts starting with ${ward.receiptPrefix}. Choose another --prefix.`);
        return 1;
      case 'created':
        console.log(`Added ward "${result.code}" (${ward.name}) with ${result.units} units; its receipts start with ${ward.receiptPrefix}-.`);
        return 0;
    }
  } finally {
    await backend.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await runWardCli(process.argv.slice(2));
