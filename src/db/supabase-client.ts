// The one way the bot reaches its data: supabase-js, against Supabase or the embedded handler.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import type { RpcFetch } from './rpc-handler.js';

/** A server-side client: no sessions, no token refresh; `fetch` replaces the network when given. */
export function createServerClient(url: string, key: string, fetch?: RpcFetch): SupabaseClient {
  return createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // supabase-js 2.1xx needs a WebSocket implementation on Node 20 even when realtime is unused.
    realtime: { transport: WebSocket as never },
    global: fetch ? { fetch: fetch as typeof globalThis.fetch } : {},
  });
}
