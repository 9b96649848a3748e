// What picking a ward exchanges with the database: the effect join_ward and its answer.
import { z } from 'zod';

/** The effect that puts the person in a ward (or says where they are, with an empty code). */
export const JOIN_WARD = 'join_ward';

const ward = z.object({ code: z.string(), name: z.string() });

/** What join_ward answered. */
export const joinResultSchema = z.discriminatedUnion('status', [
  z.object({ type: z.literal(JOIN_WARD), status: z.literal('joined'), ward: z.string() }),
  z.object({ type: z.literal(JOIN_WARD), status: z.literal('already'), ward: z.string() }),
  z.object({ type: z.literal(JOIN_WARD), status: z.literal('settled'), ward: z.string() }),
  z.object({ type: z.literal(JOIN_WARD), status: z.literal('not_found'), code: z.string(), wards: z.array(ward) }),
  z.object({ type: z.literal(JOIN_WARD), status: z.literal('info'), ward: z.string(), movable: z.boolean(), wards: z.array(ward) }),
]);

/** A ward code as links and people write it: 2-40 of a-z, 0-9 and "-". */
export const WARD_CODE = /^[a-z0-9-]{2,40}$/;

/** The start payload that joins a ward ("t.me/<bot>?start=w-<code>"). */
export function wardStartPayload(code: string): string {
  return `w-${code}`;
}

/** The ward code in a start payload; null when the payload is not a ward's. */
export function readWardPayload(payload: string): string | null {
  const m = /^w-(.+)$/i.exec(payload.trim());
  const code = m?.[1]?.toLowerCase();
  return code && WARD_CODE.test(code) ? code : null;
}
