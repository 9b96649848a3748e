// The shapes that cross the boundary between the conversation engine, the services that load
// and save a turn, and the channel adapters. Pure types: no I/O, no platform SDK. What a single
// capability (nomination, review...) exchanges with the database is its own business and lives in
// its folder under capabilities/; here effects, lookups and their results are open records.

/** A language the bot speaks; Vietnamese is the default. */
export type Locale = 'vi' | 'en';

/** Where a message came from; each channel has its own adapter. */
export type Channel = 'console' | 'telegram' | 'zalo';

/** Text shown to people: a locale key with parameters, or data typed by people / stored in the database. */
export type Text = { key: string; params?: Record<string, string | number> } | { raw: string };

/** One inbound event, whatever the platform: what the adapter made of an update. */
export interface InboundEvent {
  channel: Channel;
  chatId: string;
  userId: string;
  /** Unique per bot and chat; recorded with the state change so an event is processed once. */
  eventId: string;
  /**
   * The bot the event was sent to (a Telegram or Zalo bot id; "console" in the terminal): event
   * ids are only unique per bot, so two bots on one database must not see each other's as repeats.
   */
  botId?: string;
  displayName?: string;
  /** The platform's idea of the person's language (e.g. Telegram's language_code). */
  languageHint?: string;
  kind: 'text' | 'choice' | 'photo' | 'command' | 'unsupported';
  /** kind text: what was typed. kind command: the arguments after the command. */
  text?: string;
  /** kind command: the command name, lowercased, without the slash (e.g. "decu"). */
  command?: string;
  /** kind choice: a button press; token names the prompt the button belonged to. */
  choice?: { token: string; value: string };
  /** kind photo: a reference the channel can send again (file_id, URL or path). */
  photo?: { ref: string };
}

/** One option of a question with choices. */
export interface ChoiceOption {
  value: string;
  label: Text;
  /** A one-line explanation shown under the label (categories). */
  hint?: Text;
  /** Multi-select: whether the option is ticked now. */
  selected?: boolean;
}

/** One message the engine wants shown; the adapter renders it with i18next in the person's language. */
export type Outbound =
  | { kind: 'text'; text: Text[] }
  | {
      kind: 'choices';
      /** The question, possibly several paragraphs. */
      text: Text[];
      options: ChoiceOption[];
      multi: boolean;
      /** The question takes typed text; the options are quick answers (e.g. "keep this name"). */
      freeText?: boolean;
      /** Only the actions answer the question (no options, no typed text, no photo). */
      actionsOnly?: boolean;
      /** Identifies this prompt; a button carries it back so a stale press can be recognised. */
      token: string;
      /** Extra buttons such as "Xong", "Bo qua", "Quay lai" (value is what pressing sends). */
      actions?: ChoiceOption[];
    }
  | { kind: 'photo'; ref: string; caption?: Text[] };

/** A role a person holds besides being a resident; a leader's role names the unit they lead. */
export type Role = 'leader' | 'officer' | 'council';

/** One role of a member, as the database grants it. */
export interface MemberRole {
  role: Role;
  unitId: string | null;
}

/** The person the turn is for, as the database knows them. */
export interface MemberView {
  id: string;
  wardId: string;
  /** The chat name of this turn's event (not stored without consent). */
  displayName: string | null;
  locale: Locale;
  /** Roles held now; empty for a resident. */
  roles: MemberRole[];
}

/** Reference data of one ward: what the forms offer. Cached by version, refreshed when it changes. */
export interface Catalog {
  version: number;
  ward: { id: string; code: string; name: string; receiptPrefix: string };
  campaigns: CatalogCampaign[];
  categories: CatalogCategory[];
  criteria: CatalogCriterion[];
  units: CatalogUnit[];
}

export interface CatalogCampaign {
  id: string;
  templateId: string;
  code: string;
  titleVi: string;
  titleEn: string;
  /** Only open campaigns take nominations. */
  status: 'draft' | 'open' | 'closed';
  /** The phase running now, if any, with its deadline (ISO timestamp). */
  currentPhase: { seq: number; nameVi: string; nameEn: string; deadline: string | null } | null;
}

