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
    /** The event of a button press on the question with this token (as Telegram sends it). */
    press(token: string, value: string, eventId: string = randomUUID()): InboundEvent {
      return { channel: 'console', chatId: userId, userId, eventId, displayName: userId, kind: 'choice', choice: { token, value } };
    },
    /** Sends one event through a service and returns the reply as text ('' for a duplicate). */
    async send(service: TurnService, event: InboundEvent): Promise<string> {
      const reply = await service.handle(event);
      if (reply.kind !== 'reply') return '';
      // As a channel does once the messages are sent.
      reply.delivered();
      return renderPlainMessages(reply.messages, translators(reply.locale));
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
export const UP_TO_CRITERIA = ['đề cử', 'người tốt', 'to 3', 'Trần Thị Mai', 'Chị Mai tổ chức quét dọn đường phố mỗi Chủ nhật và vận động bà con giữ vệ sinh chung.'];

/** Answers from the criteria question, once it is answered, to the summary: no photo, consent with a phone. */
export const CRITERIA_TO_SUMMARY = ['bỏ qua', '0912345678'];

/** The seed's general criteria: the first three of every list of criteria. */
export const SEED_CRITERIA = ['10000000-0000-4000-8002-000000000001', '10000000-0000-4000-8002-000000000002', '10000000-0000-4000-8002-000000000003'];
