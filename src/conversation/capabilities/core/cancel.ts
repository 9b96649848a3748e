// Cancelling a form: asked once when answers would be lost ("Huy de cu dang lam? 1. Huy 2. Tiep
// tuc"), at once when nothing was answered yet; "Huy" typed at a free-text question is a name.
import type { Text } from '../../contract.js';
import type { Prompt } from '../../engine/flow.js';
import { cancelled } from '../../engine/form-runner.js';
import { msg } from '../../engine/messages.js';
import { readInput } from '../../engine/read-input.js';
import type { CommandDef, OverlayDef, TurnApi } from '../../engine/registry.js';

const CANCEL = 'cancel';
const KEEP = 'keep';

function cancelPrompt(turn: TurnApi): Prompt {
  const ask: Text = turn.flow?.cancelTexts?.(turn.state.answers).ask ?? msg('cancel.ask');
  return {
    text: [ask],
    input: 'single',
    options: [
      { value: CANCEL, label: msg('cancel.yes'), words: ['huy', 'huy bo', 'huy de cu', 'co', 'dong y', 'yes', 'cancel', 'stop'] },
      { value: KEEP, label: msg('cancel.no'), words: ['tiep tuc', 'khong', 'thoi', 'quay lai', 'lam tiep', 'continue', 'keep', 'no', 'back'] },
    ],
  };
}

function drop(turn: TurnApi) {
  return turn.flow ? cancelled(turn.flow, turn.state) : turn.idleReply([msg('form.nothingToCancel')]);
}

/** "Cancel the form you are filling in?", on top of the form (which stays as it is until confirmed). */
export const cancelOverlay: OverlayDef = {
  id: 'cancel',
  prompt: cancelPrompt,
  answer: (turn, intent) => {
    if (intent.type === 'command') {
      if (intent.command.id === 'cancel') return drop(turn);
      if (intent.command.id === 'back') return turn.resume([msg('cancel.kept')]);
      return null;
    }
    if (intent.type === 'unknown_command') return null;
    const read = readInput(intent, cancelPrompt(turn), turn.state);
    if (read.type === 'global') return read.name === 'cancel' ? drop(turn) : turn.resume([msg('cancel.kept')]);
    if (read.type === 'stale') return turn.showOverlay(cancelOverlay, [msg('form.staleButton')]);
    if (read.type === 'problem') return turn.showOverlay(cancelOverlay, read.reason);
    if (read.input.kind === 'option' && read.input.value === CANCEL) return drop(turn);
    if (read.input.kind === 'option' && read.input.value === KEEP) return turn.resume([msg('cancel.kept')]);
    return turn.showOverlay(cancelOverlay, [msg('choice.pickFromList')]);
  },
};

/** /huy, "huy": drops the open form, asking first when it holds answers. */
export const cancelCommand: CommandDef = {
  id: 'cancel',
  brief: 'command.brief.cancel',
  slash: ['huy', 'cancel'],
  words: ['huy', 'huy bo', 'cancel'],
  // "Huy" is also a given name: typed without its tone mark at the name question, it is the name.
  alsoAnswer: { words: ['huy'], notice: 'cancel.tookAsAnswer' },
  menu: { vi: 'huy', en: 'cancel', description: 'telegram.commands.cancel' },
  order: 45,
  run: (turn) => {
    // No form, or only a view (a unit's list): nothing to lose; the view closes.
    if (!turn.flow || turn.flow.replaceable) return turn.idleReply([msg('form.nothingToCancel')]);
    if (!turn.state.trail.length) return cancelled(turn.flow, turn.state);
    return turn.showOverlay(cancelOverlay, []);
  },
};
