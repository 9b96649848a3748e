// kill -9 at random moments while people fill in the nomination form, on the real process against
// the fake platforms: Telegram by long polling and Zalo by long polling in one process, Telegram by
// webhook in another, each on its own database (an embedded one in a DATA_DIR that outlives every
// kill, or a database on the Postgres server when DATABASE_URL is set). Each process is killed over
// and over and started again on the same data; meanwhile several residents at a time go through
// the whole form. The platforms deliver as they do: Telegram hands out again every update a later
// getUpdates offset has not confirmed, and sends a webhook update again until it gets a 2xx (one
// chat's updates in order); Zalo has no offset: an update handed to a process that then died is
// gone, and its sender, seeing no answer, types it again. At the end: no answered question was
// asked again, every answer is in the saved nomination, and every form got one nomination and one
// receipt code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { freePort, startBotProcess, type BotProcess } from '../support/bot-process.js';
import { FakeBotApi, parseTelegramHtml } from '../support/fake-bot-api.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';
import { STARTUP_MS } from '../support/wait-until.js';

const TG_TOKEN = '123456789:AAE2e-kill-storm-token-for-the-fake-api';
const TG_SECRET = 'e2e_kill-storm_secret_0123456789';
const TG_PATH = '/hooks/telegram';
/** Kills of the polling process (Telegram and Zalo residents at once) and of the webhook process: 30 in all. */
const POLLING_KILLS = Number(process.env.KILL_STORM_POLLING_KILLS ?? 16);
const WEBHOOK_KILLS = Number(process.env.KILL_STORM_WEBHOOK_KILLS ?? 14);
/** Residents filling in forms at the same time, per channel. */
const AT_ONCE = 3;
/** How long a process lives after it is ready before it is killed: a random moment in this range. */
const LIFE_MS: [number, number] = [150, 1_500];
/** An idle machine does it all in about a minute; a machine shared with other work takes longer. */
const TEST_TIMEOUT_MS = 1_800_000;
/** How long a start may take: seconds on an idle machine, minutes on a crowded one (the first start migrates). */
const READY_MS = 600_000;

/** The questions of the form, in order, as the person recognises them; the answer that moves past each. */
const STEPS: { question: RegExp }[] = [
  { question: /gõ \/decu/ },
  { question: /Bạn muốn đề cử ai\?/ },
  { question: /Người này ở tổ dân phố, làng hay cơ quan nào\?/ },
  { question: /Họ và tên người được đề cử là gì\?/ },
  { question: /đã làm những việc tốt gì\?/ },
  { question: /đạt những tiêu chí nào\?/ },
  { question: /Bạn có ảnh của/ },
  { question: /Phường có thể liên hệ bạn/ },
  { question: /Mời bạn xem lại:/ },
  { question: /mã biên nhận: TL-\d+/ },
];
const SURNAMES = ['Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const GIVEN = ['An', 'Bình', 'Cúc', 'Dũng', 'Giang', 'Hạnh', 'Khánh', 'Lan', 'Minh', 'Nga', 'Oanh', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Uyên', 'Vinh', 'Xuân', 'Yến', 'Bảo', 'Châu', 'Đạt', 'Hiền', 'Kiên', 'Thảo', 'Hùng', 'Nhung', 'Phong', 'Trang', 'Tuấn', 'Diệp', 'Khoa', 'Liên', 'Mai', 'Quỳnh', 'Toàn'];
const CRITERIA = [
  { typed: '1, 3', ids: ['10000000-0000-4000-8002-000000000001', '10000000-0000-4000-8002-000000000003'] },
  { typed: '2', ids: ['10000000-0000-4000-8002-000000000002'] },
  { typed: '1, 2, 3', ids: ['10000000-0000-4000-8002-000000000001', '10000000-0000-4000-8002-000000000002', '10000000-0000-4000-8002-000000000003'] },
];

/**
 * What one resident types, and what the saved nomination must then hold. A name like one
 * already nominated in the unit ("Lê Văn Phúc" after "Lý Văn Phúc") rightly brings a question of
 * its own, so each channel on a database has its own four units (`firstUnit`), and in a unit the
 * 36 forms that come one after another name people who differ in family and given name (no two
 * of them reach the similarity the bot asks about; the closest pair scores 0.62 against the
 * bot's 0.7): 144 forms per channel, twice what a storm fills in on a quiet machine.
 */
