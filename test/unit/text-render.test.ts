import { describe, expect, it } from 'vitest';
import { createTranslator, renderText } from '../../src/channels/i18n.js';
import { renderPlainMessages } from '../../src/channels/text-render.js';
import type { Outbound } from '../../src/conversation/contract.js';

const t = await createTranslator();

describe('plain-text rendering for the terminal and Zalo', () => {
  it('numbers the options, with their one-line hints, and says how to answer; "back" and "cancel" are typed words, not a line', () => {
    const message: Outbound = {
      kind: 'choices',
      text: [{ key: 'nomination.category.ask' }],
      options: [
        { value: 'collective', label: { key: 'nomination.category.onlyCollective' }, hint: { raw: 'ban ngành, đoàn thể, tổ dân phố, làng' } },
        { value: 'individual', label: { raw: 'Cá nhân' } },
      ],
      multi: false,
      token: 'kind.1',
      actions: [{ value: 'cancel', label: { key: 'action.cancel' } }],
    };
    expect(renderPlainMessages([message], t('vi'))).toBe(
      ['Bạn muốn đề cử ai?', '1. Một tập thể — ban ngành, đoàn thể, tổ dân phố, làng', '2. Cá nhân', 'Gõ số để chọn.'].join('\n'),
    );
    const skip: Outbound = { kind: 'choices', text: [{ raw: 'Ảnh?' }], options: [], multi: false, token: 'photo.2', actions: [{ value: 'skip', label: { key: 'action.skip' } }] };
    expect(renderPlainMessages([skip], t('vi'))).toBe('Ảnh?\nHoặc gõ “bỏ qua”.');
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
    expect(text).toContain('Type numbers; several are fine, e.g. 1, 3.');
    expect(text).toContain('Or type “done”.');
  });

  it('shows typed data as it is: no escaping, no interpolation of what people typed', () => {
    const typed = '<b>{{name}}</b> & "quotes"';
    expect(renderText(t('vi'), { raw: typed })).toBe(typed);
    expect(renderText(t('vi'), { key: 'nomination.summary.criteria', params: { value: typed } })).toBe(`Tiêu chí: ${typed}`);
  });

  it('separates messages with a blank line', () => {
    const out = renderPlainMessages([{ kind: 'text', text: [{ raw: 'a' }] }, { kind: 'text', text: [{ raw: 'b' }, { raw: 'c' }] }], t('vi'));
    expect(out).toBe('a\n\nb\nc');
  });
});
