// The nomination form's answers, read from the stored state with their types checked, so a
// malformed or older state never crashes a step.
import type { Answers } from '../../engine/flow.js';

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
  /** The kind the deeds were told for: a person's deeds are no residential group's. */
  deedsKind?: NomineeKind;
  criterionIds?: string[];
  /** The category the criteria were chosen for: another category has other criteria. */
  criteriaFor?: string;
  ledUnitId?: string;
  photoRef?: string | null;
  /** The kind the photo was sent (or skipped) for. */
  photoKind?: NomineeKind;
  consent?: boolean;
  phone?: string | null;
  /** The version of the contact notice agreed to with `consent`. */
  consentNotice?: string;
  /** Set when the form changes a nomination already sent (/sua): which one. */
  editOf?: { id: string; code: string };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const strOrNull = (v: unknown) => (v === null ? null : str(v));
const kind = (v: unknown) => (v === 'collective' || v === 'individual' ? v : undefined);

const editOf = (v: unknown) => {
  const o = v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  return o && typeof o.id === 'string' && typeof o.code === 'string' ? { id: o.id, code: o.code } : undefined;
};

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
    deedsKind: kind(answers.deedsKind),
    criterionIds: Array.isArray(answers.criterionIds) ? answers.criterionIds.filter((x): x is string => typeof x === 'string') : undefined,
    criteriaFor: str(answers.criteriaFor),
    ledUnitId: str(answers.ledUnitId),
    photoRef: strOrNull(answers.photoRef),
    photoKind: kind(answers.photoKind),
    consent: typeof answers.consent === 'boolean' ? answers.consent : undefined,
    phone: strOrNull(answers.phone),
    consentNotice: str(answers.consentNotice),
    editOf: editOf(answers.editOf),
  };
}
