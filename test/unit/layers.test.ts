import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

describe('layers: imports point down', () => {
  const platformSdk = /^(grammy|@grammyjs\/|@supabase\/|@electric-sql\/|pg$|ws$|i18next|node:(fs|net|http|https|child_process|readline))/;

  for (const layer of ['domain', 'conversation']) {
    it(`src/${layer} imports no platform SDK, database client, i18n or I/O module`, () => {
      const offenders = filesUnder(path.join(root, 'src', layer)).flatMap((file) =>
        importsOf(file)
          .filter((spec) => platformSdk.test(spec))
          .map((spec) => `${path.relative(root, file)} -> ${spec}`),
      );
      expect(offenders).toEqual([]);
    });
  }

  it('src/domain imports nothing from the layers above it', () => {
    const offenders = filesUnder(path.join(root, 'src', 'domain')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /\/(conversation|services|channels|db)\//.test(spec) || spec.startsWith('../main'))
        .map((spec) => `${path.relative(root, file)} -> ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('src/conversation does not reach up into services, channels or the database layer', () => {
    const offenders = filesUnder(path.join(root, 'src', 'conversation')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /\/(services|channels|db)\//.test(spec))
        .map((spec) => `${path.relative(root, file)} -> ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
