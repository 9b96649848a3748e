import { describe, expect, it } from 'vitest';
import { createTranslator, renderText } from '../../src/channels/i18n.js';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import type { Outbound } from '../../src/conversation/contract.js';

const t = await createTranslator();

describe('plain-text rendering for the terminal and Zalo', () => {
  it('numbers the options, with their one-line hints, and says how to answer', () => {
    const message: Outbound = {
      kind: 'choices',
      text: [{ key: 'nomination.kind.ask' }],
      options: [
        { value: 'collective', label: { key: 'nomination.kind.collective' }, hint: { key: 'nomination.kind.collectiveHint' } },
        { value: 'individual', label: { raw: 'Cá nhân' } },
      ],
      multi: false,
      token: 'kind.1',
      actions: [{ value: 'cancel', label: { key: 'action.cancel' } }],
    };
    expect(renderPlainMessages([message], t('vi'))).toBe(
      [
        'Bạn muốn đề cử một tập thể hay một cá nhân?',
        '1. Tập thể — ban ngành, đoàn thể, tổ dân phố, làng',
        '2. Cá nhân',
        'Gõ số thứ tự để chọn.',
        'Hoặc gõ: Huỷ',
      ].join('\n'),
    );
  });

  it('shows ticks on a multi-select and how to finish', () => {
    const message: Outbound = {
      kind: 'choices',
      text: [{ raw: 'Tiêu chí?' }],
      options: [
        { value: 'a', label: { raw: 'Một' }, selected: true },
        { value: 'b', label: { raw: 'Hai' }, selected: false },
      ],
      multi: true,
      token: 'criteria.3',
      actions: [{ value: 'done', label: { key: 'action.done' } }],
    };
    const text = renderPlainMessages([message], t('en'));
    expect(text).toContain('1. ✓ Một\n2. ☐ Hai');
    expect(text).toContain('Type numbers to tick or untick (e.g. 2 or 2,5).');
    expect(text).toContain('Or type: Done');
  });

  it('shows typed data as it is: no escaping, no interpolation of what people typed', () => {
    const typed = '<b>{{name}}</b> & "quotes"';
    expect(renderText(t('vi'), { raw: typed })).toBe(typed);
    expect(renderText(t('vi'), { key: 'nomination.summary.name', params: { value: typed } })).toBe(`Tên: ${typed}`);
  });

  it('separates messages with a blank line', () => {
    const out = renderPlainMessages([{ kind: 'text', text: [{ raw: 'a' }] }, { kind: 'text', text: [{ raw: 'b' }, { raw: 'c' }] }], t('vi'));
    expect(out).toBe('a\n\nb\nc');
  });
});
