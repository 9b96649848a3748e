// The invitation form's answers, read from the stored state with their types checked, so a
// malformed or older state never crashes a step.
import type { Answers } from '../../engine/flow.js';

/** A role an officer can invite to. */
export type InvitedRole = 'leader' | 'officer' | 'council';

/** A unit's current leader, as the form shows them when asking about a second one. */
export interface CurrentLeader {
  name: string | null;
  since: string;
}

/** What the invitation form has gathered so far. */
export interface InviteAnswers {
  role?: InvitedRole;
  unitId?: string;
  /** The chosen unit's current leaders (empty: none), read when the unit was chosen. */
  unitLeaders?: CurrentLeader[];
  /** Whether a second leader may accept; answered for the unit in `secondFor`. */
  allowSecond?: boolean;
  secondFor?: string;
  /** The invited person's name as the officer gave it; null: not given. */
  holderName?: string | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function leaders(v: unknown): CurrentLeader[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.flatMap((l: unknown) => {
    const x = l as { name?: unknown; since?: unknown } | null;
    return x && typeof x.since === 'string' ? [{ name: typeof x.name === 'string' ? x.name : null, since: x.since }] : [];
  });
}

/** Reads the answers with their types checked. */
export function readInvite(answers: Answers): InviteAnswers {
  const role = answers.role === 'leader' || answers.role === 'officer' || answers.role === 'council' ? answers.role : undefined;
  return {
    role,
    unitId: str(answers.unitId),
    unitLeaders: leaders(answers.unitLeaders),
    allowSecond: typeof answers.allowSecond === 'boolean' ? answers.allowSecond : undefined,
    secondFor: str(answers.secondFor),
    holderName: answers.holderName === null ? null : str(answers.holderName),
  };
}
