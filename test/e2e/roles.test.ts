// Roles end to end, through the real process on Telegram and Zalo at once (local fakes of both
// APIs): the officer named by ADMIN_TELEGRAM_IDS gets a command menu of their own (once they have
// opened a chat with the bot: Telegram refuses a menu for a chat it does not know); they invite a
// leader for Tổ dân phố 1 by deep link on Telegram and a council member by code on Zalo; both
// accept; the officer hears of each; the leader's Telegram chat gets its own menu; the officer
// revokes the leader's role, who is told and whose menu goes back to the default. The rows
// hold the names, the invitations, the granters and an audit entry per change with its actor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotDatabase, type BotDatabase } from '../support/bot-database.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { BOT_USER, FakeBotApi } from '../support/fake-bot-api.js';
import { FakeZaloApi } from '../support/fake-zalo-api.js';
import { numberOf } from '../support/numbered-options.js';

const TOKEN = '123456789:AAE2e-roles-token-for-the-fake-api';
const OFFICER = 5001;
const LEADER = 5002;
const COUNCIL = 'zu-council-1';

describe('roles, end to end on Telegram and Zalo', () => {
  let telegram: FakeBotApi;
  let zalo: FakeZaloApi;
  let db: BotDatabase;
  let bot: BotProcess;

  beforeAll(async () => {
    telegram = await new FakeBotApi().start();
    zalo = await new FakeZaloApi().start();
    db = await createBotDatabase();
    bot = startBotProcess({
      ...db.env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      ADMIN_TELEGRAM_IDS: String(OFFICER),
      ADMIN_ZALO_IDS: undefined,
      ADMIN_CONSOLE_USERS: undefined,
      QUIET_HOURS: 'off',
    });
    await Promise.all([
      telegram.waitFor('the first getUpdates', () => telegram.callsOf('getUpdates').length > 0, 45_000),
      zalo.waitFor('the first Zalo getUpdates', () => zalo.callsOf('getUpdates').length > 0, 45_000),
    ]).catch((err: Error) => {
      throw new Error(`${err.message}\n${bot.stderr()}`);
    });
  });

  afterAll(async () => {
    await bot?.stop().catch(() => undefined);
    await telegram?.close();
    await zalo?.close();
    await db?.close();
  });

  const tgSay = (user: number, text: string, pattern: RegExp | string) => {
    const mark = telegram.calls.length;
    telegram.push(telegram.textUpdate(user, text));
    return telegram.waitForText(user, pattern, { afterCall: mark });
  };
  const tgPress = (user: number, label: string, pattern: RegExp | string) => {
    const mark = telegram.calls.length;
    telegram.push(telegram.pressUpdate(user, telegram.lastKeyboard(user), label));
    return telegram.waitForText(user, pattern, { afterCall: mark });
  };
  const zaloSay = async (user: string, text: string, pattern: RegExp | string) => {
    const mark = zalo.calls.length;
    zalo.push(zalo.textUpdate(user, text));
    await zalo.waitForText(user, pattern, mark);
    return zalo.textsTo(user, mark).join('\n');
  };
  /** Everything the chat shows since a call index, as text. */
  const tgTextSince = (user: number, mark: number) =>
    telegram.calls
      .slice(mark)
      .filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === user)
      .map((c) => String(c.payload.text))
      .join('\n');

  let leaderCode = '';
  let councilCode = '';

  it('gives the officer named by configuration a menu of their own once they open a chat with the bot', async () => {
    // queued at start, before the officer ever wrote: Telegram knows no chat with them yet
    await telegram.waitFor('the refused menu', () =>
      telegram.callsOf('setMyCommands').find((c) => (c.payload.scope as { chat_id?: number } | undefined)?.chat_id === OFFICER && c.status === 400),
    );
    expect(telegram.chatMenu(OFFICER)).toBeUndefined();
    await tgSay(OFFICER, '/start', 'Xin chào');
    await telegram.waitFor("the officer's own menu", () => telegram.chatMenu(OFFICER, 'en'));
    expect(telegram.chatMenu(OFFICER)).toEqual(expect.arrayContaining(['decu', 'moi', 'vaitro']));
    expect(telegram.chatMenu(OFFICER, 'en')).toEqual(expect.arrayContaining(['nominate', 'invite', 'roles']));
    // everyone else keeps the default menu, without the officer's commands
    expect(telegram.menus.get('default')).not.toContain('moi');
  });

  it('invites a leader for Tổ dân phố 1 by deep link; the leader opens it on Telegram and accepts', async () => {
    await tgSay(OFFICER, '/moi', 'nhận vai trò nào');
    await tgPress(OFFICER, 'Người phụ trách một đơn vị', 'phụ trách đơn vị nào');
    await tgSay(OFFICER, 'Tổ dân phố 1', 'Họ và tên người được mời');
    await tgSay(OFFICER, 'Nguyễn Văn Tổ', 'Tạo lời mời này?');
    const mark = telegram.calls.length;
    await tgPress(OFFICER, 'Tạo lời mời', 'Trên Zalo');
    const made = tgTextSince(OFFICER, mark);
    const link = new RegExp(`https://t\\.me/${BOT_USER.username}\\?start=moi-([23456789A-HJKMNP-Z]{8})`).exec(made);
    expect(link, made).not.toBeNull();
    leaderCode = link![1]!;
    expect(made).toContain(`Mã mời: ${leaderCode}`);
    expect(made).toContain('Tổ trưởng Tổ dân phố 1');

    // the leader taps the link: Telegram sends "/start moi-<code>"
    const shown = await tgSay(LEADER, `/start moi-${leaderCode}`, 'Bạn có nhận vai trò này không?');
    expect(shown.text).toContain('Bạn được mời nhận vai trò ở Phường Thắng Lợi');
    expect(shown.text).toContain('Tổ trưởng Tổ dân phố 1');
    expect(shown.text).toContain('Người mời: cán bộ phường');
    const officerMark = telegram.calls.length;
    await tgPress(LEADER, 'Nhận vai trò', 'Chúc mừng! Bạn đã nhận vai trò');
    await telegram.waitForText(OFFICER, `Lời mời ${leaderCode} đã được nhận`, { afterCall: officerMark });
  });

  it("sets the leader's Telegram chat a menu of their own", async () => {
    const menu = await telegram.waitFor("the leader's own menu", () => telegram.chatMenu(LEADER, 'en') && telegram.chatMenu(LEADER));
    expect(menu).toEqual(expect.arrayContaining(['start', 'decu', 'trangthai']));
    expect(menu).not.toContain('moi');
    const call = telegram.callsOf('setMyCommands').find((c) => (c.payload.scope as { chat_id?: number } | undefined)?.chat_id === LEADER);
    expect(call!.payload.scope).toEqual({ type: 'chat', chat_id: LEADER });
  });

  it('invites a council member by code; they type it on Zalo and accept by number', async () => {
    await tgSay(OFFICER, '/moi', 'nhận vai trò nào');
    await tgPress(OFFICER, 'Thành viên Hội đồng Thi đua – Khen thưởng', 'Họ và tên người được mời');
    await tgSay(OFFICER, 'Lê Thị Hội', 'Tạo lời mời này?');
    const mark = telegram.calls.length;
    await tgPress(OFFICER, 'Tạo lời mời', 'Trên Zalo');
    councilCode = /Mã mời: ([23456789A-HJKMNP-Z]{8})/.exec(tgTextSince(OFFICER, mark))![1]!;

    // mistyped first (an O for a 0-free alphabet), then right, in lower case with a dash
    expect(await zaloSay(COUNCIL, `tham gia ${councilCode.slice(0, 7)}O`, 'Không tìm thấy lời mời')).not.toContain('1.');
    const typed = `${councilCode.slice(0, 4)}-${councilCode.slice(4)}`.toLowerCase();
    const shown = await zaloSay(COUNCIL, `tham gia ${typed}`, 'Bạn có nhận vai trò này không?');
    expect(shown).toContain('Thành viên Hội đồng Thi đua – Khen thưởng phường');
    const officerMark = telegram.calls.length;
    expect(await zaloSay(COUNCIL, numberOf(shown, 'Nhận vai trò'), 'Chúc mừng')).toContain('Phường Thắng Lợi');
    await telegram.waitForText(OFFICER, `Lời mời ${councilCode} đã được nhận`, { afterCall: officerMark });
    // used twice: the same answer, politely
    expect(await zaloSay(COUNCIL, `/thamgia ${councilCode}`, 'Bạn đã nhận lời mời này rồi')).toBeTruthy();
  });

  it('lists the people with roles for the officer and revokes the leader: told, menu back to the default', async () => {
    const list = await tgSay(OFFICER, '/vaitro', 'Những người có vai trò');
    expect(list.text).toContain('Tổ trưởng Tổ dân phố 1');
    expect(list.text).toContain('Nguyễn Văn Tổ');
    expect(list.text).toContain('Lê Thị Hội');
    const leaderButton = telegram.lastKeyboard(OFFICER).keyboard.flat().find((b) => b.text.includes('Tổ trưởng Tổ dân phố 1'))!;
    await tgPress(OFFICER, leaderButton.text, 'Bạn có chắc muốn thu hồi vai trò này?');
    const leaderMark = telegram.calls.length;
    await tgPress(OFFICER, 'Thu hồi', 'Đã thu hồi vai trò');
    await telegram.waitForText(LEADER, 'Cán bộ phường đã thu hồi vai trò của bạn', { afterCall: leaderMark });
    await telegram.waitFor("the leader's menu removed", () => telegram.chatMenu(LEADER) === undefined && telegram.chatMenu(LEADER, 'en') === undefined);
    expect(telegram.callsOf('deleteMyCommands').map((c) => c.payload)).toEqual(
      expect.arrayContaining([{ scope: { type: 'chat', chat_id: LEADER } }, { scope: { type: 'chat', chat_id: LEADER }, language_code: 'en' }]),
    );
    expect(telegram.violations).toEqual([]);
    expect(zalo.violations).toEqual([]);
  });

  it('keeps the names, invitations and granters in the rows, and audits every change with its actor', async () => {
    expect(await bot.stop()).toBe(0);
    const rows = await db.query<{ role: string; unit: string | null; holder_name: string; code: string; granted_by_officer: boolean; revoked: boolean }>(`
      select r.role, u.name as unit, r.holder_name, i.code,
             exists (select 1 from member_identities o where o.member_id = r.granted_by and o.channel = 'telegram' and o.external_id = '${OFFICER}') as granted_by_officer,
             r.revoked_at is not null as revoked
        from member_roles r join invitations i on i.id = r.invitation_id left join units u on u.id = r.unit_id
       order by r.role`);
    expect(rows).toEqual([
      { role: 'council', unit: null, holder_name: 'Lê Thị Hội', code: councilCode, granted_by_officer: true, revoked: false },
      { role: 'leader', unit: 'Tổ dân phố 1', holder_name: 'Nguyễn Văn Tổ', code: leaderCode, granted_by_officer: true, revoked: true },
    ]);
    const audit = await db.query<{ action: string; actor: string | null }>(`
      select a.action, (select i.channel || ':' || i.external_id from member_identities i where i.member_id = a.actor_member_id limit 1) as actor
        from audit_log a where a.action like 'role.%' or a.action like 'invitation.%' order by a.id`);
    expect(audit).toEqual([
      { action: 'role.granted', actor: null },
      { action: 'invitation.created', actor: `telegram:${OFFICER}` },
      { action: 'role.granted', actor: `telegram:${LEADER}` },
      { action: 'invitation.created', actor: `telegram:${OFFICER}` },
      { action: 'role.granted', actor: `zalo:${COUNCIL}` },
      { action: 'role.revoked', actor: `telegram:${OFFICER}` },
    ]);
  });
});
