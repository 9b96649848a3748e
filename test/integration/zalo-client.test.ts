// The Zalo API client against the fake Zalo Bot API over HTTP: one update per poll, 408 (in a
// 200 body or as the status) is "nothing arrived", a 429 is retried after a pause, a 401 is a
// token error, and the calls carry only the API's fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZaloApi, ZaloApiError, ZaloTokenError } from '../../src/channels/zalo/api-client.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';

describe('the Zalo API client', () => {
  let fake: FakeZaloApi;
  const pauses: number[] = [];
  const api = () => createZaloApi({ token: fake.token, apiRoot: `${fake.apiRoot}/`, sleep: async (ms) => void pauses.push(ms) });

  beforeAll(async () => {
    fake = await new FakeZaloApi().start();
    fake.pollHoldMs = 20;
  });
  afterAll(async () => fake?.close());

  it('gets one update per poll, and null for each kind of 408', async () => {
    const client = api();
    const a = fake.push(fake.textUpdate('u1', 'một'));
    fake.push(fake.textUpdate('u1', 'hai'));
    expect((await client.getUpdates(30))!.message!.message_id).toBe((a.message as { message_id: string }).message_id);
    expect((await client.getUpdates(30))!.message!.text).toBe('hai');
    const before = fake.emptyPolls;
    expect(await client.getUpdates(30)).toBeNull();
    expect(await client.getUpdates(30)).toBeNull();
    expect(fake.emptyPolls).toBe(before + 2);
    const statuses = fake.callsOf('getUpdates').slice(-2).map((c) => c.status);
    expect(statuses.sort()).toEqual([200, 408]);
  });

  it('backs off on 429 and succeeds', async () => {
    pauses.length = 0;
    fake.fail({ method: 'sendMessage', errorCode: 429, times: 2 });
    await api().sendMessage('u1', 'xin chào');
    expect(pauses).toEqual([500, 1000]);
    expect(fake.callsOf('sendMessage').at(-1)!.status).toBe(200);
  });

  it('gives up after a few 429s with an error that carries a code', async () => {
    fake.fail({ method: 'sendMessage', errorCode: 429, times: 10 });
    const client = createZaloApi({ token: fake.token, apiRoot: fake.apiRoot, maxRetries: 2, sleep: async () => undefined });
    await expect(client.sendMessage('u1', 'x')).rejects.toBeInstanceOf(ZaloApiError);
    fake.clearFailures();
  });

  it('reports a refused token as a token problem, in a 200 body or as the status', async () => {
    await expect(createZaloApi({ token: '1:wrong-token-xyz', apiRoot: fake.apiRoot }).getMe()).rejects.toBeInstanceOf(ZaloTokenError);
    fake.fail({ method: 'getMe', errorCode: 401, httpStatus: 200 });
    await expect(api().getMe()).rejects.toThrow(/Zalo refused ZALO_BOT_TOKEN/);
  });

  it('sends only the fields the API has', async () => {
    const client = api();
    await client.sendPhoto('u1', 'https://z.example/a.jpg', 'Ảnh');
    await client.sendPhoto('u1', 'https://z.example/b.jpg');
    await client.sendChatAction('u1', 'typing');
    await client.setWebhook('https://bot.example.org/zalo', 'secret-123456');
    await client.deleteWebhook();
    expect(fake.violations).toEqual([]);
    expect(fake.callsOf('sendPhoto').map((c) => c.payload)).toEqual([
      { chat_id: 'u1', photo: 'https://z.example/a.jpg', caption: 'Ảnh' },
      { chat_id: 'u1', photo: 'https://z.example/b.jpg' },
    ]);
  });
});
