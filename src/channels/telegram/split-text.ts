// Splits an HTML message into pieces the Bot API accepts (at most 4096 characters each): at line
// breaks when it can, else inside a line, never inside a tag or an entity, closing and reopening
// the tags that are open at the cut.

/** The Bot API's limit for a message's text. */
export const TEXT_MAX = 4096;

// A tag, an entity, or one code point.
const TOKEN = /<\/?[a-z]+>|&[a-z]+;|&#\d+;|[\s\S]/gu;

/** Splits the HTML text into pieces of at most `max` characters (UTF-16 units, as JS counts). */
export function splitHtml(html: string, max = TEXT_MAX): string[] {
  if (html.length <= max) return [html];
  const pieces: string[] = [];
  let current = '';
  for (const line of html.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    current = '';
    if (line.length <= max) {
      current = line;
      continue;
    }
    const cut = splitLine(line, max);
    pieces.push(...cut.slice(0, -1));
    current = cut.at(-1) ?? '';
  }
  if (current) pieces.push(current);
  return pieces;
}

function splitLine(line: string, max: number): string[] {
  const pieces: string[] = [];
  const open: string[] = [];
  let current = '';
  const closing = () => open.map((t) => `</${t}>`).reverse().join('');
  for (const token of line.match(TOKEN) ?? []) {
    if (current.length + token.length + closing().length > max) {
      pieces.push(current + closing());
      current = open.map((t) => `<${t}>`).join('');
    }
    current += token;
    const tag = /^<(\/?)([a-z]+)>$/.exec(token);
    if (tag) {
      if (tag[1]) open.splice(open.lastIndexOf(tag[2]!), 1);
      else open.push(tag[2]!);
    }
  }
  if (current) pieces.push(current);
  return pieces;
}
