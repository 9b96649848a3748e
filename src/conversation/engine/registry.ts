// What capabilities hand the engine: their commands, forms, one-off prompts, start-link readers
// and reply renderers. The engine knows these shapes, never a particular capability; the registry
// built here is the single source of what a person can type, what help and menus list, and which
// renderer turns an effect's result into a reply.
import { foldVietnamese } from '../../domain/text.js';
import type {
  Catalog,
  Channel,
  ConversationState,
  DataRequest,
  Effect,
  EffectResult,
  InboundEvent,
  Json,
  Locale,
  MemberView,
  Outbound,
  Role,
  Text,
  TurnContext,
  TurnLinks,
} from '../contract.js';
import type { FlowDef, Prompt } from './flow.js';
import type { Decision } from './form-runner.js';
import type { Intent } from './intents.js';

/** What a renderer may read besides the effect's result. */
export interface RenderEnv {
  catalog: Catalog;
  member: MemberView;
  locale: Locale;
  /** Addresses only a channel knows (the Telegram bot's username), when the turn service has them. */
  links?: TurnLinks;
}

/** Turns an effect's result (null when the effect did not run) into the reply's first messages. */
export type Renderer = (result: EffectResult | null, args: Json | undefined, env: RenderEnv) => Outbound[];

/**
 * Turns a notice the database queued ({notice: name, args}) into messages, in the recipient's
 * language; a button it offers is a command (token COMMAND_TOKEN, value "/duyet TL-0042").
 */
export type NoticeRenderer = (args: Json | undefined, locale: Locale) => Outbound[];

/** The token of buttons that stand for a command ("cmd:/duyet TL-0042"): valid in any state. */
export const COMMAND_TOKEN = 'cmd';

/** What a command (or an overlay, or a start-link reader) can do with the turn at hand. */
export interface TurnApi {
  readonly event: InboundEvent;
  readonly state: ConversationState;
  readonly ctx: TurnContext;
  readonly locale: Locale;
  /** The open form, if any. */
  readonly flow: FlowDef | undefined;
  readonly registry: Registry;
  /** The open form's question again with notices above it (in `locale`, else the member's), or the notices and a hint when idle. */
  resume(notice: Text[], locale?: Locale): Decision;
  /** The idle state (no form), keeping a finished form for a repeated "send". */
  idle(): ConversationState;
  /** Notices, then what to type next; no form open afterwards. */
  idleReply(notice: Text[]): Decision;
  /**
   * Opens a form, with answers given in advance (a start link, a nomination to change) and notices
   * above its first question; `quiet` leaves out the form's own introduction.
   */
  startForm(flow: FlowDef, notice: Text[], preset?: Record<string, unknown>, options?: { quiet?: boolean }): Decision;
  /** Runs an effect (a read or a write), replies with its renderer, then shows the open question again. */
  lookUp(effect: Effect, render: string, args?: Json): Decision;
  /** Shows a one-off prompt (an overlay) on top of whatever is open; `args` is what it is about (a receipt code). */
  showOverlay(overlay: OverlayDef, notice: Text[], args?: string): Decision;
  /**
   * The database's answer to a request this turn needs before it can decide (a nomination to
   * edit); undefined the first time: the service fetches it and runs the turn again with it.
   */
  data(request: DataRequest): unknown;
}

/** Who may use a command, and where it works. */
export interface CommandAccess {
  /** Holders of any of these roles may use it; undefined: everybody. */
  roles?: Role[];
  /** The channels it makes sense on; undefined: all of them. */
  channels?: Channel[];
}

