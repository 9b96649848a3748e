// Opening a review form from a command ("/thamdinh", "/bieuquyet TL-0042"): the list or dossier its
// first question shows is fetched when it is shown; a command that finds nothing to do (an empty
// list, a closed vote, a code not found) answers at once instead of opening a form that can only
// be cancelled. A form of another kind that is half filled in is never dropped by it.
import type { DataRequest, Text } from '../../contract.js';
import { dataFor, type Answers, type FlowDef } from '../../engine/flow.js';
import type { Decision } from '../../engine/form-runner.js';
import { msg } from '../../engine/messages.js';
import type { TurnApi } from '../../engine/registry.js';

/** The forms of the ward's review path: opening one of them replaces another one of them. */
export const REVIEW_FLOWS: ReadonlySet<string> = new Set(['appraisal', 'council', 'honours', 'comment']);

/**
 * Opens `flow` (with `preset` answers) whose first question fetches `request`. The turn runs twice
 * when the data is not at hand yet: once to ask for it, once with it; `refuse` then says why there
 * is nothing to open (or null to open the form).
 */
export function openReview(turn: TurnApi, flow: FlowDef, request: DataRequest, refuse: (data: unknown) => Text[] | null, preset?: Answers): Decision {
  if (turn.flow && !REVIEW_FLOWS.has(turn.flow.id)) return turn.resume([msg('appraisal.busy')]);
  const data = dataFor(turn.ctx, request);
  if (data !== undefined) {
    const refusal = refuse(data);
    if (refusal) return turn.idleReply(refusal);
  }
  return turn.startForm(flow, [], preset);
}
