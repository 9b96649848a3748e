// Picking a unit of the ward (to dan pho, lang, co quan, doan the) in one question: a list when it
// is short, a search when it is long ("to 3" picks "To dan pho 3" when it is the only match), and,
// for a person who does not know the unit's name, the units browsed by kind ("xem").
import { ellipsize } from '../../../domain/text.js';
import { exactUnit, narrowUnits } from '../../../domain/units.js';
import type { CatalogUnit, Text, UnitKind } from '../../contract.js';
import type { Prompt, PromptOption, StepContext, StepInput, StepResult } from '../../engine/flow.js';
import { msg, raw } from '../../engine/messages.js';

/** At most this many units are listed at once: a ward's agencies and mass organisations still fit one list. */
export const MAX_UNITS_SHOWN = 12;

/** What a unit question asks and offers. */
export interface UnitPickerSpec {
  /** The unit kinds allowed (all when empty). */
  kinds: (cx: StepContext) => readonly string[];
  question: (cx: StepContext) => Text;
  /** A one-tap answer listed first (for a leader: the unit just chosen). */
  quick?: (cx: StepContext) => { unitId: string; hint: Text } | null;
  /** Why "bo qua" cannot skip this question; undefined: "bo qua" is searched like any text. */
  noSkip?: Text;
}

/** What a typed or picked answer made of a unit question. */
export type UnitAnswer = { type: 'picked'; unitId: string; notice: Text[] } | Extract<StepResult, { type: 'stay' | 'invalid' }>;

/** Each unit kind's name in a list of kinds. */
const KIND_LABEL: Record<UnitKind, string> = {
  to_dan_pho: 'unit.kind.to_dan_pho',
  lang: 'unit.kind.lang',
  co_quan: 'unit.kind.co_quan',
  doan_the: 'unit.kind.doan_the',
};
const KINDS = Object.keys(KIND_LABEL) as UnitKind[];
const BROWSE = 'browse';
const SKIP = 'skip';
const KIND_PREFIX = 'kind:';

/** Units of the given kinds (any kind when the list is empty), in catalog order. */
export function unitsOfKinds(units: readonly CatalogUnit[], kinds: readonly string[]): CatalogUnit[] {
  return kinds.length ? units.filter((u) => kinds.includes(u.kind)) : [...units];
}

function view(cx: StepContext): { query?: string; browse?: boolean; browseKind?: UnitKind } {
  const s = cx.scratch;
  return {
    query: typeof s.query === 'string' ? s.query : undefined,
    browse: s.browse === true,
    browseKind: KINDS.find((k) => k === s.browseKind),
  };
}

const unitOption = (u: CatalogUnit): PromptOption => ({ value: u.id, label: raw(u.name) });

/** The unit question as it stands: the list, the search results, the kinds, or the units of one kind. */
export function unitPrompt(spec: UnitPickerSpec, cx: StepContext): Prompt {
  const allowed = unitsOfKinds(cx.catalog.units, spec.kinds(cx));
  const { query, browse, browseKind } = view(cx);
  const text: Text[] = [spec.question(cx)];
  let listed: CatalogUnit[] = [];
  const hidden: PromptOption[] = [];
  if (spec.noSkip) hidden.push({ value: SKIP, label: msg('action.skip'), words: ['bo qua', 'khong biet', 'skip', "don't know"] });
  if (browse) {
    const kinds = KINDS.filter((k) => allowed.some((u) => u.kind === k));
    text.push(msg('unit.pickKind'));
    return {
      text,
      input: 'single',
      freeText: true,
      options: kinds.map((k) => ({ value: `${KIND_PREFIX}${k}`, label: msg(KIND_LABEL[k]), hint: msg('unit.count', { count: allowed.filter((u) => u.kind === k).length }) })),
      hiddenOptions: hidden,
    };
  }
  if (browseKind) {
    listed = allowed.filter((u) => u.kind === browseKind);
    if (listed.length > MAX_UNITS_SHOWN) text.push(msg('unit.firstOnes', { shown: MAX_UNITS_SHOWN }));
  } else if (query) {
    listed = narrowUnits(allowed, query);
    text.push(
      listed.length > MAX_UNITS_SHOWN
        ? msg('unit.tooMany', { count: listed.length, query: ellipsize(query, 40), shown: MAX_UNITS_SHOWN })
        : msg('unit.found', { count: listed.length, query: ellipsize(query, 40) }),
    );
  } else if (allowed.length <= MAX_UNITS_SHOWN) {
    listed = allowed;
  } else {
    text.push(msg('unit.typeToSearch'));
  }
  if (!browseKind) hidden.push({ value: BROWSE, label: msg('unit.browse'), words: ['xem', 'xem danh sach', 'danh sach', 'xem het', 'list', 'browse', 'show all'] });
  const options = listed.slice(0, MAX_UNITS_SHOWN).map(unitOption);
  const quick = !query && !browseKind ? spec.quick?.(cx) : null;
  const quickUnit = quick ? allowed.find((u) => u.id === quick.unitId) : undefined;
  if (quick && quickUnit) options.unshift({ ...unitOption(quickUnit), hint: quick.hint });
  const unique = options.filter((o, i) => options.findIndex((x) => x.value === o.value) === i);
  return { text, input: 'single', freeText: true, options: unique, hiddenOptions: hidden };
}

/** Judges an answer to the unit question: a unit picked (by list, by a search with one match), or a narrower view. */
export function unitAnswer(spec: UnitPickerSpec, input: StepInput, cx: StepContext): UnitAnswer {
  const allowed = unitsOfKinds(cx.catalog.units, spec.kinds(cx));
  if (input.kind === 'option') {
    if (input.value === BROWSE) return { type: 'stay', scratch: { browse: true } };
    if (input.value === SKIP && spec.noSkip) return { type: 'invalid', reason: [spec.noSkip] };
    const kind = KINDS.find((k) => input.value === `${KIND_PREFIX}${k}`);
    if (kind) return { type: 'stay', scratch: { browseKind: kind } };
    if (allowed.some((u) => u.id === input.value)) return { type: 'picked', unitId: input.value, notice: [] };
  }
  if (input.kind !== 'text') return { type: 'invalid', reason: [msg('unit.typeName')] };
  const exact = exactUnit(allowed, input.text);
  if (exact) return { type: 'picked', unitId: exact.id, notice: [msg('unit.picked', { name: exact.name })] };
  const matches = narrowUnits(allowed, input.text);
  if (matches.length === 1) return { type: 'picked', unitId: matches[0]!.id, notice: [msg('unit.picked', { name: matches[0]!.name })] };
  if (matches.length) return { type: 'stay', scratch: { query: ellipsize(input.text, 100) } };
  const unmatched = input.unmatched;
  if (unmatched && !unmatched.ok && unmatched.problem === 'out_of_range') {
    return { type: 'invalid', reason: [msg('choice.outOfRange', { number: unmatched.number, max: unmatched.max })] };
  }
  return { type: 'invalid', reason: [msg('unit.noMatch', { query: ellipsize(input.text, 40) })] };
}

/** "Back" inside the unit question: from one kind's units to the kinds, from the kinds or a search to the question. */
export function unitBack(cx: StepContext): StepResult | null {
  const { query, browse, browseKind } = view(cx);
  if (browseKind) return { type: 'stay', scratch: { browse: true } };
  if (browse || query) return { type: 'stay', scratch: {} };
  return null;
}

/** Help for a unit question. */
export function unitHelp(): Text {
  return msg('unit.help');
}
