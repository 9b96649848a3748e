// Turns a reply plan and the effect's result into the messages a channel shows. The plan is data
// (it is kept with the saved state until delivered), so the same reply can be rendered again for
// a redelivered event.
import type { z } from 'zod';
import type { EffectResult, Outbound, ReplyPlan } from '../contract.js';
import type { Registry, RenderEnv } from './registry.js';

/** The reply's messages: the rendered effect result (if the plan names a renderer), then the plan's own. */
export function renderReply(plan: ReplyPlan, result: EffectResult | null, env: RenderEnv, registry: Registry): Outbound[] {
  if (!plan.render) return plan.messages;
  const renderer = registry.renderer(plan.render.name);
  if (!renderer) throw Object.assign(new Error(`no renderer named ${plan.render.name}`), { code: 'RENDERER_MISSING' });
  return [...renderer(result, plan.render.args, env), ...plan.messages];
}

/** Reads an effect's result with the capability's schema; null when it is missing or not that shape. */
export function readResult<S extends z.ZodType>(schema: S, result: EffectResult | null): z.infer<S> | null {
  const parsed = schema.safeParse(result);
  return parsed.success ? parsed.data : null;
}
