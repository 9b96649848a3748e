// The poll loops, against in-memory platforms. Telegram: a batch is handled (one chat's updates
// in order, chats side by side) before the next getUpdates, whose offset confirms it; a stop
// finishes the batch and confirms it. Both: an update that keeps failing holds up the next poll
// for a few seconds at most, a failure no retry can fix is not retried, and a poll result that is
// not an update is skipped without a pause.
import { describe, expect, it } from 'vitest';
import { startTelegramPoller } from '../../src/channels/telegram/poller.js';
import { isRetryableFailure } from '../../src/channels/failure.js';
import { ZaloUnreadableUpdateError, type ZaloApi } from '../../src/channels/zalo/api-client.js';
import { startZaloPoller } from '../../src/channels/zalo/poller.js';
import type { ZaloUpdate } from '../../src/channels/zalo/wire.js';
import { createLogger } from '../../src/logging/logger.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const retryable = () => Object.assign(new Error('database unreachable'), { code: 'DB_CALL_FAILED', postgrestCode: '08006' });
const hopeless = () => Object.assign(new Error('bad row'), { code: 'DB_CALL_FAILED', postgrestCode: '22P02' });
const tg = (id: number, chat: number) => ({ update_id: id, message: { message_id: id, from: { id: chat, first_name: 'A' }, chat: { id: chat, type: 'private' }, text: 'x' } });

function memoryLog() {
  const lines: string[] = [];
  return { lines, log: createLogger('debug', (line) => lines.push(line)) };
}

describe('the Telegram poll loop', () => {
  it('handles a batch before polling again, in order per chat and side by side across chats; the next offset confirms it', async () => {
    const requests: (number | undefined)[] = [];
    const batches: unknown[][] = [[tg(1, 10), tg(2, 20), tg(3, 10)], [tg(4, 20)]];
    const events: string[] = [];
    const { log } = memoryLog();
    const poller = startTelegramPoller({
      getUpdates: async (request) => {
        requests.push(request.offset);
        events.push(`poll ${request.offset ?? '-'}`);
        const batch = batches.shift();
        if (batch) return batch;
        await sleep(20);
        return [];
      },
      handle: async (update) => {
        const id = (update as { update_id: number }).update_id;
        events.push(`start ${id}`);
        await sleep(id === 1 ? 150 : 10);
        events.push(`end ${id}`);
      },
      retryable: isRetryableFailure,
      log,
      timeoutSeconds: 1,
    });
    await sleep(400);
    await poller.stop();
    // Chat 10's updates in order (3 after 1 ended); chat 20's meanwhile; the next poll after all.
    expect(events.slice(0, 8)).toEqual(['poll -', 'start 1', 'start 2', 'end 2', 'end 1', 'start 3', 'end 3', 'poll 4']);
    expect(requests.slice(0, 3)).toEqual([undefined, 4, 5]);
  });

  it('on stop, finishes the batch in hand and confirms it', async () => {
    const requests: { offset: number | undefined; timeout: number }[] = [];
    let first = true;
    const { log } = memoryLog();
    let handled = false;
    const poller = startTelegramPoller({
      getUpdates: async (request) => {
        requests.push({ offset: request.offset, timeout: request.timeout });
        if (first) {
          first = false;
          return [tg(41, 1)];
        }
        await sleep(20);
        return [];
      },
      handle: async () => {
        await sleep(200);
        handled = true;
      },
      retryable: isRetryableFailure,
      log,
    });
    await sleep(50);
    await poller.stop();
    expect(handled).toBe(true);
    expect(requests.at(-1)).toEqual({ offset: 42, timeout: 0 });
  });

  it('gives an update that keeps failing up within seconds; does not retry what no retry can fix', async () => {
    const calls = new Map<number, number>();
    const batches: unknown[][] = [[tg(1, 10), tg(2, 20)]];
    const { lines, log } = memoryLog();
    const started = performance.now();
    let secondPollAt = 0;
    const poller = startTelegramPoller({
      getUpdates: async () => {
        const batch = batches.shift();
        if (batch) return batch;
        secondPollAt ||= performance.now() - started;
        await sleep(20);
        return [];
      },
      handle: async (update) => {
        const id = (update as { update_id: number }).update_id;
        calls.set(id, (calls.get(id) ?? 0) + 1);
        throw id === 1 ? retryable() : hopeless();
      },
      retryable: isRetryableFailure,
      log,
    });
    await sleep(2_500);
    await poller.stop();
    expect(calls.get(1)).toBe(3);
    expect(calls.get(2)).toBe(1);
    expect(secondPollAt).toBeGreaterThan(0);
    expect(secondPollAt).toBeLessThan(5_000);
    expect(lines.filter((l) => l.includes('telegram.update_given_up'))).toHaveLength(2);
  });
});

describe('the Zalo poll loop', () => {
  function memoryApi(results: (ZaloUpdate | Error)[]) {
    const polls: number[] = [];
    const started = performance.now();
    const api: ZaloApi = {
      getMe: async () => ({ id: 'bot' }),
      getUpdates: async () => {
        polls.push(performance.now() - started);
        const next = results.shift();
        if (next instanceof Error) throw next;
        if (next) return next;
        await sleep(20);
        return null;
      },
      setWebhook: async () => undefined,
      deleteWebhook: async () => undefined,
      sendMessage: async () => undefined,
      sendPhoto: async () => undefined,
      sendChatAction: async () => undefined,
    };
    return { api, polls };
  }
  const update = (id: string): ZaloUpdate => ({
    event_name: 'message.text.received',
    message: { message_id: id, from: { id: 'u' }, chat: { id: 'u' }, text: 'x' },
  });

  it('never lets a poison update hold up the next poll for more than a few seconds', async () => {
    const { api, polls } = memoryApi([update('poison'), update('hopeless'), new ZaloUnreadableUpdateError('not an update'), update('fine')]);
    const tries = new Map<string, number>();
    const { lines, log } = memoryLog();
    const poller = startZaloPoller({
      api,
      log,
      handle: async (u) => {
        const id = u.message!.message_id;
        tries.set(id, (tries.get(id) ?? 0) + 1);
        if (id === 'poison') throw retryable();
        if (id === 'hopeless') throw hopeless();
      },
    });
    await sleep(2_500);
    await poller.stop();
    expect(tries.get('poison')).toBe(3);
    expect(tries.get('hopeless')).toBe(1);
    expect(tries.get('fine')).toBe(1);
    // Poll 2 came within seconds of the poison; the poll after the unreadable result came at once.
    expect(polls[1]! - polls[0]!).toBeLessThan(5_000);
    expect(polls[3]! - polls[2]!).toBeLessThan(100);
    expect(lines.filter((l) => l.includes('zalo.update_given_up'))).toHaveLength(2);
    expect(lines.some((l) => l.includes('"reason":"unreadable_update"'))).toBe(true);
  });
});
