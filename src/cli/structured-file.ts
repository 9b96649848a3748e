// Reads a JSON or YAML file that an operator hands the CLI and checks it with a zod schema, so
// that every mistake is reported with its field path and the line it is on, e.g.
// "categories[2].criteria[0].text_vi (line 34): required". The yaml parser reads JSON too, with
// the same line numbers. A file over the size limit is refused from its size alone, unread.
import { open } from 'node:fs/promises';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';

/** The file's content as checked data, or every problem found, one line each. */
export type FileCheck<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Reads at most `maxBytes` of UTF-8 text; a bigger file or a non-text one is a problem, not an exception. */
export async function readTextFile(path: string, maxBytes: number): Promise<FileCheck<string>> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problems: [`${path}: ${code === 'ENOENT' ? 'no such file' : `cannot be opened (${code ?? (err as Error).message})`}`] };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, problems: [`${path}: not a regular file`] };
    if (info.size > maxBytes) return { ok: false, problems: [`${path}: the file is ${formatBytes(info.size)}; the limit is ${formatBytes(maxBytes)}`] };
    // read one byte past the limit, in case the file grew since stat
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes + 1, 0);
    if (bytesRead > maxBytes) return { ok: false, problems: [`${path}: the file is over the limit of ${formatBytes(maxBytes)}`] };
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead));
      return { ok: true, value: text.startsWith('\uFEFF') ? text.slice(1) : text };
    } catch {
      return { ok: false, problems: [`${path}: not UTF-8 text`] };
    }
  } finally {
    await handle.close();
  }
}

/** Parses JSON or YAML text and checks it with `schema`, naming each problem's path and line. */
export function checkStructuredText<S extends z.ZodType>(text: string, schema: S): FileCheck<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length)
    return {
      ok: false,
      problems: doc.errors.map((e) => `line ${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`),
    };
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.flatMap((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => `${formatPath([...path, key])} (line ${lineOf(doc, lineCounter, path, key)}): unknown field`);
    const missing = !hasPath(raw, path);
    const message = missing ? 'required' : issue.message;
    return [`${formatPath(path)} (line ${lineOf(doc, lineCounter, path)}): ${message}`];
  });
  return { ok: false, problems: [...new Set(problems)] };
}

/** `categories[2].criteria[0].text_vi` for a zod path. */
export function formatPath(path: readonly (string | number)[]): string {
  if (!path.length) return '(the file)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

// The line of the node at `path` (or of `key` inside it); for a path that does not exist, the
// line of its deepest ancestor that does: a missing field is reported where its object starts.
function lineOf(doc: Document, counter: LineCounter, path: readonly (string | number)[], key?: string): number {
  let node: unknown = doc.contents;
  let line = 1;
  const lineAt = (n: unknown) => {
    const range = (n as Node | null)?.range;
    if (range) line = counter.linePos(range[0]).line;
  };
  lineAt(node);
  for (const step of [...path, ...(key === undefined ? [] : [key])]) {
    if (!node || typeof node !== 'object' || !('items' in node)) break;
    const items = (node as { items: unknown[] }).items;
    if (typeof step === 'number') {
      node = items[step];
      if (!node) break;
      lineAt(node);
    } else {
      if (!isMap(node)) break;
      const pair = items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === step);
      if (!pair || !isPair(pair)) break;
      lineAt(pair.key);
      node = pair.value;
      if (step !== key) lineAt(node);
    }
  }
  return line;
}

function hasPath(value: unknown, path: readonly (string | number)[]): boolean {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object' || !(step in current)) return false;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current !== undefined && current !== null;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
