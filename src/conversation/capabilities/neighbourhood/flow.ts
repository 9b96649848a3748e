// The view of a resident's own unit: the home unit asked once (and remembered), then the unit's
// nominations as a list where picking one supports it, with no name to type again.
import type { Text } from '../../contract.js';
import { dataFor, type FlowDef, type StepContext, type StepDef } from '../../engine/flow.js';
import { localized, msg } from '../../engine/messages.js';
import { unitAnswer, unitBack, unitHelp, unitPrompt, type UnitPickerSpec } from '../shared/unit-picker.js';
import { ENDORSED } from '../nomination/replies.js';
import { unitNominationsRequest, unitNominationsSchema, type SetHomeUnit, type UnitNomination } from './data.js';

/** Where people live: a residential group or a village. */
const HOME_KINDS = ['to_dan_pho', 'lang'];
const CHANGE = 'change_unit';

const unitIdOf = (cx: StepContext) => (typeof cx.answers.unitId === 'string' ? cx.answers.unitId : undefined);
const unitName = (cx: StepContext) => cx.catalog.units.find((u) => u.id === unitIdOf(cx))?.name ?? '';

const homeSpec: UnitPickerSpec = { kinds: () => HOME_KINDS, question: () => msg('neighbourhood.askHome') };

/** The person's home unit, asked once: the answer is remembered on their member row. */
export const homeUnitStep: StepDef = {
  id: 'home_unit',
  answered: (cx) => cx.catalog.units.some((u) => u.id === unitIdOf(cx) && HOME_KINDS.includes(u.kind)),
  prompt: (cx) => unitPrompt(homeSpec, cx),
  help: () => [msg('neighbourhood.homeHelp'), unitHelp()],
  back: unitBack,
  accept: (input, cx) => {
    const answer = unitAnswer(homeSpec, input, cx);
    if (answer.type !== 'picked') return answer;
    const effect: SetHomeUnit = { type: 'set_home_unit', unitId: answer.unitId };
    const name = cx.catalog.units.find((u) => u.id === answer.unitId)?.name ?? '';
    return { type: 'answer', set: { unitId: answer.unitId }, notice: [msg('neighbourhood.homeSaved', { unit: name })], effect };
  },
};

function nominationsOf(cx: StepContext): UnitNomination[] | null {
  const unitId = unitIdOf(cx);
  const parsed = unitId ? unitNominationsSchema.safeParse(dataFor(cx, unitNominationsRequest(unitId))) : null;
  return parsed?.success ? parsed.data.nominations : null;
}

function lineOf(n: UnitNomination, cx: StepContext): Text {
  const category = cx.catalog.categories.find((c) => c.id === n.categoryId);
  const params = { code: n.code, name: n.nomineeName, category: category ? localized(cx.locale, category.nameVi, category.nameEn) : '', count: n.endorsements };
  if (n.mine) return msg('neighbourhood.lineMine', params);
  if (n.endorsedByMe) return msg('neighbourhood.lineEndorsed', params);
  return msg('neighbourhood.line', params);
}

/** The unit's nominations: pick one to support it. */
export const unitListStep: StepDef = {
  id: 'unit_list',
  answered: () => false,
  fetch: (cx) => {
    const unitId = unitIdOf(cx);
    return unitId ? unitNominationsRequest(unitId) : undefined;
  },
  prompt: (cx) => {
    const list = nominationsOf(cx) ?? [];
    const change = { value: CHANGE, label: msg('neighbourhood.change'), words: ['doi don vi', 'doi to', 'doi lang', 'khong phai', 'change unit'] };
    if (!list.length) return { text: [msg('neighbourhood.none', { unit: unitName(cx) })], input: 'single', options: [], hiddenOptions: [change] };
    return {
      text: [msg('neighbourhood.title', { unit: unitName(cx), count: list.length })],
      input: 'single',
      options: list.map((n) => ({ value: n.id, label: lineOf(n, cx), words: [n.code.toLowerCase()] })),
      hiddenOptions: [change],
    };
  },
  help: () => [msg('neighbourhood.help')],
  accept: (input, cx) => {
    if (input.kind === 'option' && input.value === CHANGE) return { type: 'edit', step: 'home_unit' };
    const picked = input.kind === 'option' ? nominationsOf(cx)?.find((n) => n.id === input.value) : undefined;
    if (!picked) return { type: 'invalid', reason: [msg('neighbourhood.pickOne')] };
    return { type: 'finish', effect: { type: 'endorse', nominationId: picked.id }, render: ENDORSED };
  },
};

/** The view of a unit's nominations; another form replaces it. */
export const unitViewFlow: FlowDef = {
  id: 'unit_view',
  steps: [homeUnitStep, unitListStep],
  reviewStep: 'unit_list',
  repeatableValue: '',
  replaceable: true,
  start: () => ({ ok: true, answers: {}, intro: [] }),
};
