/**
 * max_heap_size from Elixir (heap-limit.ts): `Process.flag(:max_heap_size, value)` and the
 * spawn options of `Process.spawn/2` / `:erlang.spawn_opt/2`. The value is a size in words, or a
 * map `%{size: words, kill: bool, error_logger: bool}`; the flag answers the old limit as that
 * map. Refused as BEAM refuses them: sizes below the minimum heap (other than 0), unknown keys,
 * non-booleans.
 */
import { atom, bool, TRUE, FALSE, type Term } from '../term/types.ts';
import type { SpawnOptions } from '../runtime/process-api.ts';
import { mapFromPairs, mapPairs } from '../term/map.ts';
import { MIN_HEAP_WORDS, type MaxHeap } from '../runtime/heap-limit.ts';
import type { BifContext } from './builtins.ts';
import { badargAt } from './bifs-kernel.ts';

const SIZE = atom('size');
const KILL = atom('kill');
const ERROR_LOGGER = atom('error_logger');

export function maxHeapFlag(c: BifContext, v: Term): Term {
  const limit = parseMaxHeap(v);
  if (limit === null) return badargAt(1, 'invalid value for this process flag');
  return maxHeapTerm(c.proc.setMaxHeap(limit));
}

export function maxHeapTerm(m: MaxHeap): Term {
  return mapFromPairs([
    [ERROR_LOGGER, bool(m.errorLogger)],
    [KILL, bool(m.kill)],
    [SIZE, m.size],
  ]);
}

const LINK = atom('link');
const MONITOR = atom('monitor');
const MAX_HEAP_SIZE = atom('max_heap_size');
/** Options BEAM has that change nothing here (scheduling, GC tuning): accepted, ignored. */
const IGNORED = new Set(['priority', 'fullsweep_after', 'min_heap_size', 'min_bin_vheap_size', 'message_queue_data']);

export type SpawnOpts = Pick<SpawnOptions, 'link' | 'monitor' | 'maxHeap'>;

/** `:erlang.spawn_opt/2`'s option list; badarg "invalid spawn option" as BEAM's. */
export function spawnOpts(list: Term): SpawnOpts {
  const o: { link?: boolean; monitor?: boolean; maxHeap?: MaxHeap } = {};
  let l = list;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    const x = l.head;
    if (x === LINK) o.link = true;
    else if (x === MONITOR) o.monitor = true;
    else if (typeof x === 'object' && x.kind === 'tuple' && x.elements.length === 2 && x.elements[0] === MAX_HEAP_SIZE) {
      const m = parseMaxHeap(x.elements[1] as Term);
      if (m === null) return badargAt(1, 'invalid spawn option');
      o.maxHeap = m;
    } else if (!(typeof x === 'object' && x.kind === 'tuple' && x.elements.length === 2 && isIgnored(x.elements[0] as Term))) {
      return badargAt(1, 'invalid spawn option');
    }
  }
  if (typeof l !== 'object' || l.kind !== 'nil') return badargAt(1, 'invalid spawn option');
  return o;
}

function isIgnored(k: Term): boolean {
  return typeof k === 'object' && k.kind === 'atom' && IGNORED.has(k.name);
}

function parseMaxHeap(v: Term): MaxHeap | null {
  let size: Term | undefined = v;
  let kill = true;
  let errorLogger = true;
  if (typeof v === 'object' && v.kind === 'map') {
    size = undefined;
    for (const [k, x] of mapPairs(v)) {
      if (k === SIZE) size = x;
      else if ((k === KILL || k === ERROR_LOGGER) && (x === TRUE || x === FALSE)) {
        if (k === KILL) kill = x === TRUE;
        else errorLogger = x === TRUE;
      } else return null;
    }
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0 || (size !== 0 && size < MIN_HEAP_WORDS)) return null;
  return { size, kill, errorLogger };
}
