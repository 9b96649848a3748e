// The Telegram menus of role holders, set again when a new version of the bot brings new
// commands (the database queues one 'menu' row per chat and version, whatever the processes).
import type { RpcClient } from './rpc-client.js';
import { DatabaseCallError } from './turn-store.js';

/** Queues every role holder's Telegram menu for this version of the menus; returns how many were queued now. */
export async function refreshRoleMenus(db: RpcClient, version: string): Promise<number> {
  const { data, error } = await db.rpc('bot_role_menus_refresh', { p_version: version });
  if (error) throw new DatabaseCallError('bot_role_menus_refresh', error.code, error.message);
  return Number(data ?? 0);
}
