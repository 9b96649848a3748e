// Generates hostile and odd platform updates, deterministically from a seed: wrong types in every
// field, missing fields, huge strings, NUL and lone surrogates, unknown update kinds, ids as
// strings, duplicates, nested garbage, and plain well-formed messages. Every text, name and phone
// number carries a unique marker, so a test can grep the process's logs for any of them. Each
// webhook body says what the bot must answer: 2xx (an update, however odd) or 400 (not one).

/** One webhook request to make. */
export interface HostileRequest {
  body: string | Buffer;
  contentType: string | null;
  /** ok: an update (2xx); bad: not an update at all (400). */
  expect: 'ok' | 'bad';
}

/** Finds any marker of HostileUpdates in a text (they are the only strings of that shape). */
export const MARKER = /(?:NAME|LAST|TEXT|GAME|INLINE|DATA|GROUP|FILE|CONTACT|ARG|ZNAME|ZTEXT|ZEVENT|URL)[a-z]+Q\d+Z/;

const deep = (depth: number, leaf: unknown): unknown => (depth === 0 ? leaf : { a: [deep(depth - 1, leaf)], b: depth });

/** A generator for one process's share of updates. */
export class HostileUpdates {
  /** Markers put in texts, names and other typed strings: letters, a tag, a number (e.g. TEXTwQ12Z). */
  readonly markers: string[] = [];
  /** Phone numbers put in texts, in the forms they were typed. */
  readonly phones: string[] = [];
  private state: number;
  private seq = 0;
  private readonly earlierTelegram: Record<string, unknown>[] = [];
  private readonly earlierZalo: Record<string, unknown>[] = [];

  constructor(
    seed: number,
    /** Distinguishes this generator's markers and ids from another's. */
    private readonly tag: string,
    /** First Telegram update id; ids go up from there. */
    private nextUpdateId: number,
  ) {
    this.state = seed >>> 0;
  }

