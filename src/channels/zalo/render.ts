// Renders the engine's messages for Zalo, which has no buttons: choices as numbered text (the
// shared plain-text renderer), text split under 2000 characters, a photo by URL (anything else
// the channel cannot send again is described in text instead).
import type { Outbound } from '../../conversation/contract.js';
import { renderText, type Translate } from '../i18n.js';
import { renderPlainMessage } from '../text-render.js';
import { splitZaloText, ZALO_TEXT_MAX } from './split-text.js';

/** One Zalo API message to send. */
export type ZaloOutMessage = { kind: 'text'; text: string } | { kind: 'photo'; photo: string; caption: string | null };

const isUrl = (ref: string) => /^https?:\/\//i.test(ref);

/** Renders a turn's reply: consecutive text messages are joined, then split at 2000 characters. */
export function renderZaloMessages(messages: readonly Outbound[], t: Translate): ZaloOutMessage[] {
  const out: ZaloOutMessage[] = [];
  let text: string[] = [];
  const flush = () => {
    if (text.length) out.push(...splitZaloText(text.join('\n\n')).map((piece) => ({ kind: 'text' as const, text: piece })));
    text = [];
  };
  for (const m of messages) {
    if (m.kind === 'photo' && isUrl(m.ref)) {
      flush();
      const caption = (m.caption ?? []).map((x) => renderText(t, x)).join('\n');
      if (caption.length <= ZALO_TEXT_MAX) out.push({ kind: 'photo', photo: m.ref, caption: caption || null });
      else {
        out.push({ kind: 'photo', photo: m.ref, caption: null });
        text.push(caption);
      }
      continue;
    }
    text.push(renderPlainMessage(m, t));
  }
  flush();
  return out;
}
