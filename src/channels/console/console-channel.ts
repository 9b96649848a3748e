// The terminal as a chat: each line a person types is an inbound event; the bot's replies are
// printed as plain text with numbered choices. Works on a TTY and with stdin from a pipe, and
// ends cleanly at end of input once the turns in hand are done.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { InboundEvent, Locale, Outbound } from '../../conversation/contract.js';
import { msg, raw } from '../../conversation/engine/messages.js';
import type { TurnService } from '../../services/turn-service.js';
import type { ChannelSender } from '../../services/delivery.js';
import type { Logger } from '../../logging/logger.js';
import { isBarePhotoCommand, parseConsoleLine } from './parse-line.js';
import { checkPhotoPath, type PhotoPathProblem } from './photo-path.js';

/** Renders the engine's messages as the text the terminal shows. */
export type ConsoleRender = (messages: Outbound[], locale: Locale) => string;

/** The terminal channel's dependencies. */
export interface ConsoleChannelOptions {
  input: Readable;
  output: Writable;
  turns: TurnService;
  render: ConsoleRender;
  log: Logger;
  /** Who is typing: the terminal user's identity (e.g. from --as). */
  userName: string;
  /** Shown once at start. */
  banner: string;
  /** Shown when a turn fails unexpectedly. */
  failure: (locale: Locale) => string;
  /** Shown for "/anh" without a path: how to send a photo from the terminal. */
  photoUsage: (locale: Locale) => string;
  /** Shown for "/anh <path>" when the path is no picture file: nothing is sent to the bot. */
  photoProblem: (locale: Locale, problem: Exclude<PhotoPathProblem, null>, path: string) => string;
  defaultLocale: Locale;
}

/** Runs the terminal chat until end of input; resolves when every line has been answered. */
export function runConsoleChannel(opts: ConsoleChannelOptions): { done: Promise<void>; stop: () => void } {
  const userId = consoleUserId(opts.userName);
  const interactive = Boolean((opts.input as NodeJS.ReadStream).isTTY);
  const rl = readline.createInterface({ input: opts.input, output: interactive ? opts.output : undefined, terminal: interactive });
  let lastLocale: Locale = opts.defaultLocale;
  let chain: Promise<void> = Promise.resolve();
  // Each block of output is followed by a blank line, which keeps one turn apart from the next.
  const write = (text: string) => {
    opts.output.write(`${text.replace(/\n+$/, '')}\n\n`);
  };
  const prompt = () => {
    if (interactive) rl.prompt();
  };

  write(opts.banner);
  prompt();

  const handleLine = async (raw: string) => {
    if (isBarePhotoCommand(raw)) {
      write(opts.photoUsage(lastLocale));
      return prompt();
    }
    const parsed = parseConsoleLine(raw);
    if (parsed.kind === 'photo' && parsed.photo) {
      const problem = await checkPhotoPath(parsed.photo.ref);
      if (problem) {
        write(opts.photoProblem(lastLocale, problem, parsed.photo.ref));
        return prompt();
      }
    }
    // A blank line is still an answer: the engine replies "you typed nothing" and asks the open
    // question again. Dropping it silently left a person (or a script) at a piped terminal with
    // no reply at all, as if the bot had hung.
    const event: InboundEvent = {
      channel: 'console',
      chatId: userId,
      userId,
      eventId: randomUUID(),
      displayName: opts.userName,
      ...parsed,
    };
    try {
      const reply = await opts.turns.handle(event);
      if (reply.kind === 'reply') {
        lastLocale = reply.locale;
        write(opts.render(reply.messages, reply.locale));
        reply.delivered();
      }
    } catch (err) {
      opts.log.error('console.turn_failed', { code: (err as { code?: string }).code ?? 'UNEXPECTED' });
      write(opts.failure(lastLocale));
    }
    prompt();
  };

  rl.on('line', (line) => {
    chain = chain.then(() => handleLine(line));
  });
  const done = new Promise<void>((resolve) => {
    rl.on('close', () => {
      void chain.then(resolve);
    });
  });
  return { done, stop: () => rl.close() };
}

/** Prints messages the bot starts (a notice, a reminder) in the terminal, between turns. */
export function createConsoleSender(write: (text: string) => void, render: ConsoleRender, filesDir?: string): ChannelSender {
  const send: ChannelSender['send'] = async (_chatId, messages, locale) => {
    write(`${render(messages, locale).replace(/\n+$/, '')}\n\n`);
    return { ok: true };
  };
  return {
    channel: 'console',
    send,
    // The terminal takes no upload: the files go to a folder and their paths are printed.
    ...(filesDir
      ? {
          async sendFiles(chatId, files, locale) {
            await mkdir(filesDir, { recursive: true });
            const paths: string[] = [];
            for (const f of files) {
              const file = path.resolve(filesDir, f.name);
              await writeFile(file, f.bytes);
              paths.push(file);
            }
            return send(chatId, [{ kind: 'text', text: [msg('reports.saved'), ...paths.map((p) => raw(`  ${p}`))] }], locale);
          },
        }
      : {}),
  };
}

/** A stable id for a terminal user, so the same name finds the same conversation after a restart. */
export function consoleUserId(name: string): string {
  return name.normalize('NFC').trim().toLowerCase().replace(/\s+/g, '-');
}
