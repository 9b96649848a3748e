// The question put to a code's owner when the code is typed in the other app. The link_redeem
// effect carries it; the database sends it through the outbox to the chat where the code was
// shown, with a fresh token that it also puts on that chat's screen, so the owner's next answer
// there (a button, "1", "dong y") reaches this overlay even though the question was not a reply.
import { ellipsize } from '../../../domain/text.js';
import type { Channel, Json, Outbound, Text } from '../../contract.js';
import type { Prompt, PromptOption } from '../../engine/flow.js';
import type { Decision } from '../../engine/form-runner.js';
import { msg } from '../../engine/messages.js';
import { promptMessage } from '../../engine/prompt-view.js';
import { readInput } from '../../engine/read-input.js';
import type { OverlayDef, TurnApi } from '../../engine/registry.js';
import { appName, LINK_ANSWERED } from './replies.js';

/** The overlay's id: the database writes tokens "linkask.<n>" for it. */
export const LINK_ASK_OVERLAY = 'linkask';

const OPTIONS: PromptOption[] = [
  { value: 'confirm', label: msg('link.confirm'), words: ['dong y', 'dong y lien ket', 'co', 'yes', 'yes, link them', 'yes link them', 'ok', 'confirm', 'agree'] },
  { value: 'decline', label: msg('link.decline'), words: ['khong', 'khong dong y', 'tu choi', 'khong, tu choi', 'khong tu choi', 'no', 'no, refuse', 'no refuse', 'decline', 'refuse'] },
];

// Yes and no are words (or buttons), never numbers: a "1" typed for a form question a moment
// before this question arrived must not join two accounts.
function askPrompt(text: Text[]): Prompt {
  return { text, input: 'single', options: [], actions: OPTIONS };
}

/** Messages as an effect carries them (the engine's outbound shape is plain JSON). */
function asJson(messages: Outbound[]): Json {
  return messages as unknown as Json;
}

/** The question for the owner, naming the app and the chat name that asks; the database sets its token. */
export function ownerQuestion(from: Channel, name: string | null): Json {
  const app = appName(from);
  const who = name?.trim() ? msg('link.ask', { app, name: ellipsize(name.trim(), 60) }) : msg('link.askUnnamed', { app });
  return asJson([promptMessage(askPrompt([who, msg('link.askExplain')]), '', [], [])]);
}

/** The question again, under the same token: the buttons of the first one keep working. */
function askAgain(turn: TurnApi, notice: Text[]): Decision {
  const token = turn.state.view?.token ?? '';
  return { state: turn.state, messages: [promptMessage(askPrompt([msg('link.askAgain')]), token, notice, [])] };
}

/** Yes or no: the database acts on the request this question (its token) was about, and tells the other chat. */
function answer(turn: TurnApi, value: 'confirm' | 'decline'): Decision {
  const token = turn.state.view?.token ?? '';
  const app = appName(turn.event.channel);
  return value === 'confirm'
    ? turn.lookUp({ type: 'link_confirm', token, notice: asJson([{ kind: 'text', text: [msg('link.linkedNotice', { app })] }]) }, LINK_ANSWERED)
    : turn.lookUp({ type: 'link_decline', token, notice: asJson([{ kind: 'text', text: [msg('link.declinedNotice', { app })] }]) }, LINK_ANSWERED);
}

/** The owner's question on screen: yes, no, or ask again; other commands run as usual (the request then expires). */
export const linkAskOverlay: OverlayDef = {
  id: LINK_ASK_OVERLAY,
  prompt: () => askPrompt([msg('link.askAgain')]),
  answer: (turn, intent) => {
    if (intent.type === 'command') {
      if (intent.command.id === 'cancel') return answer(turn, 'decline');
      if (intent.command.id === 'help' || intent.command.id === 'back') return askAgain(turn, [msg('link.askHelp')]);
      return null;
    }
    if (intent.type === 'unknown_command') return null;
    const read = readInput(intent, askPrompt([]), turn.state);
    if (read.type === 'global') return read.name === 'cancel' ? answer(turn, 'decline') : askAgain(turn, [msg('link.askHelp')]);
    if (read.type === 'stale') return askAgain(turn, [msg('form.staleButton')]);
    if (read.type === 'problem') return askAgain(turn, read.reason);
    const value = read.input.kind === 'action' ? read.input.value : null;
    if (value === 'confirm' || value === 'decline') return answer(turn, value);
    return askAgain(turn, [msg('link.typeWords')]);
  },
};
