// What the data-rights capability exchanges with the database: the effects' names and the zod
// schemas of their answers (the single source of their types).
import { z } from 'zod';

/** The effect that shows everything held about the person. */
export const MY_DATA = 'my_data';
/** The effect that removes the person's name and phone from their nominations. */
export const WITHDRAW_CONTACT = 'withdraw_contact';
/** The effect that forgets the person. */
export const DELETE_MY_DATA = 'delete_my_data';
/** The effect that records the privacy notice shown with a turn, then runs the turn's own effect. */
export const PRIVACY_NOTICE = 'privacy_notice';

const iso = z.string();

/** Everything the bot holds about the person who asks. */
export const myDataSchema = z.object({
  type: z.literal(MY_DATA),
  status: z.literal('ok'),
  since: iso,
  ward: z.string().nullable(),
  locale: z.enum(['vi', 'en']),
  announcements: z.boolean(),
  identities: z.array(z.object({ channel: z.enum(['console', 'telegram', 'zalo']), id: z.string(), since: iso })),
  roles: z.array(z.object({ role: z.enum(['leader', 'officer', 'council']), unit: z.string().nullable(), holderName: z.string().nullable(), since: iso })),
  nominationCount: z.number().int(),
  nominations: z.array(z.string()),
  endorsementCount: z.number().int(),
  endorsements: z.array(z.string()),
  contacts: z.array(z.object({ code: z.string(), name: z.string().nullable(), phone: z.string().nullable() })),
  consents: z.array(z.object({ purpose: z.string(), noticeVersion: z.string(), givenAt: iso, withdrawnAt: iso.nullable() })),
  openForms: z.number().int(),
});

/** One line of /dulieu's data. */
export type MyData = z.infer<typeof myDataSchema>;

/** What withdrawing consent to be contacted did. */
export const withdrawnSchema = z.union([
  z.object({ type: z.literal(WITHDRAW_CONTACT), status: z.literal('withdrawn'), codes: z.array(z.string()) }),
  z.object({ type: z.literal(WITHDRAW_CONTACT), status: z.literal('nothing') }),
]);

/** What deleting the person's data did. */
export const deletedSchema = z.union([
  z.object({ type: z.literal(DELETE_MY_DATA), status: z.literal('deleted'), nominations: z.number().int(), endorsements: z.number().int() }),
  z.object({ type: z.literal(DELETE_MY_DATA), status: z.literal('nothing') }),
]);
