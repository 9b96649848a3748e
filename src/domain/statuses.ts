// The life of a nomination: the order statuses usually follow and which ones end it.

/** Every status, in the order a nomination usually moves through them (same names as the SQL enum). */
export const NOMINATION_STATUSES = [
  'submitted',
  'screened',
  'forwarded',
  'returned',
  'appraised',
  'proposed',
  'posted',
  'approved',
  'honoured',
  'not_honoured',
  'declined',
  'withdrawn',
] as const;

/** One status of a nomination. */
export type NominationStatusName = (typeof NOMINATION_STATUSES)[number];

/** Statuses after which nothing more happens to a nomination. */
export const FINAL_STATUSES: ReadonlySet<NominationStatusName> = new Set(['honoured', 'not_honoured', 'declined', 'withdrawn']);

/** Whether a nomination in this status is finished. */
export function isFinalStatus(status: NominationStatusName): boolean {
  return FINAL_STATUSES.has(status);
}
