// Reading the numbered lists the terminal and Zalo show: the number to type for an option.

/** The number of the option whose label starts with `label` in a block of text. */
export function numberOf(block: string, label: string): string {
  const line = block.split('\n').find((l) => /^\d+\. /.test(l) && l.replace(/^\d+\. (?:[✓☐] )?/, '').startsWith(label));
  if (!line) throw new Error(`no option "${label}" in:\n${block}`);
  return line.split('.')[0]!;
}
