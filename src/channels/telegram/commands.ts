// The command menu Telegram shows next to the text box, in Vietnamese (the default, for every
// language) and in English (for people whose Telegram speaks English).
import type { BotCommand } from 'grammy/types';
import type { Locale } from '../../conversation/contract.js';
import type { Translate } from '../i18n.js';

/** The menu for one language: command names the engine understands, descriptions from the locales. */
export function commandMenu(locale: Locale, t: Translate): BotCommand[] {
  const vi = locale === 'vi';
  return [
    { command: 'start', description: t('telegram.commands.start') },
    { command: vi ? 'decu' : 'nominate', description: t('telegram.commands.nominate') },
    { command: vi ? 'trangthai' : 'status', description: t('telegram.commands.status') },
    { command: vi ? 'cuatoi' : 'mine', description: t('telegram.commands.mine') },
    { command: vi ? 'ngonngu' : 'language', description: t('telegram.commands.language') },
    { command: vi ? 'huy' : 'cancel', description: t('telegram.commands.cancel') },
    { command: vi ? 'trogiup' : 'help', description: t('telegram.commands.help') },
  ];
}
