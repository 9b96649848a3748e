// Turns one typed terminal line into an inbound event: commands start with "/", and
// "/anh <path or URL>" (or "/photo") stands in for sending a photo, which a terminal cannot do.
import type { InboundEvent } from '../../conversation/contract.js';

const PHOTO_COMMANDS = new Set(['anh', 'photo']);
// Control characters other than tab are noise from terminals (arrow keys, pasted escapes).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** The event fields a line gives; the channel adds ids. */
export type ParsedLine = Pick<InboundEvent, 'kind' | 'text' | 'command' | 'photo'>;

/** Reads a line as text, a command, or a photo reference. */
export function parseConsoleLine(raw: string): ParsedLine {
  const line = raw.replace(CONTROL, '').trim();
  const command = /^\/([A-Za-z_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/.exec(line);
  if (!command) return { kind: 'text', text: line };
  const name = command[1]!.toLowerCase();
  const args = (command[2] ?? '').trim();
  if (PHOTO_COMMANDS.has(name)) {
    return args ? { kind: 'photo', photo: { ref: args } } : { kind: 'unsupported' };
  }
  return { kind: 'command', command: name, text: args };
}

/**
 * Whether the line is "/anh" (or "/photo") without a path. The engine would only hear "something
 * it cannot read" and answer "I read text, numbers and photos", which does not tell a person at a
 * terminal what to type; the terminal channel explains the command itself instead.
 */
export function isBarePhotoCommand(raw: string): boolean {
  // Of all the lines parseConsoleLine reads, only a photo command without a path is unsupported.
  return parseConsoleLine(raw).kind === 'unsupported';
}
