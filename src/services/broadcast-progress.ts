// The officer's live progress message while a broadcast goes out: edited in place where the
// channel can edit a sent message (Telegram), at most every few seconds; elsewhere (Zalo, the
// terminal) a new message at the start, every `everyOnNew` recipients, on a pause or resume and at
// the end. Postgres hands each broadcast to one process at a time.
import { progressMessage } from '../conversation/capabilities/broadcasts/progress.js';
import type { Channel, Outbound } from '../conversation/contract.js';
import { msg } from '../conversation/engine/messages.js';
import type { BroadcastStore, ProgressDue } from '../db/broadcast-store.js';
import type { Logger } from '../logging/logger.js';
import type { ChannelSender } from './delivery.js';

/** What one pass needs. */
export interface ProgressOptions {
  store: BroadcastStore;
  senders: Map<Channel, ChannelSender>;
  worker: string;
  /** Makes a call at the channel's pace (shared with the delivery worker). */
  paced: <T>(channel: Channel, call: () => Promise<T>) => Promise<T>;
  log: Logger;
  /** The least time between two updates of one broadcast's message. */
  minSeconds: number;
  /** Where a message cannot be edited: a new one after this many more recipients. */
  everyOnNew: number;
}

/** Whether a channel without edits should get a new message now. */
function worthANewMessage(due: ProgressDue, everyOnNew: number): boolean {
  if (!due.shown || due.shown.status !== due.status) return true;
  const done = (c: ProgressDue['counts']) => c.total - c.left;
  return done(due.counts) - done(due.shown.counts) >= everyOnNew;
}

/** Shows every progress that is due now; returns how many messages were sent or edited. */
export async function showProgress(o: ProgressOptions): Promise<number> {
  const due = await o.store.claimProgress(o.worker, [...o.senders.keys()], o.minSeconds);
  let shown = 0;
  for (const d of due) {
    const sender = o.senders.get(d.channel);
    const state = { status: d.status, counts: d.counts };
    try {
      if (!sender || !d.chatId) {
        await o.store.reportProgress(d.id, null, state);
        continue;
      }
      const message = progressMessage(d.status, d.counts, d.locale);
      if (sender.edit && sender.sendEditable) {
        const chatId = d.chatId;
        let result = await o.paced(d.channel, () => (d.messageId ? sender.edit!(chatId, d.messageId, message, d.locale) : sender.sendEditable!(chatId, message, d.locale)));
        if (!result.ok && result.kind === 'gone') result = await o.paced(d.channel, () => sender.sendEditable!(chatId, message, d.locale));
        if (!result.ok) {
          o.log.warn('broadcast.progress_not_shown', { broadcast: d.id, kind: result.kind });
          await o.store.reportProgress(d.id, null, null);
          continue;
        }
        await o.store.reportProgress(d.id, result.messageId, state);
        shown += 1;
        continue;
      }
      if (!worthANewMessage(d, o.everyOnNew)) {
        await o.store.reportProgress(d.id, null, null);
        continue;
      }
      const messages: Outbound[] = [message];
      if (!d.shown) messages.push({ kind: 'text', text: [msg('broadcast.progress.noEdit', { count: o.everyOnNew })] });
      const chatId = d.chatId;
      const result = await o.paced(d.channel, () => sender.send(chatId, messages, d.locale));
      await o.store.reportProgress(d.id, null, result.ok ? state : null);
      if (result.ok) shown += 1;
    } catch (err) {
      o.log.warn('broadcast.progress_failed', { broadcast: d.id, code: (err as { code?: string }).code ?? 'UNEXPECTED' });
      await o.store.reportProgress(d.id, null, null).catch(() => undefined);
    }
  }
  return shown;
}
