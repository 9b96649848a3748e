// Receipt codes typed after a review command: "/bieuquyet TL-0042", "lich su tl 42", and a code
// followed by text ("/gopy TL-0042 Ong An rat nhiet tinh").

/** A receipt code as typed after a command word ("tl-0042", "tl 42", "#42"), folded. */
export const LOOKS_LIKE_CODE = /^#?[a-z]{0,6}[\s\-_.]*\d{1,9}$/;

/** A receipt code followed by text, folded ("tl-0042 ong an rat nhiet tinh"). */
export const CODE_THEN_TEXT = /^#?[a-z]{0,6}[\-_.]?\d{1,9}(?:\s[\s\S]*)?$/;

/** Splits arguments into the first word (the code) and the rest (the text). */
export function splitCodeAndText(args: string): { code: string; text: string } {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(args.trim());
  return m ? { code: m[1]!, text: m[2]!.trim() } : { code: '', text: '' };
}
