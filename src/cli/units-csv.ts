// A ward's units from a CSV file (columns kind,name[,seq]), as operators write them: the kind
// as its code or as the Vietnamese words, with or without diacritics; an optional header row.
// Every refusal names the line.
import { cleanInput, foldVietnamese } from '../domain/text.js';
import { parseCsv } from './csv-records.js';

/** One unit to create. */
export interface UnitRow {
  kind: 'to_dan_pho' | 'lang' | 'co_quan' | 'doan_the';
  name: string;
  seq: number;
}

/** The units, or every problem found (one per line of the file at most). */
export type UnitsCheck = { ok: true; units: UnitRow[] } | { ok: false; problems: string[] };

// folded words (diacritics, case, _ and - aside) for each kind
const KIND_WORDS: Record<string, UnitRow['kind']> = {
  'to dan pho': 'to_dan_pho',
  tdp: 'to_dan_pho',
  lang: 'lang',
  'co quan': 'co_quan',
  'doan the': 'doan_the',
};
const HEADER_FIRST = new Set(['kind', 'loai', 'loai don vi']);
const MAX_UNITS = 1000;
const MAX_NAME = 120;

/** The unit kind a cell names, or null. */
export function unitKindOf(cell: string): UnitRow['kind'] | null {
  return KIND_WORDS[foldVietnamese(cell).replace(/[\s_-]+/g, ' ').trim()] ?? null;
}

/** Reads the CSV text of a ward's units. */
export function parseUnitsCsv(text: string): UnitsCheck {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problems: [`line ${parsed.line}: ${parsed.problem}`] };
  const records = parsed.records;
  if (records.length && HEADER_FIRST.has(foldVietnamese(records[0]!.fields[0] ?? ''))) records.shift();
  if (!records.length) return { ok: false, problems: ['the file lists no units (one line per unit: kind,name[,seq])'] };
  if (records.length > MAX_UNITS) return { ok: false, problems: [`the file lists ${records.length} units; at most ${MAX_UNITS} are accepted`] };

  const problems: string[] = [];
  const units: UnitRow[] = [];
  const seen = new Map<string, number>();
  const perKind = new Map<UnitRow['kind'], number>();
  for (const { line, fields } of records) {
    const cells = fields.map((f) => f.trim());
    while (cells.length > 2 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length < 2 || cells.length > 3) {
      problems.push(`line ${line}: expected kind,name or kind,name,seq; found ${cells.length} column${cells.length === 1 ? '' : 's'}`);
      continue;
    }
    const kind = unitKindOf(cells[0]!);
    if (!kind) {
      problems.push(`line ${line}: unknown kind "${cells[0]}"; use to_dan_pho, lang, co_quan or doan_the (or the Vietnamese words, with or without diacritics)`);
      continue;
    }
    const name = cleanInput(cells[1]!);
    if (!name) {
      problems.push(`line ${line}: the unit has no name`);
      continue;
    }
    if ([...name].length > MAX_NAME) {
      problems.push(`line ${line}: the name is longer than ${MAX_NAME} characters`);
      continue;
    }
    const key = foldVietnamese(name);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`line ${line}: "${name}" is listed twice (first on line ${first})`);
      continue;
    }
    seen.set(key, line);
    const count = (perKind.get(kind) ?? 0) + 1;
    perKind.set(kind, count);
    let seq = count;
    if (cells[2] !== undefined && cells[2] !== '') {
      if (!/^\d{1,4}$/.test(cells[2])) {
        problems.push(`line ${line}: seq "${cells[2]}" must be a whole number from 0 to 9999`);
        continue;
      }
      seq = Number(cells[2]);
    }
    units.push({ kind, name, seq });
  }
  return problems.length ? { ok: false, problems } : { ok: true, units };
}
