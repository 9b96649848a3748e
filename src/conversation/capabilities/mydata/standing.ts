// What the load tells every idle turn about the person (the lookup member_standing): the privacy
// notice version they were shown, whether they are new, and whether they still have to pick their
// ward. The privacy notice (mydata) and the first-contact ward question (wards) read it.
import { z } from 'zod';
import type { DataRequest } from '../../contract.js';
import { dataFor } from '../../engine/flow.js';
import type { TurnApi } from '../../engine/registry.js';

/** The request kept in the state's lookup, answered by the load with the next input. */
export const MEMBER_STANDING: DataRequest = { kind: 'member_standing' };

const wardChoiceSchema = z.object({ code: z.string(), name: z.string() });

const standingSchema = z.object({
  /** The privacy notice version last shown to the person; null: never. */
  notice: z.string().nullable(),
  /** A person never told anything, with nothing in the database but this chat. */
  fresh: z.boolean().default(false),
  /** null in a one-ward deployment. */
  ward: z
    .object({
      /** The person has not picked their ward and may still: ask before anything else. */
      choose: z.boolean(),
      /** The wards to pick from, when `choose`. */
      wards: z.array(wardChoiceSchema).nullable().optional(),
    })
    .nullable(),
});

/** The person's standing, as the gates read it. */
export type Standing = z.infer<typeof standingSchema>;

/** A ward a person may pick. */
export type WardChoice = z.infer<typeof wardChoiceSchema>;

/** Reads an answer of the standing lookup; null when it was not asked this turn (a question asked for something else). */
export function readStanding(value: unknown): Standing | null {
  if (value === undefined || value === null) return null;
  const parsed = standingSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The standing answered for this turn, if it was asked. */
export function standingOf(turn: TurnApi): Standing | null {
  return readStanding(dataFor(turn.ctx, MEMBER_STANDING));
}