function formOf(k: number, firstUnit: number) {
  const unit = firstUnit + (k % 4);
  const j = Math.floor(k / 4);
  const nominee = `${SURNAMES[j % SURNAMES.length]} ${j % 2 ? 'Văn' : 'Thị'} ${GIVEN[(j * 7) % GIVEN.length]}`;
  const deeds = `${nominee} nhiều năm giúp đỡ ${k + 2} hộ khó khăn trong tổ ${unit}, quét dọn đường làng mỗi sáng.`;
  const criteria = CRITERIA[k % CRITERIA.length]!;
  const consent = k % 2 === 0;
  return {
    nominee,
    unit: `Tổ dân phố ${unit}`,
    deeds,
    criteria: criteria.ids,
    consent,
    typed: ['xin chào', 'đề cử', 'người tốt', `to ${unit}`, nominee.toLowerCase(), deeds, criteria.typed, 'bỏ qua', consent ? 'đồng ý' : 'không đồng ý', 'gửi'],
  };
}

/** The forms one platform's residents fill in at most: each names someone no earlier form of theirs named (see formOf). */
const FORMS_PER_PLATFORM = 4 * 36;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = ([lo, hi]: [number, number]) => lo + Math.floor(Math.random() * (hi - lo));

/** The step a message of the bot asks (-1: none of the form's questions). */
function stepOf(text: string): number {
  const found = STEPS.map((s, i) => (s.question.test(text) ? i : -1)).filter((i) => i >= 0);
  return found.length === 1 ? found[0]! : -1;
}

/** One chat app as the residents see it: type a line, read what the bot sent. */
interface Platform {
  name: string;
  /** Types a line in the resident's chat (the platform delivers it, again if it must). */
  type(person: string, text: string): void;
  /** Every text the bot sent to the resident, in order. */
  texts(person: string): string[];
  /** Whether the resident should type the line again: it reached a process that died without answering. */
  lost(person: string): boolean;
  waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs: number): Promise<T>;
  /** The external id a resident has in the database. */
  externalId(person: string): string;
  channel: 'telegram' | 'zalo';
  /** The first of the four units this platform's residents nominate in (apart from another platform's on the same database). */
  firstUnit: number;
}

/** How long a resident waits for an answer once their process is no longer killed. */
const PATIENCE_MS = STARTUP_MS;

/**
 * A resident going through the whole form; resolves when the receipt came. While the storm goes
 * on they wait as long as it takes (a busy machine restarts slowly); once it is over, an answer
 * that does not come within PATIENCE_MS is a failure.
 */
async function fillIn(platform: Platform, person: string, k: number, calm: () => number | null): Promise<void> {
  const form = formOf(k, platform.firstUnit);
  for (let step = 0; step < form.typed.length; step++) {
    const seen = platform.texts(person).length;
    platform.type(person, form.typed[step]!);
    // The answer is taken once the next question (for the last one: the receipt) is shown.
    for (;;) {
      const outcome = await platform.waitFor(
        `${platform.name} ${person} past step ${step}\n${platform.texts(person).join('\n---\n')}`,
        () => {
          if (platform.texts(person).slice(seen).some((t) => stepOf(t) === step)) return 'answered';
          if (platform.lost(person)) return 'lost';
          const since = calm();
          return since !== null && performance.now() - since > PATIENCE_MS ? 'late' : undefined;
        },
        TEST_TIMEOUT_MS,
      );
      if (outcome === 'late') throw new Error(`${platform.name} ${person}: no answer to step ${step} within ${PATIENCE_MS} ms of the last start\n${platform.texts(person).join('\n---\n')}`);
      if (outcome === 'answered') break;
      platform.type(person, form.typed[step]!);
    }
  }
}

/** Keeps `AT_ONCE` residents filling in forms on each platform until `busy()` turns false; resolves with how many started. */
async function residents(platform: Platform, busy: () => boolean, prefix: string, calm: () => number | null): Promise<string[]> {
  const people: string[] = [];
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      // Past FORMS_PER_PLATFORM the names would repeat (see formOf): no new form is started.
      while (busy() && people.length < FORMS_PER_PLATFORM) {
        const person = `${prefix}${people.length + 1}`;
        const k = people.length;
        people.push(person);
        await fillIn(platform, person, k, calm);
      }
    }),
  );
  return people;
}

