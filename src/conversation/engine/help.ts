// The lists of what a person can do, derived from the command registry: only the commands their
// roles allow on the channel at hand, in the registry's order.
import type { Channel, Text } from '../contract.js';
import { msg } from './messages.js';
import { mayUse, type Registry, type RenderEnv } from './registry.js';

/** One line per command the member may use here: the greeting's short list, or all of them for help (`except` one: help itself). */
export function commandLines(registry: Registry, env: RenderEnv, channel: Channel, full = false, except?: string): Text[] {
  return registry.commands
    .filter((c) => c.help && c.id !== except && mayUse(c, env.member, channel) && (full || c.helpIn !== 'help'))
    .map((c) => c.help!(env));
}

/** "You can:" and the command lines (see commandLines). */
export function availableCommands(registry: Registry, env: RenderEnv, channel: Channel, full = false, except?: string): Text[] {
  return [msg('menu.canDo'), ...commandLines(registry, env, channel, full, except)];
}

/** One line reminding what to type next when no form is open. */
export function menuHint(): Text {
  return msg('menu.hint');
}

/** "Commands you can use:" and the commands the member may use here, in a few words each. */
export function commandList(registry: Registry, env: RenderEnv, channel: Channel): Text[] {
  const briefs = registry.commands.filter((c) => c.brief && mayUse(c, env.member, channel)).map((c) => msg(c.brief!));
  return [msg('command.available'), ...briefs];
}
