/**
 * A backtracking matcher that counts its steps, for the patterns a JS RegExp could run for
 * minutes (nested or adjacent overlapping quantifiers, back-references on long subjects). It is
 * PCRE's own answer to the same problem: PCRE counts its match() calls and gives up at
 * `match_limit` (10,000,000) from one start position, and re:run then answers `nomatch` for the
 * whole search. Here the count is of executed instructions and backtracks, the limit the same
 * number, and a run is a generator (walk.ts) that yields every YIELD_EVERY steps, so the VM
 * traps between them and other processes run.
 *
 * The program is compiled from pattern.ts's tree. Single characters are tested by a
 * one-character sticky RegExp of their own source (so classes, escapes, the i and u flags mean
 * exactly what they mean to V8), remembered per byte-sized code. Registers hold the captures and
 * each loop's count and start; every register write is trailed, so a backtrack restores them.
 * Captures keep the last iteration's value, as PCRE's do; an iteration that matched nothing ends
 * its loop, as in PCRE; a back-reference to a group that did not take part fails, as in PCRE.
 */
import { fixedLengths, type Anchor, type Node, type Parsed } from './pattern.ts';
import type { Walk } from '../stdlib/walk.ts';

/** PCRE's default match_limit, which Erlang's re keeps: then re:run answers nomatch. */
export const MATCH_LIMIT = 10_000_000;
/** Backtrack entries kept at once (PCRE's match_limit_recursion plays this part): memory stays bounded. */
export const STACK_LIMIT = 1_000_000;
/** Steps between two yields: about a millisecond. */
export const YIELD_EVERY = 20_000;

/** Thrown out of a run that reached MATCH_LIMIT or STACK_LIMIT: the search ends with no match. */
class LimitReached {}

const enum Op {
  Char,
  CharRep,
  Split,
  Jmp,
  Save,
  RepInit,
  RepHead,
  RepEnd,
  Look,
  LookEnd,
  Bref,
  Assert,
  WordB,
  Match,
}

/** One test per character source: a sticky RegExp, with its answers for codes below 256 kept. */
class CharTest {
  private readonly re: RegExp;
  private readonly known = new Int8Array(256).fill(-1);
  constructor(src: string, flags: string) {
    this.re = new RegExp(src, flags + 'y');
  }
  /** The index after the character at `pos` when it matches, else -1. */
  at(s: string, pos: number): number {
    if (pos >= s.length) return -1;
    const c = s.charCodeAt(pos);
    if (c < 256) {
      let k = this.known[c] as number;
      if (k < 0) {
        this.re.lastIndex = 0;
        k = this.re.test(String.fromCharCode(c)) ? 1 : 0;
        this.known[c] = k;
      }
      return k === 1 ? pos + 1 : -1;
    }
    this.re.lastIndex = pos;
    return this.re.test(s) ? this.re.lastIndex : -1;
  }
}

interface Ins {
  op: Op;
  /** Char, CharRep: the test. */
  test: CharTest | null;
  /** Split: the first choice; Jmp: the target; Save/RepInit/Bref: the register or group; RepHead/RepEnd: the count register; Look: LookEnd's index. */
  a: number;
  /** Split: the second choice; RepHead/RepEnd: the loop's exit; RepEnd: (head in c). */
  b: number;
  c: number;
  min: number;
  max: number;
  greedy: boolean;
  /** Look: ahead or behind, negative or not, and a lookbehind's possible lengths (null: any). */
  ahead: boolean;
  neg: boolean;
  lengths: readonly number[] | null;
  /** Assert: which anchor. */
  anchor: Anchor;
}

function ins(op: Op, fields: Partial<Ins> = {}): Ins {
  return { op, test: null, a: 0, b: 0, c: 0, min: 0, max: 0, greedy: true, ahead: true, neg: false, lengths: null, anchor: 'start', ...fields };
}

export interface Program {
  readonly code: readonly Ins[];
  /** Registers: 2 per group (0 is the whole match), then 2 per counted loop. */
  readonly registers: number;
  readonly groups: number;
  readonly unicode: boolean;
  readonly caseless: boolean;
}

