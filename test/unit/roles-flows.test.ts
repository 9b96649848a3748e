// Roles as people meet them in chat: an officer invites (the unit picked as in the nomination
// form, a second leader asked about only when the unit has one, the name optional, a code and a
// Telegram link to forward), the invited person opens the code or the deep link and accepts or
// declines, every unusable code gets its own polite answer with no form left open, and an
// officer lists people with roles a page at a time and revokes one after confirming.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channels/i18n.js';
import { commandMenu } from '../../src/channels/telegram/commands.js';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import type { DataRequest } from '../../src/conversation/contract.js';
import { invitationFromStartPayload, looksLikeInvitationCode, parseInvitationCode } from '../../src/domain/invitations.js';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import { Chat, fillToSummary } from './chat-harness.js';
import { IDS } from '../support/catalog-fixture.js';

const t = await createTranslator();
const OFFICER = { roles: [{ role: 'officer' as const, unitId: null }] };
const OPEN = {
  status: 'open',
  code: 'ABCD2345',
  role: 'leader',
  unitName: 'Tổ dân phố 1',
  unitKind: 'to_dan_pho',
  wardName: 'Phường Thắng Lợi',
  inviterName: 'Trần Thu',
  holderName: 'Nguyễn Văn Tổ',
  expiresAt: '2025-06-08T03:00:00.000Z',
};

/** A person with an invitation database behind them: `codes` maps a code to what the lookup answers. */
function invited(codes: Record<string, unknown>, channel: 'zalo' | 'telegram' | 'console' = 'zalo') {
  const chat = new Chat({ channel });
  const asked: DataRequest[] = [];
  chat.fetchData = (r) => {
    asked.push(r);
    return r.kind === 'invitation' ? (codes[String(r.code)] ?? { status: 'not_found' }) : null;
  };
  return { chat, asked };
}

describe('invitation codes', () => {
  it('reads codes as people type them and refuses what cannot be one', () => {
    expect(parseInvitationCode('abcd-2345')).toBe('ABCD2345');
    expect(parseInvitationCode(' AB CD 23 45 ')).toBe('ABCD2345');
    expect(parseInvitationCode('ABCD234')).toBeNull();
    // 0, O, 1, I and L are not in the alphabet: a code with one was mistyped
    expect(parseInvitationCode('ABCD2340')).toBeNull();
    expect(parseInvitationCode('ABCDO345')).toBeNull();
    expect(invitationFromStartPayload('moi-ABCD2345')).toEqual({ code: 'ABCD2345' });
    expect(invitationFromStartPayload('moi-xyz')).toEqual({ code: null });
    expect(invitationFromStartPayload('dhtt-2026-2030')).toBeNull();
    expect(looksLikeInvitationCode('abcd 2345')).toBe(true);
    expect(looksLikeInvitationCode('de cu')).toBe(false);
  });
});

