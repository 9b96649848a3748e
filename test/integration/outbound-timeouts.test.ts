// Every outbound call has an end. A Postgres port that accepts and never speaks, a server that
// completes the start-up and then never answers a query, a slow statement on the real server; a
// Zalo API and a Telegram Bot API that take requests and never answer: each call fails within
// its timeout (as a failure a retry can fix), instead of stalling a chat for ever.
import net from 'node:net';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRetryableFailure } from '../../src/channels/failure.js';
import { callPolicy, isRetryableTelegramFailure } from '../../src/channels/telegram/call-policy.js';
import { createZaloApi, ZaloUnreachableError } from '../../src/channels/zalo/api-client.js';
import { openPgExecutor } from '../../src/db/pg-executor.js';
import { fetchWithTimeout } from '../../src/db/supabase-client.js';
import { createServerDatabase } from '../support/databases.js';
import { FakeBotApi } from '../support/fake-bot-api.js';

/** A TCP server that accepts connections; `speak` answers Postgres's start-up and nothing after. */
async function silentServer(speak: boolean): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    if (!speak) return;
    let started = false;
    socket.on('data', () => {
      if (started) return; // A query: never answered.
      started = true;
      const ok = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]); // AuthenticationOk
      const ready = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]); // ReadyForQuery (idle)
      socket.write(Buffer.concat([ok, ready]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** How long a promise takes to settle, and how. */
async function timed(work: Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  try {
    await work;
    return { ms: performance.now() - started, error: null };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

describe('Postgres calls end', () => {
  it('when the port accepts and never speaks: the connection times out', async () => {
    const server = await silentServer(false);
    const db = openPgExecutor(`postgres://bot@127.0.0.1:${server.port}/bot`, { timeouts: { connectMs: 400 } });
    try {
      const r = await timed(db.query('select 1'));
      expect(r.error).toBeTruthy();
      expect(r.ms).toBeLessThan(2_000);
    } finally {
      await db.close().catch(() => undefined);
      await server.close();
    }
  });

  it('when the server starts the session and then never answers: the query times out', async () => {
    const server = await silentServer(true);
    const db = openPgExecutor(`postgres://bot@127.0.0.1:${server.port}/bot`, { timeouts: { connectMs: 400, queryMs: 400 } });
    try {
      const r = await timed(db.query('select 1', [], { prepared: true }));
      expect(String(r.error)).toMatch(/timeout/i);
      expect(r.ms).toBeLessThan(2_000);
    } finally {
      await db.close().catch(() => undefined);
      await server.close();
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('when a statement runs too long on the real server; the pool goes on afterwards', async () => {
    const created = await createServerDatabase();
    const db = openPgExecutor(created.url, { timeouts: { queryMs: 500 } });
    try {
      const r = await timed(db.query('select pg_sleep(5)'));
      expect(r.error).toBeTruthy();
      expect(r.ms).toBeLessThan(2_000);
      expect(await db.query<{ x: number }>('select 1 as x')).toEqual([{ x: 1 }]);
      // Migrations get the long limit.
      await db.transaction(async (tx) => tx.query('select pg_sleep(0.8)'));
    } finally {
      await db.close();
      await created.drop();
    }
  });
});

describe('platform calls end', () => {
  let hung: http.Server;
  let hungRoot: string;
  const held = new Set<http.ServerResponse>();

  beforeAll(async () => {
    // Takes every request and never answers.
    hung = http.createServer((req, res) => {
      req.resume();
      held.add(res);
    });
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', () => resolve()));
    hungRoot = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const res of held) res.destroy();
    hung.closeAllConnections();
    await new Promise<void>((resolve) => hung.close(() => resolve()));
  });

  it('Zalo: a send and a poll that get no answer fail as unreachable, within their timeouts', async () => {
    const api = createZaloApi({ token: '1234567890:hung', apiRoot: hungRoot, callTimeoutMs: 300, pollMarginMs: 300 });
    const send = await timed(api.sendMessage('u1', 'xin chào'));
    expect(send.error).toBeInstanceOf(ZaloUnreachableError);
    expect(isRetryableFailure(send.error)).toBe(true);
    expect(send.ms).toBeLessThan(1_500);
    const poll = await timed(api.getUpdates(1));
    expect(poll.error).toBeInstanceOf(ZaloUnreachableError);
    expect(poll.ms).toBeGreaterThanOrEqual(1_000);
    expect(poll.ms).toBeLessThan(2_500);
  });

  it('Supabase: a call to a project that gets no answer fails within the timeout', async () => {
    const r = await timed(fetchWithTimeout(300)(`${hungRoot}/rest/v1/rpc/bot_turn_load`, { method: 'POST', body: '{}' }));
    expect((r.error as Error).name).toBe('TimeoutError');
    expect(isRetryableFailure(r.error)).toBe(true);
    expect(r.ms).toBeLessThan(1_500);
  });

  it('Telegram: a call that gets no answer fails within the policy timeout, once (no second wait)', async () => {
    const fake = await new FakeBotApi().start();
    try {
      const api = new Api('123456789:AAE2e-timeout-token-for-the-fake', { apiRoot: fake.apiRoot });
      api.config.use(callPolicy({ attempts: 3, maxRetryAfterSeconds: 1, callTimeoutMs: 300 }));
      const release = fake.hold({ method: 'sendMessage' });
      const r = await timed(api.sendMessage(1, 'xin chào'));
      release();
      expect(isRetryableTelegramFailure(r.error)).toBe(true);
      expect(r.ms).toBeLessThan(1_500);

      // A 429 longer than the policy waits fails at once (retryable); a short one is waited out.
      fake.fail({ method: 'sendMessage', status: 429, description: 'Too Many Requests: retry after 30', retryAfter: 30 });
      const limited = await timed(api.sendMessage(1, 'xin chào'));
      expect(isRetryableTelegramFailure(limited.error)).toBe(true);
      expect(limited.ms).toBeLessThan(1_000);
      fake.fail({ method: 'sendMessage', status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 });
      const waited = await timed(api.sendMessage(1, 'xin chào'));
      expect(waited.error).toBeNull();
      expect(waited.ms).toBeGreaterThanOrEqual(950);
    } finally {
      await fake.close();
    }
  });
});
