// Small statistics for the benchmark table.

/** The q-quantile (0..1) of sorted numbers, nearest rank. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Samples the process's resident memory until stopped; returns the peak in MiB. */
export function rssSampler(intervalMs = 20): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return peak / (1024 * 1024);
    },
  };
}

/** A Markdown table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

/** USER_HZ on Linux: /proc counts CPU time in ticks of 10 ms. */
const TICK_MS = 10;

/** A process's name and CPU time (user + system over all its threads, ms) from /proc/<pid>/stat, or null (not Linux, or gone). */
async function readStat(pid: number | string): Promise<{ name: string; cpuMs: number } | null> {
  const { readFile } = await import('node:fs/promises');
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const m = /^\d+ \((.*)\) (.*)$/s.exec(stat.trim());
  if (!m) return null;
  const f = m[2]!.split(' ');
  return { name: m[1]!, cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS }; // utime, stime
}

/** The CPU time (user + system, ms) of one process from /proc, or null when it cannot be read. */
export async function processCpuMs(pid: number): Promise<number | null> {
  return (await readStat(pid))?.cpuMs ?? null;
}

/** The CPU time (ms) of every local process named postgres, by pid, from /proc (Linux; empty elsewhere). */
export async function postgresProcessCpuMs(): Promise<Map<number, number>> {
  const { readdir } = await import('node:fs/promises');
  const out = new Map<number, number>();
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readStat(pid);
    if (stat?.name === 'postgres') out.set(Number(pid), stat.cpuMs);
  }
  return out;
}

/**
 * CPU time (ms) of every local process named postgres, from /proc (Linux; 0 elsewhere): the whole
 * server, whoever its clients are. A process that exits between two readings takes its time with it.
 */
export async function postgresServerCpuMs(): Promise<number> {
  let total = 0;
  for (const ms of (await postgresProcessCpuMs()).values()) total += ms;
  return total;
}

/** A line of /proc/<pid>/status in MiB (VmHWM: the peak resident set; VmRSS: now), or null when it cannot be read. */
export async function processMemoryMiB(pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) / 1024 : null;
}
