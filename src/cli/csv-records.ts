// A small RFC 4180 reader for the files operators give the CLI (a ward's units): quoted fields
// with commas, doubled quotes and line breaks, CRLF or LF line ends, an optional UTF-8 BOM.
// Each record keeps the line it starts on, so a refusal can name it.

/** One record and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Why a CSV text could not be read. */
export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; problem: string };

/** Splits CSV text into records; blank lines are skipped. */
export function parseCsv(text: string): CsvParseResult {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let wasQuoted = false;
  let afterQuote = false;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '' || wasQuoted) records.push({ line: start, fields });
    fields = [];
    field = '';
    wasQuoted = false;
    afterQuote = false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field !== '') return { ok: false, line, problem: 'a quote inside an unquoted field (quote the whole field and double the quote)' };
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (c === '\r' && src[i + 1] === '\n') {
      // CRLF: the \n ends the record
    } else if (c === '\n') {
      endRecord();
      line++;
      start = line;
    } else {
      if (afterQuote) return { ok: false, line, problem: 'text after a closing quote' };
      field += c;
    }
  }
  if (quoted) return { ok: false, line: start, problem: 'a quoted field is never closed' };
  endRecord();
  return { ok: true, records };
}
