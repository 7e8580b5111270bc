/**
 * Making PIDs and references for one node, and keys to file them in JS Maps.
 *
 * PIDs: BEAM numbers processes `#PID<0.id.serial>`; system processes get low ids (the group
 * leader of `elixir -e` is 0.65.0), user processes start around 0.100. When the id space wraps
 * the serial goes up, so a reused id never names a dead process's successor by accident.
 * References: three 32-bit words in wire order; the low word counts, the others come from the
 * node's random port once, so refs from two nodes (or two runs of one node) differ.
 */
import { Pid, Ref, refLength } from '../term/types.ts';
import type { Atom } from '../term/types.ts';
import type { Random } from '../ports.ts';

const MAX_ID = 1 << 27; // BEAM's pid number space (28 bits minus a margin), then the serial moves
const SYSTEM_FIRST_ID = 64;
const USER_FIRST_ID = 100;

export class PidAllocator {
  private nextSystem = SYSTEM_FIRST_ID;
  private nextUser = USER_FIRST_ID;
  private serial = 0;

  constructor(
    private readonly inUse: (id: number) => boolean,
  ) {}

  /** A fresh pid. `system` ids come from the low range used by built-in processes. */
  next(node: Atom, creation: number, system: boolean): Pid {
    if (system && this.nextSystem < USER_FIRST_ID) return new Pid(node, this.nextSystem++, 0, creation);
    for (;;) {
      const id = this.nextUser++;
      if (this.nextUser >= MAX_ID) {
        this.nextUser = USER_FIRST_ID;
        this.serial = (this.serial + 1) & 0x1fff;
      }
      if (!this.inUse(id)) return new Pid(node, id, this.serial, creation);
    }
  }
}

export class RefAllocator {
  private counter = 0;
  private readonly hi1: number;
  private readonly hi2: number;
  constructor(random: Random) {
    this.hi1 = Math.floor(random.next() * 0x100000000) >>> 0;
    this.hi2 = Math.floor(random.next() * 0x100000000) >>> 0;
  }
  next(node: Atom, creation: number): Ref {
    const c = this.counter++;
    return new Ref(node, creation, [c & 0x3ffff, (this.hi1 + Math.floor(c / 0x40000)) >>> 0, this.hi2]);
  }
}

/** A Map key for a pid of any node (local pids could use the id alone; remote ones cannot). */
export function pidKey(p: Pid): string {
  return `${p.node.name}|${p.id}|${p.serial}|${p.creation}`;
}

/**
 * A Map key for a reference (built once per Ref). Trailing zero words do not count (refLength):
 * erts compares refs of 3 and 5 words as if the missing words were zeros, so a real node's
 * `[6, 0]` is the same monitor or alias as our `[6]`. The words go in as UTF-16 code units, not
 * decimal text: no number formatting and one flat string to hash, which halved the cost of keying
 * a peer's fresh ref (a GenServer.call keys three: its monitor, demonitor and reply). The word
 * count comes first, so the key is one-to-one whatever the node's name holds.
 */
export function refKey(r: Ref): string {
  if (r.key !== undefined) return r.key;
  const ids = r.ids;
  const n = refLength(r);
  const c = r.creation;
  let k: string;
  if (n === 3) {
    const [a, b, d] = ids as [number, number, number];
    k = String.fromCharCode(3, c >>> 16, c & 0xffff, a >>> 16, a & 0xffff, b >>> 16, b & 0xffff, d >>> 16, d & 0xffff);
  } else {
    const units = [n, c >>> 16, c & 0xffff];
    for (let i = 0; i < n; i++) units.push((ids[i] as number) >>> 16, (ids[i] as number) & 0xffff);
    k = String.fromCharCode(...units);
  }
  return (r.key = k + r.node.name);
}