export function compileProgram(p: Parsed, flags: string): Program {
  const code: Ins[] = [];
  const unicode = flags.includes('u');
  const caseless = flags.includes('i');
  const charFlags = (caseless ? 'i' : '') + (unicode ? 'u' : '');
  const tests = new Map<string, CharTest>();
  const testOf = (src: string): CharTest => {
    let t = tests.get(src);
    if (t === undefined) tests.set(src, (t = new CharTest(src, charFlags)));
    return t;
  };
  let registers = 2 * (p.groups + 1);
  const emit = (n: Node): void => {
    switch (n.t) {
      case 'char':
        code.push(ins(Op.Char, { test: testOf(n.src) }));
        return;
      case 'seq':
        n.items.forEach(emit);
        return;
      case 'alt': {
        const jumps: Ins[] = [];
        n.alts.forEach((x, k) => {
          const last = k === n.alts.length - 1;
          const split = ins(Op.Split);
          if (!last) {
            code.push(split);
            split.a = code.length;
          }
          emit(x);
          if (!last) {
            const j = ins(Op.Jmp);
            code.push(j);
            jumps.push(j);
            split.b = code.length;
          }
        });
        for (const j of jumps) j.a = code.length;
        return;
      }
      case 'group':
        if (n.cap === null) return emit(n.body);
        code.push(ins(Op.Save, { a: 2 * n.cap }));
        emit(n.body);
        code.push(ins(Op.Save, { a: 2 * n.cap + 1 }));
        return;
      case 'look': {
        const look = ins(Op.Look, { ahead: n.ahead, neg: n.neg, lengths: n.ahead ? null : fixedLengths(n.body) });
        code.push(look);
        emit(n.body);
        look.a = code.length;
        code.push(ins(Op.LookEnd));
        return;
      }
      case 'rep': {
        let body = n.body;
        while (body.t === 'group' && body.cap === null) body = body.body;
        if (body.t === 'char') {
          code.push(ins(Op.CharRep, { test: testOf(body.src), min: n.min, max: n.max, greedy: n.greedy }));
          return;
        }
        const count = registers;
        registers += 2;
        code.push(ins(Op.RepInit, { a: count }));
        const head = ins(Op.RepHead, { a: count, min: n.min, max: n.max, greedy: n.greedy });
        const headAt = code.length;
        code.push(head);
        emit(n.body);
        const end = ins(Op.RepEnd, { a: count, c: headAt, min: n.min });
        code.push(end);
        head.b = end.b = code.length;
        return;
      }
      case 'bref':
        code.push(ins(Op.Bref, { a: n.group }));
        return;
      case 'assert':
        code.push(ins(Op.Assert, { anchor: n.kind }));
        return;
      case 'wordb':
        code.push(ins(Op.WordB, { neg: n.neg, test: testOf(n.word) }));
        return;
    }
  };
  code.push(ins(Op.Save, { a: 0 }));
  emit(p.root);
  code.push(ins(Op.Save, { a: 1 }));
  code.push(ins(Op.Match));
  return { code, registers, groups: p.groups, unicode, caseless };
}

/** Captures of a match: [start, end] per group, -1 where a group did not take part. */
export type Spans = Int32Array | number[];

/**
 * The first match starting at `from` or later, as register values (start and end of each group,
 * -1 for none), or null: no match, or MATCH_LIMIT steps spent from one start position, which
 * ends the whole search as PCRE's limit does (re:run's nomatch). Yields every YIELD_EVERY steps,
 * so a long search over a big subject (BEAM too would take its time) never holds the scheduler.
 */
export function* runBounded(prog: Program, s: string, from: number): Walk<number[] | null> {
  const m = new Machine(prog, s);
  try {
    for (let start = from; start <= s.length; start = m.next(start)) {
      m.reset();
      if ((yield* m.run(0, start, -1)) >= 0) return m.regs.slice(0, 2 * (prog.groups + 1));
    }
  } catch (e) {
    if (e instanceof LimitReached) return null;
    throw e;
  }
  return null;
}

