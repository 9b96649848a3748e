// Drives the engine as a person would: type a line, press a button, send a photo; a small fake of
// the database answers the effects; replies are rendered to the text the person would read.
import { createTranslator, type Translate } from '../../src/channels/i18n.js';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import type {
  Catalog,
  ConversationState,
  Effect,
  EffectResult,
  InboundEvent,
  Locale,
  MemberView,
  Outbound,
  SimilarNomination,
} from '../../src/conversation/contract.js';
import { initialState, runTurn } from '../../src/conversation/engine.js';
import { catalogFixture, residentFixture } from '../support/catalog-fixture.js';

const translators = await createTranslator();

/** Answers an effect as the database would; return undefined to use the default answer. */
export type FakeDatabase = (effect: Effect) => EffectResult | undefined;

/** One person chatting with the bot, with a fake database behind it. */
export class Chat {
  state: ConversationState = initialState();
  member: MemberView;
  catalog: Catalog;
  /** Effects the engine asked for, in order. */
  readonly effects: Effect[] = [];
  /** The last reply, as messages. */
  messages: Outbound[] = [];
  /** Nominations already in the database with names like the one typed (for the duplicate check). */
  similar: (typed: string) => SimilarNomination[] = () => [];
  database: FakeDatabase = () => undefined;
  private events = 0;
  private readonly codes = new Map<string, string>();

  constructor(options: { catalog?: Catalog; member?: Partial<MemberView> } = {}) {
    this.catalog = options.catalog ?? catalogFixture();
    this.member = residentFixture(options.member);
  }

  /** Types a line (commands included, as a terminal sends them) and returns what the bot answers. */
  say(text: string): string {
    const command = /^\/(\S+)\s*([\s\S]*)$/.exec(text);
    return command
      ? this.send({ kind: 'command', command: command[1]!.toLowerCase(), text: command[2]! })
      : this.send({ kind: 'text', text });
  }

  /** Presses a button of the last question by its value (or of an older one, with its token). */
  press(value: string, token: string = this.token()): string {
    return this.send({ kind: 'choice', choice: { token, value } });
  }

  /** Presses the option whose rendered label contains the words. */
  pressLabel(words: string): string {
    const last = this.question();
    const t = this.t();
    const all = [...last.options, ...(last.actions ?? [])];
    const option = all.find((o) => ('raw' in o.label ? o.label.raw : t(o.label.key, o.label.params)).includes(words));
    if (!option) throw new Error(`no option "${words}" in: ${this.read()}`);
    return this.press(option.value);
  }

  sendPhoto(ref: string): string {
    return this.send({ kind: 'photo', photo: { ref } });
  }

  sendSticker(): string {
    return this.send({ kind: 'unsupported' });
  }

  /** The token of the question on screen. */
  token(): string {
    return this.question().token;
  }

  /** The last question asked (a message with options). */
  question(): Extract<Outbound, { kind: 'choices' }> {
    const q = [...this.messages].reverse().find((m): m is Extract<Outbound, { kind: 'choices' }> => m.kind === 'choices');
    if (!q) throw new Error(`no question on screen: ${this.read()}`);
    return q;
  }

  /** The last reply as the person reads it. */
  read(): string {
    return renderPlainMessages(this.messages, this.t());
  }

  /** The last effect asked for. */
  lastEffect(): Effect | undefined {
    return this.effects.at(-1);
  }

  private t(): Translate {
    return translators(this.member.locale);
  }

  private send(partial: Partial<InboundEvent>): string {
    this.events += 1;
    const event: InboundEvent = { channel: 'console', chatId: 'chat-1', userId: 'user-1', eventId: `e${this.events}`, kind: 'text', ...partial };
    // As the loader does: the typed text and the question's quick answer are both looked up.
    const asked = this.state.lookup;
    const lookup = asked
      ? {
          kind: 'similar_nominations' as const,
          matches: event.kind === 'text' && event.text?.trim() ? this.similar(event.text) : [],
          quickMatches: asked.quickName ? this.similar(asked.quickName) : [],
        }
      : null;
    const outcome = runTurn(structuredClone(this.state), event, { member: this.member, catalog: this.catalog, lookup, now: new Date('2025-06-01T03:00:00Z') });
    // The state goes through JSON, as it does through the database's jsonb column.
    this.state = JSON.parse(JSON.stringify(outcome.state)) as ConversationState;
    let result: EffectResult | null = null;
    if (outcome.effect) {
      this.effects.push(outcome.effect);
      result = this.database(outcome.effect) ?? this.defaultResult(outcome.effect);
      if (result.type === 'set_locale') this.member = { ...this.member, locale: result.locale };
      if (result.type === 'link_redeem' && result.status === 'linked') this.member = { ...this.member, locale: result.locale };
    }
    if (outcome.locale) this.member = { ...this.member, locale: outcome.locale as Locale };
    this.messages = outcome.reply(result);
    return this.read();
  }

  private defaultResult(effect: Effect): EffectResult {
    switch (effect.type) {
      case 'submit_nomination': {
        const known = this.codes.get(effect.formId);
        if (known) return { type: 'submit_nomination', status: 'already', code: known };
        const code = `TL-${String(this.codes.size + 42).padStart(4, '0')}`;
        this.codes.set(effect.formId, code);
        return { type: 'submit_nomination', status: 'created', code };
      }
      case 'endorse':
        return { type: 'endorse', status: 'endorsed', code: 'TL-0007', count: 4 };
      case 'set_locale':
        return { type: 'set_locale', status: 'ok', locale: effect.locale };
      case 'status':
        return { type: 'status', status: 'not_found' };
      case 'mine':
        return { type: 'mine', nominations: [], endorsements: [] };
      case 'link_create':
        return { type: 'link_create', status: 'created', code: '123456', minutes: 10 };
      case 'link_redeem':
        return effect.code === '123456' ? { type: 'link_redeem', status: 'linked', locale: 'en' } : { type: 'link_redeem', status: 'invalid' };
    }
  }
}

/** A description of deeds long enough to be accepted. */
export const DEEDS = 'Ông An vận động bà con làm 500 m đường bê tông trong năm 2023.';

/** Answers every question of a nomination for a good-deeds individual in Tổ dân phố 3, up to the summary. */
export function fillToSummary(chat: Chat): string {
  chat.say('/decu');
  chat.say('cá nhân');
  chat.say('người tốt việc tốt');
  chat.say('Tổ dân phố 3');
  chat.say('Nguyễn Văn An');
  chat.say(DEEDS);
  chat.say('1,3');
  chat.say('xong');
  chat.say('bỏ qua');
  chat.say('đồng ý');
  return chat.say('0912 345 678');
}