describe('an officer invites', () => {
  const officer = (leaders: { unitId: string; name?: string; since: string }[] = []) => {
    const chat = new Chat({ member: OFFICER, channel: 'zalo' });
    chat.fetchData = (r) => (r.kind === 'unit_leaders' ? { status: 'ok', leaders } : null);
    return chat;
  };

  it('a leader of a unit picked by search, with the name; the reply has the code to forward', () => {
    const chat = officer();
    expect(chat.say('/moi')).toContain('Bạn mời người này nhận vai trò nào?');
    expect(chat.say('1')).toContain('Người được mời sẽ phụ trách đơn vị nào?');
    // one unit matches: it is taken; no leader yet: no question about a second one
    const named = chat.say('to 1');
    expect(named).toContain('Đơn vị: Tổ dân phố 1.');
    expect(named).toContain('Họ và tên người được mời?');
    const summary = chat.say('Nguyễn Văn Tổ');
    expect(summary).toContain('Tổ trưởng Tổ dân phố 1');
    expect(summary).toContain('Người được mời: Nguyễn Văn Tổ');
    const made = chat.say('tạo lời mời');
    expect(chat.lastEffect()).toEqual({ type: 'invite_create', formId: expect.any(String), role: 'leader', unitId: 'unit-tdp-1', holderName: 'Nguyễn Văn Tổ', allowSecondLeader: false });
    expect(made).toContain('Mã mời: ABCD2345, dùng được một lần, đến 10:00 ngày 08/06/2025.');
    expect(made).toContain('Nhắn cho trợ lý đề cử của phường: /thamgia ABCD2345');
    // without Telegram there is no link to give
    expect(made).not.toContain('t.me');
  });

  it('gives the Telegram deep link when Telegram is served', () => {
    const chat = officer();
    chat.links = { telegramBot: 'dienhinh_bot' };
    chat.say('/moi');
    chat.say('hội đồng');
    chat.say('bỏ qua');
    const made = chat.say('1');
    expect(chat.lastEffect()).toMatchObject({ role: 'council', unitId: null, holderName: null });
    expect(made).toContain('Trên Telegram: bấm vào https://t.me/dienhinh_bot?start=moi-ABCD2345');
    expect(made).toContain('Trên Zalo: nhắn cho trợ lý đề cử của phường: /thamgia ABCD2345');
  });

  it('asks about a second leader only when the unit has one, and can go back to another unit', () => {
    const chat = officer([{ unitId: IDS.tdp3, name: 'Lê Văn Cũ', since: '2025-01-02T03:00:00Z' }]);
    chat.say('/moi');
    chat.say('tổ trưởng');
    chat.say('Tổ dân phố 3');
    const asked = chat.read();
    expect(asked).toContain('Tổ dân phố 3 hiện đã có người phụ trách:');
    expect(asked).toContain('• Lê Văn Cũ (từ 02/01/2025)');
    expect(chat.say('3')).toContain('Người được mời sẽ phụ trách đơn vị nào?');
    chat.say('Tổ dân phố 3');
    chat.say('cho phép');
    chat.say('bỏ qua');
    expect(chat.read()).toContain('lời mời này cho phép thêm người thứ hai');
    chat.say('1');
    expect(chat.lastEffect()).toMatchObject({ unitId: IDS.tdp3, allowSecondLeader: true });
  });

  it('refuses a name without letters or over 100 characters, and can be dropped without creating anything', () => {
    const chat = officer();
    chat.say('/moi');
    chat.say('cán bộ');
    expect(chat.say('12345')).toContain('chưa phải là họ tên');
    expect(chat.say('A'.repeat(101))).toContain('quá 100 ký tự');
    chat.say('Trần Văn Cán');
    expect(chat.say('hủy lời mời')).toContain('Đã hủy, chưa tạo lời mời nào.');
    expect(chat.effects).toEqual([]);
  });

  it('says why an invitation could not be made', () => {
    const chat = officer();
    chat.database = (e) => (e.type === 'invite_create' ? { type: 'invite_create', status: 'forbidden' } : undefined);
    chat.say('/moi');
    chat.say('2');
    chat.say('bỏ qua');
    expect(chat.say('1')).toContain('Chỉ cán bộ phường mới tạo được lời mời.');
  });

  it('is not for residents: /moi and /vaitro get a polite answer and no form', () => {
    const chat = new Chat();
    expect(chat.say('/moi')).toContain('Lệnh này chỉ dành cho');
    expect(chat.say('/vaitro')).toContain('Lệnh này chỉ dành cho');
    expect(chat.state.flow).toBeNull();
  });

  it('shows officers their commands in the Telegram menu, not residents', () => {
    const vi = t('vi');
    expect(commandMenu(appRegistry, 'vi', vi, OFFICER.roles).map((c) => c.command)).toEqual(expect.arrayContaining(['moi', 'vaitro']));
    expect(commandMenu(appRegistry, 'en', t('en'), OFFICER.roles).map((c) => c.command)).toEqual(expect.arrayContaining(['invite', 'roles']));
    expect(commandMenu(appRegistry, 'vi', vi, []).map((c) => c.command)).not.toContain('moi');
    expect(commandMenu(appRegistry, 'vi', vi, [{ role: 'leader', unitId: 'u' }]).map((c) => c.command)).not.toContain('vaitro');
  });
});

describe('the invited person', () => {
  it('sees what they are invited to and accepts, by typed words with the code in any case', () => {
    const { chat, asked } = invited({ ABCD2345: OPEN });
    const shown = chat.say('tham gia abcd-2345');
    expect(asked).toEqual([{ kind: 'invitation', code: 'ABCD2345' }]);
    expect(shown).toContain('Bạn được mời nhận vai trò ở Phường Thắng Lợi:');
    expect(shown).toContain('Tổ trưởng Tổ dân phố 1');
    expect(shown).toContain('Người mời: cán bộ phường Trần Thu');
    expect(shown).toContain('1. Nhận vai trò');
    expect(chat.say('5')).toContain('Không có lựa chọn số 5');
    expect(chat.say('1')).toContain('Chúc mừng! Bạn đã nhận vai trò ở Phường Thắng Lợi');
    expect(chat.lastEffect()).toEqual({ type: 'invite_accept', code: 'ABCD2345' });
    expect(chat.state.flow).toBeNull();
  });

  it('opens the invitation from a Telegram deep link, and declines it by button', () => {
    const { chat } = invited({ ABCD2345: OPEN }, 'telegram');
    chat.say('/start moi-ABCD2345');
    expect(chat.question().options.map((o) => o.value)).toEqual(['accept', 'decline']);
    expect(chat.press('decline')).toContain('Bạn đã từ chối lời mời.');
    expect(chat.lastEffect()).toEqual({ type: 'invite_decline', code: 'ABCD2345' });
  });

  it('answers every code that cannot be accepted at once, with no form left open', () => {
    const cases: [string, string][] = [
      ['22222222', 'Không tìm thấy lời mời nào với mã “22222222”'],
      ['EXPRD222', 'đã hết hạn'],
      ['USED2222', 'đã được dùng'],
      ['DECN2222', 'đã bị từ chối'],
      ['WARD2222', 'của một phường khác'],
      ['HEXD2222', 'Bạn đã có vai trò này rồi'],
      ['MEAD2222', 'đã có người phụ trách'],
    ];
    const { chat } = invited({
      EXPRD222: { status: 'expired' },
      USED2222: { status: 'used' },
      DECN2222: { status: 'declined' },
      WARD2222: { status: 'other_ward' },
      HEXD2222: { status: 'already_holds' },
      MEAD2222: { status: 'unit_has_leader' },
    });
    for (const [code, says] of cases) {
      expect(chat.say(`/thamgia ${code}`), code).toContain(says);
      expect(chat.state.flow, code).toBeNull();
    }
    // mistyped (a letter the alphabet lacks, too short): the same answer as an unknown code, no look-up
    expect(chat.say('/thamgia ABCD234O')).toContain('Không tìm thấy lời mời nào với mã “ABCD234O”');
    expect(chat.say('/thamgia 12')).toContain('Không tìm thấy lời mời nào');
    expect(chat.say('/thamgia')).toContain('Gõ /thamgia kèm mã mời 8 ký tự');
    expect(chat.effects).toEqual([]);
  });

  it('answers an invitation used up between showing it and answering it', () => {
    const { chat } = invited({ ABCD2345: OPEN });
    chat.database = (e) => (e.type === 'invite_accept' ? { type: 'invite_accept', status: 'used' } : undefined);
    chat.say('/thamgia ABCD2345');
    expect(chat.say('nhận')).toContain('Lời mời này đã được dùng.');
  });

  it('keeps a half-filled nomination: the code is opened once it is finished or cancelled', () => {
    const { chat } = invited({ ABCD2345: OPEN });
    fillToSummary(chat);
    expect(chat.say('/thamgia ABCD2345')).toContain('rồi gõ lại /thamgia ABCD2345');
    expect(chat.state.flow).toBe('nomination');
  });
});

