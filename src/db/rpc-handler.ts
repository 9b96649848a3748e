// Answers PostgREST's `POST /rest/v1/rpc/<fn>` in-process, so supabase-js talks to PGlite or any
// Postgres through its `global.fetch` option exactly as it talks to a Supabase project (the tests
// of the supabase-js path use it; the bot's embedded backends call rpc-caller.ts directly).
import { createRpcCaller } from './rpc-caller.js';
import type { PostgrestErrorBody } from './rpc-errors.js';
import type { SqlExecutor } from './sql-executor.js';

// An absolute http(s) URL whose path is exactly /rest/v1/rpc/<fn>, with no query or fragment.
const FAST_RPC_URL = /^https?:\/\/[^/?#]+\/rest\/v1\/rpc\/([A-Za-z0-9_]+)$/;

/** A fetch function that serves the RPC endpoint against one database. */
export type RpcFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Creates the handler. Requests carrying `serviceKey` run as the connecting user (like Supabase's
 * service_role); any other key runs as `anon`, which the migrations grant nothing.
 */
export async function createRpcFetch(db: SqlExecutor, serviceKey: string): Promise<RpcFetch> {
  const call = await createRpcCaller(db);

  return async function rpcFetch(input, init) {
    // The common case (supabase-js: a string URL and a Headers object) is read without building a
    // URL and a second Headers; anything else takes the general path.
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const fast = FAST_RPC_URL.exec(href);
    const pathname = fast ? `/rest/v1/rpc/${fast[1]}` : new URL(href).pathname;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const rawHeaders = init?.headers ?? (input instanceof Request ? input.headers : undefined);
    const headers = rawHeaders instanceof Headers ? rawHeaders : new Headers(rawHeaders);
    const match = /\/rest\/v1\/rpc\/([A-Za-z0-9_]+)$/.exec(pathname);
    if (!match) return json(404, errorBody('PGRST125', `Invalid path specified in request URL: ${pathname}`));
    if (method !== 'POST') return json(405, errorBody('PGRST117', `Unsupported HTTP method: ${method}`));

    const bodyText = typeof init?.body === 'string' ? init.body : input instanceof Request ? await input.text() : '';
    let args: Record<string, unknown>;
    try {
      const parsed: unknown = bodyText.trim() === '' ? {} : JSON.parse(bodyText);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      args = parsed as Record<string, unknown>;
    } catch {
      return json(400, errorBody('PGRST102', 'Empty or invalid json'));
    }

    const bearer = headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? headers.get('apikey') ?? '';
    const outcome = await call(match[1]!, args, bearer !== serviceKey);
    if (!outcome.ok) return json(outcome.status, outcome.body);
    return new Response(outcome.body, { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } });
  };
}

function errorBody(code: string, message: string): PostgrestErrorBody {
  return { code, message, details: null, hint: null };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}