class Machine {
  regs: number[];
  /** Backtrack entries, four numbers each: pc (negative: resume the loop at -pc-1), pos, trail length, aux. */
  private readonly bt: number[] = [];
  /** Register writes to undo: register, old value. */
  private readonly trail: number[] = [];
  private steps = 0;
  /** Steps when the current start position was tried: PCRE counts its limit per start. */
  private startSteps = 0;
  private nextYield = YIELD_EVERY;

  constructor(
    private readonly prog: Program,
    private readonly s: string,
  ) {
    this.regs = new Array<number>(prog.registers).fill(-1);
  }

  reset(): void {
    this.startSteps = this.steps;
    this.regs.fill(-1);
    this.trail.length = 0;
    this.bt.length = 0;
  }

  /** The start after `i`: one character on (a surrogate pair is one with the u flag). */
  next(i: number): number {
    return this.prog.unicode ? stepOver(this.s, i) : i + 1;
  }

  private back(i: number, chars: number): number {
    for (let k = 0; k < chars; k++) {
      if (i <= 0) return -1;
      i -= this.prog.unicode && i >= 2 && isLow(this.s.charCodeAt(i - 1)) && isHigh(this.s.charCodeAt(i - 2)) ? 2 : 1;
    }
    return i;
  }

  private set(r: number, v: number): void {
    this.trail.push(r, this.regs[r] as number);
    this.regs[r] = v;
  }

  private undo(to: number): void {
    const t = this.trail;
    while (t.length > to) {
      const old = t.pop() as number;
      this.regs[t.pop() as number] = old;
    }
  }

  private push(pc: number, pos: number, aux: number): void {
    if (this.bt.length >= 4 * STACK_LIMIT) throw new LimitReached();
    this.bt.push(pc, pos, this.trail.length, aux);
  }

  /**
   * Runs from `pc` at `pos` to Match or LookEnd; the end position, or -1 when every way failed.
   * `target` ≥ 0: a lookbehind's body, which must end exactly there.
   */
  *run(pc: number, pos: number, target: number): Generator<void, number, void> {
    const code = this.prog.code;
    const s = this.s;
    const bt = this.bt;
    const base = bt.length;
    for (;;) {
      if (++this.steps >= this.nextYield) {
        if (this.steps - this.startSteps >= MATCH_LIMIT) throw new LimitReached();
        this.nextYield = this.steps + YIELD_EVERY;
        yield;
      }
      let ok = true;
      const i = code[pc] as Ins;
      switch (i.op) {
        case Op.Char: {
          const to = (i.test as CharTest).at(s, pos);
          if (to < 0) ok = false;
          else {
            pos = to;
            pc++;
          }
          break;
        }
        case Op.CharRep: {
          const test = i.test as CharTest;
          let n = 0;
          for (; n < i.min; n++) {
            const to = test.at(s, pos);
            if (to < 0) break;
            pos = to;
          }
          if (n < i.min) {
            ok = false;
            break;
          }
          if (i.greedy) {
            const minPos = pos;
            for (; n < i.max; n++) {
              const to = test.at(s, pos);
              if (to < 0) break;
              pos = to;
            }
            this.steps += n - i.min;
            if (pos > minPos) this.push(-pc - 1, pos, minPos);
          } else if (n < i.max) this.push(-pc - 1, pos, n);
          pc++;
          break;
        }
        case Op.Split:
          this.push(i.b, pos, 0);
          pc = i.a;
          break;
        case Op.Jmp:
          pc = i.a;
          break;
        case Op.Save:
          this.set(i.a, pos);
          pc++;
          break;
        case Op.RepInit:
          this.set(i.a, 0);
          pc++;
          break;
        case Op.RepHead: {
          const n = this.regs[i.a] as number;
          if (n < i.min) {
            this.set(i.a + 1, pos);
            pc++;
          } else if (n >= i.max) pc = i.b;
          else if (i.greedy) {
            this.push(i.b, pos, 0);
            this.set(i.a + 1, pos);
            pc++;
          } else {
            this.push(-pc - 1, pos, 0);
            pc = i.b;
          }
          break;
        }
        case Op.RepEnd: {
          const n = (this.regs[i.a] as number) + 1;
          // An iteration that matched nothing ends the loop (PCRE's rule), once the minimum is met.
          if (pos === this.regs[i.a + 1] && n >= i.min) pc = i.b;
          else {
            this.set(i.a, n);
            pc = i.c;
          }
          break;
        }
        case Op.Look: {
          const found = yield* this.look(i, pc, pos);
          if (found === i.neg) ok = false;
          else pc = i.a + 1;
          break;
        }
        case Op.LookEnd:
        case Op.Match:
          if (target >= 0 && pos !== target) {
            ok = false;
            break;
          }
          bt.length = base;
          return pos;
        case Op.Bref: {
          const a = this.regs[2 * i.a] as number;
          const b = this.regs[2 * i.a + 1] as number;
          if (a < 0 || b < 0) ok = false;
          else {
            const want = s.slice(a, b);
            const got = s.slice(pos, pos + (b - a));
            if (want === got || (this.prog.caseless && want.toLowerCase() === got.toLowerCase())) pos += b - a;
            else ok = false;
            this.steps += b - a;
          }
          pc++;
          break;
        }
        case Op.Assert:
          ok = anchored(i.anchor, s, pos);
          pc++;
          break;
        case Op.WordB: {
          const w = i.test as CharTest;
          const before = pos > 0 && w.at(s, pos - 1) >= 0;
          const after = w.at(s, pos) >= 0;
          ok = (before !== after) !== i.neg;
          pc++;
          break;
        }
      }
      if (ok) continue;
      const resumed = this.backtrack(base);
      if (resumed === null) return -1;
      [pc, pos] = resumed;
    }
  }

