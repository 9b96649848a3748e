// What the embedded handler knows of the database's functions, like PostgREST's schema cache:
// names, argument names and types, and whether a function returns a set.
import type { SqlExecutor } from './sql-executor.js';

/** One callable function of the public schema. */
export interface RpcFunction {
  name: string;
  argNames: string[];
  argTypes: string[];
  /** How many trailing arguments have defaults and may be left out. */
  defaults: number;
  returnsSet: boolean;
  returnsVoid: boolean;
}

/** Reads the public schema's functions (called at start, after migrations). */
export async function loadRpcFunctions(db: SqlExecutor): Promise<Map<string, RpcFunction[]>> {
  const rows = await db.query<{
    name: string;
    arg_names: string[] | null;
    arg_types: string[];
    defaults: number;
    returns_set: boolean;
    returns_void: boolean;
  }>(`
    select p.proname as name,
           p.proargnames as arg_names,
           array(select format_type(t, null) from unnest(p.proargtypes::oid[]) with ordinality as a(t, i) order by i) as arg_types,
           p.pronargdefaults::int as defaults,
           p.proretset as returns_set,
           p.prorettype = 'void'::regtype as returns_void
      from pg_proc p
      join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.prokind = 'f'`);
  const byName = new Map<string, RpcFunction[]>();
  for (const r of rows) {
    const argTypes = r.arg_types;
    const fn: RpcFunction = {
      name: r.name,
      argNames: (r.arg_names ?? []).slice(0, argTypes.length),
      argTypes,
      defaults: r.defaults,
      returnsSet: r.returns_set,
      returnsVoid: r.returns_void,
    };
    byName.set(r.name, [...(byName.get(r.name) ?? []), fn]);
  }
  return byName;
}

/** Picks the overload that takes exactly these named arguments (all required ones given). */
export function resolveOverload(candidates: RpcFunction[] | undefined, given: string[]): RpcFunction | null {
  if (!candidates) return null;
  for (const fn of candidates) {
    if (!given.every((g) => fn.argNames.includes(g))) continue;
    const required = fn.argNames.slice(0, fn.argNames.length - fn.defaults);
    if (required.every((r) => given.includes(r))) return fn;
  }
  return null;
}

/** Builds `select ... public.fn(a => $1::type, ...)` returning the result as PostgREST's JSON text. */
export function callStatement(fn: RpcFunction, given: string[]): string {
  const args = given.map((name, i) => {
    const type = fn.argTypes[fn.argNames.indexOf(name)] ?? 'text';
    const param = `$${i + 1}`;
    // JSON arrays become Postgres arrays for array-typed arguments, as PostgREST does.
    const value = type.endsWith('[]')
      ? `(select coalesce(array_agg(e), '{}') from jsonb_array_elements_text(${param}::jsonb) e)::${type}`
      : `${param}::${type}`;
    return `${quoteIdent(name)} => ${value}`;
  });
  const call = `public.${quoteIdent(fn.name)}(${args.join(', ')})`;
  if (fn.returnsSet) return `select coalesce(json_agg(r), '[]'::json)::text as body from ${call} r`;
  if (fn.returnsVoid) return `select ${call}, 'null'::text as body`;
  return `select coalesce(to_json(${call})::text, 'null') as body`;
}

/** Turns a JSON value into the text parameter its argument type expects. */
export function paramFor(fn: RpcFunction, name: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const type = fn.argTypes[fn.argNames.indexOf(name)] ?? 'text';
  if (type === 'json' || type === 'jsonb' || type.endsWith('[]')) return JSON.stringify(value);
  // A time passed as a Date (the direct client does not go through JSON first): as JSON writes it.
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
