// Drives the engine as a person would: type a line, press a button, send a photo; a small fake of
// the database answers the effects; replies are rendered to the text the person would read.
import { createTranslator, type Translate } from '../../src/channels/i18n.js';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import type { SimilarNomination } from '../../src/conversation/capabilities/nomination/data.js';
import type { Catalog, Channel, ConversationState, DataEntry, DataRequest, Effect, EffectResult, InboundEvent, Json, MemberView, Outbound, TurnLinks } from '../../src/conversation/contract.js';
import { initialState, runTurn } from '../../src/conversation/engine/engine.js';
import { renderReply } from '../../src/conversation/engine/reply.js';
import type { Registry } from '../../src/conversation/engine/registry.js';
import { catalogFixture, residentFixture } from '../support/catalog-fixture.js';

const translators = await createTranslator();

/** The link code the fake database hands out (shown as "K7QM-4TXP"). */
export const LINK_CODE = 'K7QM4TXP';

/** Answers an effect as the database would; return undefined to use the default answer. */
export type FakeDatabase = (effect: Effect) => EffectResult | undefined;

/** One person chatting with the bot, with a fake database behind it. */
export class Chat {
  /** As a new conversation row starts: asking the load for the person's standing with its first turn. */
  state: ConversationState = { ...initialState(), lookup: { kind: 'member_standing' } };
  member: MemberView;
  catalog: Catalog;
  /** Effects the engine asked for, in order. */
  readonly effects: Effect[] = [];
  /** The last reply, as messages. */
  messages: Outbound[] = [];
  /** Nominations already in the database with names like the one typed (for the duplicate check). */
  similar: (typed: string) => SimilarNomination[] = () => [];
  database: FakeDatabase = () => undefined;
  /** Answers a step's request for fresh data (a list to show), as bot_turn_fetch would; undefined: the default answer. */
  fetchData: (request: DataRequest) => unknown = () => undefined;
  /** Addresses only a channel knows (the Telegram bot's username), as the turn service passes them. */
  links: TurnLinks | undefined;
  /**
   * What the load's standing lookup answers about the person (the privacy notice shown, the ward
   * question); null: not answered, as on a turn whose question asked for something else.
   */
  standing: unknown = null;
  private events = 0;
  /** The app the person chats in (commands differ: account linking is for Telegram and Zalo). */
  readonly channel: Channel;
  /** The capabilities the bot offers (the app's, unless a test brings its own). */
  readonly registry: Registry;
  private readonly codes = new Map<string, string>();
  /** The token of the link question the database put on this chat's screen, while unanswered. */
  private askedToken: string | null = null;

  constructor(options: { catalog?: Catalog; member?: Partial<MemberView>; channel?: Channel; registry?: Registry } = {}) {
    this.registry = options.registry ?? appRegistry;
    this.catalog = options.catalog ?? catalogFixture();
    this.channel = options.channel ?? 'console';
    this.member = residentFixture(options.member);
  }

  /**
   * Receives the question a link_redeem effect (typed in the other app) carries, as the database
   * delivers it: a fresh token in the message and on this chat's screen, the open form kept.
   */
  receiveLinkQuestion(ask: Json): string {
    const seq = (this.state.seq ?? 0) + 1;
    const token = `linkask.${seq}`;
    const messages = (ask as unknown as Outbound[]).map((m) => (m.kind === 'choices' ? { ...m, token } : m));
    const question = messages.find((m): m is Extract<Outbound, { kind: 'choices' }> => m.kind === 'choices')!;
    this.state = { ...this.state, seq, view: { token, values: question.options.map((o) => o.value) } };
    this.askedToken = token;
    this.messages = messages;
    return this.read();
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
    const event: InboundEvent = { channel: this.channel, chatId: 'chat-1', userId: 'user-1', eventId: `e${this.events}`, kind: 'text', ...partial };
    // As the loader does: the typed text and the question's quick answer are both looked up.
    const asked = this.state.lookup;
    const data: DataEntry[] = [];
    if (asked?.kind === 'member_standing') data.push({ request: asked, result: this.standing });
    else if (asked?.kind === 'similar_nominations') {
      const matches = event.kind === 'text' && event.text?.trim() ? this.similar(event.text) : [];
      const quickMatches = typeof asked.quickName === 'string' ? this.similar(asked.quickName) : [];
      data.push({ request: asked, result: { matches, quickMatches } });
    } else if (asked) data.push({ request: asked, result: this.fetched(asked) });
    const state = structuredClone(this.state);
    const run = (entries: DataEntry[]) =>
      runTurn(state, event, { member: this.member, catalog: this.catalog, data: entries, now: new Date('2025-06-01T03:00:00Z'), links: this.links }, this.registry);
    let outcome = run(data);
    // As the turn service does: fetch what the turn needs and decide again (at most twice).
    for (let i = 0; outcome.needs && i < 2; i++) {
      data.push({ request: outcome.needs, result: this.fetched(outcome.needs) });
      outcome = run(data);
    }
    // The state goes through JSON, as it does through the database's jsonb column.
    this.state = JSON.parse(JSON.stringify(outcome.state)) as ConversationState;
    let result: EffectResult | null = null;
    if (outcome.effect) {
      this.effects.push(outcome.effect);
      result = this.database(outcome.effect) ?? this.defaultResult(outcome.effect);
    }
    const locale = result?.locale ?? outcome.reply.locale ?? this.member.locale;
    this.member = { ...this.member, locale };
    this.messages = renderReply(JSON.parse(JSON.stringify(outcome.reply)), result, { catalog: this.catalog, member: this.member, locale, links: this.links }, this.registry);
    return this.read();
  }

