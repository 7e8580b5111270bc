/**
 * `Process.flag(:max_heap_size, value)` (heap-limit.ts): a size in words, or a map
 * `%{size: words, kill: bool, error_logger: bool}`; the answer is the old limit as that map.
 * Refused as BEAM refuses them: sizes below the minimum heap (other than 0), unknown keys,
 * non-booleans.
 */
import { atom, bool, TRUE, FALSE, type Term } from '../term/types.ts';
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
