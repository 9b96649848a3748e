// The council's vote as members chat it: the notice's button opens the proposal; a member reads it
// with the ward's appraisal and votes; voting again says the vote changed; a vote after the close,
// or opening a closed proposal, gets a clear answer with the result. Officers and residents cannot vote.
import { describe, expect, it } from 'vitest';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import { createTranslator } from '../../src/channels/i18n.js';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { answers, dossier, line, withRole } from '../support/ward-data.js';
import { Chat } from './chat-harness.js';

const t = await createTranslator();

function member(table: Record<string, unknown>, channel: 'console' | 'telegram' | 'zalo' = 'console'): Chat {
  const chat = new Chat({ member: withRole('council'), channel });
  chat.fetchData = answers(table);
  return chat;
}

const proposal = (o: Record<string, unknown> = {}) =>
  dossier('TL-0042', { status: 'proposed', view: 'council', marks: [{ criterionId: 'c-1', met: true, note: 'đã xác minh' }, { criterionId: 'c-2', met: true }, { criterionId: 'c-3', met: false }], ...o });

describe('the council’s vote', () => {
  it('tells members of a proposal with a button (or the words to type) that opens it', () => {
    const notice = appRegistry.notice('council_vote')!({ code: 'TL-0042', name: 'Nguyễn Văn An', unit: 'Tổ dân phố 3' }, 'vi');
    const text = renderPlainMessages(notice, t('vi'));
    expect(text).toContain('Phường đề nghị tôn vinh TL-0042 · Nguyễn Văn An (Tổ dân phố 3)');
    expect(text).toContain('gõ /bieuquyet TL-0042');
    const chat = member({ review_dossier: proposal() });
    const opened = chat.press('/bieuquyet TL-0042', 'cmd');
    expect(opened).toContain('Hồ sơ TL-0042: Nguyễn Văn An');
    expect(opened).toContain('Kết quả thẩm định: đạt 2/3 tiêu chí.');
    expect(opened).toContain('Ghi chú: đã xác minh');
    expect(opened).toContain('Đã có 1/3 thành viên Hội đồng biểu quyết.');
    expect(opened).toContain('Mời bạn biểu quyết:');
    expect(opened).not.toContain('liên hệ');
  });

  it('refuses the vote to an officer and a resident, typed or pressed', () => {
    for (const chat of [new Chat({ member: withRole('officer') }), new Chat()]) {
      expect(chat.say('/bieuquyet')).toContain('Lệnh này chỉ dành cho');
      expect(chat.press('/bieuquyet TL-0042', 'cmd')).toContain('Lệnh này chỉ dành cho');
      expect(chat.effects).toEqual([]);
    }
  });

  it('lists the proposals with the member’s own vote, and votes on one (typed, on Zalo)', () => {
    const chat = member(
      {
        council_list: { status: 'ok', total: 2, page: 0, pageSize: 8, items: [{ ...line('TL-0042', 'proposed'), since: '2026-11-29T01:00:00.000Z' }, { ...line('TL-0043', 'proposed'), since: '2026-11-29T02:00:00.000Z', myVote: 'agree' }] },
        review_dossier: proposal(),
      },
      'zalo',
    );
    const list = chat.say('bieu quyet');
    expect(list).toContain('Đề nghị tôn vinh chờ Hội đồng biểu quyết: 2.');
    expect(list).toContain('1. TL-0042 · Người TL-0042 · Tổ dân phố 3 — Người tốt, việc tốt · bạn chưa biểu quyết');
    expect(list).toContain('bạn đã biểu quyết: đồng ý');
    chat.say('1');
    chat.database = () => ({ type: 'council_vote', status: 'voted', code: 'TL-0042', name: 'Nguyễn Văn An', vote: 'agree' });
    const voted = chat.say('dong y');
    expect(chat.lastEffect()).toEqual({ type: 'council_vote', nominationId: 'id-TL-0042', code: 'TL-0042', vote: 'agree' });
    expect(voted).toContain('Đã ghi nhận biểu quyết của bạn về TL-0042 · Nguyễn Văn An.');
    expect(voted).toContain('Phiếu của bạn: đồng ý.');
  });

  it('says a second vote changed the first while the vote is open', () => {
    const chat = member({ review_dossier: proposal({ council: { members: 3, voted: 1, myVote: 'disagree' } }) });
    const opened = chat.say('/bieuquyet TL-0042');
    expect(opened).toContain('Phiếu của bạn: không đồng ý.');
    expect(opened).toContain('bạn có thể chọn lại để đổi phiếu');
    chat.database = () => ({ type: 'council_vote', status: 'changed', code: 'TL-0042', name: 'Nguyễn Văn An', vote: 'agree', previous: 'disagree' });
    const changed = chat.say('1');
    expect(changed).toContain('Bạn đã đổi phiếu về TL-0042');
    expect(changed).toContain('Phiếu trước đó: không đồng ý.');
    expect(changed).toContain('Phiếu của bạn: đồng ý.');
  });

  it('gives the result when the member’s vote was the last one', () => {
    const chat = member({ review_dossier: proposal() });
    chat.say('/bieuquyet TL-0042');
    chat.database = () => ({
      type: 'council_vote',
      status: 'voted',
      code: 'TL-0042',
      name: 'Nguyễn Văn An',
      vote: 'agree',
      closed: { outcome: 'approved', status: 'posted', tally: { members: 3, voted: 3, agree: 2, disagree: 1, abstain: 0 }, postingUntil: '2026-12-05T01:00:00.000Z' },
    });
    const last = chat.say('đồng ý');
    expect(last).toContain('Mọi thành viên Hội đồng đã biểu quyết.');
    expect(last).toContain('đã kết thúc: đề nghị được thông qua.');
    expect(last).toContain('Hội đồng: 2 đồng ý, 1 không đồng ý, 0 không ý kiến (3/3 thành viên đã biểu quyết).');
    expect(last).toContain('công khai để nhân dân góp ý đến 08:00 05/12/2026');
  });

  it('answers a vote after the close, and opening a closed proposal, with the result', () => {
    const note = 'Hội đồng Thi đua – Khen thưởng biểu quyết: 1 đồng ý, 2 không đồng ý, 0 không ý kiến (3/3 thành viên); không thông qua.';
    const chat = member({ review_dossier: proposal() });
    chat.say('/bieuquyet TL-0042');
    chat.database = () => ({ type: 'council_vote', status: 'closed', code: 'TL-0042', name: 'Nguyễn Văn An', vote: 'agree', current: 'not_honoured', last: { at: '2026-11-30T02:00:00.000Z', note } });
    const late = chat.say('đồng ý');
    expect(late).toContain('đã kết thúc nên phiếu này không được ghi nhận');
    expect(late).toContain(`Kết quả: ${note}`);
    expect(late).toContain('Bạn đã không biểu quyết đề nghị này.');

    const closed = member({ review_dossier: proposal({ status: 'not_honoured', last: { status: 'not_honoured', at: '2026-11-30T02:00:00.000Z', note }, council: { members: 3, voted: 3, myVote: 'agree' } }) });
    const answer = closed.say('/bieuquyet TL-0042');
    expect(answer).toContain('Biểu quyết về TL-0042 đã kết thúc ngày 30/11/2026.');
    expect(answer).toContain(`Kết quả: ${note}`);
    expect(answer).toContain('Phiếu của bạn: đồng ý.');
    expect(closed.state.flow).toBeNull();
  });

  it('tells the officers the result with what to do next', () => {
    const args = { code: 'TL-0042', name: 'Nguyễn Văn An', outcome: 'approved', status: 'approved', members: 3, agree: 3, disagree: 0, abstain: 0, voted: 3 };
    const text = renderPlainMessages(appRegistry.notice('council_result')!(args, 'vi'), t('vi'));
    expect(text).toContain('Kết quả biểu quyết của Hội đồng Thi đua – Khen thưởng:');
    expect(text).toContain('gõ /tonvinh TL-0042');
    const en = renderPlainMessages(appRegistry.notice('council_result')!({ ...args, outcome: 'rejected', status: 'not_honoured' }, 'en'), t('en'));
    expect(en).toContain('the proposal did not pass');
    expect(en).toContain('type /lichsu TL-0042');
  });
});
