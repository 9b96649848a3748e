// Drives the real turn service (engine + supabase-js + RPC handler + Postgres) as people typing
// in a chat would, and renders each reply to the text they would read.
import { randomUUID } from 'node:crypto';
import { createTranslator } from '../../src/channels/i18n.js';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import type { InboundEvent } from '../../src/conversation/contract.js';
import type { TurnService } from '../../src/services/turn-service.js';

const translators = await createTranslator();

/** A person typing into a chat handled by a turn service. */
export function chatter(userId: string) {
  return {
    /** The inbound event a typed line makes (commands start with "/"). */
    event(line: string, eventId: string = randomUUID()): InboundEvent {
      const command = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
      const base = { channel: 'console' as const, chatId: userId, userId, eventId, displayName: userId };
      return command ? { ...base, kind: 'command', command: command[1]!.toLowerCase(), text: command[2]! } : { ...base, kind: 'text', text: line };
    },
    /** Sends one event through a service and returns the reply as text ('' for a duplicate). */
    async send(service: TurnService, event: InboundEvent): Promise<string> {
      const reply = await service.handle(event);
      return reply.kind === 'reply' ? renderPlainMessages(reply.messages, translators(reply.locale)) : '';
    },
    /** Types several lines in order; returns the last reply. */
    async type(service: TurnService, lines: string[]): Promise<string> {
      let last = '';
      for (const line of lines) last = await this.send(service, this.event(line));
      return last;
    },
  };
}

/** Answers that take a resident from "đề cử" to the criteria question (seeded ward, one open campaign). */
export const UP_TO_CRITERIA = ['đề cử', '2', '2', 'to 3', '1', 'Trần Thị Mai', 'Chị Mai tổ chức quét dọn đường phố mỗi Chủ nhật và vận động bà con giữ vệ sinh chung.'];

/** Answers from the criteria question to the summary, with the criteria left as they are. */
export const CRITERIA_TO_SUMMARY = ['xong', 'bỏ qua', '1', '0912345678'];
