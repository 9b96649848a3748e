// Length bounds of what people type into a nomination; the SQL checks enforce the same numbers.

/** Shortest nominee name accepted (a collective can be "To 3"-short, a person's name rarely shorter). */
export const NAME_MIN = 2;
/** Longest nominee name accepted. */
export const NAME_MAX = 150;
/** Shortest description of the nominee's deeds: one real sentence. */
export const DEEDS_MIN = 20;
/** Longest description of the deeds: enough for a paragraph or two, small enough to review. */
export const DEEDS_MAX = 2000;