/** A command: slash names and words in Vietnamese and English, who may use it, and what it does. */
export interface CommandDef extends CommandAccess {
  id: string;
  /** Slash names without the slash, folded (no diacritics, lower case, no spaces or underscores). */
  slash: string[];
  /** Whole messages (folded) that mean the command. */
  words?: string[];
  /**
   * Whole messages (folded) that mean the command only when nothing is being asked: everyday
   * answers ("ok", "ung ho") that a question may take as its own.
   */
  idleWords?: string[];
  /** Words followed by an argument ("trang thai TL-0001"); the argument must look right. */
  wordsWithArgs?: { words: string; accepts: (foldedArgs: string) => boolean }[];
  /** The command shown in menus per language (Telegram's command menu), with its description key. */
  menu?: { vi: string; en: string; description: string };
  /** The line of help that presents the command (idle help, the greeting). */
  help?: (env: RenderEnv) => Text;
  /** A locale key naming the command in a few words ("/decu (de cu)"), for the list shown after an unknown command. */
  brief?: string;
  /** 'help': listed only in the full help, not in the greeting's short list. */
  helpIn?: 'help';
  /**
   * Words of this command that are also everyday answers (a given name such as "Huy"), written as
   * people type them (lower case): at a question answered in free text they are the answer if the
   * question takes them, and `notice` says how to run the command instead.
   */
  alsoAnswer?: { words: string[]; notice: string };
  /** Where it sits in help and menus. */
  order: number;
  run: (turn: TurnApi, args: string) => Decision;
}

/** A one-off question on top of whatever is open (the language question); its id prefixes its view token. */
export interface OverlayDef {
  id: string;
  /**
   * The question, asked again after a wrong answer. `args` is what showOverlay was given; when
   * answered, an overlay finds it again in the values it showed (turn.state.view).
   */
  prompt: (turn: TurnApi, args?: string) => Prompt;
  /** Handles an answer or a command while the overlay is on screen; null lets a command run as usual. */
  answer: (turn: TurnApi, intent: Intent) => Decision | null;
}

/** Reads a start payload (a deep link, "/start <payload>"); null when it is not this capability's. */
export type StartReader = (turn: TurnApi, payload: string) => Decision | null;

/**
 * Looks at every turn, before the input is read and after the turn is decided, with what the
 * registry's standing lookup answered about the person (undefined when it was not asked this turn):
 * what a first contact needs (the ward question, the privacy notice) lives here, not in every command.
 */
export interface Gate {
  id: string;
  /** Decides the turn instead (a question that must come first); null lets the turn run as usual. */
  before?: (turn: TurnApi, intent: Intent, standing: unknown) => Decision | null;
  /** Changes the decided turn (a notice shown with the reply, the effect wrapped in one that records it). */
  after?: (turn: TurnApi, decision: Decision, standing: unknown) => Decision;
}

/** One capability: a folder under capabilities/ with the pieces it adds. */
export interface Capability {
  id: string;
  commands?: CommandDef[];
  flows?: FlowDef[];
  overlays?: OverlayDef[];
  startReaders?: StartReader[];
  renderers?: Record<string, Renderer>;
  notices?: Record<string, NoticeRenderer>;
  gates?: Gate[];
  /**
   * What the load looks up about the person with every turn whose question asks for nothing else
   * (kept in the state's lookup, so it costs no round trip of its own); read by the gates. One
   * capability at most provides it.
   */
  standing?: DataRequest;
}

/** The engine's index of every capability's pieces. */
export interface Registry {
  commands: readonly CommandDef[];
  commandBySlash(folded: string): CommandDef | undefined;
  commandByWords(folded: string): CommandDef | undefined;
  /** A command meant by a whole message when no form is open (see CommandDef.idleWords). */
  commandByIdleWords(folded: string): CommandDef | undefined;
  commandById(id: string): CommandDef | undefined;
  /** Commands typed as words followed by an argument. */
  wordsWithArgs: readonly { words: string; command: CommandDef; accepts: (foldedArgs: string) => boolean }[];
  flow(id: string | null | undefined): FlowDef | undefined;
  /** Every form and view, for jobs that look at open conversations (the draft nudge skips views). */
  flows: readonly FlowDef[];
  overlay(id: string | null | undefined): OverlayDef | undefined;
  startReaders: readonly StartReader[];
  renderer(name: string): Renderer | undefined;
  notice(name: string): NoticeRenderer | undefined;
  /** The gates, in the capabilities' order. */
  gates: readonly Gate[];
  /** The standing lookup, if a capability provides one. */
  standing: DataRequest | undefined;
}

