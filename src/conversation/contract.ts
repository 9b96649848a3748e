// The shapes that cross the boundary between the conversation engine, the services that load
// and save a turn, and the channel adapters. Pure types: no I/O, no platform SDK.

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
  /** Unique per channel; recorded with the state change so an event is processed once. */
  eventId: string;
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
      /** Identifies this prompt; a button carries it back so a stale press can be recognised. */
      token: string;
      /** Extra buttons such as "Xong", "Bo qua", "Quay lai" (value is what pressing sends). */
      actions?: ChoiceOption[];
    }
  | { kind: 'photo'; ref: string; caption?: Text[] };

/** The person the turn is for, as the database knows them. */
export interface MemberView {
  id: string;
  wardId: string;
  /** The chat name of this turn's event (not stored without consent). */
  displayName: string | null;
  locale: Locale;
  role: 'resident' | 'leader' | 'officer';
  unitId: string | null;
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
  textVi: string;
  textEn: string;
}

/** to dan pho, lang, co quan (agency), doan the (mass organisation). */
export type UnitKind = 'to_dan_pho' | 'lang' | 'co_quan' | 'doan_the';

export interface CatalogUnit {
  id: string;
  kind: UnitKind;
  name: string;
}

/** A nomination that looks like the one being entered (same campaign and unit, similar name). */
export interface SimilarNomination {
  id: string;
  code: string;
  nomineeName: string;
  categoryId: string;
  endorsements: number;
  /** The person filling the form made it: they cannot endorse it. */
  mine: boolean;
  /** The person filling the form already endorsed it. */
  endorsedByMe: boolean;
}

/** What the state asks the loader to look up with the next input (done in the load round trip). */
export type LookupRequest = {
  kind: 'similar_nominations';
  campaignId: string;
  unitId: string;
  /** A quick answer offered with the question (a collective named after its unit): looked up too. */
  quickName?: string;
};

/** The answer to a LookupRequest, computed from the inbound text. */
export type LookupResult = {
  kind: 'similar_nominations';
  /** Nominations like the typed text. */
  matches: SimilarNomination[];
  /** Nominations like the quick answer, for when the person picks it instead of typing. */
  quickMatches?: SimilarNomination[];
};

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
  lookup?: LookupRequest;
  /** Free-form scratch of the current step (e.g. the unit filter typed so far). */
  scratch?: Record<string, unknown>;
  /** Counts prompts shown, so every prompt gets a fresh view token. */
  seq?: number;
}

/** A write that must happen in the same transaction as saving the state. */
export type Effect =
  | {
      type: 'submit_nomination';
      formId: string;
      campaignId: string;
      categoryId: string;
      unitId: string;
      nomineeName: string;
      deeds: string;
      criterionIds: string[];
      ledUnitId: string | null;
      photoRef: string | null;
      consent: boolean;
      /** The nominator's chat name, sent only with consent (kept on the nomination for the officer). */
      contactName: string | null;
      phone: string | null;
    }
  | { type: 'endorse'; nominationId: string }
  | { type: 'set_locale'; locale: Locale }
  | { type: 'status'; code: string }
  | { type: 'mine' }
  /** A one-time code to type in the other app (account linking). */
  | { type: 'link_create' }
  /** A code shown in the other app: link this identity to that app's member. */
  | { type: 'link_redeem'; code: string };

/** What the database said about the effect; the engine renders the reply from it. */
export type EffectResult =
  | { type: 'submit_nomination'; status: 'created' | 'already'; code: string }
  | { type: 'submit_nomination'; status: 'campaign_closed' | 'invalid'; reason?: string }
  | { type: 'endorse'; status: 'endorsed' | 'already' | 'own' | 'not_found'; code?: string; count?: number }
  | { type: 'set_locale'; status: 'ok'; locale: Locale }
  | { type: 'status'; status: 'found'; nomination: NominationStatusView }
  | { type: 'status'; status: 'not_found' }
  | { type: 'mine'; nominations: NominationSummary[]; endorsements: NominationSummary[] }
  | { type: 'link_create'; status: 'created'; code: string; minutes: number }
  | { type: 'link_redeem'; status: 'linked'; locale: Locale }
  | { type: 'link_redeem'; status: LinkRefusal };

/** Why a link code was not accepted. */
export type LinkRefusal = 'invalid' | 'expired' | 'own' | 'same_channel' | 'rate_limited';

/** Nomination statuses, in the order a nomination usually moves through them. */
export type NominationStatus =
  | 'submitted'
  | 'screened'
  | 'forwarded'
  | 'returned'
  | 'appraised'
  | 'honoured'
  | 'not_honoured'
  | 'withdrawn';

export interface NominationSummary {
  code: string;
  nomineeName: string;
  categoryId: string;
  status: NominationStatus;
  /** ISO timestamp. */
  submittedAt: string;
  endorsements: number;
}

export interface NominationStatusView extends NominationSummary {
  campaignId: string;
  unitName: string;
  history: { status: NominationStatus; at: string }[];
}

/** Everything the engine needs for one turn, loaded in one round trip. */
export interface TurnContext {
  member: MemberView;
  catalog: Catalog;
  lookup: LookupResult | null;
  now: Date;
}

/** What a turn decided: the next state, at most one effect, and the reply once the effect's result is known. */
export interface TurnOutcome {
  state: ConversationState;
  effect: Effect | null;
  reply: (result: EffectResult | null) => Outbound[];
  /** The language to render the reply in, when the turn changed it (else the member's). */
  locale?: Locale;
}
