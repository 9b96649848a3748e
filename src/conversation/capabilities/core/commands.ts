// The commands that work everywhere: start (with deep links), help, back and restart (cancel has
// its own file).
// In a form they act on the form; outside one they say what can be done.
import { ask, currentStep, goBack, stepContext } from '../../engine/form-runner.js';
import { msg } from '../../engine/messages.js';
import type { CommandDef, TurnApi } from '../../engine/registry.js';
import { greeting, idleHelp } from './greeting.js';

const env = (turn: TurnApi) => ({ catalog: turn.ctx.catalog, member: turn.ctx.member, locale: turn.locale });

/** /start, "xin chao": a start link opens what it names; otherwise the greeting (and the open form again). */
export const startCommand: CommandDef = {
  id: 'start',
  slash: ['start', 'batdau', 'xinchao'],
  words: ['xin chao', 'chao', 'chao ban', 'alo', 'chao ad', 'xin chao ad', 'chao admin', 'chao bot', 'hello', 'hi', 'hi bot', 'bat dau', 'start'],
  menu: { vi: 'start', en: 'start', description: 'telegram.commands.start' },
  order: 0,
  run: (turn, args) => {
    if (args && !turn.flow) {
      for (const read of turn.registry.startReaders) {
        const opened = read(turn, args);
        if (opened) return opened;
      }
    }
    const hello = greeting(turn.registry, env(turn), turn.event.channel);
    if (!turn.flow || turn.flow.replaceable) return { state: turn.idle(), messages: [hello] };
    const shown = turn.resume([msg('form.resumeNotice')]);
    return { ...shown, messages: [hello, ...shown.messages] };
  },
};

/** /trogiup, "tro giup": the current question explained, or everything the person can do. */
export const helpCommand: CommandDef = {
  id: 'help',
  brief: 'command.brief.help',
  slash: ['trogiup', 'help', 'huongdan'],
  words: ['tro giup', 'huong dan', 'help', '?'],
  menu: { vi: 'trogiup', en: 'help', description: 'telegram.commands.help' },
  help: () => msg('menu.help'),
  order: 50,
  run: (turn) => {
    if (turn.flow && !turn.flow.replaceable) {
      const step = currentStep(turn.flow, turn.state);
      const help = step ? step.help(stepContext(turn.state, turn.ctx, turn.locale)) : [];
      return ask(turn.flow, turn.state, turn.ctx, turn.locale, [...help, msg('form.tips')]);
    }
    return { state: turn.idle(), messages: [idleHelp(turn.registry, env(turn), turn.event.channel)] };
  },
};

/** /quaylai, "quay lai": the previous question. */
export const backCommand: CommandDef = {
  id: 'back',
  brief: 'command.brief.back',
  slash: ['quaylai', 'back'],
  words: ['quay lai', 'tro lai', 'back'],
  order: 46,
  run: (turn) => (turn.flow ? goBack(turn.flow, turn.state, turn.ctx, turn.locale) : turn.idleReply([msg('form.nothingToGoBack')])),
};

/** /lamlai, "lam lai": the open form from its first question; with none open, a new nomination. */
export const restartCommand: CommandDef = {
  id: 'restart',
  slash: ['lamlai', 'restart'],
  words: ['lam lai', 'restart'],
  order: 47,
  run: (turn) => {
    if (turn.flow && !turn.flow.replaceable) return turn.startForm(turn.flow, [msg('form.restarted')]);
    const nominate = turn.registry.commandById('nominate');
    return nominate ? nominate.run(turn, '') : turn.idleReply([msg('form.nothingToCancel')]);
  },
};

/** "cam on": thanks get a kind word back (and the open question again), never "not understood". */
export const thanksCommand: CommandDef = {
  id: 'thanks',
  slash: [],
  words: ['cam on', 'cam on ban', 'cam on nhieu', 'cam on a', 'xin cam on', 'ok cam on', 'vang cam on', 'thanks', 'thank you', 'thank you very much'],
  order: 99,
  run: (turn) => turn.resume([msg('idle.thanks')]),
};

/** "ok", "vang" with nothing asked: a short word back and what to type, never "not understood". */
export const acknowledgeCommand: CommandDef = {
  id: 'acknowledge',
  slash: [],
  idleWords: ['ok', 'oke', 'okay', 'ok a', 'ok roi', 'vang', 'vang a', 'da', 'da vang', 'u', 'uh', 'uhm', 'duoc roi', 'roi', 'alright'],
  order: 99,
  run: (turn) => turn.idleReply([msg('idle.acknowledged')]),
};
