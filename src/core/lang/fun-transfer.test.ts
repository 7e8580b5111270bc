// A fun is data: its wire form (AST as a term + captured values) rebuilds, on another node's
// runtime, a fun that behaves and prints the same.
import { describe, expect, it } from 'vitest';
import { inspect } from '../term/inspect.ts';
import type { Fun } from '../term/types.ts';
import { funFromWire, funToWire } from './fun-transfer.ts';
import { langNode, evalText, spawnEval } from './vm-test-helpers.ts';
import { advanceAndRun } from '../runtime/testing.ts';

function makeFun(src: string): { fun: Fun; t: ReturnType<typeof langNode> } {
  const t = langNode();
  const ev = spawnEval(t, src);
  advanceAndRun(t.clock, 10, t.node);
  if (ev.result?.type !== 'done') throw new Error(`no fun from ${src}`);
  return { fun: ev.result.value as Fun, t };
}

describe('funs across nodes', () => {
  it('rebuilds a closure with its captured values on another runtime', () => {
    const { fun, t } = makeFun('x = 40; fn y -> x + y end');
    const wire = funToWire(fun, t.rt);
    expect(wire).not.toBeNull();
    const other = langNode();
    const copy = funFromWire(wire!.freeVars, other.rt);
    expect(inspect(copy)).toBe(inspect(fun));
    // Call it on the other node.
    const call = spawnEval(other, 'f.(2)', new Map([['f', copy]]));
    advanceAndRun(other.clock, 10, other.node);
    expect(call.result?.type === 'done' && call.result.value).toBe(42);
  });

  it('keeps multi-clause funs, guards, strings and floats', () => {
    const { fun, t } = makeFun('s = "hi"; fn 0 -> {s, 1.5}; n when n > 0 -> n * 2.0 end');
    const copy = funFromWire(funToWire(fun, t.rt)!.freeVars, langNode().rt);
    const other = langNode();
    const call = spawnEval(other, '{f.(0), f.(3)}', new Map([['f', copy]]));
    advanceAndRun(other.clock, 10, other.node);
    expect(call.result?.type === 'done' && inspect(call.result.value)).toBe('{{"hi", 1.5}, 6.0}');
  });

  it('turns calls to its own module into remote calls', () => {
    const t = langNode();
    evalText(t, 'defmodule Here do\n def double(x), do: x * 2\n def f, do: fn y -> double(y) end\nend');
    const ev = spawnEval(t, 'Here.f()');
    advanceAndRun(t.clock, 10, t.node);
    const fun = (ev.result as { value: Fun }).value;
    const other = langNode();
    const copy = funFromWire(funToWire(fun, t.rt)!.freeVars, other.rt);
    // The other node lacks the module: the call fails there as on BEAM.
    const call = spawnEval(other, 'f.(2)', new Map([['f', copy]]));
    advanceAndRun(other.clock, 10, other.node);
    expect(call.result?.type).toBe('error');
    evalText(other, 'defmodule Here do\n def double(x), do: x * 2\nend');
    const again = spawnEval(other, 'f.(2)', new Map([['f', copy]]));
    advanceAndRun(other.clock, 10, other.node);
    expect(again.result?.type === 'done' && again.result.value).toBe(4);
  });

  it('rejects malformed payloads with an error, never a crash of the node', () => {
    const rt = langNode().rt;
    expect(() => funFromWire([], rt)).toThrow('bad fun payload');
    expect(() => funFromWire([1, 2, 3], rt)).toThrow('bad fun payload');
  });
});
