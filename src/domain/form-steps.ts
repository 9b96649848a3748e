// The steps of the nomination form by the ids its flow gives them, each with the locale key that
// names it for people: the funnel of a report and of /tiendo shows where people give up by these.

/** The locale key naming each step of the nomination form, in the form's order. */
export const FORM_STEP_KEYS: Readonly<Record<string, string>> = {
  campaign: 'funnel.step.campaign',
  category: 'funnel.step.category',
  unit: 'funnel.step.unit',
  name: 'funnel.step.name',
  duplicate: 'funnel.step.duplicate',
  deeds: 'funnel.step.deeds',
  criteria: 'funnel.step.criteria',
  led_unit: 'funnel.step.led_unit',
  photo: 'funnel.step.photo',
  consent: 'funnel.step.consent',
  summary: 'funnel.step.summary',
};

/** The key naming a step; null for a step this version of the form does not have (shown by its id). */
export function formStepKey(step: string): string | null {
  return Object.hasOwn(FORM_STEP_KEYS, step) ? FORM_STEP_KEYS[step]! : null;
}
