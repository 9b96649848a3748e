// The nominee's unit, and for a leader the collective they head, through the shared unit picker:
// a search that takes the one match ("to 3"), a list when short, the units by kind on request.
import type { Text } from '../../contract.js';
import type { StepContext, StepDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { unitAnswer, unitBack, unitHelp, unitPrompt, unitsOfKinds, type UnitPickerSpec } from '../shared/unit-picker.js';
import { readAnswers } from './answers.js';
import { chosenCategory } from './catalog-view.js';

interface UnitStepSpec extends UnitPickerSpec {
  id: string;
  answerKey: 'unitId' | 'ledUnitId';
  help: (cx: StepContext) => Text[];
  when?: (cx: StepContext) => boolean;
}

/** Builds a unit question (the nomination form's; the invitation form picks a leader's unit with it too). */
export function unitStep(spec: UnitStepSpec): StepDef {
  return {
    id: spec.id,
    when: spec.when,
    answered: (cx) => {
      const id = readAnswers(cx.answers)[spec.answerKey];
      return unitsOfKinds(cx.catalog.units, spec.kinds(cx)).some((u) => u.id === id);
    },
    prompt: (cx) => unitPrompt(spec, cx),
    help: (cx) => [...spec.help(cx), unitHelp()],
    back: unitBack,
    accept: (input, cx) => {
      const answer = unitAnswer(spec, input, cx);
      return answer.type === 'picked' ? { type: 'answer', set: { [spec.answerKey]: answer.unitId }, notice: answer.notice } : answer;
    },
  };
}

const KIND_GROUPS = { places: ['to_dan_pho', 'lang'], bodies: ['co_quan', 'doan_the'] };
const within = (kinds: readonly string[], group: readonly string[]) => kinds.length > 0 && kinds.every((k) => group.includes(k));

/** The unit the nominee belongs to (a collective's own unit), limited to the category's unit kinds. */
export const unitStepDef: StepDef = unitStep({
  id: 'unit',
  answerKey: 'unitId',
  kinds: (cx) => chosenCategory(cx.catalog, readAnswers(cx.answers))?.unitKinds ?? [],
  question: (cx) => {
    const kinds = chosenCategory(cx.catalog, readAnswers(cx.answers))?.unitKinds ?? [];
    if (readAnswers(cx.answers).kind !== 'collective') return msg('nomination.unit.askIndividual');
    if (within(kinds, KIND_GROUPS.places)) return msg('nomination.unit.askPlace');
    if (within(kinds, KIND_GROUPS.bodies)) return msg('nomination.unit.askBody');
    return msg('nomination.unit.askCollective');
  },
  help: () => [msg('nomination.unit.help')],
});

/** For a leader or manager: the collective they head (the plan links the two); the unit just chosen is one tap. */
export const ledUnitStep: StepDef = unitStep({
  id: 'led_unit',
  answerKey: 'ledUnitId',
  kinds: () => [],
  when: (cx) => chosenCategory(cx.catalog, readAnswers(cx.answers))?.requiresLedUnit === true,
  question: (cx) => msg('nomination.ledUnit.ask', { name: readAnswers(cx.answers).name ?? '' }),
  quick: (cx) => {
    const unitId = readAnswers(cx.answers).unitId;
    return unitId ? { unitId, hint: msg('nomination.ledUnit.sameUnit') } : null;
  },
  noSkip: msg('nomination.ledUnit.needed'),
  help: () => [msg('nomination.ledUnit.help')],
});
