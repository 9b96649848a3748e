// A council member's vote in words: under a proposal of the list, on an open proposal, and as the
// vote a member changed from.
import type { Vote } from '../dossier/data.js';

/** "You voted: ..." under a proposal of the list (with its category). */
export const LISTED_VOTE: Record<Vote, string> = {
  agree: 'council.list.votedAgree',
  disagree: 'council.list.votedDisagree',
  abstain: 'council.list.votedAbstain',
};

/** "Your vote: ..." */
export const YOUR_VOTE: Record<Vote, string> = {
  agree: 'council.open.yourVoteAgree',
  disagree: 'council.open.yourVoteDisagree',
  abstain: 'council.open.yourVoteAbstain',
};

/** "Your vote before: ..." */
export const PREVIOUS_VOTE: Record<Vote, string> = {
  agree: 'council.done.previousAgree',
  disagree: 'council.done.previousDisagree',
  abstain: 'council.done.previousAbstain',
};
