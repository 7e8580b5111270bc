/** The execution model's promises (preemptible, tail calls in constant space, deep recursion without the JS stack: ARCHITECTURE.md), each proven on a real node. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runAll, advanceAndRun } from '../runtime/testing.ts';
import { atom, type Pid } from '../term/types.ts';
import { langNode, spawnEval, resultText, evalText } from './vm-test-helpers.ts';

describe('preemption', () => {
  it('a fun that loops forever is preempted, others keep running, and Process.exit(pid, :kill) stops it', () => {
    const t = langNode();
    const looper = spawnEval(t, 'loop = fn f -> f.(f) end; loop.(loop)');
    // Run a bounded number of slices: the runaway process must give the CPU back each time.
    for (let i = 0; i < 50; i++) t.node.runSlice();
    expect(looper.result).toBeNull();
    const other = spawnEval(t, '1 + 1');
    for (let i = 0; i < 50 && other.result === null; i++) t.node.runSlice();
    expect(resultText(other)).toBe('2');
    const pid = looper.proc?.self as Pid;
    expect(t.node.isAlive(pid)).toBe(true);
    const killer = spawnEval(t, 'Process.exit(p, :kill)', new Map([['p', pid]]));
    for (let i = 0; i < 50 && killer.result === null; i++) t.node.runSlice();
    expect(resultText(killer)).toBe('true');
    t.node.runSlice();
    expect(t.node.isAlive(pid)).toBe(false);
  });

  it('spawn(fn -> loop.(loop) end) from Elixir is preempted and killable', () => {
    const t = langNode();
    const ev = spawnEval(t, 'loop = fn f -> f.(f) end; pid = spawn(fn -> loop.(loop) end); Process.alive?(pid)');
    for (let i = 0; i < 20; i++) t.node.runSlice();
    expect(resultText(ev)).toBe('true');
    const pid = ev.bindings.get('pid') as Pid;
    for (let i = 0; i < 20; i++) t.node.runSlice();
    expect(t.node.isAlive(pid)).toBe(true);
    const killer = spawnEval(t, 'Process.exit(p, :kill)', new Map([['p', pid]]));
    for (let i = 0; i < 20 && killer.result === null; i++) t.node.runSlice();
    t.node.runSlice();
    expect(t.node.isAlive(pid)).toBe(false);
  });
});

describe('frames', () => {
  it('a receive loop recursing 1,000,000 times runs in constant frame space', () => {
    const t = langNode();
    const src = `
      defmodule Counter do
        def loop(0), do: :done
        def loop(n) do
          receive do
            :tick -> loop(n - 1)
          after
            0 -> loop(n - 1)
          end
        end
      end
      Counter.loop(1_000_000)`;
    const ev = spawnEval(t, src);
    runAll([t.node]);
    expect(resultText(ev)).toBe(':done');
    expect(ev.machine.maxDepth).toBeLessThanOrEqual(2);
  });

  it('a tail-recursive fun loop stays flat too', () => {
    const t = langNode();
    const ev = spawnEval(t, 'count = fn f, 0 -> :ok; f, n -> f.(f, n - 1) end; count.(count, 1_000_000)');
    runAll([t.node]);
    expect(resultText(ev)).toBe(':ok');
    expect(ev.machine.maxDepth).toBeLessThanOrEqual(2);
  });

  it('non-tail recursion 100,000 deep works (no JS stack overflow)', () => {
    const t = langNode();
    const src = `
      defmodule Sum do
        def sum([h | t]), do: h + sum(t)
        def sum([]), do: 0
      end
      Sum.sum(Enum.to_list(1..100_000))`;
    const ev = spawnEval(t, src);
    runAll([t.node]);
    expect(resultText(ev)).toBe('5000050000');
    expect(ev.machine.maxDepth).toBeGreaterThanOrEqual(100_000);
  });
});

describe('receive', () => {
  it('suspends with wait, and resumes exactly where it was when a message arrives', () => {
    const t = langNode();
    const ev = spawnEval(t, 'x = 10; y = receive do {:add, n} -> x + n end; y * 2');
    runAll([t.node]);
    expect(ev.result).toBeNull();
    t.node.send(ev.proc?.self as Pid, atom('other'));
    runAll([t.node]);
    expect(ev.result).toBeNull();
    const sender = spawnEval(t, 'send(p, {:add, 5})', new Map([['p', ev.proc?.self as Pid]]));
    runAll([t.node]);
    expect(resultText(sender)).toBe('{:add, 5}');
    expect(resultText(ev)).toBe('30');
  });

  it('after uses the injected clock', () => {
    const t = langNode();
    const ev = spawnEval(t, 'receive do :never -> 1 after 2000 -> :timeout end');
    advanceAndRun(t.clock, 1999, t.node);
    expect(ev.result).toBeNull();
    advanceAndRun(t.clock, 1, t.node);
    expect(resultText(ev)).toBe(':timeout');
  });

  it('Process.sleep blocks on the clock', () => {
    const t = langNode();
    const ev = spawnEval(t, 'Process.sleep(500); :woke');
    advanceAndRun(t.clock, 499, t.node);
    expect(ev.result).toBeNull();
    advanceAndRun(t.clock, 1, t.node);
    expect(resultText(ev)).toBe(':woke');
  });

  it('selective receive takes the first matching message and keeps the others in order', () => {
    expect(
      evalText(langNode(), 'send(self(), :a); send(self(), :b); send(self(), :c); x = receive do :b -> :got_b end; y = receive do m -> m end; z = receive do m -> m end; {x, y, z}'),
    ).toBe('{:got_b, :a, :c}');
  });
});

describe('no eval', () => {
  it('no eval( or new Function( anywhere in src/', () => {
    const root = join(__dirname, '..', '..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts')) {
          const text = readFileSync(p, 'utf8');
          if (/\beval\s*\(|new\s+Function\s*\(/.test(text)) offenders.push(p);
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
