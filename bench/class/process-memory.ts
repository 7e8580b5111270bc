/**
 * What the browser really holds per tab, beyond the JS heap: the proportional set size (PSS:
 * shared pages split among their sharers, so a sum does not count them twice) of this process's
 * descendants named like Chromium, read from /proc. Linux only: elsewhere null.
 */
import { readFileSync, readdirSync } from 'node:fs';

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Sum of PSS in bytes of the descendants of `root` whose name matches `name`; null without /proc. */
export function descendantsPss(root: number, name: RegExp): number | null {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  for (const pid of pids) {
    // `pid (comm) state ppid ...`: comm may hold spaces and parentheses, so split after the last ')'.
    const stat = read(`/proc/${pid}/stat`);
    const after = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (after?.[1] !== undefined) parent.set(pid, Number(after[1]));
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parent.get(pid), hops = 0; p !== undefined && hops < 64; p = parent.get(p), hops++) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const pid of pids) {
    if (!isDescendant(pid) || !name.test(read(`/proc/${pid}/comm`) ?? '')) continue;
    const pss = /^Pss:\s+(\d+) kB/m.exec(read(`/proc/${pid}/smaps_rollup`) ?? '');
    if (pss?.[1] !== undefined) total += Number(pss[1]) * 1024;
  }
  return total;
}
