// Sets the database's side of the bot's one clock: bot_now() runs ahead (or behind) by the same
// offset as the process (CLOCK_OFFSET, to try deadlines and posting periods on one machine).
import type { RpcClient } from './rpc-client.js';
import { DatabaseCallError } from './turn-store.js';

/** Shifts bot_now() by `offsetMs` (0 puts it back on the real clock). */
export async function setClockOffset(db: RpcClient, offsetMs: number): Promise<void> {
  const { error } = await db.rpc('bot_set_clock_offset', { p_offset: `${Math.round(offsetMs / 1000)} seconds` });
  if (error) throw new DatabaseCallError('bot_set_clock_offset', error.code, error.message);
}
