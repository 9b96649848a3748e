// People chatting through a real turn service on any channel, with their own chat and user ids
// and chat name (the turn driver's chatter is a terminal user whose ids are their name): what a
// test of data rights or of several wards needs to find those ids again in the database.
import { createTranslator } from '../../src/channels/i18n.js';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import type { Channel, InboundEvent, Outbound } from '../../src/conversation/contract.js';
import type { TurnService } from '../../src/services/turn-service.js';

const translators = await createTranslator();
let events = 0;

/** One person in one chat app. */
export interface Person {
  channel: Channel;
  id: string;
  name: string;
  /** The last reply's messages (to find a question's token). */
  messages: Outbound[];
  /** Types a line (commands start with "/") and returns the reply as the person reads it. */
  say(line: string): Promise<string>;
  /** Types several lines in order; returns the last reply. */
  type(lines: string[]): Promise<string>;
  /** Presses a button of a question (its token and value). */
  press(token: string, value: string): Promise<string>;
  /** The token of the last question shown. */
  token(): string;
}

/** A person whose private chat id is their user id, writing through `service`. */
export function person(service: () => TurnService, channel: Channel, id: string, name: string): Person {
  const send = async (partial: Partial<InboundEvent>) => {
    const event: InboundEvent = { channel, chatId: id, userId: id, eventId: `ev-${process.pid}-${++events}`, botId: 'bot', displayName: name, kind: 'text', ...partial };
    const reply = await service().handle(event);
    if (reply.kind !== 'reply') return '';
    reply.delivered();
    p.messages = reply.messages;
    return renderPlainMessages(reply.messages, translators(reply.locale));
  };
  const p: Person = {
    channel,
    id,
    name,
    messages: [],
    say(line) {
      const command = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
      return command ? send({ kind: 'command', command: command[1]!.toLowerCase(), text: command[2]! }) : send({ kind: 'text', text: line });
    },
    async type(lines) {
      let last = '';
      for (const line of lines) last = await p.say(line);
      return last;
    },
    press: (token, value) => send({ kind: 'choice', choice: { token, value } }),
    token() {
      const q = [...p.messages].reverse().find((m) => m.kind === 'choices');
      if (!q || q.kind !== 'choices') throw new Error('no question on screen');
      return q.token;
    },
  };
  return p;
}

/** Every row of every table of the public schema and of the migration ledger whose text holds one of `needles`: "table.column: value". */
export async function rowsHolding(query: <T>(sql: string) => Promise<T[]>, needles: string[]): Promise<string[]> {
  const columns = await query<{ schema: string; table: string; column: string }>(`
    select c.table_schema as schema, c.table_name as table, c.column_name as column
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
     where c.table_schema in ('public', 'supabase_migrations')
       and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb') or c.udt_name in ('_text', '_varchar'))
     order by 1, 2, 3`);
  const found: string[] = [];
  for (const c of columns) {
    const target = `"${c.schema}"."${c.table}"`;
    for (const needle of needles) {
      const literal = `'%${needle.replace(/'/g, "''").replace(/[%_\\]/g, '\\$&')}%'`;
      const rows = await query<{ v: string }>(`select "${c.column}"::text as v from ${target} where "${c.column}"::text like ${literal}`);
      for (const r of rows) found.push(`${c.table}.${c.column}: ${r.v.slice(0, 120)}`);
    }
  }
  return found;
}
