// What the officer reads once a broadcast is queued, paused, resumed or cancelled, and what a
// person reads after switching announcements off or on.
import type { Outbound, Text } from '../../contract.js';
import { msg } from '../../engine/messages.js';
import type { Renderer } from '../../engine/registry.js';
import { readResult } from '../../engine/reply.js';
import { formatDateTime } from '../dossier/dates.js';
import { announcementsSchema, controlledSchema, createdSchema } from './data.js';
import { countLines } from './progress.js';

/** The renderer names this capability registers. */
export const CREATED = 'announce.created';
export const CONTROLLED = 'announce.controlled';
export const SWITCHED = 'announce.switched';

const text = (lines: Text[]): Outbound[] => [{ kind: 'text', text: lines }];

/** The reply to a confirmed broadcast. */
export const createdReply: Renderer = (result) => {
  const r = readResult(createdSchema, result);
  switch (r?.status) {
    case 'queued':
    case 'already': {
      const lines: Text[] = [
        r.scheduled && r.sendAt
          ? msg('broadcast.created.scheduled', { count: r.total ?? 0, when: formatDateTime(r.sendAt) })
          : msg('broadcast.created.now', { count: r.total ?? 0 }),
      ];
      if (r.withoutPhoto) lines.push(msg('broadcast.created.withoutPhoto', { count: r.withoutPhoto }));
      lines.push(msg('broadcast.created.control'));
      return text(lines);
    }
    case 'forbidden':
      return text([msg('broadcast.forbidden')]);
    case 'past':
      return text([msg('broadcast.created.past')]);
    case 'nobody':
      return text([msg('broadcast.confirm.nobody')]);
    default:
      return text([msg('broadcast.failed')]);
  }
};

/** The reply to pause, resume or cancel. */
export const controlledReply: Renderer = (result) => {
  const r = readResult(controlledSchema, result);
  if (!r) return text([msg('broadcast.failed')]);
  switch (r.status) {
    case 'ok': {
      const done = r.action === 'pause' ? msg('broadcast.control.paused') : r.action === 'resume' ? msg('broadcast.control.resumed') : msg('broadcast.control.cancelled');
      return text([done, ...(r.counts ? countLines(r.counts) : [])]);
    }
    case 'none':
      return text([msg('broadcast.control.none')]);
    case 'forbidden':
      return text([msg('broadcast.forbidden')]);
    case 'already_cancelled':
      return text([msg('broadcast.control.alreadyCancelled')]);
    case 'cancelled':
      return text([msg('broadcast.control.wasCancelled')]);
    case 'finished':
      return text([msg('broadcast.control.finished')]);
    case 'already_paused':
      return text([msg('broadcast.control.alreadyPaused')]);
    case 'not_paused':
      return text([msg('broadcast.control.notPaused')]);
    default:
      return text([msg('broadcast.failed')]);
  }
};

/** The reply to switching announcements off or on. */
export const switchedReply: Renderer = (result) => {
  const r = readResult(announcementsSchema, result);
  switch (r?.status) {
    case 'off':
      return text([msg('broadcast.mute.off')]);
    case 'already_off':
      return text([msg('broadcast.mute.alreadyOff')]);
    case 'on':
      return text([msg('broadcast.mute.on')]);
    case 'already_on':
      return text([msg('broadcast.mute.alreadyOn')]);
    default:
      return text([msg('broadcast.failed')]);
  }
};