export interface CatalogCategory {
  id: string;
  templateId: string;
  code: string;
  kind: 'collective' | 'individual';
  seq: number;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  /** Leaders and managers: the collective they head must be named too. */
  requiresLedUnit: boolean;
  /** Which unit kinds a nominee of this category belongs to; empty means any. */
  unitKinds: UnitKind[];
}

export interface CatalogCriterion {
  id: string;
  templateId: string;
  /** null: a general criterion, for every category of the template. */
  categoryId: string | null;
  seq: number;
  /** The criterion as the plan's shortened wording puts it (read on request, in reports). */
  textVi: string;
  textEn: string;
  /** A few words for a list a resident scans (a button, a numbered line); the text when missing. */
  labelVi?: string;
  labelEn?: string;
}

/** to dan pho, lang, co quan (agency), doan the (mass organisation). */
export type UnitKind = 'to_dan_pho' | 'lang' | 'co_quan' | 'doan_the';

export interface CatalogUnit {
  id: string;
  kind: UnitKind;
  name: string;
}

/** JSON, as it crosses into and out of the database. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/**
 * A question to the database, answered by the lookup function registered for its `kind`: with the
 * next input in the load round trip (state.lookup), or right away when a step needs fresh data to
 * show (one more round trip). A capability defines its own kinds.
 */
export interface DataRequest {
  kind: string;
  [key: string]: Json | undefined;
}

/** A request and what the database answered (checked by the capability that asked). */
export interface DataEntry {
  request: DataRequest;
  result: unknown;
}

/**
 * A write (or a read that must see the turn's own writes) run in the same transaction as saving
 * the state, by the database function registered for its `type`. A capability defines its own.
 */
export interface Effect {
  type: string;
  [key: string]: Json | undefined;
}

/**
 * What the database said about an effect, checked by the capability's renderer. A result that
 * carries `locale` changed the member's language (the reply is rendered in it); `notified` counts
 * the messages it queued for others (the delivery worker is woken for them).
 */
export interface EffectResult {
  type: string;
  locale?: Locale;
  notified?: number;
  [key: string]: unknown;
}

/**
 * What a turn will say, as data: messages known now, and, when the reply depends on an effect's
 * result, the name of a registered renderer with its arguments. Kept with the saved state until it
 * is delivered, so a redelivered event gets the same reply after a failed send.
 */
export interface ReplyPlan {
  /** Renders the effect's result first (a registered renderer), then `messages` follow. */
  render?: { name: string; args?: Json };
  messages: Outbound[];
  /** The language to render in, when the turn changed it. */
  locale?: Locale;
}

/** The state of one chat's conversation, stored as jsonb in the conversations row. */
export interface ConversationState {
  /** null when no form is open. */
  flow: string | null;
  step: string | null;
  answers: Record<string, unknown>;
  /** Steps visited, for "back". */
  trail: string[];
  /** Set while editing one answer from the summary: return there after it. */
  editing?: boolean;
  /** A fresh id per form; a nomination is created at most once per form id. */
  formId?: string;
  /** The options last shown (values in display order) and the prompt token, so "2" and stale buttons resolve. */
  view?: { token: string; values: string[] };
  /** Look this up with the next input, in the same round trip as the load. */
  lookup?: DataRequest;
  /** Free-form scratch of the current step (e.g. the unit filter typed so far). */
  scratch?: Record<string, unknown>;
  /** Counts prompts shown, so every prompt gets a fresh view token. */
  seq?: number;
}

/** Addresses only a channel knows, for replies that point people at them (an invitation's deep link). */
export interface TurnLinks {
  /** The Telegram bot's username, once the Telegram channel has started. */
  telegramBot?: string;
}

/** Everything the engine needs for one turn, loaded in one round trip (two when a step needs fresh data). */
export interface TurnContext {
  member: MemberView;
  catalog: Catalog;
  /** Answers to the state's lookup and to fresh-data requests of this turn. */
  data: DataEntry[];
  now: Date;
  links?: TurnLinks;
}

/** What a turn decided: the next state, at most one effect, and the reply as data. */
export interface TurnOutcome {
  state: ConversationState;
  effect: Effect | null;
  reply: ReplyPlan;
  /**
   * A step about to be shown needs fresh data that the context does not hold: the service fetches
   * it and runs the turn again with it (nothing of this outcome is saved).
   */
  needs?: DataRequest;
}
