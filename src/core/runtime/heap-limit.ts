/**
 * `max_heap_size`, as BEAM has it (erlang:process_flag(max_heap_size, ...)): a process whose heap
 * grows past its limit is killed with reason `:killed` and an error report, so one flood cannot
 * take the whole node (here: the tab) down with it.
 *
 * A JS engine does not tell how much memory one process holds, so we estimate, in BEAM words
 * (8 bytes), and only what can be counted as it happens: the messages in the mailbox, each sized
 * once when it arrives (as BEAM copies it) and subtracted when it is taken. That is where a flood
 * grows without bound; data a process builds in its own variables is not counted. Unlike BEAM, a
 * binary counts by its bytes wherever it lives (a 100 MB binary in a mailbox is 100 MB of tab).
 *
 * Each node has a default (`DEFAULT_MAX_HEAP_WORDS`, or NodeOptions.maxHeapSize); a process
 * changes its own with `Process.flag(:max_heap_size, words | %{size: ..., kill: ..., error_logger: ...})`.
 * The node's own processes (I/O server, logger, name servers) are exempt.
 */
import type { Pid, Term } from '../term/types.ts';

export interface MaxHeap {
  /** Words; 0 means no limit. */
  readonly size: number;
  /** Kill the process when the limit is passed (else only report it). */
  readonly kill: boolean;
  /** Write the error report. */
  readonly errorLogger: boolean;
}

/**
 * The per-node default: 16,777,216 words (128 MiB of BEAM words): room for any term a link
 * carries (64 MiB, MAX_PACKET_BYTES) in a mailbox, and far more than a playground
 * process needs (a million small messages waiting), far less than a tab can hold: a JS object
 * takes about three times the bytes of the BEAM words we count for it.
 */
export const DEFAULT_MAX_HEAP_WORDS = 16_777_216;

/** BEAM refuses limits below a process's minimum heap (233 words), except 0 (no limit). */
export const MIN_HEAP_WORDS = 233;

export const NO_LIMIT: MaxHeap = { size: 0, kill: true, errorLogger: true };

export function maxHeapOf(size: number): MaxHeap {
  return { size, kill: true, errorLogger: true };
}

/**
 * The size of `t` in words, as erts_debug:flat_size counts it, plus the word that holds it.
 * Iterative: a message can be nested as deep as memory allows.
 */
export function termWords(t: Term): number {
  // Small on purpose, so the engine inlines it into every send: most messages are immediates.
  if (typeof t !== 'object' || t.kind === 'atom' || t.kind === 'nil') return 1;
  // Most of the rest are small tuples of immediates, refs and pids (a `$gen_call`, its reply):
  // sized without the walk's stack array.
  const w = smallWords(t, SMALL_DEPTH);
  return w >= 0 ? 1 + w : compoundWords(t);
}

/** How deep smallWords looks before it hands the term to the walk. */
const SMALL_DEPTH = 3;

/**
 * The words of `x`'s cells (what compoundWords adds for it), for a tuple no wider than 8 and no
 * deeper than `depth` whose leaves are immediates, pids, refs or short lists of them; -1 for
 * anything else (the walk then counts it).
 */
function smallWords(x: Term, depth: number): number {
  if (typeof x === 'number') return 0;
  if (typeof x !== 'object') return -1;
  switch (x.kind) {
    case 'atom':
    case 'nil':
      return 0;
    case 'pid':
    case 'port':
      return 4;
    case 'ref':
      return 2 + x.ids.length;
    case 'cons':
    case 'tuple': {
      if (depth === 0) return -1;
      if (x.kind === 'cons') {
        const h = smallWords(x.head, depth - 1);
        const tl = h < 0 ? -1 : smallWords(x.tail, depth - 1);
        return tl < 0 ? -1 : 2 + h + tl;
      }
      const el = x.elements;
      if (el.length > 8) return -1;
      let w = 1 + el.length;
      for (let i = 0; i < el.length; i++) {
        const e = smallWords(el[i] as Term, depth - 1);
        if (e < 0) return -1;
        w += e;
      }
      return w;
    }
    default:
      return -1;
  }
}

function compoundWords(t: Term): number {
  let words = 1;
  const stack: Term[] = [t];
  while (stack.length > 0) {
    let x = stack.pop() as Term;
    for (;;) {
      if (typeof x === 'number') break; // immediate: counted in its cell
      if (typeof x === 'bigint') {
        words += 1 + Math.ceil((x < 0n ? -x : x).toString(16).length / 16);
        break;
      }
      switch (x.kind) {
        case 'cons':
          words += 2;
          stack.push(x.head);
          x = x.tail; // walk long lists in this loop
          continue;
        case 'tuple':
          words += 1 + x.elements.length;
          for (const e of x.elements) stack.push(e);
          break;
        case 'map':
          words += 3 + 2 * x.size;
          for (const [k, v] of x.entries.values()) stack.push(k, v);
          break;
        case 'binary':
          words += 2 + Math.ceil(x.byteSize / 8);
          break;
        case 'bitstring':
          words += 3 + Math.ceil(x.bytes.length / 8);
          break;
        case 'float':
          words += 2;
          break;
        case 'pid':
        case 'port':
          words += 4; // an external pid or port; a local one is immediate on BEAM, a few words are fine
          break;
        case 'ref':
          words += 2 + x.ids.length;
          break;
        case 'fun':
          words += 4 + (Array.isArray(x.env) ? x.env.length : 0);
          for (const e of Array.isArray(x.env) ? (x.env as unknown[]) : []) if (isTerm(e)) stack.push(e);
          break;
      }
      break;
    }
  }
  return words;
}

function isTerm(x: unknown): x is Term {
  return typeof x === 'number' || typeof x === 'bigint' || (typeof x === 'object' && x !== null && 'kind' in x);
}

/**
 * The report BEAM's error_logger writes, as Elixir's logger prints it (OTP 25, Elixir 1.14).
 * BEAM's GC Info lists its heap areas; ours has one: the words of the waiting messages, which
 * BEAM calls message buffers (`mbuf_size`).
 */
export function maxHeapReport(pid: Pid, limit: MaxHeap, words: number, queueLen: number): string {
  return [
    `     Process:            #PID<0.${pid.id}.${pid.serial}> `,
    `     Context:            maximum heap size reached`,
    `     Max Heap Size:      ${limit.size}`,
    `     Total Heap Size:    ${words}`,
    `     Kill:               ${limit.kill}`,
    `     Error Logger:       ${limit.errorLogger}`,
    `     Message Queue Len:  ${queueLen}`,
    `     GC Info:            [mbuf_size: ${words}]`,
  ].join('\n');
}
