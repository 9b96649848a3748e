// The flows the engine can run, by id (leader review and officer broadcast will join here).
import type { FlowDef } from '../flow.js';
import { nominationFlow } from './nomination.js';

const FLOWS: Record<string, FlowDef> = { [nominationFlow.id]: nominationFlow };

/** Finds a flow by the id stored in the conversation state. */
export function flowById(id: string | null | undefined): FlowDef | undefined {
  return id ? FLOWS[id] : undefined;
}