/** What went wrong for the residents: a question asked again after it was answered, a form without its receipt or with two. */
function conversationProblems(platform: Platform, people: string[]): string[] {
  const problems: string[] = [];
  for (const person of people) {
    const steps = platform.texts(person).map(stepOf);
    const transcript = () => platform.texts(person).join('\n---\n');
    if (steps.includes(-1)) problems.push(`${platform.name} ${person}: a message that is none of the form's questions:\n${transcript()}`);
    for (let i = 1; i < steps.length; i++) {
      if (steps[i]! < steps[i - 1]!) problems.push(`${platform.name} ${person}: asked step ${steps[i]} again after step ${steps[i - 1]}:\n${transcript()}`);
    }
    // one receipt: the receipt messages of a form all carry one code. The same receipt may be shown
    // twice when a kill fell between its send and the record that it was delivered (no platform lets
    // a send and that record be one step), but never a second code.
    const codes = new Set(platform.texts(person).flatMap((t) => /mã biên nhận: ([A-Z]+-\d+)/.exec(t)?.[1] ?? []));
    if (codes.size !== 1) problems.push(`${platform.name} ${person}: ${codes.size} receipts:\n${transcript()}`);
  }
  return problems;
}

/** What the database holds for each resident's form, against what they typed. */
async function savedProblems(db: BotDatabase, platform: Platform, people: string[]): Promise<string[]> {
  const rows = await db.query<{ external_id: string; nominee_name: string; deeds: string; unit: string; criteria: string[]; contact_consent: boolean; receipt_code: string }>(
    `select i.external_id, n.nominee_name, n.deeds, u.name as unit, n.contact_consent, n.receipt_code,
            array(select c.criterion_id::text from nomination_criteria c where c.nomination_id = n.id order by 1) as criteria
       from nominations n
       join member_identities i on i.member_id = n.nominator_id and i.channel = $1
       join units u on u.id = n.unit_id
      order by n.created_at`,
    [platform.channel],
  );
  const problems: string[] = [];
  people.forEach((person, k) => {
    const form = formOf(k, platform.firstUnit);
    const mine = rows.filter((r) => r.external_id === platform.externalId(person));
    if (mine.length !== 1) {
      problems.push(`${platform.name} ${person}: ${mine.length} nominations`);
      return;
    }
    const got = mine[0]!;
    const want = { nominee_name: form.nominee, deeds: form.deeds, unit: form.unit, criteria: [...form.criteria].sort(), contact_consent: form.consent };
    const have = { nominee_name: got.nominee_name, deeds: got.deeds, unit: got.unit, criteria: got.criteria, contact_consent: got.contact_consent };
    if (JSON.stringify(have) !== JSON.stringify(want)) problems.push(`${platform.name} ${person}: saved ${JSON.stringify(have)}, typed ${JSON.stringify(want)}`);
    const receipt = platform.texts(person).find((t) => stepOf(t) === STEPS.length - 1);
    if (!receipt?.includes(got.receipt_code)) problems.push(`${platform.name} ${person}: receipt ${got.receipt_code} not in "${receipt}"`);
  });
  return problems;
}

/** Starts, kills and starts again one process; `ready` resolves once it takes updates. */
class KilledOverAndOver {
  readonly kills: number[] = [];
  bot: BotProcess | null = null;
  /** Every process's log, for failure messages. */
  readonly logs: string[] = [];
  /** When the last start after the last kill was ready (null while the storm goes on). */
  calmSince: number | null = null;

  constructor(
    private readonly env: () => Record<string, string>,
    private readonly ready: (bot: BotProcess) => Promise<void>,
  ) {}

  async start(): Promise<BotProcess> {
    const bot = startBotProcess(this.env());
    this.bot = bot;
    await this.ready(bot).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
    return bot;
  }

  /** Kills the process at a random moment `times` times, starting it again after each kill. */
  async storm(times: number, onKilled: () => void): Promise<void> {
    for (let i = 0; i < times; i++) {
      await sleep(between(LIFE_MS));
      const started = performance.now();
      await this.bot!.stop('SIGKILL').catch(() => undefined);
      onKilled();
      this.logs.push(this.bot!.stderr());
      await this.start();
      this.kills.push(Math.round(performance.now() - started));
    }
    this.calmSince = performance.now();
  }
}