describe('an officer lists people with roles and revokes one', () => {
  const holder = (i: number, extra: Record<string, unknown> = {}) => ({
    roleId: `role-${i}`,
    role: 'leader',
    unitName: `Tổ dân phố ${i}`,
    unitKind: 'to_dan_pho',
    name: `Người ${i}`,
    since: '2025-01-02T03:00:00Z',
    ...extra,
  });
  const officer = () => {
    const chat = new Chat({ member: OFFICER, channel: 'zalo' });
    chat.fetchData = (r) => {
      if (r.kind !== 'role_holders') return null;
      const page = Number(r.page);
      const all = [holder(0, { role: 'officer', unitName: undefined, unitKind: undefined, name: 'Trần Thu', self: true }), ...Array.from({ length: 9 }, (_, i) => holder(i + 1))];
      return { status: 'ok', total: all.length, page, size: 8, holders: all.slice(page * 8, page * 8 + 8) };
    };
    return chat;
  };

  it('a page at a time, then confirms before revoking', () => {
    const chat = officer();
    const first = chat.say('/vaitro');
    expect(first).toContain('Những người có vai trò ở Phường Thắng Lợi (10):');
    expect(first).toContain('1. Cán bộ phường — bạn · từ 02/01/2025');
    expect(first).toContain('2. Tổ trưởng Tổ dân phố 1 — Người 1 · từ 02/01/2025');
    expect(first).toContain('Trang 1/2.');
    const second = chat.say('trang sau');
    expect(second).toContain('1. Tổ trưởng Tổ dân phố 8 — Người 8');
    expect(second).toContain('trang trước');
    const confirm = chat.say('2');
    expect(confirm).toContain('Bạn có chắc muốn thu hồi vai trò này?');
    expect(confirm).toContain('Tổ trưởng Tổ dân phố 9');
    expect(chat.effects).toEqual([]);
    expect(chat.say('không')).toContain('Những người có vai trò');
    chat.say('3');
    const done = chat.say('thu hồi');
    expect(chat.lastEffect()).toEqual({ type: 'role_revoke', roleId: 'role-2' });
    expect(done).toContain('Đã thu hồi vai trò:');
  });

  it('warns before revoking one\'s own role, and says why the last officer cannot', () => {
    const chat = officer();
    chat.database = (e) => (e.type === 'role_revoke' ? { type: 'role_revoke', status: 'last_officer' } : undefined);
    chat.say('/vaitro');
    expect(chat.say('1')).toContain('Đây là vai trò của chính bạn');
    expect(chat.say('1')).toContain('bạn là cán bộ phường duy nhất');
  });
});

describe('notices about roles', () => {
  it('tell the officer an invitation was answered and a person their role was revoked, in their language', () => {
    const answered = appRegistry.notice('invitation_answered')!({ answer: 'accepted', code: 'ABCD2345', name: 'Nguyễn Văn Tổ', role: 'leader', unitName: 'Tổ dân phố 1', unitKind: 'to_dan_pho' }, 'vi');
    expect(renderPlainMessages(answered, t('vi'))).toBe('Lời mời ABCD2345 đã được nhận:\nTổ trưởng Tổ dân phố 1\nNgười được mời: Nguyễn Văn Tổ');
    const revoked = appRegistry.notice('role_revoked')!({ role: 'council', unitId: null, unitName: null, unitKind: null }, 'en');
    expect(renderPlainMessages(revoked, t('en'))).toContain("Member of the ward's Emulation and Commendation Council");
  });
});
