// What the view of a resident's own unit exchanges with the database: their home unit, the
// nominations of a unit, remembering the unit. zod schemas: the single source of the types.
import { z } from 'zod';
import type { DataRequest, Effect } from '../../contract.js';

/** The look-up of the person's home unit (members.unit_id). */
export function homeUnitRequest(): DataRequest {
  return { kind: 'home_unit' };
}

/** The home unit, if the person told it before. */
export const homeUnitSchema = z.object({ unitId: z.string().nullable() });

/** The look-up of a unit's nominations in the open campaigns. */
export function unitNominationsRequest(unitId: string): DataRequest {
  return { kind: 'unit_nominations', unitId };
}

const lineSchema = z.object({
  id: z.string(),
  code: z.string(),
  nomineeName: z.string(),
  categoryId: z.string(),
  endorsements: z.number().int(),
  /** The person looking made it. */
  mine: z.boolean(),
  /** The person looking supports it already. */
  endorsedByMe: z.boolean(),
});

/** One nomination of the unit. */
export type UnitNomination = z.infer<typeof lineSchema>;

/** A unit's nominations, newest first (at most 20). */
export const unitNominationsSchema = z.object({ nominations: z.array(lineSchema) });

/** Remembers the person's home unit (effect set_home_unit). */
export interface SetHomeUnit extends Effect {
  type: 'set_home_unit';
  unitId: string;
}
