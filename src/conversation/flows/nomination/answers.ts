// The nomination form's answers, read from the stored state with their types checked, so a
// malformed or older state never crashes a step.
import type { Answers } from '../../flow.js';

/** Whether the nominee is a collective or a person. */
export type NomineeKind = 'collective' | 'individual';

/** What the form has gathered so far (undefined: not asked yet; null: skipped). */
export interface NominationAnswers {
  campaignId?: string;
  kind?: NomineeKind;
  categoryId?: string;
  unitId?: string;
  name?: string;
  /** The kind the name was given for: a person's name is no collective's name. */
  nameKind?: NomineeKind;
  /** The unit the name was checked against for an existing nomination: another unit needs another check. */
  nameUnit?: string;
  deeds?: string;
  criterionIds?: string[];
  /** The category the criteria were chosen for: another category has other criteria. */
  criteriaFor?: string;
  ledUnitId?: string;
  photoRef?: string | null;
  consent?: boolean;
  phone?: string | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const strOrNull = (v: unknown) => (v === null ? null : str(v));
const kind = (v: unknown) => (v === 'collective' || v === 'individual' ? v : undefined);

/** Reads the answers with their types checked. */
export function readAnswers(answers: Answers): NominationAnswers {
  return {
    campaignId: str(answers.campaignId),
    kind: kind(answers.kind),
    categoryId: str(answers.categoryId),
    unitId: str(answers.unitId),
    name: str(answers.name),
    nameKind: kind(answers.nameKind),
    nameUnit: str(answers.nameUnit),
    deeds: str(answers.deeds),
    criterionIds: Array.isArray(answers.criterionIds) ? answers.criterionIds.filter((x): x is string => typeof x === 'string') : undefined,
    criteriaFor: str(answers.criteriaFor),
    ledUnitId: str(answers.ledUnitId),
    photoRef: strOrNull(answers.photoRef),
    consent: typeof answers.consent === 'boolean' ? answers.consent : undefined,
    phone: strOrNull(answers.phone),
  };
}
