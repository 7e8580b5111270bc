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
 * A Map key for a reference (built once per Ref; concatenation, as `join` showed in profiles).
 * Trailing zero words do not count (refLength): erts compares refs of 3 and 5 words as if the
 * missing words were zeros, so a real node's `[6, 0]` is the same monitor or alias as our `[6]`.
 */
export function refKey(r: Ref): string {
  if (r.key !== undefined) return r.key;
  const ids = r.ids;
  const n = refLength(r);
  let k = `${r.node.name}|${r.creation}|${n > 0 ? (ids[0] as number) : ''}`;
  for (let i = 1; i < n; i++) k += `.${ids[i] as number}`;
  return (r.key = k);
}
