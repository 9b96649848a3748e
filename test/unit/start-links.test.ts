import { describe, expect, it } from 'vitest';
import { readStartLink, startPayload } from '../../src/conversation/capabilities/nomination/start-link.js';
import { catalogFixture, IDS } from '../support/catalog-fixture.js';
import { Chat } from './chat-harness.js';

describe('start links (/start <payload>) open the nomination form', () => {
  const catalog = catalogFixture({ openCampaigns: 2 });

  it('reads campaign, category and campaign--category payloads against open campaigns only', () => {
    expect(readStartLink('decu', catalog)).toEqual({});
    expect(readStartLink('dhtt-2021-2025', catalog)).toEqual({ campaignId: IDS.campaign });
    expect(readStartLink('DHTT-2026', catalog)).toEqual({ campaignId: IDS.otherCampaign });
    expect(readStartLink(`dhtt-2026--${IDS.leader}`, catalog)).toEqual({ campaignId: IDS.otherCampaign, kind: 'individual', categoryId: IDS.leader });
    expect(readStartLink(IDS.agency, catalog)).toEqual({ kind: 'collective', categoryId: IDS.agency });
    expect(readStartLink('dhtt-2026', catalogFixture({ openCampaigns: 1 }))).toBeNull();
    expect(readStartLink('nothing-here', catalog)).toBeNull();
    expect(readStartLink('bad payload!', catalog)).toBeNull();
    expect(readStartLink(`dhtt-2026--${'x'.repeat(70)}`, catalog)).toBeNull();
  });

  it('builds payloads within the 64-character limit', () => {
    expect(startPayload({})).toBe('decu');
    expect(startPayload({ campaign: 'dhtt-2026-2030', category: 'can_bo' })).toBe('dhtt-2026-2030--can_bo');
  });

  it('a category link skips the question of whom to nominate and asks the unit; back returns to it', () => {
    const chat = new Chat();
    chat.say(`/start ${IDS.goodDeeds}`);
    expect(chat.state.step).toBe('unit');
    expect(chat.state.answers).toMatchObject({ campaignId: IDS.campaign, kind: 'individual', categoryId: IDS.goodDeeds });
    chat.say('quay lại');
    expect(chat.state.step).toBe('category');
    expect(chat.say('quay lại')).toContain('Đây là câu đầu tiên rồi');
  });

  it('a campaign link with two open campaigns skips the campaign question', () => {
    const chat = new Chat({ catalog });
    chat.say('/start dhtt-2026');
    expect(chat.state.step).toBe('category');
    expect(chat.state.answers).toMatchObject({ campaignId: IDS.otherCampaign });
  });

  it('an unknown payload greets as /start does; an open form is kept', () => {
    const chat = new Chat();
    expect(chat.say('/start zzz')).toContain('Xin chào');
    expect(chat.state.flow).toBeNull();
    chat.say('/decu');
    chat.say('2');
    chat.say(`/start ${IDS.agency}`);
    expect(chat.state.flow).toBe('nomination');
    expect(chat.state.answers).toMatchObject({ kind: 'individual' });
  });
});
