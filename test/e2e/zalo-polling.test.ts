// The real process on Zalo in long-polling mode, against a local fake of the Zalo Bot API: a
// whole nomination by typed numbers and words with empty (408) polls in between, a photo by
// URL, a summary over 2000 characters split at sentence boundaries, a redelivered update,
// stickers, voice and unknown events, a group, a 429 backed off; no call carries a field the
// API does not have. And a token Zalo refuses stops the process with a message about it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';
import { numberOf } from '../support/numbered-options.js';
import { STARTUP_MS } from '../support/wait-until.js';

// Sentences of about 100 characters, so the summary that repeats them runs past 2500.
const SENTENCE = (i: number) => `Năm ${2000 + i}, ông vận động bà con góp công sửa ${i + 1} đoạn đường và dọn sạch mương thoát nước của tổ.`;
const DEEDS = Array.from({ length: 40 }, (_, i) => SENTENCE(i))
  .join(' ')
  .slice(0, 1990)
  .replace(/[^.]*$/, '');

describe('Zalo in polling mode, end to end', () => {
  let fake: FakeZaloApi;
  let db: BotDatabase;
  let bot: BotProcess;

  beforeAll(async () => {
    fake = await new FakeZaloApi().start();
    db = await createBotDatabase();
    bot = startBotProcess({ ...db.env, ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.apiRoot });
    await fake.waitFor('the first getUpdates', () => fake.callsOf('getUpdates').length > 0, STARTUP_MS).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
  });

  afterAll(async () => {
    await bot?.stop().catch(() => undefined);
    await fake?.close();
    await db?.close();
  });

  /** The person types; resolves with the reply that contains `then` (all of that turn's texts joined). */
  const say = async (user: string, text: string, then: string | RegExp) => {
    const mark = fake.calls.length;
    fake.push(fake.textUpdate(user, text));
    await fake.waitForText(user, then, mark);
    return fake.textsTo(user, mark).join('\n');
  };

  it('starts: checks the token, removes any webhook, and polls one update at a time', () => {
    expect(fake.callsOf('getMe')).toHaveLength(1);
    expect(fake.callsOf('deleteWebhook')).toHaveLength(1);
    expect(fake.callsOf('setWebhook')).toHaveLength(0);
    expect(fake.callsOf('getUpdates')[0]!.payload).toEqual({ timeout: '30' });
  });

  it('takes a whole nomination by typed numbers and words, with empty polls in between', async () => {
    const u = 'zu-1001';
    const waitEmptyPoll = async () => {
      const before = fake.emptyPolls;
      await fake.waitFor('an empty (408) poll', () => fake.emptyPolls >= before + 1);
    };
    expect(await say(u, 'xin chào', 'Xin chào')).toContain('/decu');
    await waitEmptyPoll();
    let block = await say(u, 'đề cử', 'Bạn muốn đề cử ai');
    // "ca nhan" narrows the list to the kinds of person.
    block = await say(u, 'ca nhan', 'người thuộc loại nào');
    await waitEmptyPoll();
    block = await say(u, numberOf(block, 'Người tốt, việc tốt'), 'cơ quan nào');
    // The ward's units are never dumped whole: the person narrows them by typing.
    expect(block.split('\n').filter((l) => /^\d+\. /.test(l)).length).toBeLessThanOrEqual(12);
    block = await say(u, 'to', 'khớp với');
    expect(block.split('\n').filter((l) => /^\d+\. /.test(l)).length).toBeLessThanOrEqual(10);
    await say(u, numberOf(block, 'Tổ dân phố 3'), 'Họ và tên');
    await say(u, 'Nguyễn Văn Bình', 'kể ngắn gọn');
    block = await say(u, DEEDS, 'đạt những tiêu chí nào');
    expect(block).toMatch(/^1\. Dẫn đầu phong trào$/m);
    block = await say(u, '1, 2', 'Bạn có ảnh');
    expect(block).toContain('Đã chọn 2 tiêu chí.');
    await waitEmptyPoll();
    const mark = fake.calls.length;
    fake.push(fake.photoUpdate(u, 'https://photo.zalo.example/abc/nguyen-van-binh.jpg'));
    await fake.waitForText(u, 'Phường có thể liên hệ bạn về đề cử này không', mark);
    const summaryMark = fake.calls.length;
    const summary = await say(u, '0912 345 678', 'Mời bạn xem lại');
    await fake.waitFor('the whole summary', () => fake.textsTo(u, summaryMark).some((t) => t.includes('Gửi đề cử')));

    // The summary runs past Zalo's 2000 characters: it arrives in pieces of at most 2000, cut between sentences.
    const pieces = fake.textsTo(u, summaryMark);
    expect(pieces.join('\n').length).toBeGreaterThan(2000);
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(2000);
    for (const sentence of DEEDS.split(/(?<=\.) /)) expect(pieces.some((p) => p.includes(sentence))).toBe(true);
    expect(summary).toContain('Nguyễn Văn Bình');

    const sent = await say(u, 'gửi', 'mã biên nhận: TL-0001');
    expect(sent).toContain('TL-0001');
    await say(u, '/trangthai TL-0001', 'Nguyễn Văn Bình');
  });

  it('processes an update delivered twice only once', async () => {
    const u = 'zu-1002';
    const update = fake.textUpdate(u, '/start');
    const mark = fake.calls.length;
    fake.push(update);
    fake.push(update);
    fake.push(fake.textUpdate(u, 'trợ giúp'));
    await fake.waitForText(u, 'Hướng dẫn', mark);
    expect(fake.textsTo(u, mark).filter((t) => t.includes('Xin chào'))).toHaveLength(1);
  });

  it('answers stickers, voice and unsupported messages politely; ignores unknown events and events without a message', async () => {
    const u = 'zu-1003';
    const mark = fake.calls.length;
    fake.push(fake.update(u, 'message.sticker.received', { sticker: 'abc', url: 'https://zalo.example/s.png' }));
    await fake.waitForText(u, 'chữ, số và ảnh', mark);
    const afterSticker = fake.calls.length;
    fake.push(fake.update(u, 'message.voice.received', { url: 'https://zalo.example/v.aac' }));
    await fake.waitForText(u, 'chữ, số và ảnh', afterSticker);
    fake.push({ event_name: 'message.unsupported.received' });
    fake.push(fake.update(u, 'message.reaction.received', { reaction: 'heart' }));
    const afterUnknown = fake.calls.length;
    // Still polling and answering after them.
    await say(u, 'đề cử', 'Bạn muốn đề cử ai');
    expect(fake.textsTo(u, afterUnknown)).toHaveLength(1);
  });

  it('in a group, answers that forms run in a private chat', async () => {
    const mark = fake.calls.length;
    fake.push(fake.textUpdate('zu-1004', '/decu', { chatId: 'group-77', chatType: 'GROUP' }));
    await fake.waitForText('group-77', 'nhắn riêng', mark);
    expect(fake.textsTo('zu-1004', mark)).toEqual([]);
  });

  it('backs off on 429 and sends the reply afterwards', async () => {
    fake.fail({ method: 'sendMessage', errorCode: 429 });
    const reply = await say('zu-1005', 'xin chào', 'Xin chào');
    expect(reply).toContain('Xin chào');
    expect(fake.calls.filter((c) => c.method === 'sendMessage' && c.status === 429)).toHaveLength(1);
  });

  it('sent nothing the Zalo API would refuse', () => {
    expect(fake.violations).toEqual([]);
    expect(fake.calls.filter((c) => c.method === 'sendMessage').every((c) => Object.keys(c.payload).sort().join() === 'chat_id,text')).toBe(true);
  });

  it('stops cleanly on SIGTERM and stored the nomination with its photo URL', async () => {
    expect(await bot.stop('SIGTERM')).toBe(0);
    const [n] = await db.query<{ nominee_name: string; photo_ref: string; contact_phone: string; deeds: string }>('select * from nominations');
    expect(n).toMatchObject({ nominee_name: 'Nguyễn Văn Bình', photo_ref: 'https://photo.zalo.example/abc/nguyen-van-binh.jpg', contact_phone: '0912345678', deeds: DEEDS });
    const [e] = await db.query<{ n: number }>(`select count(*)::int as n from inbound_events where channel = 'zalo'`);
    expect(e!.n).toBeGreaterThan(10);
  });

  it('stops with a message about the token when Zalo refuses it', async () => {
    const refusing = await new FakeZaloApi('1234567890:TheRealOneIsDifferent').start();
    try {
      const bad = startBotProcess({ DATA_DIR: 'memory://', ZALO_BOT_TOKEN: '1234567890:AWrongTokenForZalo', ZALO_API_ROOT: refusing.apiRoot });
      expect(await bad.exited).toBe(1);
      expect(bad.stderr()).toMatch(/Zalo refused ZALO_BOT_TOKEN: check the token/);
    } finally {
      await refusing.close();
    }
  });
});
