// The officer's live progress message while a broadcast goes out: one line of counts, with
// buttons (typed words where there are none) to pause, resume or cancel; at the end, each count.
import type { Locale, Outbound, Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import { COMMAND_TOKEN } from '../../engine/registry.js';
import type { BroadcastCounts } from './data.js';

/** A broadcast's state as the progress message shows it. */
export type BroadcastStatus = 'sending' | 'paused' | 'cancelled' | 'done';

/** Delivered, unreachable, opted out, failed (and uncertain, cancelled when there are any). */
export function countLines(c: BroadcastCounts): Text[] {
  const lines: Text[] = [
    msg('broadcast.progress.sent', { count: c.sent }),
    msg('broadcast.progress.unreachable', { count: c.unreachable }),
    msg('broadcast.progress.optedOut', { count: c.optedOut }),
    msg('broadcast.progress.failed', { count: c.failed }),
  ];
  if (c.uncertain) lines.push(msg('broadcast.progress.uncertain', { count: c.uncertain }));
  if (c.cancelled) lines.push(msg('broadcast.progress.notSent', { count: c.cancelled }));
  return lines;
}

/** The progress message for a status and counts. */
export function progressMessage(status: BroadcastStatus, c: BroadcastCounts, locale: Locale): Outbound {
  const n = (x: number) => x.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN');
  const done = c.total - c.left;
  if (status === 'done' || status === 'cancelled') {
    return { kind: 'text', text: [status === 'done' ? msg('broadcast.progress.finished') : msg('broadcast.progress.cancelledTitle'), ...countLines(c)] };
  }
  const line = msg('broadcast.progress.line', { done: n(done), total: n(c.total), unreachable: n(c.unreachable) });
  const options =
    status === 'paused'
      ? [
          { value: '/tieptuc', label: msg('broadcast.progress.resume') },
          { value: '/dunggui', label: msg('broadcast.progress.cancel') },
        ]
      : [
          { value: '/tamdung', label: msg('broadcast.progress.pause') },
          { value: '/dunggui', label: msg('broadcast.progress.cancel') },
        ];
  return { kind: 'choices', text: [status === 'paused' ? msg('broadcast.progress.pausedTitle') : msg('broadcast.progress.title'), line], multi: false, token: COMMAND_TOKEN, options };
}
