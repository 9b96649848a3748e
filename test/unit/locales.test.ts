import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTranslation } from '../../src/channels/i18n.js';

const root = path.resolve(import.meta.dirname, '..', '..');

function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (value && typeof value === 'object') for (const [k, v] of flatten(value as Record<string, unknown>, `${prefix}${key}.`)) out.set(k, v);
    else out.set(`${prefix}${key}`, String(value));
  }
  return out;
}

// Every “ opens a quotation that a ” closes.
function balancedQuotes(text: string): boolean {
  let open = 0;
  for (const c of text) {
    if (c === '“') open++;
    if (c === '”' && --open < 0) return false;
  }
  return open === 0;
}

function paramsOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const vi = flatten(loadTranslation('vi'));
const en = flatten(loadTranslation('en'));
const namespaces = new Set([...vi.keys()].map((k) => k.split('.')[0]!));

// Every whole string literal in src that starts with a locale namespace ("menu.hint"), except
// log event names (the first argument of log.info/debug/warn/error).
const usedKeys = new Map<string, string>();
for (const file of sourceFiles(path.join(root, 'src'))) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/'([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)'/g)) {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (/\.(debug|info|warn|error)\(\s*$/.test(before)) continue;
    if (namespaces.has(m[1]!.split('.')[0]!)) usedKeys.set(m[1]!, path.relative(root, file));
  }
}

describe('locales', () => {
  it('Vietnamese and English have the same keys', () => {
    expect([...en.keys()].filter((k) => !vi.has(k))).toEqual([]);
    expect([...vi.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('each key takes the same parameters in both languages', () => {
    const differing = [...vi.keys()].filter((k) => en.has(k) && paramsOf(vi.get(k)!).join() !== paramsOf(en.get(k)!).join());
    expect(differing).toEqual([]);
  });

  it('no text is empty', () => {
    expect([...vi, ...en].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  });

  it('every key used in src exists', () => {
    expect([...usedKeys].filter(([k]) => !vi.has(k)).map(([k, file]) => `${k} (${file})`)).toEqual([]);
  });

  it('every key is used in src', () => {
    expect([...vi.keys()].filter((k) => !usedKeys.has(k))).toEqual([]);
  });

  it('Vietnamese texts quote with “ ” only: no « », no straight quotes', () => {
    const offenders = [...vi].filter(([, v]) => /[«»"]/.test(v) || !balancedQuotes(v)).map(([k]) => k);
    expect(offenders).toEqual([]);
  });

  it(`Vietnamese texts put tone marks as the ward's plan does ("hóa", "hủy", "xóa", "thủy", "khỏe"), and so does the seed`, () => {
    // The other style puts the mark on the second vowel of an open "oa", "oe" or "uy" ("hoá",
    // "huỷ", "khoẻ"); with a final consonant ("hoàn", "toán") or after "q" ("quý") both agree.
    const otherStyle = /(?<![qQ])(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?!\p{L})/iu;
    expect([...vi].filter(([, v]) => otherStyle.test(v)).map(([k, v]) => `${k}: ${v}`)).toEqual([]);
    const seed = readFileSync(path.join(root, 'supabase', 'seed.sql'), 'utf8');
    expect(seed.split('\n').filter((line) => otherStyle.test(line))).toEqual([]);
  });

  it('src has no Vietnamese text: it lives in the locales', () => {
    const vietnamese = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/;
    const offenders = sourceFiles(path.join(root, 'src')).filter((f) => vietnamese.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});
