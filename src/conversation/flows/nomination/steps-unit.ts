// Choosing a unit from the ward's list: the nominee's unit, and for a leader the collective they
// head. Long lists are narrowed by typing part of a name ("to 3", "lang ia").
import { ellipsize } from '../../../domain/text.js';
import { exactUnit, narrowUnits } from '../../../domain/units.js';
import type { CatalogUnit, Text } from '../../contract.js';
import type { Prompt, StepContext, StepDef } from '../../flow.js';
import { msg, raw } from '../../messages.js';
import { readAnswers } from './answers.js';
import { chosenCategory, unitsOfKinds } from './catalog-view.js';

/**
 * At most this many units are listed at once ("about ten"): a ward's agencies and mass
 * organisations (eleven in the seed) still fit one list, its residential groups and villages together do not.
 */
export const MAX_UNITS_SHOWN = 12;

interface UnitStepSpec {
  id: string;
  answerKey: 'unitId' | 'ledUnitId';
  kinds: (cx: StepContext) => readonly string[];
  question: (cx: StepContext) => Text;
  help: Text;
  when?: (cx: StepContext) => boolean;
}

function queryOf(cx: StepContext): string | undefined {
  return typeof cx.scratch.query === 'string' ? cx.scratch.query : undefined;
}

function unitPrompt(spec: UnitStepSpec, cx: StepContext): Prompt {
  const allowed = unitsOfKinds(cx.catalog, spec.kinds(cx));
  const query = queryOf(cx);
  const shown = query ? narrowUnits(allowed, query) : allowed;
  const text: Text[] = [spec.question(cx)];
  if (!query && shown.length > MAX_UNITS_SHOWN) text.push(msg('nomination.unit.typeToSearch', { count: shown.length }));
  else if (!query) text.push(msg('nomination.unit.pickOrType'));
  else if (shown.length > MAX_UNITS_SHOWN) text.push(msg('nomination.unit.tooMany', { count: shown.length, query: ellipsize(query, 40), shown: MAX_UNITS_SHOWN }));
  else text.push(msg('nomination.unit.found', { count: shown.length, query: ellipsize(query, 40) }));
  const listed = !query && shown.length > MAX_UNITS_SHOWN ? [] : shown.slice(0, MAX_UNITS_SHOWN);
  return { text, input: 'single', freeText: true, options: listed.map((u: CatalogUnit) => ({ value: u.id, label: raw(u.name) })) };
}

/** Builds a unit question: a list when short, a search when long. */
export function unitStep(spec: UnitStepSpec): StepDef {
  return {
    id: spec.id,
    when: spec.when,
    answered: (cx) => {
      const id = readAnswers(cx.answers)[spec.answerKey];
      return unitsOfKinds(cx.catalog, spec.kinds(cx)).some((u) => u.id === id);
    },
    prompt: (cx) => unitPrompt(spec, cx),
    help: () => [spec.help, msg('nomination.unit.searchHelp')],
    accept: (input, cx) => {
      const allowed = unitsOfKinds(cx.catalog, spec.kinds(cx));
      if (input.kind === 'option' && allowed.some((u) => u.id === input.value)) {
        return { type: 'answer', set: { [spec.answerKey]: input.value } };
      }
      if (input.kind !== 'text') return { type: 'invalid', reason: [msg('nomination.unit.typeName')] };
      const exact = exactUnit(allowed, input.text);
      if (exact) return { type: 'answer', set: { [spec.answerKey]: exact.id } };
      const matches = narrowUnits(allowed, input.text);
      if (matches.length) return { type: 'stay', scratch: { query: ellipsize(input.text, 100) } };
      const unmatched = input.unmatched;
      if (unmatched && !unmatched.ok && unmatched.problem === 'out_of_range') {
        return { type: 'invalid', reason: [msg('choice.outOfRange', { number: unmatched.number, max: unmatched.max })] };
      }
      return { type: 'invalid', reason: [msg('nomination.unit.noMatch', { query: ellipsize(input.text, 40) })] };
    },
  };
}

/** The unit the nominee belongs to (a collective's own unit), limited to the category's unit kinds. */
export const unitStepDef: StepDef = unitStep({
  id: 'unit',
  answerKey: 'unitId',
  kinds: (cx) => chosenCategory(cx.catalog, readAnswers(cx.answers))?.unitKinds ?? [],
  question: (cx) =>
    readAnswers(cx.answers).kind === 'collective' ? msg('nomination.unit.askCollective') : msg('nomination.unit.askIndividual'),
  help: msg('nomination.unit.help'),
});

/** For a leader or manager: the collective they head (the plan links the two). */
export const ledUnitStep: StepDef = unitStep({
  id: 'led_unit',
  answerKey: 'ledUnitId',
  kinds: () => [],
  when: (cx) => chosenCategory(cx.catalog, readAnswers(cx.answers))?.requiresLedUnit === true,
  question: (cx) => msg('nomination.ledUnit.ask', { name: readAnswers(cx.answers).name ?? '' }),
  help: msg('nomination.ledUnit.help'),
});
