// PostgREST's error JSON and HTTP status codes, so supabase-js sees the same errors from the
// embedded handler as from a real Supabase project.
import type { PostgresErrorFields } from './sql-executor.js';

/** The body PostgREST sends with an error. */
export interface PostgrestErrorBody {
  code: string;
  message: string;
  details: string | null;
  hint: string | null;
}

/** The HTTP status PostgREST answers for a Postgres SQLSTATE. */
export function httpStatusForSqlState(code: string | undefined): number {
  if (!code) return 500;
  const custom = /^PT(\d{3})$/.exec(code);
  if (custom) return Number(custom[1]);
  if (code === '23505' || code === '23503') return 409;
  if (code === '42501') return 403;
  if (code === '42883' || code === '42P01') return 404;
  if (code === 'P0001') return 400;
  if (code.startsWith('08') || code.startsWith('53')) return 503;
  if (code === '57014') return 500;
  return 400;
}

/** Turns a Postgres error into PostgREST's status and body. */
export function postgrestError(fields: PostgresErrorFields, anonymous: boolean): { status: number; body: PostgrestErrorBody } {
  let status = httpStatusForSqlState(fields.code);
  // PostgREST answers 401 for a permission error when no authenticated role was given.
  if (fields.code === '42501' && anonymous) status = 401;
  return {
    status,
    body: {
      code: fields.code ?? 'PGRST000',
      message: fields.message,
      details: fields.detail ?? null,
      hint: fields.hint ?? null,
    },
  };
}

/** PGRST202: the function (with these argument names) is not in the schema. */
export function functionNotFound(fn: string, argNames: string[]): { status: number; body: PostgrestErrorBody } {
  const signature = `public.${fn}(${argNames.join(', ')})`;
  return {
    status: 404,
    body: {
      code: 'PGRST202',
      message: `Could not find the function ${signature} in the schema cache`,
      details: 'Searched for the function with the given argument names, but no matches were found in the schema cache.',
      hint: null,
    },
  };
}
