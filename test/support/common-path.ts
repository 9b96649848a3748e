// The common path of issue 12, played on the real process: one person doing good deeds, the unit
// typed as people type it, two criteria, no photo, consent given, no phone; from the greeting to
// the receipt. Counts the turns (messages the person sends) and the characters of bot text (each
// reply as shown, without the blank line after it), on the terminal and on Zalo. Used by the
// end-to-end test and by the benchmark.
import { createBotDatabase } from './bot-database.js';
import { startBotProcess } from './bot-process.js';
import { freshChatData } from './chat-data.js';
import { startChatProcess } from './chat-process.js';
import { FakeZaloApi } from './fake-zalo-api.js';
import { STARTUP_MS } from './wait-until.js';

/** What the person types, and the end of the reply (its last lines) that ends the turn. */
export const COMMON_PATH: readonly { say: string; until: string }[] = [
  { say: 'xin chào', until: 'gõ /trogiup' },
  { say: 'đề cử', until: '(tổ dân phố, làng)\nGõ số để chọn.' },
  { say: 'người tốt', until: 'Không nhớ tên thì gõ “xem”.' },
  { say: 'to 3', until: 'Họ và tên người được đề cử là gì?' },
  { say: 'nguyễn thị hoa', until: 'Mời bạn kể ngắn gọn vài câu.' },
  { say: 'Chị Hoa nhiều năm quét dọn đường làng, giúp đỡ các hộ nghèo trong tổ.', until: 'ví dụ: 1, 3.' },
  { say: '1, 3', until: 'Hoặc gõ “bỏ qua”.' },
  { say: 'bỏ qua', until: '2. Không đồng ý\nGõ số để chọn.' },
  { say: 'đồng ý', until: '3. Hủy đề cử\nGõ số để chọn.' },
  { say: 'gửi', until: 'để theo dõi.' },
];

/** The measure of one play of the common path. */
export interface PathMeasure {
  turns: number;
  characters: number;
  /** Each reply as the person read it. */
  replies: string[];
}

const START = STARTUP_MS;
const chars = (text: string) => [...text.replace(/\s+$/, '')].length;

function measure(replies: string[]): PathMeasure {
  return { turns: replies.length, characters: replies.reduce((n, r) => n + chars(r), 0), replies };
}

/** Plays the path in the terminal chat (npm start's process, a fresh database). */
export async function commonPathInTerminal(): Promise<PathMeasure> {
  const data = await freshChatData();
  const bot = startChatProcess({ env: data.env, args: ['--as', 'thu'] });
  try {
    await bot.expect(/Nhấn Ctrl\+D để thoát\.\n\n/, START);
    const replies: string[] = [];
    for (const step of COMMON_PATH) {
      const escaped = step.until.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      replies.push(await bot.say(step.say, new RegExp(`${escaped}\\n\\n`)));
    }
    await bot.end();
    return measure(replies);
  } finally {
    await bot.kill();
    await data.remove();
  }
}

/** Plays the path on Zalo: the real process, polling a local server that speaks the Zalo Bot API. */
export async function commonPathOnZalo(): Promise<PathMeasure> {
  const fake = await new FakeZaloApi().start();
  const db = await createBotDatabase();
  const bot = startBotProcess({ ...db.env, ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.apiRoot, LOG_LEVEL: 'warn' });
  try {
    await fake.waitFor('polling', () => fake.callsOf('getUpdates').length > 0, START);
    const user = 'thu';
    const replies: string[] = [];
    for (const step of COMMON_PATH) {
      const mark = fake.calls.length;
      fake.push(fake.textUpdate(user, step.say));
      await fake.waitForText(user, step.until, mark);
      // One reply is one text (split only past 2000 characters): its pieces, as sent.
      replies.push(fake.textsTo(user, mark).join('\n\n'));
    }
    if (fake.violations.length) throw new Error(`the Zalo API would refuse: ${JSON.stringify(fake.violations)}`);
    return measure(replies);
  } finally {
    await bot.stop().catch(() => undefined);
    await fake.close();
    await db.close();
  }
}
