// How far apart two typed words are, counting a wrong, missing, extra or swapped letter as one
// step: "ca nhn" is one step from "ca nhan". Used to forgive typos in answers to a list.

/** Edit distance with adjacent swaps (optimal string alignment); stops early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[y.length]!;
}

/** How many typos a typed answer of this many letters may carry: none under 4, one under 8, else two. */
export function typosAllowed(letters: number): number {
  return letters < 4 ? 0 : letters < 8 ? 1 : 2;
}
