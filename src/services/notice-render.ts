// Renders what the outbox holds into messages: a named notice through the registry's notice
// renderer, or messages already in the engine's shape.
import type { Locale, Outbound } from '../conversation/contract.js';
import type { Registry } from '../conversation/engine/registry.js';
import type { ClaimedMessage } from '../db/outbox-store.js';

/** The messages of one queued payload, in the recipient's language; throws for an unknown notice. */
export function renderQueued(registry: Registry, payload: ClaimedMessage['payload'], locale: Locale): Outbound[] {
  if (payload.notice) {
    const notice = registry.notice(payload.notice);
    if (!notice) throw Object.assign(new Error(`no notice named ${payload.notice}`), { code: 'NOTICE_MISSING' });
    return notice(payload.args as never, locale);
  }
  return (payload.messages ?? []) as Outbound[];
}
