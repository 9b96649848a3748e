// Recognises commands before a step looks at the input: slash commands and whole messages that
// mean a command ("huy", "tro giup", "trang thai TL-0001"), typed with or without diacritics,
// looked up in the registry that the capabilities fill.
import { cleanInput, foldVietnamese } from '../../domain/text.js';
import type { InboundEvent } from '../contract.js';
import { COMMAND_TOKEN, slashKey, type CommandDef, type Registry } from './registry.js';

/** What an inbound event means before the step looks at it. */
export type Intent =
  /** `typed`: the message, when the command was typed as words ("huy") rather than a slash command. */
  | { type: 'command'; command: CommandDef; args: string; typed?: string }
  | { type: 'unknown_command'; name: string }
  | { type: 'text'; text: string }
  | { type: 'choice'; token: string; value: string }
  | { type: 'photo'; ref: string }
  | { type: 'unsupported' };

/** Reads an inbound event as a command, or as input for the current step. */
export function readIntent(event: InboundEvent, registry: Registry): Intent {
  switch (event.kind) {
    case 'command':
      return fromCommand(registry, event.command ?? '', cleanInput(event.text ?? ''));
    case 'choice':
      if (!event.choice) return { type: 'unsupported' };
      // A button of a notice stands for a command: the same as typing it (and checked the same way).
      if (event.choice.token === COMMAND_TOKEN) return event.choice.value.startsWith('/') ? fromText(registry, event.choice.value) : { type: 'unsupported' };
      return { type: 'choice', token: event.choice.token, value: event.choice.value };
    case 'photo':
      return event.photo?.ref ? { type: 'photo', ref: event.photo.ref } : { type: 'unsupported' };
    case 'text':
      return fromText(registry, event.text ?? '');
    default:
      return { type: 'unsupported' };
  }
}

function fromCommand(registry: Registry, name: string, args: string): Intent {
  const key = slashKey(name);
  const command = registry.commandBySlash(key);
  return command ? { type: 'command', command, args } : { type: 'unknown_command', name: key || name };
}

/** A message folded as command words are: closing punctuation after words is no part of them ("lam sao de de cu?"); "?" alone stays (help). */
export function foldCommandText(text: string): string {
  return foldVietnamese(text).replace(/(?<=\S)\s*[.!?]+$/, '').trim();
}

function fromText(registry: Registry, input: string): Intent {
  const text = cleanInput(input);
  const slash = /^\/(\S+)(?:\s+([\s\S]*))?$/.exec(text);
  if (slash) return fromCommand(registry, slash[1]!, (slash[2] ?? '').trim());
  const folded = foldCommandText(text);
  const command = registry.commandByWords(folded);
  if (command) return { type: 'command', command, args: '', typed: text };
  for (const { words, command: c, accepts } of registry.wordsWithArgs) {
    if (!folded.startsWith(`${words} `)) continue;
    const args = text.split(' ').slice(words.split(' ').length).join(' ');
    if (accepts(foldVietnamese(args))) return { type: 'command', command: c, args };
  }
  return { type: 'text', text };
}