/** Whether the member may use the command on this channel. */
export function mayUse(command: CommandAccess, member: MemberView, channel: Channel): boolean {
  if (command.channels && !command.channels.includes(channel)) return false;
  if (!command.roles) return true;
  return member.roles.some((r) => command.roles!.includes(r.role));
}

/** A slash name as the registry keys it: folded, without a leading slash, a @bot suffix, spaces, _ or -. */
export function slashKey(name: string): string {
  return foldVietnamese(name).replace(/^\//, '').replace(/@.*$/, '').replace(/[\s_-]/g, '');
}

/** Builds the registry; a slash name, word, flow, overlay or renderer claimed twice is a bug and throws. */
export function buildRegistry(capabilities: readonly Capability[]): Registry {
  const bySlash = new Map<string, CommandDef>();
  const byWords = new Map<string, CommandDef>();
  const byIdleWords = new Map<string, CommandDef>();
  const byId = new Map<string, CommandDef>();
  const flows = new Map<string, FlowDef>();
  const overlays = new Map<string, OverlayDef>();
  const renderers = new Map<string, Renderer>();
  const notices = new Map<string, NoticeRenderer>();
  const wordsWithArgs: { words: string; command: CommandDef; accepts: (foldedArgs: string) => boolean }[] = [];
  const claim = <T>(map: Map<string, T>, key: string, value: T, what: string) => {
    if (map.has(key)) throw Object.assign(new Error(`${what} "${key}" is registered twice`), { code: 'REGISTRY_CONFLICT' });
    map.set(key, value);
  };
  const commands: CommandDef[] = [];
  let standing: { by: string; request: DataRequest } | undefined;
  for (const cap of capabilities) {
    if (cap.standing) {
      if (standing) throw Object.assign(new Error(`standing lookup of "${cap.id}" and "${standing.by}": only one is kept`), { code: 'REGISTRY_CONFLICT' });
      standing = { by: cap.id, request: cap.standing };
    }
    for (const c of cap.commands ?? []) {
      commands.push(c);
      claim(byId, c.id, c, 'command');
      for (const s of c.slash) claim(bySlash, slashKey(s), c, 'slash command');
      for (const w of c.words ?? []) claim(byWords, foldVietnamese(w), c, 'command word');
      for (const w of c.idleWords ?? []) claim(byIdleWords, foldVietnamese(w), c, 'idle command word');
      for (const w of c.wordsWithArgs ?? []) wordsWithArgs.push({ words: foldVietnamese(w.words), command: c, accepts: w.accepts });
    }
    for (const f of cap.flows ?? []) claim(flows, f.id, f, 'flow');
    for (const o of cap.overlays ?? []) claim(overlays, o.id, o, 'overlay');
    for (const [name, r] of Object.entries(cap.renderers ?? {})) claim(renderers, name, r, 'renderer');
    for (const [name, r] of Object.entries(cap.notices ?? {})) claim(notices, name, r, 'notice');
  }
  for (const w of byIdleWords.keys()) {
    if (byWords.has(w)) throw Object.assign(new Error(`command word "${w}" is registered twice`), { code: 'REGISTRY_CONFLICT' });
  }
  commands.sort((a, b) => a.order - b.order);
  return {
    commands,
    commandBySlash: (folded) => bySlash.get(folded),
    commandByWords: (folded) => byWords.get(folded),
    commandByIdleWords: (folded) => byIdleWords.get(folded),
    commandById: (id) => byId.get(id),
    wordsWithArgs,
    flow: (id) => (id ? flows.get(id) : undefined),
    flows: [...flows.values()],
    overlay: (id) => (id ? overlays.get(id) : undefined),
    startReaders: capabilities.flatMap((c) => c.startReaders ?? []),
    renderer: (name) => renderers.get(name),
    notice: (name) => notices.get(name),
    gates: capabilities.flatMap((c) => c.gates ?? []),
    standing: standing?.request,
  };
}
