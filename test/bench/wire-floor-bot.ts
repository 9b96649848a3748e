// The floor of a chat turn through the wire, on this machine: a process that does only the work
// the architecture requires of every Telegram update and nothing of the bot's own. It takes the
// webhook POST (secret checked in constant time, body read and parsed), makes the turn's two
// round trips to Postgres (a load and a save that records the event and stores the next state, as
// small plpgsql functions over prepared statements, the save committed), sends one message with a
// keyboard to the Bot API and answers the POST, carrying the button's answer as the bot does. No
// engine, no texts, no validation, no grammY: what is left between this and the real bot is the
// bot's own work. Started by wire-floor.ts with the flags `npm start` gives the bot.
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};
const PORT = Number(env('PORT'));
const API = `${env('TELEGRAM_API_ROOT')}/bot${env('TELEGRAM_BOT_TOKEN')}`;
const SECRET_TEXT = env('TELEGRAM_WEBHOOK_SECRET');
const SECRET = createHash('sha256').update(SECRET_TEXT).digest();

const SCHEMA = `
create table if not exists floor_conversations (chat_id text primary key, version int not null default 0,
  state jsonb not null default '{}', last_event_id text, last_reply jsonb, updated_at timestamptz);
create table if not exists floor_events (event_id text primary key, at timestamptz not null default now());
create or replace function floor_load(p_chat text, p_event text) returns jsonb language plpgsql
set search_path = public, pg_temp as $$
declare v floor_conversations;
begin
  select * into v from floor_conversations where chat_id = p_chat;
  if not found then
    insert into floor_conversations (chat_id) values (p_chat) on conflict do nothing;
    select * into strict v from floor_conversations where chat_id = p_chat;
  end if;
  return jsonb_build_object('version', v.version, 'state', v.state,
    'duplicate', exists (select 1 from floor_events where event_id = p_event));
end $$;
create or replace function floor_save(p_chat text, p_version int, p_state jsonb, p_event text, p_reply jsonb) returns jsonb
language plpgsql set search_path = public, pg_temp as $$
declare v_version int;
begin
  perform 1 from floor_conversations where chat_id = p_chat and version = p_version for update;
  if not found then return jsonb_build_object('ok', false); end if;
  insert into floor_events (event_id) values (p_event) on conflict do nothing;
  if not found then return jsonb_build_object('ok', false); end if;
  update floor_conversations set state = p_state, version = version + 1, last_event_id = p_event,
         last_reply = p_reply, updated_at = now()
   where chat_id = p_chat returning version into v_version;
  return jsonb_build_object('ok', true, 'version', v_version);
end $$;`;

const pool = new pg.Pool({ connectionString: env('DATABASE_URL'), max: 10 });
const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });

/** One Bot API call; resolves with the parsed answer. */
function call(method: string, params: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(JSON.stringify(params));
    const req = http.request(`${API}/${method}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

type Update = { update_id: number; message?: { chat: { id: number }; text?: string }; callback_query?: { id: string; data?: string; message?: { chat: { id: number } } } };

async function turn(update: Update): Promise<unknown> {
  const chat = String(update.message?.chat.id ?? update.callback_query?.message?.chat.id);
  const event = String(update.update_id);
  const loaded = (await pool.query({ name: 'load', text: 'select floor_load($1, $2) as r', values: [chat, event] })).rows[0].r as {
    version: number;
    state: { step?: number; answers?: Record<string, string> };
    duplicate: boolean;
  };
  if (loaded.duplicate) return { ok: true };
  const step = (loaded.state.step ?? 0) + 1;
  const answer = update.message?.text ?? update.callback_query?.data ?? '';
  const state = { flow: 'nomination', step, answers: { ...loaded.state.answers, [`a${step}`]: answer } };
  const text = `<b>Bước ${step}/10.</b> Người được đề cử làm việc tốt gì cho bà con? Viết vài câu cụ thể: việc gì, ở đâu, từ bao giờ.`;
  const keyboard = [[{ text: 'Bỏ qua', callback_data: `skip.${step}` }], [{ text: 'Quay lại', callback_data: `back.${step}` }, { text: 'Hủy', callback_data: `cancel.${step}` }]];
  const saved = (await pool.query({ name: 'save', text: 'select floor_save($1, $2, $3, $4, $5) as r', values: [chat, loaded.version, JSON.stringify(state), event, JSON.stringify({ text, keyboard })] })).rows[0].r as { ok: boolean };
  if (!saved.ok) return { ok: true };
  await call('sendMessage', { chat_id: chat, text, parse_mode: 'HTML', reply_markup: { inline_keyboard: keyboard }, link_preview_options: { is_disabled: true } });
  return update.callback_query ? { method: 'answerCallbackQuery', callback_query_id: update.callback_query.id } : { ok: true };
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const given = req.headers['x-telegram-bot-api-secret-token'];
  if (typeof given !== 'string' || !timingSafeEqual(createHash('sha256').update(given).digest(), SECRET)) {
    req.resume();
    return reply(res, 401, { ok: false });
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    turn(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update).then(
      (answer) => reply(res, 200, answer),
      () => reply(res, 500, { ok: false }),
    );
  });
});

await pool.query(SCHEMA);
server.listen(PORT, '127.0.0.1', () => {
  void call('setWebhook', { url: 'https://floor.example.org/tg', secret_token: SECRET_TEXT });
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