  /** What the fake database answers to a look-up: the test's answer, else a plausible default. */
  private fetched(request: DataRequest): unknown {
    const answer = this.fetchData(request);
    if (answer !== undefined) return answer;
    switch (request.kind) {
      case 'member_consent':
        return { consent: this.consentOnFile ? { noticeVersion: this.consentOnFile, givenAt: '2025-05-01T00:00:00Z' } : null };
      case 'home_unit':
        return { unitId: this.homeUnit };
      case 'unit_nominations':
        return { nominations: [] };
      case 'own_nomination':
        return { status: 'not_found' };
      case 'broadcast_audience':
        return { status: 'ok', count: 12, leftOut: 1 };
      case 'broadcast_honours':
        return { status: 'ok', honours: [] };
      default:
        return null;
    }
  }

  /** The version of the contact notice this person agreed to before (null: never). */
  consentOnFile: string | null = null;
  /** The person's home unit as the database remembers it. */
  homeUnit: string | null = null;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private defaultResult(effect: Effect & Record<string, any>): EffectResult {
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
        return { type: 'link_create', status: 'created', code: LINK_CODE, minutes: 10 };
      case 'privacy_notice':
        return effect.then ? this.database(effect.then) ?? this.defaultResult(effect.then) : { type: 'privacy_notice', status: 'recorded', version: effect.version };
      case 'my_data':
        return {
          type: 'my_data', status: 'ok', since: '2025-05-01T03:00:00.000Z', ward: 'Phường Thắng Lợi', locale: this.member.locale, announcements: true,
          identities: [{ channel: this.channel, id: '•••r-1', since: '2025-05-01T03:00:00.000Z' }], roles: [], nominationCount: 0, nominations: [],
          endorsementCount: 0, endorsements: [], contacts: [], consents: [], openForms: 0,
        };
      case 'withdraw_contact':
        return { type: 'withdraw_contact', status: 'nothing' };
      case 'delete_my_data':
        return { type: 'delete_my_data', status: 'deleted', nominations: 0, endorsements: 0 };
      case 'join_ward':
        return { type: 'join_ward', status: 'joined', ward: 'Phường Hoa Lư' };
      case 'link_redeem':
        // A request now waits for the owner, in the other app; any other code gets the one refusal.
        return effect.code === LINK_CODE
          ? { type: 'link_redeem', status: 'pending', channel: this.channel === 'telegram' ? 'zalo' : 'telegram', minutes: 10, notified: 1 }
          : { type: 'link_redeem', status: 'refused' };
      case 'link_confirm':
      case 'link_decline': {
        // The question on screen is the one the database asked; an answer to anything else is gone.
        if (effect.token !== this.askedToken) return { type: effect.type, status: 'gone' };
        this.askedToken = null;
        const channel = this.channel === 'telegram' ? 'zalo' : 'telegram';
        return { type: effect.type, status: effect.type === 'link_confirm' ? 'linked' : 'declined', channel, notified: 1 };
      }
      case 'invite_create': {
        const unit = this.catalog.units.find((u) => u.id === effect.unitId);
        return {
          type: 'invite_create',
          status: 'created',
          code: 'ABCD2345',
          role: effect.role,
          unitName: unit?.name ?? null,
          unitKind: unit?.kind ?? null,
          holderName: effect.holderName,
          allowSecondLeader: effect.allowSecondLeader,
          expiresAt: '2025-06-08T03:00:00.000Z',
        };
      }
      case 'invite_accept':
        return { type: 'invite_accept', status: 'accepted', role: 'leader', unitName: 'Tổ dân phố 3', unitKind: 'to_dan_pho', wardName: 'Phường Thắng Lợi', notified: 2 };
      case 'invite_decline':
        return { type: 'invite_decline', status: 'declined', role: 'leader', unitName: 'Tổ dân phố 3', unitKind: 'to_dan_pho', notified: 1 };
      case 'role_revoke':
        return { type: 'role_revoke', status: 'revoked', role: 'council', holderName: 'Trần Văn Hội', self: false, notified: 2 };
      case 'campaign_about':
        return { type: 'campaign_about', campaigns: [] };
      case 'endorse_code':
        return { type: 'endorse', status: 'endorsed', code: effect.code, count: 2 };
      case 'unendorse':
        return { type: 'unendorse', status: 'removed', code: effect.code, count: 0 };
      case 'withdraw_nomination':
        return { type: 'withdraw_nomination', status: 'withdrawn', code: effect.code };
      case 'update_nomination':
        return { type: 'update_nomination', status: 'updated', code: 'TL-0042' };
      case 'set_home_unit':
        this.homeUnit = effect.unitId;
        return { type: 'set_home_unit', status: 'ok' };
      // The ward's review path: each effect done, as the database answers when nothing got in the way.
      case 'appraise':
        return { type: 'appraise', status: 'done', code: effect.code, name: 'Nguyễn Văn An', outcome: effect.decision === 'decline' ? 'declined' : 'proposed', councilMembers: 3, notified: 4 };
      case 'council_close':
        return { type: 'council_close', status: 'no_council', code: effect.code };
      case 'council_vote':
        return { type: 'council_vote', status: 'voted', code: effect.code, name: 'Nguyễn Văn An', vote: effect.vote };
      case 'posted_list':
        return { type: 'posted_list', items: [] };
      case 'post_comment':
        return { type: 'post_comment', status: 'sent', code: effect.code, name: 'Nguyễn Văn An', notified: 1 };
      case 'honour':
        return effect.decision === 'decline'
          ? { type: 'honour', status: 'not_honoured', code: effect.code, name: 'Nguyễn Văn An' }
          : { type: 'honour', status: 'honoured', code: effect.code, name: 'Nguyễn Văn An', title: effect.title, date: effect.date };
      case 'nomination_history':
        return { type: 'nomination_history', status: 'not_found', code: effect.code };
      case 'campaign_setup':
        return { type: 'campaign_setup', action: effect.action, status: 'ok', campaigns: [], templates: [] };
      case 'report_request':
        return { type: 'report_request', status: 'queued', code: effect.campaignCode ?? 'dhtt-2026-2030', titleVi: 'Điển hình tiên tiến 2026–2030', titleEn: 'Exemplars 2026–2030', notified: 1 };
      // Broadcasts: queued for 12 people now; controls done; the switch flipped.
      case 'broadcast_create':
        return { type: 'broadcast_create', status: 'queued', total: 12, sendAt: '2026-12-08T01:00:00Z', scheduled: !!effect.sendAt, notified: 12 };
      case 'broadcast_control':
        return { type: 'broadcast_control', status: 'ok', action: effect.action, counts: { total: 12, sent: 5, unreachable: 1, optedOut: 0, cancelled: 0, failed: 0, uncertain: 0, left: 6 } };
      case 'announcements':
        return { type: 'announcements', status: effect.on ? 'on' : 'off' };
      default:
        throw new Error(`the fake database has no answer for ${effect.type}`);
    }
  }
}

/** A description of deeds long enough to be accepted. */
export const DEEDS = 'Ông An vận động bà con làm 500 m đường bê tông trong năm 2023.';

/**
 * Answers every question of a nomination for a good-deeds individual in Tổ dân phố 3, up to the
 * summary: two criteria, no photo, consent with a phone number.
 */
export function fillToSummary(chat: Chat): string {
  chat.say('/decu');
  chat.say('người tốt việc tốt');
  chat.say('Tổ dân phố 3');
  chat.say('Nguyễn Văn An');
  chat.say(DEEDS);
  chat.say('1,3');
  chat.say('bỏ qua');
  return chat.say('0912 345 678');
}