  private random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)]!;
  }

  /** A new marker (letters and digits only, so it survives any escaping unchanged). */
  private marker(kind: string): string {
    const m = `${kind}${this.tag}Q${++this.seq}Z`;
    this.markers.push(m);
    return m;
  }

  /** A Vietnamese mobile number, new each time, remembered as a marker in the forms people type it. */
  private phone(): string {
    const digits = String(10_000_000 + ((this.seq * 7_919 + this.tag.length * 104_729) % 89_999_999)).padStart(8, '0');
    this.seq++;
    const local = `09${digits}`;
    const spaced = `+84 9${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5)}`;
    this.phones.push(local, `+849${digits}`, spaced);
    return this.random() < 0.5 ? local : spaced;
  }

  private names() {
    return { first_name: `Nguyễn ${this.marker('NAME')}`, last_name: this.random() < 0.5 ? this.marker('LAST') : undefined };
  }

  // ---- Telegram ------------------------------------------------------------------------------

  /** A Telegram update for `user` (a chat of its own); `polling` keeps update_id a plain number, as Telegram's server does. */
  telegram(user: number, polling = false): Record<string, unknown> {
    const id = this.nextUpdateId++;
    const from = { id: user, is_bot: false, ...this.names(), language_code: this.pick(['vi', 'en', 'xx', '\u0000', 42]) };
    const chat = { id: user, type: 'private', first_name: from.first_name };
    const text = () => `${this.marker('TEXT')} ${this.phone()}`;
    const message = (fields: Record<string, unknown>) => ({ message_id: id, date: 1_760_000_000, from, chat, ...fields });
    const kinds: (() => Record<string, unknown>)[] = [
      () => ({ update_id: id, message: message({ text: text() }) }),
      () => ({ update_id: id, message: message({ text: `\u0000${text()}\ud800 \udfff\u0007\r\n${text()}`, from: { ...from, first_name: `\ud83d${from.first_name}\u0000` } }) }),
      () => ({ update_id: id, message: message({ text: `${text()} ${'chữ '.repeat(5_000)}` }) }),
      () => ({ update_id: polling ? id : String(id), message: message({ from: { ...from, id: String(user) }, chat: { ...chat, id: String(user) }, text: text() }) }),
      () => ({ update_id: id, my_chat_member: { from, date: 1, new_chat_member: { status: 'kicked' } } }),
      () => ({ update_id: id, my_chat_member: { chat, from, date: 1, old_chat_member: { status: 'member' }, new_chat_member: { status: this.pick(['kicked', 'member', 'left', 7, null]) } } }),
      () => ({ update_id: id, callback_query: { id: `q${id}`, from, chat_instance: 'c', game_short_name: this.marker('GAME'), message: message({ text: text() }) } }),
      () => ({ update_id: id, callback_query: { id: `q${id}`, from, chat_instance: 'c', inline_message_id: this.marker('INLINE'), data: 'kind.1:a' } }),
      () => ({ update_id: id, callback_query: { id: `q${id}`, from, chat_instance: 'c', message: message({ text: text() }), data: this.pick([`${this.marker('DATA')}\u0000:x`, 'x'.repeat(300), 'kind.1:individual', ':', 42, null]) } }),
      () => ({ update_id: id, [this.pick(['edited_message', 'channel_post', 'inline_query', 'poll', 'chat_join_request', 'message_reaction', 'business_message', 'x_unknown'])]: { text: text(), from } }),
      () => ({ update_id: id, message: this.pick<unknown>(['string', 42, [], null, true, { from: 'x' }, { from: { id: {} }, chat: [], text: { a: text() } }, { from, chat: { id: 1.5, type: 'private' }, text: text() }]) }),
      () => ({ update_id: id, message: message({ chat: { id: -1_000_000_000 - user, type: this.pick(['group', 'supergroup', 'channel']), title: this.marker('GROUP') }, text: this.pick([`/decu ${this.marker('ARG')}`, text()]) }) }),
      () => ({ update_id: id, message: message({ from: { ...from, is_bot: true }, text: text() }) }),
      () => ({ update_id: id, message: deep(40, { text: text(), from }) }),
      () => ({ update_id: id, message: message({ chat: { ...chat, id: user + 1 }, text: text() }) }),
      () => ({ update_id: id, message: message({ photo: [{ file_id: `${this.marker('FILE')}\u0000` }, 'x', null, { file_id: `AgAC${id}`, width: '10', height: {} }] }) }),
      () => ({ update_id: id, message: message({ contact: { phone_number: this.phone(), first_name: this.marker('CONTACT') } }) }),
      () => ({ update_id: id, message: message({ text: this.pick([`/start ${this.marker('ARG')}`, `/trangthai ${this.marker('ARG')}`, `/decu@other_bot ${text()}`, '/decu', `/${'x'.repeat(80)}`, '/']) }) }),
      () => ({ update_id: polling ? id : -id, message: message({ message_id: 'x', date: 'yesterday', text: text() }) }),
      () => ({ update_id: id, message: message({ text: text() }), callback_query: null, my_chat_member: undefined, extra: { nested: [[[{ text: text() }]]] } }),
    ];
    const update = this.random() < 0.06 && this.earlierTelegram.length ? this.pick(this.earlierTelegram) : this.pick(kinds)();
    if (update.update_id === id && this.random() < 0.2) this.earlierTelegram.push(update);
    return update;
  }

  /** A Telegram webhook body, with what the bot must answer. */
  telegramRequest(user: number): HostileRequest {
    const r = this.random();
    if (r < 0.06) {
      // Not an update: the body is broken, or has no usable update_id.
      const body = this.pick<string | Buffer>([
        'not json',
        '{"update_id":',
        '',
        Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
        JSON.stringify({ message: { text: this.marker('TEXT') } }),
        JSON.stringify({ update_id: 2 ** 60, message: {} }),
        JSON.stringify({ update_id: '12a', message: {} }),
        JSON.stringify([{ update_id: 1 }]),
        JSON.stringify('update'),
        '42',
      ]);
      return { body, contentType: 'application/json', expect: 'bad' };
    }
    const contentType = r < 0.12 ? this.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', null]) : 'application/json';
    return { body: JSON.stringify(this.telegram(user)), contentType, expect: 'ok' };
  }

  // ---- Zalo ----------------------------------------------------------------------------------

  /** A Zalo update for `user`; `wrapped` sometimes, as {ok, result}. */
  zalo(user: string): { update: unknown; isUpdate: boolean } {
    const n = ++this.seq;
    const from = { id: user, display_name: `Chị ${this.marker('ZNAME')}`, is_bot: false };
    const chat = { id: user, chat_type: 'PRIVATE' };
    const text = () => `${this.marker('ZTEXT')} ${this.phone()}`;
    const message = (fields: Record<string, unknown>) => ({ message_id: `zm-${this.tag}-${n}`, date: Date.now(), from, chat, ...fields });
    const event = 'message.text.received';
    const kinds: (() => { update: unknown; isUpdate: boolean })[] = [
      () => ({ update: { event_name: event, message: message({ text: text() }) }, isUpdate: true }),
      () => ({ update: { event_name: event, message: message({ text: `\u0000${text()}\ud800\udfff \u001b[31m${text()}`, from: { ...from, display_name: `${from.display_name}\u0000\ud800` } }) }, isUpdate: true }),
      () => ({ update: { event_name: event, message: message({ text: `${text()} ${'chữ '.repeat(5_000)}` }) }, isUpdate: true }),
      () => ({ update: { event_name: event, message: message({ message_id: 50_000_000 + n, date: 'hôm qua', from: { ...from, is_bot: 'false' }, text: text() }) }, isUpdate: true }),
      () => ({ update: { event_name: this.pick([event, 'message.unsupported.received', 'user.follow']), message: this.pick<unknown>([undefined, null, 'x', {}, [], 42]) }, isUpdate: true }),
      () => ({ update: { event_name: this.pick(['user.follow', 'message.reaction.received', 'x'.repeat(100), this.marker('ZEVENT')]), message: message({ text: text() }) }, isUpdate: true }),
      () => ({ update: { event_name: event, message: message({ from: this.pick<unknown>([undefined, null, {}, { id: '' }, { id: 'a b' }, { id: {} }]), text: text() }) }, isUpdate: true }),
      () => ({ update: { event_name: event, message: message({ chat: this.pick<unknown>([undefined, null, {}, { id: '\u0000' }]), text: text() }) }, isUpdate: true }),
      () => ({ update: { event_name: 'message.image.received', message: message({ photo_url: this.pick([`javascript:${this.marker('URL')}`, `https://x/${'a'.repeat(5_000)}`, `https://x/${this.marker('URL')}\u0000.jpg`, 42, 'https://photo.example/a.jpg']) }) }, isUpdate: true }),
      () => ({ update: { event_name: event, message: message({ chat: { id: `group-${user}`, chat_type: this.pick(['GROUP', 'group', 123, null]) }, text: this.pick(['/decu', `đề cử ${this.marker('ARG')}`, text()]) }) }, isUpdate: true }),
      () => ({ update: { ok: true, result: { event_name: event, message: message({ text: text() }) } }, isUpdate: true }),
      () => ({ update: { event_name: event, message: deep(40, { text: text(), from }) }, isUpdate: true }),
      () => ({ update: { event_name: event, message: message({ text: this.pick<unknown>([{ a: text() }, [text()], 42, null, true]) }) }, isUpdate: true }),
      () => ({ update: { event_name: event, message: message({ chat: { ...chat, chat_type: this.pick<unknown>([123, 'PRIVATE', 'private', '', {}]) }, text: text() }) }, isUpdate: true }),
      // Not an update: no usable event_name.
      () => ({ update: this.pick<unknown>([{ message: message({ text: text() }) }, { event_name: 42 }, { event_name: `bad name ${this.marker('ZEVENT')}` }, [1, 2], 'x', { ok: true, result: null }]), isUpdate: false }),
    ];
    const made = this.random() < 0.06 && this.earlierZalo.length ? { update: this.pick(this.earlierZalo), isUpdate: true } : this.pick(kinds)();
    if (made.isUpdate && this.random() < 0.2) this.earlierZalo.push(made.update as Record<string, unknown>);
    return made;
  }

  /** A Zalo webhook body, with what the bot must answer. */
  zaloRequest(user: string): HostileRequest {
    if (this.random() < 0.03) return { body: this.pick<string | Buffer>(['not json', '{"event_name":', '', Buffer.from([0xc3, 0x28])]), contentType: 'application/json', expect: 'bad' };
    const { update, isUpdate } = this.zalo(user);
    const contentType = this.random() < 0.06 ? this.pick(['text/plain', null]) : 'application/json';
    return { body: JSON.stringify(update) ?? 'null', contentType, expect: isUpdate ? 'ok' : 'bad' };
  }
}
