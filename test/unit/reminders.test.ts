// What reminders read like (a leader's digest in English, the officers' list, a nudge on Telegram
// as buttons) and /lamtiep, which the nudge's "carry on" stands for: the open form's question again.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channels/i18n.js';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import type { Locale } from '../../src/conversation/contract.js';
import { renderQueued } from '../../src/services/notice-render.js';
import { Chat } from './chat-harness.js';

const translators = await createTranslator();
const read = (notice: string, args: unknown, locale: Locale) => renderPlainMessages(renderQueued(appRegistry, { notice, args } as never, locale), translators(locale));

const phase = { phaseVi: 'Giai đoạn 1: lựa chọn, bồi dưỡng điển hình', phaseEn: 'Phase 1: select and foster exemplars', deadline: '15/12/2026' };

describe('reminders', () => {
  it('gives a leader of two units a line per unit, and the ward quota met once it is', () => {
    const text = read('deadline_digest', {
      ...phase, needCollectives: 0, needIndividuals: 0,
      units: [{ name: 'Tổ dân phố 1', waiting: 2, forwarded: 1 }, { name: 'Làng Ia Lang', waiting: 0, forwarded: 3 }],
    }, 'en');
    expect(text.split('\n')).toEqual([
      '⏰ Reminder: “Phase 1: select and foster exemplars” ends on 15/12/2026.',
      '• Tổ dân phố 1: 2 nominations waiting for your screening, 1 forwarded to the ward.',
      '• Làng Ia Lang: nothing waiting for screening, 3 forwarded to the ward.',
      "The ward has met this phase's quota of honours.",
      '• See the nominations waiting: type /duyet',
    ]);
  });

  it('tells officers which units have no leader (the ward screens those)', () => {
    const text = read('deadline_escalation', { ...phase, total: 3, units: [{ name: 'Tổ dân phố 2', waiting: 2, leader: true }, { name: 'Tổ dân phố 9', waiting: 1, leader: false }] }, 'vi');
    expect(text).toContain('• Tổ dân phố 2: 2 đề cử\n• Tổ dân phố 9: 1 đề cử (chưa có tổ trưởng, phường xem xét)');
  });

  it('shows the nudge as two buttons on Telegram', () => {
    const [message] = renderQueued(appRegistry, { notice: 'draft_nudge', args: { flow: 'screening' } } as never, 'en');
    expect(message).toMatchObject({ kind: 'choices', options: [{ value: '/lamtiep' }, { value: '/huy' }] });
    expect(read('draft_nudge', { flow: 'screening' }, 'en')).toContain('Hello, you have something you started with me and have not finished.');
  });

  it('carries on the open form with /lamtiep, and says so when nothing is open', () => {
    const chat = new Chat({ channel: 'zalo' });
    chat.say('/decu');
    const again = chat.say('/lamtiep');
    expect(again).toContain('Mời bạn làm tiếp từ chỗ đang dở:');
    expect(again).toContain('Bạn muốn đề cử ai?');
    chat.say('/huy');
    expect(chat.say('/lamtiep')).toContain('Bạn không có việc gì đang làm dở.');
  });
});