describe('kill -9 at random moments while people fill in forms', () => {
  let telegram: FakeBotApi;
  let zalo: FakeZaloApi;
  let webhookTelegram: FakeBotApi;
  let pollingDb: BotDatabase;
  let webhookDb: BotDatabase;
  const processes: KilledOverAndOver[] = [];

  beforeAll(async () => {
    telegram = await new FakeBotApi().start();
    webhookTelegram = await new FakeBotApi().start();
    zalo = await new FakeZaloApi().start();
    zalo.pollHoldMs = 100;
    pollingDb = await createBotDatabase();
    webhookDb = await createBotDatabase();
  });
  afterAll(async () => {
    for (const p of processes) await p.bot?.stop('SIGKILL').catch(() => undefined);
    await telegram?.close();
    await webhookTelegram?.close();
    await zalo?.close();
    await pollingDb?.close();
    await webhookDb?.close();
  });

  it('loses no answer, asks no answered question again and gives each form one receipt', async () => {
    const tgIds = new Map<string, number>();
    const tgId = (person: string) => {
      if (!tgIds.has(person)) tgIds.set(person, 8_100_000 + tgIds.size);
      return tgIds.get(person)!;
    };
    const tgTexts = (fake: FakeBotApi, person: string) =>
      fake
        .callsOf('sendMessage', tgId(person))
        .concat(fake.callsOf('editMessageText', tgId(person)))
        .filter((c) => c.status === 200)
        .sort((a, b) => a.at - b.at)
        .map((c) => {
          const text = String(c.payload.text ?? '');
          const visible = c.payload.parse_mode === 'HTML' ? parseTelegramHtml(text) : { ok: true as const, text };
          return visible.ok ? visible.text : text;
        });

    // ---- the polling process: Telegram and Zalo by long polling --------------------------------
    let zaloKillMark = -1;
    let zaloReady = false;
    const lastZalo = new Map<string, string>();
    const pollingPlatforms: Platform[] = [
      {
        name: 'telegram polling',
        channel: 'telegram',
        firstUnit: 1,
        type: (person, text) => void telegram.push(telegram.textUpdate(tgId(person), text)),
        texts: (person) => tgTexts(telegram, person),
        lost: () => false,
        waitFor: (what, check, ms) => telegram.waitFor(what, check, ms),
        externalId: (person) => String(tgId(person)),
      },
      {
        name: 'zalo polling',
        channel: 'zalo',
        firstUnit: 5,
        type: (person, text) => {
          const update = zalo.push(zalo.textUpdate(person, text));
          lastZalo.set(person, (update.message as { message_id: string }).message_id);
        },
        texts: (person) => zalo.textsTo(person),
        // Handed to a process that has died since (and none is starting): it will not be answered.
        lost: (person) => {
          const at = zalo.handedOut.get(lastZalo.get(person) ?? '');
          return at !== undefined && at < zaloKillMark && zaloReady;
        },
        waitFor: (what, check, ms) => zalo.waitFor(what, check, ms),
        externalId: (person) => person,
      },
    ];
    const polling = new KilledOverAndOver(
      () => ({ ...pollingDb.env, LOG_LEVEL: process.env.KILL_STORM_LOG_LEVEL ?? 'info', TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot, ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.apiRoot }),
      async () => {
        const tgPolls = telegram.callsOf('getUpdates').length;
        const zaloPolls = zalo.callsOf('getUpdates').length;
        await telegram.waitFor('a getUpdates', () => telegram.callsOf('getUpdates').length > tgPolls, READY_MS);
        await zalo.waitFor('a Zalo getUpdates', () => zalo.callsOf('getUpdates').length > zaloPolls, READY_MS);
        zaloReady = true;
      },
    );
    processes.push(polling);

    // ---- the webhook process: Telegram posts each update until it gets a 2xx ------------------
    const port = await freePort();
    const chains = new Map<string, Promise<void>>();
    const postStatuses: number[] = [];
    const post = async (update: Record<string, unknown>) => {
      for (;;) {
        const status = await fetch(`http://127.0.0.1:${port}${TG_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
          body: JSON.stringify(update),
          signal: AbortSignal.timeout(30_000),
        })
          // Telegram runs a method the answer carries (a button's answer).
          .then((res) => webhookTelegram.runWebhookAnswer(res))
          .catch(() => 0);
        postStatuses.push(status);
        if (status >= 200 && status < 300) return;
        await sleep(200);
      }
    };
    const webhookPlatform: Platform = {
      name: 'telegram webhook',
      channel: 'telegram',
      firstUnit: 1,
      // One chat's updates in order: the next is sent once the one before it got its 2xx.
      type: (person, text) => {
        const update = webhookTelegram.textUpdate(tgId(person), text);
        const chain = (chains.get(person) ?? Promise.resolve()).then(() => post(update));
        chains.set(person, chain);
      },
      texts: (person) => tgTexts(webhookTelegram, person),
      lost: () => false,
      waitFor: (what, check, ms) => webhookTelegram.waitFor(what, check, ms),
      externalId: (person) => String(tgId(person)),
    };
    const webhook = new KilledOverAndOver(
      () => ({ ...webhookDb.env, LOG_LEVEL: 'warn', PORT: String(port), TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_API_ROOT: webhookTelegram.apiRoot, TELEGRAM_WEBHOOK_URL: `https://bot.example.org${TG_PATH}`, TELEGRAM_WEBHOOK_SECRET: TG_SECRET }),
      async () => {
        const registered = webhookTelegram.callsOf('setWebhook').length;
        await webhookTelegram.waitFor('setWebhook', () => webhookTelegram.callsOf('setWebhook').length > registered, READY_MS);
      },
    );
    processes.push(webhook);

    await Promise.all([polling.start(), webhook.start()]);

    // ---- the storm ---------------------------------------------------------------------------
    let pollingStorm = true;
    let webhookStorm = true;
    const stormed = Promise.all([
      residents(pollingPlatforms[0]!, () => pollingStorm, 'tp', () => polling.calmSince),
      residents(pollingPlatforms[1]!, () => pollingStorm, 'zp', () => polling.calmSince),
      residents(webhookPlatform, () => webhookStorm, 'tw', () => webhook.calmSince),
      polling
        .storm(POLLING_KILLS, () => {
          // Whatever was handed out up to now went to a dead process.
          zaloReady = false;
          zaloKillMark = zalo.calls.length;
        })
        .then(() => {
          pollingStorm = false;
        }),
      webhook.storm(WEBHOOK_KILLS, () => undefined).then(() => {
        webhookStorm = false;
      }),
    ]);
    const [tgPeople, zaloPeople, webhookPeople] = await stormed.catch((err: Error) => {
      const zaloLast = [...lastZalo].map(([person, id]) => `${person}:${id}@${zalo.handedOut.get(id) ?? 'queued'}`).join(' ');
      throw new Error(`${err.message}\nzalo: mark ${zaloKillMark} ready ${String(zaloReady)} calls ${zalo.calls.length} last ${zaloLast}\nkills ${JSON.stringify(polling.kills)} ${JSON.stringify(webhook.kills)}\nwebhook posts: ${JSON.stringify(postStatuses.slice(-40))}\n--- polling logs\n${[...polling.logs, polling.bot?.stderr()].join('\n=====\n').slice(-6000)}\n--- webhook log\n${webhook.bot?.stderr()}`);
    });
    await Promise.all([...chains.values()]);

    // ---- what the residents saw and what was saved ------------------------------------------
    const problems = [
      ...conversationProblems(pollingPlatforms[0]!, tgPeople),
      ...conversationProblems(pollingPlatforms[1]!, zaloPeople),
      ...conversationProblems(webhookPlatform, webhookPeople),
    ];
    expect(problems).toEqual([]);
    expect(await polling.bot!.stop('SIGTERM')).toBe(0);
    expect(await webhook.bot!.stop('SIGTERM')).toBe(0);
    expect([
      ...(await savedProblems(pollingDb, pollingPlatforms[0]!, tgPeople)),
      ...(await savedProblems(pollingDb, pollingPlatforms[1]!, zaloPeople)),
      ...(await savedProblems(webhookDb, webhookPlatform, webhookPeople)),
    ]).toEqual([]);
    // Nothing the platforms would refuse as malformed, and every process started again.
    expect(telegram.violations).toEqual([]);
    expect(webhookTelegram.violations).toEqual([]);
    expect(zalo.violations).toEqual([]);
    console.log(
      JSON.stringify({
        kills: { polling: polling.kills.length, webhook: webhook.kills.length },
        restartMs: { polling: polling.kills, webhook: webhook.kills },
        forms: { telegramPolling: tgPeople.length, zaloPolling: zaloPeople.length, telegramWebhook: webhookPeople.length },
        refused: [...telegram.refused, ...webhookTelegram.refused],
      }),
    );
    expect([polling.kills.length, webhook.kills.length]).toEqual([POLLING_KILLS, WEBHOOK_KILLS]);
  }, TEST_TIMEOUT_MS);
});
