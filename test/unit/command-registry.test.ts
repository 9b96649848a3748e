// One registry of commands: help, the list after an unknown command and Telegram's menu all come
// from it, showing each person only what their roles allow on the channel at hand; two
// capabilities claiming the same word is a bug caught at start.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/channels/i18n.js';
import { commandMenu } from '../../src/channels/telegram/commands.js';
import { appRegistry } from '../../src/conversation/capabilities/index.js';
import { coreCapability } from '../../src/conversation/capabilities/core/index.js';
import { msg } from '../../src/conversation/engine/messages.js';
import { buildRegistry, type Capability } from '../../src/conversation/engine/registry.js';
import { Chat } from './chat-harness.js';

const t = await createTranslator();

describe('the command registry', () => {
  it('lists account linking in help on Telegram and Zalo, not in the terminal where it means nothing', () => {
    expect(new Chat({ channel: 'zalo' }).say('/trogiup')).toContain('/lienket');
    expect(new Chat({ channel: 'console' }).say('/trogiup')).not.toContain('/lienket');
    expect(new Chat({ channel: 'console' }).say('/lienket')).toContain('Lệnh này không dùng được ở đây, chỉ dùng trong Zalo hoặc Telegram.');
  });

  it('refuses a command to whoever lacks its role, politely, and hides it from their help and menu', () => {
    const officerOnly: Capability = {
      id: 'officer-test',
      commands: [
        {
          id: 'audit',
          slash: ['kiemtra', 'audit'],
          roles: ['officer'],
          menu: { vi: 'kiemtra', en: 'audit', description: 'telegram.commands.help' },
          help: () => msg('menu.help'),
          order: 70,
          run: (turn) => turn.idleReply([{ raw: 'audit ran' }]),
        },
      ],
    };
    const registry = buildRegistry([coreCapability, officerOnly]);
    const resident = new Chat({ registry });
    expect(resident.say('/kiemtra')).toContain('Lệnh này chỉ dành cho cán bộ phường');
    expect(new Chat({ registry, member: { roles: [{ role: 'officer', unitId: null }] } }).say('/audit')).toContain('audit ran');
    expect(commandMenu(registry, 'vi', t('vi')).map((c) => c.command)).not.toContain('kiemtra');
    expect(commandMenu(registry, 'vi', t('vi'), [{ role: 'officer', unitId: null }]).map((c) => c.command)).toContain('kiemtra');
  });

  it('gives every slash name and word to one command only', () => {
    const clash: Capability = { id: 'clash', commands: [{ id: 'other', slash: ['trogiup'], order: 1, run: (turn) => turn.idleReply([]) }] };
    expect(() => buildRegistry([coreCapability, clash])).toThrow(/registered twice/);
  });

  it('names each command of the Telegram menu in both languages from the same entries', () => {
    const vi = commandMenu(appRegistry, 'vi', t('vi')).map((c) => c.command);
    const en = commandMenu(appRegistry, 'en', t('en')).map((c) => c.command);
    expect(vi).toEqual(['start', 'decu', 'gioithieu', 'donvi', 'trangthai', 'cuatoi', 'ngonngu', 'huy', 'trogiup', 'dulieu']);
    expect(en).toHaveLength(vi.length);
  });
});
