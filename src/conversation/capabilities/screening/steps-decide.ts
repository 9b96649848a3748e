// The note that goes with a decision (a comment for the ward, optional; a question for the
// nominator or a reason for declining, required) and the confirmation before anything is done.
import { charCount, cleanInput, hasLetters } from '../../../domain/text.js';
import type { Text } from '../../contract.js';
import { SKIP_ACTION } from '../../engine/actions.js';
import { foldAnswer } from '../../engine/choice-input.js';
import type { PromptOption, StepDef } from '../../engine/flow.js';
import { msg } from '../../engine/messages.js';
import { readScreening } from './answers.js';
import { NOTE_MAX, NOTE_MIN, type ScreeningAction, type ScreeningDecide } from './data.js';
import { DECIDED } from './replies.js';

/** What each decision asks for its note. */
const ASK: Record<ScreeningAction, string> = {
  forward: 'screening.note.askForward',
  return: 'screening.note.askReturn',
  decline: 'screening.note.askDecline',
};

/** Why a required note is needed. */
const REQUIRED: Record<Exclude<ScreeningAction, 'forward'>, string> = {
  return: 'screening.note.requiredReturn',
  decline: 'screening.note.requiredDecline',
};

/** The question the confirmation asks, per decision. */
const CONFIRM: Record<ScreeningAction, string> = {
  forward: 'screening.confirm.forward',
  return: 'screening.confirm.return',
  decline: 'screening.confirm.decline',
};

/** Editing the note, named for what it is. */
const EDIT_NOTE: Record<ScreeningAction, string> = {
  forward: 'screening.confirm.editComment',
  return: 'screening.confirm.editQuestion',
  decline: 'screening.confirm.editReason',
};

/** A forward without a comment. */
const NO_COMMENT: PromptOption = { ...SKIP_ACTION, value: 'none', label: msg('screening.note.none'), words: [...(SKIP_ACTION.words ?? []), 'khong ghi chu', 'no comment'] };

/** Checks a note people typed: at most NOTE_MAX characters; a required one must say something. */
export function checkNote(input: string, required: boolean): { ok: true; note: string } | { ok: false; reason: Text; tooLong?: boolean } {
  const note = cleanInput(input, { multiline: true });
  const count = charCount(note);
  if (count > NOTE_MAX) return { ok: false, reason: msg('screening.note.tooLong', { count, max: NOTE_MAX }), tooLong: true };
  if (!count) return { ok: false, reason: msg('form.empty') };
  if (required && (count < NOTE_MIN || !hasLetters(note))) return { ok: false, reason: msg('screening.note.tooShort', { min: NOTE_MIN }) };
  return { ok: true, note };
}

/** The comment, question or reason. */
export const noteStep: StepDef = {
  id: 'note',
  when: (cx) => readScreening(cx.answers).action !== undefined,
  answered: (cx) => readScreening(cx.answers).note !== undefined,
  prompt: (cx) => {
    const action = readScreening(cx.answers).action ?? 'forward';
    return { text: [msg(ASK[action], { max: NOTE_MAX })], input: 'text', actions: action === 'forward' ? [NO_COMMENT] : [] };
  },
  help: () => [msg('screening.help.note', { max: NOTE_MAX })],
  accept: (input, cx) => {
    const action = readScreening(cx.answers).action ?? 'forward';
    if (action === 'forward' && input.kind === 'action' && input.value === 'none') return { type: 'answer', set: { note: '' } };
    if (input.kind !== 'text') return { type: 'invalid', reason: [msg('screening.note.typeIt')] };
    if (action !== 'forward') {
      // "bo qua", "khong": a question or a reason cannot be skipped.
      if ((SKIP_ACTION.words ?? []).includes(foldAnswer(input.text))) return { type: 'invalid', reason: [msg(REQUIRED[action])] };
    }
    const checked = checkNote(input.text, action !== 'forward');
    if (!checked.ok) return { type: 'invalid', reason: action === 'forward' || checked.tooLong ? [checked.reason] : [checked.reason, msg(REQUIRED[action])] };
    return { type: 'answer', set: { note: checked.note } };
  },
};

/** The decision once more, before it is made. */
export const confirmStep: StepDef = {
  id: 'confirm',
  answered: () => false,
  prompt: (cx) => {
    const a = readScreening(cx.answers);
    const action = a.action ?? 'forward';
    const text: Text[] = [msg(CONFIRM[action], { code: a.code ?? '', name: a.name ?? '' })];
    if (!a.note) text.push(msg('screening.confirm.noNote'));
    else text.push(msg(action === 'forward' ? 'screening.confirm.comment' : 'screening.confirm.note', { note: a.note }));
    return {
      text,
      input: 'single',
      options: [
        { value: 'confirm', label: msg('screening.confirm.yes'), words: ['xac nhan', 'dong y', 'co', 'ok', 'yes', 'confirm'] },
        { value: 'edit_note', label: msg(EDIT_NOTE[action]), words: ['sua', 'sua ghi chu', 'sua cau hoi', 'sua ly do', 'edit'] },
        { value: 'edit_action', label: msg('screening.confirm.otherAction'), words: ['viec khac', 'chon lai', 'doi', 'change', 'other'] },
      ],
    };
  },
  help: () => [msg('screening.help.confirm')],
  accept: (input, cx) => {
    const a = readScreening(cx.answers);
    if (input.kind === 'option' && input.value === 'edit_note') return { type: 'edit', step: 'note' };
    if (input.kind === 'option' && input.value === 'edit_action') return { type: 'edit', step: 'open' };
    if (input.kind === 'option' && input.value === 'confirm') {
      if (!a.code || !a.action || a.note === undefined) return { type: 'invalid', reason: [msg('choice.pickFromList')] };
      const effect: ScreeningDecide = { type: 'screening_decide', code: a.code, action: a.action, note: a.note };
      return { type: 'finish', effect, render: DECIDED, args: { code: a.code } };
    }
    return { type: 'invalid', reason: [msg('choice.pickFromList')] };
  },
};
