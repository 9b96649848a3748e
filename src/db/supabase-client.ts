// The one way the bot reaches its data: supabase-js, against Supabase or the embedded handler.
import type { SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import type { RpcFetch } from './rpc-handler.js';

type SupabaseModule = typeof import('@supabase/supabase-js');
let supabaseModule: Promise<SupabaseModule> | null = null;

// supabase-js prints a Node 20 deprecation notice when it loads. In the terminal chat that line
// would land in the middle of the conversation, so it is kept out while the module loads; the
// README says that Node 22 is recommended.
function loadSupabase(): Promise<SupabaseModule> {
  supabaseModule ??= (async () => {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('Node.js 20 and below are deprecated')) return;
      warn(...args);
    };
    try {
      return await import('@supabase/supabase-js');
    } finally {
      console.warn = warn;
    }
  })();
  return supabaseModule;
}

/** How long one call to a Supabase project may take: a turn's call takes milliseconds. */
export const SUPABASE_CALL_TIMEOUT_MS = 15_000;

/** The network fetch with a deadline, so a project that does not answer fails the call instead of stalling the chat. */
export function fetchWithTimeout(timeoutMs: number): typeof globalThis.fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return globalThis.fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}

/** A server-side client: no sessions, no token refresh; `fetch` replaces the network when given. */
export async function createServerClient(url: string, key: string, fetch?: RpcFetch): Promise<SupabaseClient> {
  const { createClient } = await loadSupabase();
  return createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // supabase-js 2.1xx needs a WebSocket implementation on Node 20 even when realtime is unused.
    realtime: { transport: WebSocket as never },
    global: { fetch: fetch ? (fetch as typeof globalThis.fetch) : fetchWithTimeout(SUPABASE_CALL_TIMEOUT_MS) },
  });
}