  /** Pops backtrack entries until one can resume: its [pc, pos], or null when none is left above `base`. */
  private backtrack(base: number): [number, number] | null {
    const bt = this.bt;
    const code = this.prog.code;
    for (;;) {
      if (bt.length === base) return null;
      this.steps++;
      const aux = bt.pop() as number;
      this.undo(bt.pop() as number);
      const pos = bt.pop() as number;
      const pc = bt.pop() as number;
      if (pc >= 0) return [pc, pos];
      const at = -pc - 1;
      const loop = code[at] as Ins;
      if (loop.op === Op.RepHead) {
        // A lazy loop: one more iteration.
        this.set(loop.a + 1, pos);
        return [at + 1, pos];
      }
      if (loop.greedy) {
        // A greedy character loop gives back one character.
        const back = this.back(pos, 1);
        if (back > aux) this.push(pc, back, aux);
        return [at + 1, back];
      }
      // A lazy character loop takes one more, if it can.
      const to = (loop.test as CharTest).at(this.s, pos);
      if (to < 0) continue;
      if (aux + 1 < loop.max) this.push(pc, to, aux + 1);
      return [at + 1, to];
    }
  }

  /** Whether the lookaround's body matches at `pos` (atomic: its captures stay when it does). */
  private *look(i: Ins, pc: number, pos: number): Generator<void, boolean, void> {
    const trail = this.trail.length;
    let found = false;
    if (i.ahead) found = (yield* this.run(pc + 1, pos, -1)) >= 0;
    else {
      const lengths = i.lengths;
      const tries = lengths === null ? pos + 1 : lengths.length;
      for (let k = 0; k < tries; k++) {
        const start = this.back(pos, lengths === null ? k : (lengths[k] as number));
        if (start < 0) continue;
        if ((yield* this.run(pc + 1, start, pos)) >= 0) {
          found = true;
          break;
        }
      }
    }
    if (!found || i.neg) this.undo(trail);
    return found;
  }
}

function anchored(a: Anchor, s: string, pos: number): boolean {
  switch (a) {
    case 'start':
      return pos === 0;
    case 'end':
      return pos === s.length;
    case 'dollar':
      return pos === s.length || (pos === s.length - 1 && s.charCodeAt(pos) === 10);
    case 'lineEnd':
      return pos === s.length || s.charCodeAt(pos) === 10;
    case 'lineStart':
      return pos === 0 || s.charCodeAt(pos - 1) === 10;
  }
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function stepOver(s: string, i: number): number {
  return i + (isHigh(s.charCodeAt(i)) && i + 1 < s.length && isLow(s.charCodeAt(i + 1)) ? 2 : 1);
}
