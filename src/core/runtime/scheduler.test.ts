import { describe, expect, it } from 'vitest';
import type { ProcessBody, RunResult } from './process-body.ts';
import type { ProcessApi } from './process-api.ts';
import { testNode } from './test-helpers.ts';
import { loopBody } from './bodies.ts';

/** A runaway loop: never waits, always uses its whole budget. */
function spinner(log: string[], name: string): ProcessBody {
  return {
    run(_proc: ProcessApi, budget: number): RunResult {
      log.push(`${name}:${budget}`);
      return { type: 'yield', reductions: budget };
    },
  };
}

describe('scheduler', () => {
  it('runs ready processes round-robin, each up to its budget, within the slice budget', () => {
    const { node } = testNode();
    const log: string[] = [];
    node.spawn(spinner(log, 'a'));
    node.spawn(spinner(log, 'b'));
    expect(node.runSlice(10_000)).toBe(true);
    // each process gets at most 4,000 (CONTEXT_REDS); the last one gets what is left
    expect(log).toEqual(['a:4000', 'b:4000', 'a:2000']);
    log.length = 0;
    node.runSlice(8000);
    expect(log).toEqual(['b:4000', 'a:4000']);
  });

  it('preempts a runaway process so that others still run', () => {
    const { node } = testNode();
    const log: string[] = [];
    node.spawn(spinner([], 'x'));
    const seen: number[] = [];
    const echo = node.spawn(loopBody(null, (m) => (seen.push(m as number), null)));
    node.send(echo, 1);
    node.runSlice();
    node.runSlice();
    expect(seen).toEqual([1]);
    expect(node.hasWork()).toBe(true); // the spinner is still runnable
    expect(log).toEqual([]);
  });

  it('honours a per-process budget option and counts reductions', () => {
    const { node } = testNode({ processBudget: 100 });
    const log: string[] = [];
    const pid = node.spawn(spinner(log, 'a'));
    node.runSlice(250);
    expect(log).toEqual(['a:100', 'a:100', 'a:50']);
    expect(node.info(pid)?.reductions).toBe(250);
  });

  it('returns false when no process is ready, and runUntilIdle stops at a budget', () => {
    const { node } = testNode();
    expect(node.runSlice()).toBe(false);
    node.spawn(spinner([], 'a'));
    expect(node.runUntilIdle(12_000)).toBe(12_000);
    expect(node.hasWork()).toBe(true);
  });

  it('a body that throws kills its process, not the scheduler', () => {
    const { node, out } = testNode();
    const pid = node.spawn({
      run(): RunResult {
        throw new Error('bug in a TS body');
      },
    });
    node.runUntilIdle();
    expect(node.isAlive(pid)).toBe(false);
    expect(out.join('')).toContain('{:js_error, "bug in a TS body"}');
  });
});
