// Deleting one's data (/xoadulieu, /deletemydata): asked once more ("Xoa du lieu?" 1. Xoa 2. Giu
// lai) on top of whatever is open, then done in one transaction. A person the bot knows nothing
// about yet (a new chat, or the same chat right after a deletion) is answered at once: there is
// nothing to lose, and the chat's identity just made for them goes too.
import type { Prompt } from '../../engine/flow.js';
import { idleState, type Decision } from '../../engine/form-runner.js';
import { msg } from '../../engine/messages.js';
import { promptIdOf } from '../../engine/prompt-view.js';
import { readInput } from '../../engine/read-input.js';
import type { CommandDef, Gate, OverlayDef, TurnApi } from '../../engine/registry.js';
import { DELETE_MY_DATA } from './data.js';
import { FORGOTTEN } from './replies.js';
import { readStanding, standingOf } from './standing.js';

/** The overlay's id, which prefixes its buttons' token. */
const FORGET = 'forget';

function forgetPrompt(): Prompt {
  return {
    text: [msg('mydata.forget.ask'), msg('mydata.forget.removed'), msg('mydata.forget.keptForCampaign')],
    input: 'single',
    options: [
      { value: 'delete', label: msg('mydata.forget.delete'), words: ['xoa', 'xoa du lieu', 'xoa het', 'dong y xoa', 'delete', 'delete it', 'yes'] },
      { value: 'keep', label: msg('mydata.forget.keep'), words: ['giu lai', 'giu', 'khong xoa', 'khong', 'thoi', 'keep', 'keep it', 'no'] },
    ],
  };
}

/** The deletion itself: the form in hand (if any) goes with everything else. */
function forgetNow(turn: TurnApi): Decision {
  return { state: idleState(turn.state.seq), messages: [], effect: { type: DELETE_MY_DATA }, render: { name: FORGOTTEN } };
}

const keep = (turn: TurnApi): Decision => turn.resume([msg('mydata.forget.keptAll')]);

/** "Xoa du lieu?" on top of whatever is open. */
export const forgetOverlay: OverlayDef = {
  id: FORGET,
  prompt: forgetPrompt,
  answer: (turn, intent) => {
    if (intent.type === 'command') {
      if (intent.command.id === 'cancel' || intent.command.id === 'back') return keep(turn);
      if (intent.command.id === 'help') return turn.showOverlay(forgetOverlay, [msg('mydata.forget.help')]);
      return null;
    }
    if (intent.type === 'unknown_command') return null;
    const read = readInput(intent, forgetPrompt(), turn.state);
    if (read.type === 'global') return keep(turn);
    if (read.type === 'stale') return turn.showOverlay(forgetOverlay, [msg('form.staleButton')]);
    if (read.type === 'problem') return turn.showOverlay(forgetOverlay, read.reason);
    const value = read.input.kind === 'option' ? read.input.value : null;
    if (value === 'delete') return forgetNow(turn);
    if (value === 'keep') return keep(turn);
    return turn.showOverlay(forgetOverlay, [msg('choice.pickFromList')]);
  },
};

/** /xoadulieu, /deletemydata. */
export const forgetCommand: CommandDef = {
  id: 'forget',
  slash: ['xoadulieu', 'deletemydata'],
  words: ['xoa du lieu', 'xoa du lieu cua toi', 'xoa het du lieu', 'delete my data'],
  order: 91,
  run: (turn) => (standingOf(turn)?.fresh ? forgetNow(turn) : turn.showOverlay(forgetOverlay, [])),
};

/**
 * A "Xoa" or "Giu lai" button of a question no longer on screen. Pressed again right after the
 * deletion (this chat is a new person now, with nothing but the press): deleting twice is answered
 * plainly and keeps nothing. Otherwise the question is asked again, never acted on unseen.
 */
export const staleForgetGate: Gate = {
  id: 'stale-forget',
  before: (turn, intent, standing) => {
    if (intent.type !== 'choice' || promptIdOf(intent.token) !== FORGET) return null;
    if (promptIdOf(turn.state.view?.token) === FORGET) return null;
    if (intent.value === 'keep') return keep(turn);
    if (readStanding(standing)?.fresh) return forgetNow(turn);
    return turn.showOverlay(forgetOverlay, [msg('form.staleButton')]);
  },
};
